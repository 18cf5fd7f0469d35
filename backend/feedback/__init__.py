"""Feedback and complaints (phản ánh, kiến nghị) about a procedure or a dossier, from the app or the counter,
and the unit's answer within a set number of working days."""
