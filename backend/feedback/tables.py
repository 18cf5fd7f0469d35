"""Piccolo table of feedback: one row per item (phản ánh, kiến nghị), from the phone or recorded at the counter,
with the unit that must answer, its due date and the answer."""

from piccolo.columns import UUID, Date, Text, Timestamptz, Varchar
from piccolo.table import Table


class Feedback(Table, tablename="feedback"):
    """An item of feedback. `feedback_id` is made on the phone (a retry is the same item); the phone holds a
    secret token for it, the server only its hash. The answer notice goes to `notice_hash`: the dossier's token
    hash for feedback about a dossier (its followers and inbox), else the item's own."""

    feedback_id = UUID(unique=True, index=True)
    code = Varchar(length=20, index=True)  # PA-XXXXXXXX: what the citizen and the staff call it
    kind = Varchar(length=10)  # rules.Kind
    channel = Varchar(length=8)  # rules.Channel
    procedure_code = Varchar(length=40, null=True, default=None)
    dossier_code = Varchar(length=60, null=True, default=None, index=True)
    token_hash = Varchar(length=64, null=True, default=None, index=True)
    notice_hash = Varchar(length=64, null=True, default=None)
    unit_code = Varchar(length=40, index=True)
    text = Text()
    contact_name = Varchar(length=100, default="")
    contact_phone = Varchar(length=20, default="")
    received_at = Timestamptz()
    due_date = Date()
    recorded_by = Varchar(length=40, default="")  # the officer who wrote down feedback given at the counter
    answer = Text(default="")
    answered_by = Varchar(length=40, default="")
    answered_by_name = Varchar(length=120, default="")
    answered_at = Timestamptz(null=True, default=None)


TABLES = (Feedback,)
