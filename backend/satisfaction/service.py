"""Rating use cases: a citizen rates a returned dossier from the app (`rate`), the counter's tablet records one
(`record`, channel kiosk, with the officer); one rating per dossier, kept exactly once under its id."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from backend.accounts import service as accounts
from backend.db import writing
from backend.dossiers import corrections, moves, timeline
from backend.dossiers.series import Buckets, bucket_of
from backend.satisfaction import rules
from backend.satisfaction.errors import AlreadyRated, NotRateable, RatingConflict
from backend.satisfaction.rules import Answers, Channel
from backend.satisfaction.schemas import AnswersIn, RatingIn, RatingOut
from backend.satisfaction.tables import Rating

log = logging.getLogger(__name__)


def _out(row: dict[str, Any], code: str) -> RatingOut:
    return RatingOut(
        rating_id=row["rating_id"],
        code=code,
        channel=row["channel"],
        level=row["level"],
        timeliness=row["timeliness"],
        visits=row["visits"],
        attitude=row["attitude"],
        extra_cost=None if row["extra_cost"] is None else bool(row["extra_cost"]),
        comment=row["comment"],
        rated_at=row["rated_at"],
    )


async def officer_who_returned(dossier_id: int) -> int | None:
    """The officer who handed the result back, as the control slip's last "returned" hand-over names them."""
    handed = [h for h in await timeline.handovers(dossier_id) if h["step"] == "returned"]
    return await accounts.staff_id(handed[-1]["from_user"]) if handed else None


async def _kept(
    row: dict[str, Any],
    rating_id: uuid.UUID,
    answers: Answers,
    *,
    channel: Channel,
    officer: int | None,
    now: dt.datetime,
) -> bool:
    """Inserts the rating; False when another rating of the dossier (or this id) was kept first."""
    rating = Rating(
        rating_id=rating_id,
        dossier=row["id"],
        receiving_unit_code=row["receiving_unit_code"],
        competent_agency_code=row["competent_agency_code"],
        procedure_code=row["procedure_code"],
        channel=channel.value,
        officer=officer,
        level=answers.level.value,
        timeliness=None if answers.timeliness is None else answers.timeliness.value,
        visits=answers.visits,
        attitude=None if answers.attitude is None else answers.attitude.value,
        extra_cost=answers.extra_cost,
        comment=answers.comment,
        rated_at=now,
    )
    async with writing(Rating):  # the rating and its mark on the dossier (the phone's view) together
        inserted = await Rating.insert(rating).on_conflict(action="DO NOTHING").returning(Rating._meta.primary_key)
        if inserted:
            await moves.mark_rated(row["id"], channel.value)
    return bool(inserted)


async def _record(
    row: dict[str, Any],
    rating_id: uuid.UUID,
    answers: Answers,
    *,
    channel: Channel,
    officer: int | None,
    now: dt.datetime,
) -> tuple[RatingOut, bool]:
    for _ in range(2):  # a second pass only when another rating won the race: it is then found
        same = await Rating.select().where(Rating.rating_id == rating_id).first()
        if same is not None:
            if same["dossier"] != row["id"]:
                raise RatingConflict()
            return _out(same, row["code"]), False
        if not rules.rateable(row["status"]):
            raise NotRateable(current=row["status"])
        kept = await Rating.select(Rating.channel).where(Rating.dossier == row["id"]).first()
        if kept is not None:
            raise AlreadyRated(channel=kept["channel"])
        if channel is Channel.APP and officer is None:
            officer = await officer_who_returned(row["id"])
        if await _kept(row, rating_id, answers, channel=channel, officer=officer, now=now):
            log.info("rated", extra={"code": row["code"], "channel": channel.value, "level": answers.level.value})
            found = await Rating.select().where(Rating.rating_id == rating_id).first()
            assert found is not None, "just kept"
            return _out(found, row["code"]), True
    raise AssertionError("a rating that lost its race is found on the second pass")


