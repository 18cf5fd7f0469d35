"""The counter's rating tablet (Decree 118/2025 Art 31): the officer invites the citizen to rate the dossier
just returned, and the tablet facing the citizen records the rating for that officer."""
