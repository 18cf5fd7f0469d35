"""What can go wrong with a rating, as domain errors (status, stable code, Vietnamese and English message)."""

from __future__ import annotations

from backend.errors import DomainError


class NotRateable(DomainError):
    """Only a dossier whose result was handed back (status `returned`) is rated."""

    status = 409
    code = "not_rateable"
    message_vi = "Hồ sơ đang ở trạng thái «{current}»: chỉ đánh giá được sau khi đã nhận kết quả."
    message_en = "The dossier is “{current}”: it can be rated only once its result has been handed back."


class AlreadyRated(DomainError):
    """One rating per dossier; the problem carries the channel of the one kept (`app` or `kiosk`)."""

    status = 409
    code = "already_rated"
    message_vi = "Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần."
    message_en = "This dossier has already been rated; each dossier is rated once."


class RatingConflict(DomainError):
    status = 409
    code = "rating_conflict"
    message_vi = "Mã đánh giá này đã được dùng cho một hồ sơ khác."
    message_en = "This rating id was already used for another dossier."


class InvalidRating(DomainError):
    status = 422
    code = "invalid_rating"
    message_vi = "Đánh giá chưa hợp lệ: {fields}."
    message_en = "The rating is not valid: {fields}."
