"""Piccolo tables of staff accounts and their signed-in sessions: the only place that knows their column
names."""

from piccolo.columns import Boolean, ForeignKey, OnDelete, Text, Timestamptz, Varchar
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
    # Set by an administrator's password reset: the temporary password must be replaced before any work.
    must_change_password = Boolean(default=False)
    last_login_at = Timestamptz(null=True, default=None)


class StaffSession(Table, tablename="staff_session"):
    """A signed-in browser. Only a hash of the session id (the cookie) is stored: a copy of this table
    opens no session. Shared by every process, so any of them can serve any request."""

    id_hash = Varchar(length=64, unique=True, index=True)
    staff = ForeignKey(references=Staff, on_delete=OnDelete.cascade, null=False, index=True)
    csrf_token = Varchar(length=64)
    created_at = Timestamptz()
    last_seen_at = Timestamptz()
    expires_at = Timestamptz(index=True)  # the absolute end: created_at + MOTCUA_STAFF_SESSION_HOURS


TABLES = (Staff, StaffSession)
