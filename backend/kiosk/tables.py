"""Piccolo tables of the rating tablet: the only place that knows their column names."""

from piccolo.columns import ForeignKey, Integer, OnDelete, Timestamptz, Varchar
from piccolo.table import Table

from backend.dossiers.tables import Dossier


class RatingInvitation(Table):
    """An officer's invitation to rate a returned dossier on the counter's tablet (lời mời đánh giá), one open
    per officer's account (the tablet is signed in as that account): a new one replaces it, a rating ends it."""

    officer = Integer(unique=True, index=True)  # the staff account's id: whose tablet shows it
    dossier = ForeignKey(references=Dossier, on_delete=OnDelete.cascade)
    code = Varchar(length=40)  # the dossier's, as the tablet shows and sends it
    invited_at = Timestamptz()


TABLES = (RatingInvitation,)
