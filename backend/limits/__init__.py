"""Limits shared by every process: counters kept in the database, so that N processes (or hosts) enforce
one budget per client address instead of N."""
