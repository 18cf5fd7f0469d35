"""The seeds' figures as dossiers: every count below is chosen by hand so that the report's totals are the
articles' (../shared/seeds/002 and 000); the comments add them up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.factories import kept, local, resolved

D = dt.date
PHOTO = [{"slot": "to_khai", "sha256": "a" * 64, "size": 1000, "contentType": "image/jpeg"}]


def _late(competent: str, received: dt.datetime, legal: dt.date, new: dt.date, asked: dt.datetime,
          result: dt.datetime, count: int) -> list[dict[str, Any]]:  # fmt: skip
    """Dossiers given a new date by an apology (Mẫu 04) asked at `asked`, resolved at `result`: the appointment
    in force is the new date, the legal one stays among its due dates."""
    deadlines = [("original", legal, received), ("extended", new, asked)]
    return resolved(competent, received, new, result, count, apologies=1, deadlines=deadlines)


REFUSED = {"status": "appraisal_refused", "result_kind": "refused", "returned_at": None}  # after appraisal


def chiem_hoa_quarter() -> list[dict[str, Any]]:
    """Seed 002, 15/12/2023-14/3/2024: 1,373 received, 1,360 resolved (1,350 early or on time, 10 late), 13 in
    progress (12 within, 1 overdue), each late one with an apology; the commune (Phúc Thịnh, here H12.41) 906,
    of them 380 online and 511 in person or by post (and so 15 carried over), all in time."""
    rows: list[dict[str, Any]] = []
    # H12.41, 906 = 15 carried + 380 online + 511 in person or by post; all resolved: 361 early, 545 on time.
    rows += resolved("H12.41", local(2023, 12, 10), D(2023, 12, 18), local(2023, 12, 18, 10), 15)  # on time
    rows += resolved("H12.41", local(2024, 1, 10), D(2024, 1, 17), local(2024, 1, 15), 350, channel="online",
                     attachments=PHOTO)  # early  # fmt: skip
    rows += resolved("H12.41", local(2024, 1, 10), D(2024, 1, 17), local(2024, 1, 17, 11), 30, channel="online",
                     attachments=PHOTO, **REFUSED)  # on time  # fmt: skip
    rows += resolved("H12.41", local(2024, 2, 20), D(2024, 2, 27), local(2024, 2, 27, 15), 500)  # on time
    rows += resolved("H12.41", local(2024, 2, 20), D(2024, 2, 27), local(2024, 2, 22), 11, channel="postal")  # early
    # H12.42, 300 = 200 in person + 100 online; 290 resolved (200 early, 85 on time, 5 late), 10 in progress.
    rows += resolved("H12.42", local(2024, 1, 3), D(2024, 1, 10), local(2024, 1, 8), 150)
    rows += resolved("H12.42", local(2024, 1, 3), D(2024, 1, 10), local(2024, 1, 10, 16), 45)
    # Late against the legal date (10/1) though before the apology's new date (15/1).
    rows += _late("H12.42", local(2024, 1, 3), D(2024, 1, 10), D(2024, 1, 15), local(2024, 1, 9), local(2024, 1, 12), 5)
    rows += resolved("H12.42", local(2024, 3, 1), D(2024, 3, 8), local(2024, 3, 5), 50, channel="online")
    rows += resolved("H12.42", local(2024, 3, 1), D(2024, 3, 8), local(2024, 3, 8, 9), 40, channel="online")
    rows += kept("H12.42", local(2024, 3, 12), D(2024, 3, 19), 8, channel="online", status="in_progress")  # within
    # Waiting for the citizen since 5/3: its count stops, so within though 8/3 has passed.
    rows += kept("H12.42", local(2024, 3, 1), D(2024, 3, 8), channel="online", status="appraisal_supplement",
                 waiting_since=local(2024, 3, 5))  # fmt: skip
    # Overdue: the legal date 8/3 passed; the apology's 20/3 does not make it within.
    rows += kept("H12.42", local(2024, 3, 1), D(2024, 3, 20), channel="online", status="in_progress", apologies=1,
                 deadlines=[("original", D(2024, 3, 8), local(2024, 3, 1)),
                            ("extended", D(2024, 3, 20), local(2024, 3, 7))])  # fmt: skip
    # H12.02, 167 = 7 carried + 150 in person + 10 by post; 164 resolved (100 early, 59 on time, 5 late), 3 within.
    rows += resolved("H12.02", local(2023, 12, 1), D(2023, 12, 20), local(2023, 12, 19), 6)  # early
    # Restarted: the original 8/12 passed, but the count restarted to 28/12 and the result came on 27/12: early.
    rows += resolved("H12.02", local(2023, 12, 1), D(2023, 12, 28), local(2023, 12, 27),
                     deadlines=[("original", D(2023, 12, 8), local(2023, 12, 1)),
                                ("restarted", D(2023, 12, 28), local(2023, 12, 12))])  # fmt: skip
    rows += resolved("H12.02", local(2024, 2, 1), D(2024, 2, 8), local(2024, 2, 6), 93)
    rows += resolved("H12.02", local(2024, 2, 1), D(2024, 2, 8), local(2024, 2, 8, 14), 52)
    rows += _late("H12.02", local(2024, 2, 1), D(2024, 2, 8), D(2024, 2, 14), local(2024, 2, 7), local(2024, 2, 13), 5)
    rows += resolved("H12.02", local(2024, 3, 5), D(2024, 3, 12), local(2024, 3, 12, 10), 7, channel="postal")
    rows += kept("H12.02", local(2024, 3, 12), D(2024, 3, 19), 3, channel="postal", status="in_progress")
    # Outside the quarter: resolved before it, received after it, never received, stopped before it, another
    # province's.
    rows += resolved("H12.41", local(2023, 12, 1), D(2023, 12, 8), local(2023, 12, 5), 20)
    rows += kept("H12.42", local(2024, 3, 15, 0, 0), D(2024, 3, 22), 12)
    rows += kept("H12.41", None, None, 5, channel="online", submitted_at=local(2024, 1, 20))
    rows += kept("H12.02", local(2023, 11, 20), D(2023, 11, 27), 2, status="stopped", stopped_at=local(2023, 12, 1))
    rows += resolved("H13", local(2024, 1, 10), D(2024, 1, 17), local(2024, 1, 20), 4)
    return rows


def nghen_year() -> list[dict[str, Any]]:
    """Seed 000, from the start of 2021 to the end of November: 6,064 received, 6,063 resolved, 1 in progress,
    none late (the town Nghèn, here H12.43)."""
    rows: list[dict[str, Any]] = []
    rows += resolved("H12.43", local(2021, 3, 10), D(2021, 3, 17), local(2021, 3, 16), 4000)  # early
    rows += resolved("H12.43", local(2021, 8, 2), D(2021, 8, 9), local(2021, 8, 9, 10), 2063, channel="online")
    rows += kept("H12.43", local(2021, 11, 29), D(2021, 12, 6), status="in_progress")  # 4000 + 2063 + 1 = 6064
    rows += resolved("H12.43", local(2020, 12, 20), D(2020, 12, 28), local(2020, 12, 28), 30)  # before
    rows += kept("H12.43", local(2021, 12, 1, 8), D(2021, 12, 8), 10)  # after
    return rows
