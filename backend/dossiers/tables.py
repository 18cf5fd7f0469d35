"""Piccolo tables of dossiers: the only place that knows their column names."""

from piccolo.columns import JSON, UUID, Boolean, Date, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.table import Table


class Dossier(Table):
    """A dossier (hồ sơ) for one procedure, submitted exactly once: received by one unit (any centre of the
    province, Decree 118/2025 Art 14(2)) and decided by the competent agency."""

    code = Varchar(length=60, unique=True, index=True)
    submission_id = UUID(unique=True, index=True)
    fingerprint = Varchar(length=64)
    procedure_code = Varchar(length=40, index=True)
    procedure_version = Integer()
    agency_code = Varchar(length=40, index=True)  # the code's prefix: the receiving unit, as below
    receiving_unit_code = Varchar(length=40, index=True, default="")  # the centre or point that received it
    competent_agency_code = Varchar(length=40, index=True, default="")  # the agency that decides it
    channel = Varchar(length=12)
    answers = JSON(default={})
    status = Varchar(length=24, index=True)
    submitted_at = Timestamptz()
    received_at = Timestamptz(null=True, default=None)
    appointment_date = Date(null=True, default=None)
    access_token_hash = Varchar(length=64, index=True)
    contact_phone = Varchar(length=20, default="")  # digits only, checked by public tracking
    attachments = JSON(default=[])  # [{slot, sha256, size, contentType}], as submitted
    # The check step (issue 14): optimistic concurrency, the 2-hour highlight, counter intake, corrections.
    version = Integer(default=1)  # +1 on every change of status or content; staff actions name the one they saw
    opened_at = Timestamptz(null=True, default=None)  # when a staff member first opened it
    identity_checked = Boolean(default=False)  # counter intake: the officer looked at the ID (VNeID, no integration)
    id_number = Varchar(length=20, default="")
    correction_request = JSON(null=True, default=None)  # the open Mẫu 02 request, cleared on resubmission
    corrections_requested = Integer(default=0)  # 0 or 1: Art 17 allows one request for corrections
    search_text = Text(default="")  # lowercased, unaccented code, name, phone, ID number: the queue's search
    checking_since = Timestamptz(null=True, default=None)  # start of the 8-hour check clock (resubmission resets)
    # Who handles it now (a staff username; "" nobody yet): the officer who acted at the counter, later the
    # specialist the competent agency's head assigns (Decree 118/2025 Art 18).
    assignee = Varchar(length=80, default="")
    # Handling to return (issue 15, Decree 118/2025 Art 18-23). Every due date is a DossierDeadline row;
    # `appointment_date` above is the one in force, and this the instant its count began: the receipt, or the
    # completion of a supplement asked for during appraisal (the count restarts from zero, Art 19(5)).
    clock_started_at = Timestamptz(null=True, default=None)
    supplement_proposal = JSON(null=True, default=None)  # the handler's proposal, until the counter issues Mẫu 02
    appraisal_supplements = Integer(default=0)  # 0 or 1: one supplement during appraisal (Art 19(5))
    waiting_since = Timestamptz(null=True, default=None)  # an open wait for the citizen (DossierWait when it ends)
    draft_result = JSON(null=True, default=None)  # what the handler puts to the leader: {kind, text}
    approved_at = Timestamptz(null=True, default=None)
    result_kind = Varchar(length=12, default="")  # "granted" or "refused" (after appraisal, Art 19(3))
    result_at = Timestamptz(null=True, default=None)  # the result issued: resolved, for the statistics
    result_note = Text(default="")  # what the result is, or that its paper is ready
    # The result's scan (issue 15: "a scan of the result"), kept beside the attachments as submitted, not among them.
    result_scan = Varchar(length=64, default="")  # its sha256 under the attachments' folder; "" for none
    result_scan_type = Varchar(length=40, default="")  # image/jpeg, image/png or application/pdf, judged by content
    result_scan_size = Integer(default=0)
    ready_at = Timestamptz(null=True, default=None)  # at the receiving centre, ready for pickup
    returned_at = Timestamptz(null=True, default=None)
    return_method = Varchar(length=12, default="")  # "counter" or "post" (Art 22)
    tracking_number = Varchar(length=40, default="")  # the postal item, when posted
    stopped_at = Timestamptz(null=True, default=None)  # Art 21, Mẫu 05
    # How the citizen rated the returned dossier (Art 29-34): "app" or "kiosk", written with the rating itself
    # (backend/satisfaction), so the phone stops asking once it was rated at the counter; "" before.
    rated_via = Varchar(length=8, default="")
    # The citizen's own request to stop, from the app (Art 21): the counter confirms it with Mẫu 05. The id is
    # the phone's, so a retry is recognised; one request per dossier.
    stop_requested_at = Timestamptz(null=True, default=None)
    stop_request_id = UUID(null=True, default=None)
    stop_request_reason = Text(default="")
    late_declared_at = Timestamptz(null=True, default=None)  # the handler foresees a late result (Art 19(6))
    apologies = Integer(default=0)  # 0 or 1: Mẫu 04 moves the date at most once (Art 19(6))


