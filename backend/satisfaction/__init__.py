"""Citizens' satisfaction (mức độ hài lòng, Decree 118/2025 Art 29-34): one rating per returned dossier."""
