"""Biểu 06/VPCP/KSTT with no I/O: who may see which unit's report, and the report's rows (province, then each
commune and department beneath, then fields and procedures) summed from the database's counts.

How each dossier is counted is written once, in `backend.dossiers.tally` (the SQL that counts them), and
printed for staff in the README's "Statistics" section.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, Protocol

from backend.errors import DomainError

COMPETENT_KINDS = ("province", "department", "vertical", "commune")  # who decides, so who is reported on
RECEIVING_KINDS = ("centre", "reception_point")


class Detail(StrEnum):
    """How far down the report goes beneath each unit."""

    UNIT = "unit"
    FIELD = "field"  # lĩnh vực
    PROCEDURE = "procedure"  # thủ tục


@dataclass
class Figures:
    """The columns of one row, in "số hồ sơ"; totals are sums of their parts (3 = 4 + 5 + 6, 7 = 8 + 9 + 10,
    11 = 12 + 13); waiting for the citizen is a part of in progress within the deadline."""

    received_online: int = 0
    received_in_person: int = 0  # in person or by post
    carried_over: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    in_progress_within: int = 0
    in_progress_overdue: int = 0
    waiting_for_citizen: int = 0
    returned_or_withdrawn: int = 0
    apologies: int = 0
    received_scanned: int = 0  # newly received with their documents scanned or photographed (QĐ 766)
    # Citizens' ratings given in the period (Decree 118/2025 Art 29-34), and those very satisfied or satisfied.
    rated: int = 0
    rated_satisfied: int = 0

    @property
    def received(self) -> int:
        return self.received_online + self.received_in_person + self.carried_over

    @property
    def received_new(self) -> int:
        return self.received_online + self.received_in_person

    @property
    def resolved(self) -> int:
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def in_progress(self) -> int:
        return self.in_progress_within + self.in_progress_overdue

    @property
    def satisfaction_rate(self) -> float | None:
        """Very satisfied and satisfied, of every rating given in the period (None: no rating)."""
        return share(self.rated_satisfied, self.rated)

    def add(self, other: Figures) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> Figures:
        return cls(**{f.name: int(row.get(f.name, 0)) for f in fields(cls)})


FIGURE_NAMES = tuple(f.name for f in fields(Figures))


class UnitLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def parent(self) -> str | None: ...


class StatisticsForbidden(DomainError):
    status = 403
    code = "statistics_unit_forbidden"
    message_vi = "Bạn chỉ xem được số liệu của đơn vị mình và các đơn vị trực thuộc."
    message_en = "You may see the figures of your own unit and the units beneath it only."


class UnitUnknown(DomainError):
    status = 422
    code = "statistics_unit_unknown"
    message_vi = "Không có cơ quan giải quyết thủ tục hành chính mã «{unit}»."
    message_en = "There is no agency deciding procedures with the code “{unit}”."


class DetailInvalid(DomainError):
    status = 422
    code = "statistics_detail_invalid"
    message_vi = "Mức chi tiết phải là «unit», «field» hoặc «procedure»."
    message_en = "The detail must be “unit”, “field” or “procedure”."


def home_unit(by_code: Mapping[str, UnitLike], agency: str) -> str:
    """The unit whose figures a staff member's agency answers for: itself when it decides procedures, else
    (a centre or reception point) the commune or province it serves."""
    seen: set[str] = set()
    unit = by_code.get(agency)
    while unit is not None and unit.kind in RECEIVING_KINDS and unit.code not in seen:
        seen.add(unit.code)
        unit = by_code.get(unit.parent or "")
    return unit.code if unit is not None else agency


def beneath(by_code: Mapping[str, UnitLike], root: str) -> list[str]:
    """The deciding units under `root` (the departments, agencies and communes of a province), by code."""
    children: dict[str, list[str]] = {}
    for unit in by_code.values():
        children.setdefault(unit.parent or "", []).append(unit.code)
    out: list[str] = []
    stack = sorted(children.get(root, []), reverse=True)
    while stack:
        code = stack.pop()
        if code in out or code == root:
            continue
        if by_code[code].kind in COMPETENT_KINDS:
            out.append(code)
        stack.extend(sorted(children.get(code, []), reverse=True))
    return out


def scope(by_code: Mapping[str, UnitLike], staff_agency: str, asked: str | None) -> tuple[str, list[str]]:
    """The unit reported on and every deciding unit it covers (itself first): a staff member sees their own
    unit's figures and those of the units beneath it (a province's staff, the whole province)."""
    home = home_unit(by_code, staff_agency)
    unit = asked or home
    known = by_code.get(unit)
    if known is None or known.kind not in COMPETENT_KINDS:
        raise UnitUnknown(unit=unit)
    if unit != home and unit not in beneath(by_code, home):
        raise StatisticsForbidden()
    return unit, [unit, *beneath(by_code, unit)]


@dataclass(frozen=True)
class Line:
    """One row of the report: its depth (0 the unit reported on), what it is and its figures."""

    depth: int
    kind: str  # "unit", "field" or "procedure"
    code: str
    name_vi: str
    name_en: str
    figures: Figures


@dataclass(frozen=True)
class Names:
    """What the rows are called: units by code, and each procedure's (field code, field position)."""

    units: Mapping[str, tuple[str, str]]
    fields: Mapping[str, tuple[str, str, int]]  # field code -> (vi, en, position)
    procedures: Mapping[str, tuple[str, str, str]]  # procedure code -> (vi, en, field code)