class DossierEvent(Table, tablename="dossier_event"):
    """One status change of a dossier: who, when, what, and why (the audit trail)."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade)
    at = Timestamptz()
    status = Varchar(length=24)
    actor = Varchar(length=80)
    note = Text(default="")


class DossierAudit(Table, tablename="dossier_audit"):
    """One staff or citizen action on a dossier, append-only, written in the transaction of the change.

    `reason_for_citizen` is what the citizen's history may show; `internal_note` stays with staff.
    """

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    at = Timestamptz()
    actor_username = Varchar(length=80)
    actor_role = Varchar(length=40, default="")
    actor_agency = Varchar(length=40, default="")
    action = Varchar(length=40)
    from_status = Varchar(length=24, default="")
    to_status = Varchar(length=24, default="")
    reason_for_citizen = Text(default="")
    internal_note = Text(default="")
    version_after = Integer(default=1)


class DossierPaper(Table, tablename="dossier_paper"):
    """A paper issued for a dossier (Mẫu 01, 02, 03): the facts as they were when it was issued."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    kind = Varchar(length=4)  # "01" receipt, "02" request for corrections, "03" refusal, "04" apology, "05" stop
    issued_at = Timestamptz()
    data = JSON(default={})


class DossierDeadline(Table, tablename="dossier_deadline"):
    """One due date a dossier was given, and why: the receipt's ("original"), a restart after a supplement
    completed during appraisal ("restarted", Art 19(5)), or the apology's new date ("extended", Art 19(6))."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    kind = Varchar(length=12)
    due_date = Date()
    counted_from = Timestamptz()  # the instant the working days were counted from
    set_at = Timestamptz()
    reason = Text(default="")
    actor = Varchar(length=80, default="")


class DossierWait(Table, tablename="dossier_wait"):
    """A period the dossier waited for the citizen (a supplement during appraisal), written when it ends:
    "completed", "closed" (not completed in time) or "stopped" (the citizen asked to stop)."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    reason = Varchar(length=24)
    started_at = Timestamptz()
    ended_at = Timestamptz()
    outcome = Varchar(length=12)


class DossierHandover(Table, tablename="dossier_handover"):
    """One hand-over of a dossier between units or people (the control slip, Mẫu 06; liên thông, Art 20):
    who gave it to whom, when, by what medium, and by when the receiving side must act (null: no limit)."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    at = Timestamptz()
    step = Varchar(length=32)
    from_unit = Varchar(length=40, default="")
    from_user = Varchar(length=80, default="")
    to_unit = Varchar(length=40, default="")
    to_user = Varchar(length=80, default="")
    medium = Varchar(length=12, default="electronic")  # or "paper" (Art 18: paper after 15:00 goes next morning)
    due_at = Timestamptz(null=True, default=None)
    note = Text(default="")


class DossierPart(Table, tablename="dossier_part"):
    """A part of a dossier the lead (competent) agency sent to another agency by a Phiếu chuyển xử lý (liên
    thông, Decree 118/2025 Art 20): its task and deadline and, once that agency returns it, when, who and what."""

    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    agency_code = Varchar(length=40, index=True)  # who does the part (and may see the dossier meanwhile)
    lead_agency_code = Varchar(length=40)
    task = Text()
    working_days = Integer()
    sent_at = Timestamptz()
    sent_by = Varchar(length=80)
    due_at = Timestamptz()
    returned_at = Timestamptz(null=True, default=None)
    returned_by = Varchar(length=80, default="")
    result = Text(default="")  # what the agency sends back: its opinion, its finding, its paper's number
    # A part no longer due because the dossier ended without a result (Art 21 stop): when, and "stopped".
    closed_at = Timestamptz(null=True, default=None)
    closed_reason = Varchar(length=20, default="")


class DossierCorrection(Table, tablename="dossier_correction"):
    """A citizen's correction applied to a dossier, under the id the phone made: a retry finds it here
    (exactly once) and is answered as the first time; other content under the same id is refused."""

    correction_id = UUID(unique=True, index=True)
    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, index=True)
    fingerprint = Varchar(length=64)
    at = Timestamptz()


class DailySequence(Table, tablename="dossier_sequence"):
    """The last sequence number given out per agency and receipt day (`key` is "agency|YYYY-MM-DD")."""

    key = Varchar(length=60, unique=True)
    last = Integer(default=0)


class Upload(Table, tablename="dossier_upload"):
    """A file a phone uploaded for a submission, before or after the dossier exists.

    `key` is "<submission id>:<sha256>"; the first upload binds the submission id to the phone's token.
    The bytes are kept once per hash on disk, shared by every upload of the same content.
    """

    key = Varchar(length=110, unique=True)
    submission_id = UUID(index=True)
    sha256 = Varchar(length=64, index=True)  # the purge asks whether any upload still holds a file
    size = Integer()
    content_type = Varchar(length=40)
    token_hash = Varchar(length=64)
    uploaded_at = Timestamptz(index=True)  # the purge looks for old ones


TABLES = (
    Dossier,
    DossierEvent,
    DossierAudit,
    DossierPaper,
    DossierDeadline,
    DossierWait,
    DossierHandover,
    DossierPart,
    DossierCorrection,
    DailySequence,
    Upload,
)
