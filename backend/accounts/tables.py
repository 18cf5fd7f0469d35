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
    # A demo account (tài khoản minh họa) lives only while the demo catalogue is loaded, never as admin.
    demo = Boolean(default=False)


TABLES = (Staff,)
