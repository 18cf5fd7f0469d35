"""Rating rules with no I/O: what is asked (the overall level and the Art 33 points that fit on one phone
screen), which dossiers may be rated, and what "satisfied" means in the statistics."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from backend.satisfaction.errors import InvalidRating

MAX_COMMENT = 1000
MAX_VISITS = 10  # "how many times did you have to come back": 0 to 10 (the phone's stepper stops there)


class Channel(StrEnum):
    """Where the citizen rated: the app, or the counter's rating tablet (Art 31's device)."""

    APP = "app"
    KIOSK = "kiosk"


class Level(StrEnum):
    """The overall level (mức độ hài lòng)."""

    VERY_SATISFIED = "very_satisfied"  # Rất hài lòng
    SATISFIED = "satisfied"  # Hài lòng
    UNSATISFIED = "unsatisfied"  # Chưa hài lòng


class Timeliness(StrEnum):
    """The time taken against the promised date, as the citizen saw it."""

    EARLIER = "earlier"  # sớm hơn ngày hẹn
    ON_TIME = "on_time"  # đúng hẹn
    LATER = "later"  # muộn hơn ngày hẹn


class Attitude(StrEnum):
    """The staff's attitude (thái độ của cán bộ)."""

    GOOD = "good"  # tận tình, chu đáo
    ACCEPTABLE = "acceptable"  # bình thường
    POOR = "poor"  # chưa tốt


# Only a dossier whose result was handed back is rated: a refusal after appraisal is a result too (it reaches
# `returned` through the counter). One refused at intake, withdrawn, stopped or closed got no result to judge.
RATEABLE = frozenset({"returned"})
SATISFIED = frozenset({Level.VERY_SATISFIED, Level.SATISFIED})


@dataclass(frozen=True)
class Answers:
    """What the citizen answered: the level, and each Art 33 point (None: not answered)."""

    level: Level
    timeliness: Timeliness | None = None
    visits: int | None = None
    attitude: Attitude | None = None
    extra_cost: bool | None = None
    comment: str = ""


def _choice(kind: type[StrEnum], value: str | None, name: str, wrong: list[str]) -> Any:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        wrong.append(name)
        return None


def answers(
    level: str,
    *,
    timeliness: str | None = None,
    visits: int | None = None,
    attitude: str | None = None,
    extra_cost: bool | None = None,
    comment: str = "",
) -> Answers:
    """The answers, checked (InvalidRating names every wrong field); the comment's spaces tidied."""
    wrong: list[str] = []
    if level is None:  # the level is the one answer a rating needs
        wrong.append("level")
    chosen = _choice(Level, level, "level", wrong)
    when = _choice(Timeliness, timeliness, "timeliness", wrong)
    how = _choice(Attitude, attitude, "attitude", wrong)
    if visits is not None and not 0 <= visits <= MAX_VISITS:
        wrong.append("visits")
    text = " ".join(comment.split())
    if len(text) > MAX_COMMENT:
        wrong.append("comment")
    if wrong:
        raise InvalidRating(fields=", ".join(wrong), errors=[{"field": name} for name in wrong])
    return Answers(chosen, when, visits, how, extra_cost, text)


def rateable(status: str) -> bool:
    return status in RATEABLE


def satisfied_share(levels: dict[str, int]) -> float | None:
    """The share satisfied, in percent: very satisfied and satisfied over every rating (None: no rating)."""
    total = sum(levels.values())
    if total == 0:
        return None
    return 100.0 * sum(n for level, n in levels.items() if level in SATISFIED) / total