OTHER_FIELD = "khac"  # procedures no longer in the catalogue


def _sum(rows: Iterable[Mapping[str, Any]]) -> Figures:
    total = Figures()
    for row in rows:
        total.add(Figures.of(row))
    return total


def _lines_under(rows: Sequence[Mapping[str, Any]], depth: int, detail: Detail, names: Names) -> list[Line]:
    """Fields (then procedures) of one unit's counts, in the catalogue's order of fields."""
    if detail == Detail.UNIT:
        return []
    by_field: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        field = names.procedures.get(row["procedure"], ("", "", OTHER_FIELD))[2]
        by_field.setdefault(field, []).append(row)
    out: list[Line] = []
    for field in sorted(by_field, key=lambda f: (names.fields.get(f, ("", "", 10**6))[2], f)):
        vi, en, _ = names.fields.get(field, ("Lĩnh vực khác", "Other fields", 0))
        out.append(Line(depth, "field", field, vi, en, _sum(by_field[field])))
        if detail == Detail.PROCEDURE:
            for row in sorted(by_field[field], key=lambda r: r["procedure"]):
                p_vi, p_en, _ = names.procedures.get(row["procedure"], (row["procedure"], row["procedure"], ""))
                out.append(Line(depth + 1, "procedure", row["procedure"], p_vi, p_en, Figures.of(row)))
    return out


def report_lines(
    unit: str, covered: Sequence[str], rows: Sequence[Mapping[str, Any]], detail: Detail, names: Names
) -> list[Line]:
    """The unit's total first; for a unit with others beneath (a province), each of them after it (zeros
    included: every commune is on the report), each followed by its fields or procedures."""
    by_unit: dict[str, list[Mapping[str, Any]]] = {code: [] for code in covered}
    for row in rows:
        by_unit.setdefault(row["unit"], []).append(row)
    vi, en = names.units.get(unit, (unit, unit))
    total = Line(0, "unit", unit, vi, en, _sum(rows))
    if len(covered) == 1:
        return [total, *_lines_under(by_unit[unit], 1, detail, names)]
    out = [total]
    for code in covered:
        u_vi, u_en = names.units.get(code, (code, code))
        out.append(Line(1, "unit", code, u_vi, u_en, _sum(by_unit[code])))
        out.extend(_lines_under(by_unit[code], 2, detail, names))
    return out


def share(part: int, whole: int) -> float | None:
    """A percentage with one decimal, None when there is nothing to share."""
    return None if whole == 0 else round(100 * part / whole, 1)


def with_ratings(rows: Sequence[Mapping[str, Any]], ratings: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The dossiers' counts per unit and procedure with the ratings given in the period beside them; a unit and
    procedure rated in the period with no dossier counted in it gets a row of its own (zeros, and its ratings)."""
    out = {(r["unit"], r["procedure"]): {**r, "rated": 0, "rated_satisfied": 0} for r in rows}
    for r in ratings:
        row = out.setdefault((r["unit"], r["procedure"]), {"unit": r["unit"], "procedure": r["procedure"]})
        row["rated"] = int(r["rated"])
        row["rated_satisfied"] = int(r["rated_satisfied"])
    return list(out.values())


def per_unit(covered: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> dict[str, Figures]:
    """Each covered unit's own figures (zeros for a unit with no dossier)."""
    out = {code: Figures() for code in covered}
    for row in rows:
        out.setdefault(row["unit"], Figures()).add(Figures.of(row))
    return out


def score(shares: Sequence[float | None]) -> float | None:
    """The mean of the shares a unit has (those with nothing to share left out), one decimal; None if none."""
    known = [s for s in shares if s is not None]
    return None if not known else round(sum(known) / len(known), 1)


def rank(codes: Sequence[str], shares: Sequence[Sequence[float | None]]) -> list[tuple[int, str, float | None]]:
    """(rank, code, score), best score first; equal scores share a rank (1, 2, 2, 4), the unscored come last
    (sharing the last rank), ties in code order."""
    scores = [score(s) for s in shares]
    scored = sorted(zip(codes, scores, strict=True), key=lambda p: (p[1] is None, -(p[1] or 0), p[0]))
    out: list[tuple[int, str, float | None]] = []
    for position, (code, value) in enumerate(scored, start=1):
        same = out and out[-1][2] == value
        out.append((out[-1][0] if same else position, code, value))
    return out
