"""Staff roles and account rules, with no I/O."""

from __future__ import annotations

import re
from enum import StrEnum

USERNAME = re.compile(r"^[a-z0-9._-]{3,40}$")
MIN_PASSWORD_LENGTH = 12


class Role(StrEnum):
    """What a staff member may do at the one-stop counter."""

    OFFICER = "officer"  # cán bộ tiếp nhận và trả kết quả: receives dossiers, returns results
    SPECIALIST = "specialist"  # chuyên viên xử lý: handles a dossier
    LEADER = "leader"  # lãnh đạo: approves, signs
    ADMIN = "admin"  # quản trị: manages accounts and the catalogue


def username_problem(username: str) -> str | None:
    if not USERNAME.match(username):
        return "3-40 characters: lower-case letters, digits, dot, dash or underscore"
    return None


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"at least {MIN_PASSWORD_LENGTH} characters"
    return None
