"""Rating-tablet rules with no I/O: how long an invitation waits for the citizen, and how often the tablet asks."""

from __future__ import annotations

import datetime as dt

# The citizen rates right after the return, at the counter: an invitation nobody answered within this time is
# forgotten (the tablet goes back to waiting), so a later citizen never sees an earlier one's dossier.
LIFETIME = dt.timedelta(minutes=10)
POLL_SECONDS = 3  # the tablet asks for an invitation this often (a session is touched at most once a minute)


def expires_at(invited_at: dt.datetime) -> dt.datetime:
    return invited_at + LIFETIME


def open_at(invited_at: dt.datetime, now: dt.datetime) -> bool:
    return invited_at <= now < expires_at(invited_at)
