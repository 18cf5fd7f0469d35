"""Piccolo's configuration module, used by migrations and the `piccolo` CLI.

The app binds its tables to an engine itself; this module exists for Piccolo's own tools.
"""

from piccolo.conf.apps import AppRegistry

from backend.db import make_engine
from backend.settings import Settings

DB = make_engine(Settings())

APP_REGISTRY = AppRegistry(apps=["backend.piccolo_app"])
