"""Piccolo tables of citizens' ratings: the only place that knows their column names."""

from piccolo.columns import UUID, Boolean, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.table import Table

from backend.dossiers.tables import Dossier


class Rating(Table):
    """A citizen's rating of a returned dossier (đánh giá mức độ hài lòng, Decree 118/2025 Art 29-34), one per
    dossier, from the app or the counter's rating tablet. The id is the phone's (or tablet's): a retry is
    recognised. The dossier's units and procedure are copied so the statistics count ratings without a join."""

    rating_id = UUID(unique=True, index=True)
    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade, unique=True, index=True)
    receiving_unit_code = Varchar(length=40, default="")
    competent_agency_code = Varchar(length=40, default="")  # the unit of Biểu 06 the rating is counted for
    procedure_code = Varchar(length=40, default="")
    channel = Varchar(length=8)  # "app" or "kiosk"
    officer = Integer(null=True, default=None)  # the staff account's id: the officer who returned the dossier
    level = Varchar(length=16)  # very_satisfied | satisfied | unsatisfied
    # The Art 33 points (null: not answered).
    timeliness = Varchar(length=8, null=True, default=None)  # earlier | on_time | later, as the citizen saw it
    visits = Integer(null=True, default=None)  # how many times they had to come back (0: never)
    attitude = Varchar(length=12, null=True, default=None)  # good | acceptable | poor
    extra_cost = Boolean(null=True, default=None)  # paid anything beyond the published fee
    comment = Text(default="")
    rated_at = Timestamptz()


TABLES = (Rating,)
