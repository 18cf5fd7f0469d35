"""Staff accounts (cán bộ, công chức): users, roles, password hashing, database-held sessions, and the guard
of every staff endpoint (role, CSRF, agency scope)."""
