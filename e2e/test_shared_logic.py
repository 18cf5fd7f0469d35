"""The phone judges as the server does: search, appointment dates and form checks, run offline in Chromium.
The PWA's shared modules (pwa/src/shared) meet the same vectors as the Python code, and its exact answers."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from backend.catalogue.datafiles import CatalogueData, load_catalogue
from backend.catalogue.forms import check_answers, validate_answers
from backend.catalogue.search import SearchEntry, fold, make_entry, search
from backend.settings import DEMO_CATALOGUE_DIR

ROOT = Path(__file__).resolve().parent.parent
PWA = ROOT / "pwa"
HARNESS = PWA / "dist-vectors" / "harness.js"
VECTORS_DIR = ROOT / "tests" / "vectors"
TODAY = dt.date(2026, 11, 23)


def _vectors(name: str) -> Any:
    return json.loads((VECTORS_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def harness() -> Path:
    """pwa/vectors/harness.ts built on its own (vite.vectors.config.ts): the shared modules as one script."""
    subprocess.run(["npx", "vite", "build", "--config", "vite.vectors.config.ts"], cwd=PWA, check=True)
    return HARNESS


@pytest.fixture
def shared(page: Page, harness: Path) -> Page:
    """A blank page with `globalThis.motcuaShared`, and no server: the logic must work offline."""
    page.set_content("<!doctype html><meta charset=utf-8>")
    page.add_script_tag(path=str(harness))
    return page


@functools.cache
def _demo() -> CatalogueData:
    """The demo catalogue, loaded as tests/factories.py does (e2e/ runs without the `tests` package)."""
    return load_catalogue(DEMO_CATALOGUE_DIR)


def _procedures() -> list[dict[str, Any]]:
    """The demo catalogue as the search vectors see it (name_en and result as other texts)."""
    data = _demo()
    ranks = {f.code: i for i, f in enumerate(data.fields)}
    return [
        {
            "code": p.code,
            "name_vi": p.name.vi,
            "name_en": p.name.en,
            "result": p.result,
            "field": p.field,
            "level": p.level,
            "fieldRank": ranks.get(p.field, 0),
        }
        for p in data.procedures
    ]


SEARCH_IN_BROWSER = """([procedures, queries]) => {
  const { makeEntry, search } = globalThis.motcuaShared;
  const entries = procedures.map((p) =>
    makeEntry(p.code, p.name_vi, [p.name_en, p.result], p.field, p.level, p.fieldRank));
  return queries.map(([q, field, level]) => search(entries, q, { field, level }).map((e) => e.code));
}"""


def _search_in_browser(page: Page, queries: list[tuple[str, str | None, str | None]]) -> list[list[str]]:
    return page.evaluate(SEARCH_IN_BROWSER, [_procedures(), queries])


def _entry(p: dict[str, Any]) -> SearchEntry:
    return make_entry(
        p["code"], p["name_vi"], [p["name_en"], p["result"]], p["field"], p["level"], field_rank=p["fieldRank"]
    )


def _search_in_python(queries: list[tuple[str, str | None, str | None]]) -> list[list[str]]:
    entries = [_entry(p) for p in _procedures()]
    return [[e.code for e in search(entries, q, field=field, level=level)] for q, field, level in queries]


VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
FOLD_SAMPLES = [
    VIETNAMESE,
    VIETNAMESE.upper(),
    "Đăng ký khai sinh, Thủ tục 1.001193.",
    "Vie\u0323\u0302t Nam",  # already decomposed: e with dot below and circumflex
    "  nhiều   khoảng   trắng ",
    "a\u034fb a\u0903b a\u0483b a\u20ddb",  # class-0 marks split words; other marks vanish, as in Python
    "١٢٣.٤ 𝟏𝟐 İstanbul Kelvin\u212a Å",
    "",
]


def test_folding_matches_the_server_for_every_vietnamese_letter(shared: Page) -> None:
    samples = [*FOLD_SAMPLES, *VIETNAMESE, *VIETNAMESE.upper()]
    got = shared.evaluate("(texts) => texts.map(globalThis.motcuaShared.fold)", samples)
    assert got == [fold(text) for text in samples]


@pytest.mark.parametrize("vector", _vectors("search.json"), ids=lambda v: v["query"])
def test_search_vectors_give_the_same_results_in_the_browser(shared: Page, vector: dict[str, Any]) -> None:
    [found] = _search_in_browser(shared, [(vector["query"], None, None)])
    if "first" in vector:
        assert found[:1] == [vector["first"]], found
    for code in vector.get("includes", []):
        assert code in found
    for code in vector.get("excludes", []):
        assert code not in found


def test_search_ranks_and_browses_exactly_as_the_server(shared: Page) -> None:
    queries: list[tuple[str, str | None, str | None]] = [(v["query"], None, None) for v in _vectors("search.json")]
    queries += [
        ("", None, None),
        ("", "chung-thuc", None),
        ("", None, "province"),
        ("dang", "ho-tich", "commune"),
        ("1.00", None, None),
        ("ban", None, None),
        ("khai sinh xe máy", None, None),
    ]
    assert _search_in_browser(shared, queries) == _search_in_python(queries)


def _forms() -> dict[str, Any]:
    return {p.code: p.form for p in _demo().procedures}


VALIDATE_IN_BROWSER = """([forms, vectors, today]) => vectors.map((v) =>
  globalThis.motcuaShared.validateAnswers(forms[v.procedure], v.answers, today))"""


def test_form_vectors_give_the_same_errors_in_the_browser(shared: Page) -> None:
    vectors = _vectors("form_answers.json")
    results = shared.evaluate(VALIDATE_IN_BROWSER, [_forms(), vectors, TODAY.isoformat()])
    for vector, errors in zip(vectors, results, strict=True):
        got = sorted((e["path"], e["code"]) for e in errors)
        assert got == sorted((e["path"], e["code"]) for e in vector["errors"]), vector["description"]


def test_form_errors_come_in_form_order_with_the_servers_messages(shared: Page) -> None:
    vectors = _vectors("form_answers.json")
    forms = _forms()
    results = shared.evaluate(VALIDATE_IN_BROWSER, [forms, vectors, TODAY.isoformat()])
    for vector, errors in zip(vectors, results, strict=True):
        expected = validate_answers(forms[vector["procedure"]], vector["answers"], TODAY)
        got = [(e["path"], e["code"], e["message"]["vi"], e["message"]["en"]) for e in errors]
        assert got == [(e.path, e.code, e.message_vi, e.message_en) for e in expected], vector["description"]


TIDY_IN_BROWSER = """([forms, cases]) => cases.map((c) => {
  const answers = structuredClone(c.answers);
  return {
    kept: globalThis.motcuaShared.tidyAnswers(forms[c.procedure], answers),
    errors: globalThis.motcuaShared.validateAnswers(forms[c.procedure], answers, "2026-11-23"),
  };
})"""


def test_answer_text_cases_are_tidied_and_judged_as_the_server_does(shared: Page) -> None:
    """tests/vectors/answer_text.json: each text typed into valid answers is kept, and refused, alike."""
    forms, cases, vectors = _forms(), _vectors("answer_text.json"), _vectors("form_answers.json")
    for case in cases:
        # Each case on a fresh copy of the procedure's first valid vector, as tests/factories.py does.
        valid = next(v for v in vectors if v["procedure"] == case["procedure"] and not v["errors"])
        section, name = case["path"].split(".")
        case["answers"] = copy.deepcopy(valid["answers"])
        case["answers"].setdefault(section, {})[name] = case["typed"]
    results = shared.evaluate(TIDY_IN_BROWSER, [forms, cases])
    for case, result in zip(cases, results, strict=True):
        expected = check_answers(forms[case["procedure"]], case["answers"], TODAY)
        section, name = case["path"].split(".")
        assert result["kept"] == expected.answers, case["description"]
        assert result["kept"][section].get(name) == case["kept"], case["description"]
        got = [(e["path"], e["code"], e["message"]["vi"], e["message"]["en"]) for e in result["errors"]]
        assert got == [(e.path, e.code, e.message_vi, e.message_en) for e in expected.errors], case["description"]
        assert [e[:2] for e in got] == ([(case["path"], case["error"])] if case["error"] else []), case["description"]


def test_an_error_message_names_the_field_in_vietnamese(shared: Page) -> None:
    form = _forms()["1.001193"]
    child = next(s for s in form["ui"]["sections"] if s["key"] == "child")
    label = next(f["label"]["vi"] for f in child["fields"] if f["key"] == "full_name")
    answers = {"child": {"full_name": "A"}}
    errors = shared.evaluate(
        "([form, answers]) => globalThis.motcuaShared.validateAnswers(form, answers, '2026-11-23')", [form, answers]
    )
    short = next(e for e in errors if e["path"] == "child.full_name")
    assert short["code"] == "too_short"
    assert label in short["message"]["vi"]


APPOINTMENTS_IN_BROWSER = """([api, vectors]) => {
  const { calendarFrom, appointmentDate } = globalThis.motcuaShared;
  const calendar = calendarFrom(api);
  return vectors.map((v) => appointmentDate(new Date(v.receivedAt), v.workingDays, calendar, null, v.cutoff));
}"""


def test_appointment_vectors_give_the_same_dates_in_the_browser(shared: Page) -> None:
    vectors = _vectors("appointments.json")
    got = shared.evaluate(APPOINTMENTS_IN_BROWSER, [_vectors("calendar.json"), vectors])
    assert got == [v["appointment"] for v in vectors]


def test_the_receipt_on_the_phone_writes_dates_as_the_counters_paper(shared: Page) -> None:
    """tests/vectors/paper_dates.json (hand-written, Decree 30/2020): the server's papers meet it too."""
    vectors = _vectors("paper_dates.json")
    got = shared.evaluate(
        "(dates) => dates.map((d) => globalThis.motcuaShared.dateInWords(...d.split('-').map(Number)))",
        [v["date"] for v in vectors],
    )
    assert got == [v["words"] for v in vectors]


