"""Piccolo tables of staff accounts."""

from piccolo.columns import Boolean, Text, Timestamptz, Varchar
from piccolo.table import Table


class Staff(Table):
    """A member of staff who signs in to the back office. The password is stored as an argon2 hash only."""

    username = Varchar(length=40, unique=True, index=True)
    full_name = Varchar(length=200)
    password_hash = Text()
    role = Varchar(length=20)
    agency_code = Varchar(length=40)
    active = Boolean(default=True)
    created_at = Timestamptz()


TABLES = (Staff,)
