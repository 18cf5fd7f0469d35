"""Handling to return (Decree 118/2025 Art 18-23): assignment, a supplement during appraisal, approval, the
result and its return, a stop at the citizen's request, and the apology with a new date."""
