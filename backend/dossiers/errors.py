"""What can go wrong with a submission or its files, as domain errors: each maps to an HTTP problem with
a stable code and a message in Vietnamese and English (see backend/problems.py)."""

from __future__ import annotations

from backend.dossiers import files, pdfs
from backend.errors import DomainError


class SubmissionConflict(DomainError):
    status = 409
    code = "submission_conflict"
    message_vi = "Mã gửi này đã được dùng cho một hồ sơ có nội dung khác; hồ sơ đã nhận không bị thay đổi."
    message_en = "This submission id was already used for a dossier with other content; the one received is unchanged."


class UnknownProcedure(DomainError):
    status = 422
    code = "unknown_procedure"
    message_vi = "Thủ tục «{code}» không còn trong danh mục; vui lòng cập nhật danh mục rồi khai lại."
    message_en = "The procedure “{code}” is no longer in the catalogue; refresh the catalogue and fill it in again."


class AgencyNotAccepted(DomainError):
    status = 422
    code = "agency_not_accepted"
    message_vi = "«{agency}» không phải nơi tiếp nhận hồ sơ; vui lòng chọn lại nơi nộp hồ sơ."
    message_en = "“{agency}” does not receive dossiers; choose where to submit again."


class AgencyNotCompetent(DomainError):
    status = 422
    code = "agency_not_competent"
    message_vi = "Cơ quan «{agency}» không có thẩm quyền giải quyết thủ tục này; vui lòng chọn lại."
    message_en = "The agency “{agency}” is not competent for this procedure; choose again."


class OutsideProvince(DomainError):
    status = 422
    code = "outside_province"
    message_vi = (
        "«{agency}» ở tỉnh khác: hồ sơ được tiếp nhận tại bất kỳ trung tâm nào trong tỉnh của cơ quan giải quyết."
    )
    message_en = "“{agency}” is in another province: any centre of the deciding agency's province receives the dossier."


class InvalidAnswers(DomainError):
    status = 422
    code = "invalid_answers"
    message_vi = "Một số câu trả lời chưa hợp lệ; vui lòng sửa rồi gửi lại."
    message_en = "Some answers are not valid; correct them and send again."


class InvalidAttachments(DomainError):
    status = 422
    code = "invalid_attachments"
    message_vi = "Ảnh giấy tờ đính kèm chưa đúng với thủ tục; vui lòng kiểm tra lại."
    message_en = "The attached documents do not fit the procedure; check them again."


class AttachmentsMissing(DomainError):
    status = 422
    code = "attachments_missing"
    message_vi = "Một số tệp đính kèm chưa được gửi lên; ứng dụng sẽ gửi lại."
    message_en = "Some attached files are not on the server yet; the app will send them again."


class MissingToken(DomainError):
    status = 401
    code = "missing_token"
    message_vi = "Thiếu mã truy cập của hồ sơ (Authorization: Bearer)."
    message_en = "The dossier's access token is missing (Authorization: Bearer)."


class HashMismatch(DomainError):
    status = 400
    code = "hash_mismatch"
    message_vi = "Tệp nhận được không khớp mã băm SHA-256 đã khai (có thể bị gửi thiếu); vui lòng gửi lại."
    message_en = "The file received does not match its SHA-256 (it may have been cut short); send it again."


