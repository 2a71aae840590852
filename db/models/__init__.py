"""All models, imported here so that Base.metadata knows every table (Alembic and tests rely on it).

Each feature keeps its tables in its own module; add the import below when you add a module.
"""

import importlib
import pkgutil

from db.base import Base


def load_all_models() -> None:
    """Import every module in this package so each model registers with Base.metadata."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")


load_all_models()

__all__ = ["Base", "load_all_models"]
