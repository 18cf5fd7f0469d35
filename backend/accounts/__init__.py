"""Staff accounts (cán bộ, công chức): users, roles, password hashing; sessions come with the back office."""