class FileTooLarge(DomainError):
    status = 413
    code = "too_large"
    message_vi = "Tệp quá lớn: mỗi tệp tối đa {limit} MB."
    message_en = "The file is too large: at most {limit} MB per file."

    def __init__(self) -> None:
        super().__init__(limit=files.MAX_FILE_BYTES // (1024 * 1024))


class UnsupportedFile(DomainError):
    status = 415
    code = "unsupported_file"
    message_vi = "Tệp không phải ảnh JPEG, PNG hoặc tệp PDF hợp lệ; vui lòng chụp lại."
    message_en = "The file is not a valid JPEG or PNG photo or PDF document; take the photo again."


_PDF_REASONS = {
    pdfs.Refusal.UNREADABLE: (
        "Tệp PDF bị hỏng hoặc không đọc được; vui lòng lưu lại thành tệp PDF mới rồi gửi.",
        "The PDF is damaged or cannot be read; save it again as a new PDF and send that.",
    ),
    pdfs.Refusal.ENCRYPTED: (
        "Tệp PDF có mật khẩu hoặc bị mã hóa, không được nhận; vui lòng gửi bản không đặt mật khẩu.",
        "The PDF is encrypted or has a password; it is not accepted. Send a copy without a password.",
    ),
    pdfs.Refusal.TOO_COMPLEX: (
        f"Tệp PDF quá nhiều trang hoặc quá phức tạp (tối đa {pdfs.MAX_PAGES} trang), không được nhận.",
        f"The PDF has too many pages or parts (at most {pdfs.MAX_PAGES} pages); it is not accepted.",
    ),
    pdfs.Refusal.JAVASCRIPT: (
        "Tệp PDF có chứa mã chạy tự động (JavaScript), không được nhận.",
        "The PDF contains code that runs by itself (JavaScript); it is not accepted.",
    ),
    pdfs.Refusal.LAUNCH: (
        "Tệp PDF có lệnh mở chương trình khác, không được nhận.",
        "The PDF contains an action that starts another program; it is not accepted.",
    ),
    pdfs.Refusal.EMBEDDED_FILE: (
        "Tệp PDF có chứa tệp khác đính kèm bên trong, không được nhận.",
        "The PDF has other files embedded in it; it is not accepted.",
    ),
}


class PdfRefused(DomainError):
    """A PDF staff should not open; `reason` (on the wire too) says why."""

    status = 415
    code = "pdf_refused"
    message_vi = "{message_vi}"
    message_en = "{message_en}"

    def __init__(self, reason: pdfs.Refusal) -> None:
        vi, en = _PDF_REASONS[reason]
        super().__init__(reason=reason.value, message_vi=vi, message_en=en)


class SubmissionClosed(DomainError):
    status = 409
    code = "submission_closed"
    message_vi = "Hồ sơ đã được nộp; không thể thêm tệp mới vào hồ sơ này."
    message_en = "The dossier has already been submitted; no new file can be added to it."


class TooManyFiles(DomainError):
    status = 422
    code = "too_many_files"
    message_vi = "Mỗi hồ sơ nhận tối đa {limit} tệp."
    message_en = "A dossier takes at most {limit} files."

    def __init__(self) -> None:
        super().__init__(limit=files.MAX_FILES_PER_SUBMISSION)


class FileNotFound(DomainError):
    status = 404
    code = "file_not_found"
    message_vi = "Không có tệp này trong hồ sơ."
    message_en = "This file is not held for this submission."


class DossierNotFound(DomainError):
    status = 404
    code = "dossier_not_found"
    message_vi = "Không tìm thấy hồ sơ «{code}»."
    message_en = "There is no dossier “{code}”."


class BadCursor(DomainError):
    status = 400
    code = "bad_cursor"
    message_vi = "Vị trí trang không hợp lệ; vui lòng tải lại danh sách."
    message_en = "The page cursor is not valid; load the list again."


class CorrectedDossierNotFound(DomainError):
    """The same answer for an unknown submission and for a wrong token: no oracle."""

    status = 404
    code = "dossier_not_found"
    message_vi = "Không tìm thấy hồ sơ này với mã truy cập của điện thoại."
    message_en = "No dossier opens with this phone's access token."


class StaleEdit(DomainError):
    status = 409
    code = "stale_edit"
    message_vi = "Hồ sơ đã thay đổi kể từ khi bạn sửa (phiên bản {currentVersion}); vui lòng xem lại rồi gửi lại."
    message_en = "The dossier has changed since you edited it (version {currentVersion}); review it and send again."


class CorrectionConflict(DomainError):
    status = 409
    code = "correction_conflict"
    message_vi = "Mã lần sửa này đã được dùng cho nội dung khác; hồ sơ không bị thay đổi."
    message_en = "This correction id was already used for other content; the dossier is unchanged."


class NotRequested(DomainError):
    status = 422
    code = "not_requested"
    message_vi = "Chỉ được sửa những mục cán bộ yêu cầu; các mục sau không được yêu cầu: {listed}."
    message_en = "Only the items the officer asked for may change; these were not asked for: {listed}."

    def __init__(self, paths: list[str]) -> None:
        errors = [
            {
                "path": path,
                "code": "not_requested",
                "message": {"vi": "Mục này không nằm trong yêu cầu bổ sung.", "en": "This item was not asked for."},
            }
            for path in paths
        ]
        super().__init__(errors=errors, listed=", ".join(paths))


class ScanNotHeld(DomainError):
    status = 422
    code = "result_scan_not_held"
    message_vi = "Chưa tải lên bản quét kết quả này (hoặc phiên làm việc đã thay đổi); vui lòng tải lên lại."
    message_en = "This scan of the result has not been uploaded (or the session changed); please upload it again."


class NotStoppable(DomainError):
    """Art 21: from the receipt until the decision is issued, and not once handling has ended."""

    status = 409
    code = "not_stoppable"
    message_vi = (
        "Hồ sơ đang ở trạng thái «{current}»: chỉ xin dừng được khi hồ sơ đã được tiếp nhận và chưa có kết quả "
        "giải quyết."
    )
    message_en = (
        "The dossier is “{current}”: handling can be stopped only after the dossier is received and before "
        "its result is issued."
    )
