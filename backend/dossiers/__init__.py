"""Dossiers (hồ sơ): submissions received exactly once, their national-style codes, status history and
the secret tokens phones use to follow them."""
