"""Upload quotas per client address, shared by every process: requests per minute, and bytes of new files
per day, so that nobody can fill the disk anonymously; a retry of a file already held costs no bytes."""

from __future__ import annotations

import datetime as dt
import uuid

from backend.dossiers.tables import Upload
from backend.limits.rules import LimitReached, counter_key
from backend.limits.service import Counters

DAY_SECONDS = 24 * 3600


class UploadsTooFast(LimitReached):
    message_vi = "Đang có nhiều tệp gửi đến cùng lúc; vui lòng thử lại sau {seconds} giây."
    message_en = "Many files are arriving at once; please try again in {seconds} seconds."


class UploadBudgetSpent(LimitReached):
    message_vi = "Hôm nay đã nhận đủ số tệp cho phép từ mạng này; vui lòng thử lại sau khoảng {hours} giờ."
    message_en = "This network has sent as many files as allowed today; please try again in about {hours} hours."


async def admit_upload(
    submission_id: uuid.UUID,
    sha256: str,
    size: int,
    *,
    client: str,
    counters: Counters,
    now: dt.datetime,
    per_minute: int,
    bytes_per_day: int,
) -> None:
    """Counts one upload of `size` bytes from `client`, before anything is stored; raises a 429 when the
    client sends too often or has used its bytes of the day."""
    verdict = await counters.hit(counter_key("uploads", client), 60, per_minute, now)
    if not verdict.allowed:
        raise UploadsTooFast(verdict)
    if await Upload.exists().where(Upload.key == f"{submission_id}:{sha256}"):
        return  # a retry of a file already held: nothing more will be stored
    verdict = await counters.hit(counter_key("upload-bytes", client), DAY_SECONDS, bytes_per_day, now, amount=size)
    if not verdict.allowed:
        raise UploadBudgetSpent(verdict)
