"""What can go wrong at the rating tablet, as domain errors (status, stable code, Vietnamese and English message)."""

from __future__ import annotations

from backend.errors import DomainError


class NoInvitation(DomainError):
    """The tablet records only the dossier its officer invited the citizen to rate, while the invitation is open."""

    status = 409
    code = "no_rating_invitation"
    message_vi = "Chưa có lời mời đánh giá hồ sơ này, hoặc lời mời đã hết hạn; mời cán bộ mời đánh giá lại."
    message_en = "There is no invitation to rate this dossier, or it has expired; ask the officer to invite again."