def answers_of(data: AnswersIn) -> Answers:
    """The answers as sent, checked (InvalidRating, 422, naming each wrong field)."""
    return rules.answers(
        data.level,
        timeliness=data.timeliness,
        visits=data.visits,
        attitude=data.attitude,
        extra_cost=data.extra_cost,
        comment=data.comment,
    )


async def rate(data: RatingIn, now: dt.datetime) -> tuple[RatingOut, bool]:
    """The citizen's rating from the app (their token proves the dossier is theirs), and whether this call kept
    it: a retry under the same id is answered with the rating kept; another rating of the dossier is refused."""
    row = await corrections.owned(data.submission_id, data.access_token)
    return await _record(row, data.rating_id, answers_of(data), channel=Channel.APP, officer=None, now=now)


async def record(
    code: str, rating_id: uuid.UUID, answers: Answers, *, channel: Channel, officer: int | None, now: dt.datetime
) -> tuple[RatingOut, bool]:
    """A rating of the dossier `code` (the counter's tablet: channel kiosk and the officer's account id; the
    caller checks the officer may see the dossier), and whether this call kept it. Build `answers` with
    `rules.answers(...)` (it checks them). Errors: DossierNotFound, NotRateable, AlreadyRated, RatingConflict."""
    return await _record(await moves.current(code), rating_id, answers, channel=channel, officer=officer, now=now)


async def rating_of(code: str) -> RatingOut | None:
    """The dossier's rating, if it has one (DossierNotFound for no such dossier)."""
    row = await moves.current(code)
    found = await Rating.select().where(Rating.dossier == row["id"]).first()
    return None if found is None else _out(found, row["code"])


async def tally(start: dt.datetime, end: dt.datetime, units: list[str]) -> list[dict[str, Any]]:
    """The ratings given from `start` to `end` (excluded), per competent agency (among `units`) and procedure:
    how many, and how many satisfied (very satisfied or satisfied). One range of the index rating_tally."""
    if not units:
        return []
    marks = ", ".join(["{}"] * len(units))
    satisfied = ", ".join(f"'{level.value}'" for level in sorted(rules.SATISFIED))
    sql = f"""
SELECT r.competent_agency_code AS unit, r.procedure_code AS procedure, count(*) AS rated,
  sum(CASE WHEN r.level IN ({satisfied}) THEN 1 ELSE 0 END) AS rated_satisfied
FROM rating r
WHERE r.rated_at >= {{}} AND r.rated_at < {{}} AND r.competent_agency_code IN ({marks})
GROUP BY r.competent_agency_code, r.procedure_code"""  # noqa: S608 (fixed texts; every value is a placeholder)
    rows = await Rating.raw(sql, start, end, *units)
    return [{**r, "rated": int(r["rated"]), "rated_satisfied": int(r["rated_satisfied"])} for r in rows]


async def series(buckets: Buckets, units: list[str]) -> list[dict[str, Any]]:
    """[{bucket, satisfied, n}]: the ratings given in each bucket (by `rated_at`) for the units (their dossier's
    competent agency), satisfied (1: very satisfied or satisfied) or not, as `tally` counts them for Biểu 06."""
    if not units:
        return []
    bucket, args = bucket_of("r.rated_at", buckets)
    levels = ", ".join(["{}"] * len(rules.SATISFIED))
    marks = ", ".join(["{}"] * len(units))
    sql = f"""
SELECT y.bucket, y.satisfied, count(*) AS n FROM (
  SELECT {bucket} AS bucket, CASE WHEN r.level IN ({levels}) THEN 1 ELSE 0 END AS satisfied FROM rating r
  WHERE r.rated_at >= {{}} AND r.rated_at < {{}} AND r.competent_agency_code IN ({marks})
) y GROUP BY y.bucket, y.satisfied"""  # noqa: S608 (fixed texts; every value is a placeholder)
    satisfied = sorted(level.value for level in rules.SATISFIED)
    return list(await Rating.raw(sql, *args, *satisfied, buckets.window.start, buckets.window.end, *units))