def test_a_receipt_outside_the_published_years_is_refused(shared: Page) -> None:
    outside = [{"receivedAt": "2028-01-03T09:00:00+07:00", "workingDays": 1, "appointment": None}]
    with pytest.raises(Exception, match="CalendarError"):
        shared.evaluate(APPOINTMENTS_IN_BROWSER, [_vectors("calendar.json"), outside])


WORKING_HOURS_IN_BROWSER = """([api, vectors]) => {
  const s = globalThis.motcuaShared;
  const calendar = s.calendarFrom(api);
  const at = (text) => (text ? new Date(text) : null);
  return vectors.map((v) => {
    const office = s.officeHoursOf(calendar, v.agency);
    switch (v.op) {
      case "add": return s.addWorkingMinutes(at(v.start), v.minutes, calendar, office).toISOString();
      case "between": return s.workingMinutesBetween(at(v.from), at(v.to), calendar, office);
      case "band": return s.deadlineBand(at(v.now), at(v.start), at(v.due), calendar, office);
      case "withinDay": return s.isDueWithinOneWorkingDay(at(v.now), at(v.due), calendar, office);
      case "openedLate": return s.openedLate(at(v.arrived), at(v.opened), at(v.now), calendar, office);
    }
    throw new Error(v.op);
  });
}"""


