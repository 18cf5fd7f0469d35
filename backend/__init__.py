"""motcua: offline-first one-stop shop (một cửa) for Vietnamese administrative procedures.

The package is split by domain; `app.create_app()` wires the domains into one Litestar app.
"""