def _expected_working_hours(vector: dict[str, Any]) -> Any:
    """The vector's answer, an instant written as the browser's toISOString() writes it (UTC, milliseconds)."""
    if vector["op"] == "add":
        return dt.datetime.fromisoformat(vector["due"]).astimezone(dt.UTC).isoformat(timespec="milliseconds")[:-6] + "Z"
    return {"between": vector.get("minutes"), "band": vector.get("band")}.get(vector["op"], vector.get("expect"))


def test_working_hours_vectors_give_the_same_answers_in_the_browser(shared: Page) -> None:
    """tests/vectors/working_hours.json, hand-derived, on calendar.json with the vectors' synthetic agencies."""
    file = _vectors("working_hours.json")
    api = _vectors("calendar.json")
    api["officeHours"]["byAgency"] = file["byAgency"]
    got = shared.evaluate(WORKING_HOURS_IN_BROWSER, [api, file["vectors"]])
    for vector, answer in zip(file["vectors"], got, strict=True):
        assert answer == _expected_working_hours(vector), vector["why"]


def test_a_calendar_cached_before_lunch_breaks_were_published_still_counts(shared: Page) -> None:
    """A phone may hold GET /api/calendar from an older server: {opens, closes} only, so no lunch break."""
    api = _vectors("calendar.json")
    api["officeHours"] = {"opens": "07:30", "closes": "17:00"}
    vector = {"op": "add", "start": "2026-12-07T11:00:00+07:00", "minutes": 120}
    [due] = shared.evaluate(WORKING_HOURS_IN_BROWSER, [api, [vector]])
    assert due == "2026-12-07T06:00:00.000Z"  # 13:00 in Vietnam: straight through the lunch hour


@pytest.mark.parametrize("zone", ["America/New_York", "Australia/Lord_Howe"])
def test_working_hours_do_not_depend_on_the_phones_time_zone(browser: Browser, harness: Path, zone: str) -> None:
    """A phone set to a zone with daylight saving (Lord Howe moves by half an hour) reads Vietnam's clock."""
    context = browser.new_context(timezone_id=zone)
    page = context.new_page()
    page.set_content("<!doctype html><meta charset=utf-8>")
    page.add_script_tag(path=str(harness))
    file = _vectors("working_hours.json")
    api = _vectors("calendar.json")
    api["officeHours"]["byAgency"] = file["byAgency"]
    got = page.evaluate(WORKING_HOURS_IN_BROWSER, [api, file["vectors"]])
    context.close()
    assert got == [_expected_working_hours(v) for v in file["vectors"]]


def test_the_phone_counts_an_appointment_from_the_agencys_own_closing_time(shared: Page) -> None:
    api = _vectors("calendar.json")
    api["officeHours"]["byAgency"] = _vectors("working_hours.json")["byAgency"]
    got = shared.evaluate(
        """([api, agencies]) => {
          const { calendarFrom, appointmentDate } = globalThis.motcuaShared;
          const calendar = calendarFrom(api);
          return agencies.map((a) => appointmentDate(new Date("2026-12-07T16:30:00+07:00"), 0, calendar, a));
        }""",
        [api, ["TEST.LIENTUC", None]],
    )
    # TEST.LIENTUC closes at 16:00, so 16:30 Monday counts from Tuesday; everyone else closes at 17:00.
    assert got == ["2026-12-08", "2026-12-07"]
