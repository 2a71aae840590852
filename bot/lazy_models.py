"""aiogram's Telegram types and methods built when first used instead of all at import: ~100 MiB less per process.

``aiogram.types`` ends by calling ``model_rebuild`` on every one of its ~450 models, which makes pydantic build a
validator and a serializer for each, each holding the whole tree of the types it nests (a Message holds nearly all
of them); its ~190 methods are built as they are defined. That is ~145 MiB of the bot's ~240 MiB before it has
handled anything (aiogram issue #1513, open), where a bot that receives updates and sends messages uses a handful.
aiogram already declares its types ``defer_build``; only that closing loop builds them.

``install()`` (called by the ``bot`` package, before anything imports aiogram) watches for two imports. It runs
``aiogram.types`` with ``model_rebuild`` only noting the names that loop passes, and marks the methods' base
``defer_build`` before the methods are defined. A model is then built, once, by the first update or call that needs
it, and with those same names: they are put into each type's module (where pydantic looks when another model nests
the type, e.g. ``Response[Message]`` reading a method's answer), and aiogram's base classes get a ``model_rebuild``
that passes them, as the loop did (left to itself, pydantic's first-use build would put the locals of whichever frame
used the model first before them). tests/unit/test_lazy_models.py holds every model built this way equal to
aiogram's own build.

If aiogram was imported before ``install()`` ran, it has built its models already and nothing changes.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

TYPES_MODULE = "aiogram.types"
METHODS_BASE = "aiogram.methods.base"


class _DeferBuilds(importlib.abc.MetaPathFinder):
    """Finds aiogram's types and its methods' base with the other finders and hands their import to
    ``_DeferringLoader``."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in (TYPES_MODULE, METHODS_BASE):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _DeferringLoader(spec.loader)
                return spec
        return None


class _DeferringLoader(importlib.abc.Loader):
    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ == METHODS_BASE:
            self._inner.exec_module(module)
            # Every method subclasses TelegramMethod and takes its config: built on first use, like the types.
            module.TelegramMethod.model_config["defer_build"] = True
            # A method's answer is read by ``Response[ReturnType]``, a model made on first use of that type.
            for base in (module.TelegramMethod, module.Response):
                _rebuild_with_aiogram_names(base)
            return
        from pydantic import BaseModel

        build = BaseModel.__dict__["model_rebuild"]

        def note(cls: type, *, _types_namespace: dict[str, Any] | None = None, **_ignored: Any) -> None:
            # aiogram's loop passes the same names for every model: every type and a few typing aliases.
            if _types_namespace:
                _AIOGRAM_NAMES.update(_types_namespace)

        BaseModel.model_rebuild = classmethod(note)  # type: ignore[method-assign, assignment]
        try:
            self._inner.exec_module(module)
        finally:
            BaseModel.model_rebuild = build  # type: ignore[method-assign]
        _share_names()
        _rebuild_with_aiogram_names(sys.modules["aiogram.types.base"].TelegramObject)

    def __getattr__(self, name: str) -> Any:  # get_source, get_filename, ... for tracebacks and tools
        return getattr(self._inner, name)


# The names aiogram's closing loop passes to every type's build (filled while aiogram.types is imported).
_AIOGRAM_NAMES: dict[str, Any] = {}


def _share_names() -> None:
    """Every module of ``aiogram.types`` gets the names its annotations use (imported there only for type checkers),
    so that a model anyone builds later which nests a type (``Response[Message]``, a ``TypeAdapter``) finds them."""
    prefix = TYPES_MODULE + "."
    for module_name, module in list(sys.modules.items()):
        if module is not None and (module_name == TYPES_MODULE or module_name.startswith(prefix)):
            for name, value in _AIOGRAM_NAMES.items():
                module.__dict__.setdefault(name, value)


def _rebuild_with_aiogram_names(base: Any) -> None:
    """``base`` and its subclasses build with aiogram's names, as its loop would have, whoever uses them first (not
    with the names of the frame that used them first, which pydantic adds and which would come before them)."""
    from pydantic import BaseModel

    build = BaseModel.__dict__["model_rebuild"].__func__

    def model_rebuild(
        cls: Any,
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: dict[str, Any] | None = None,
    ) -> bool | None:
        names = _AIOGRAM_NAMES if _types_namespace is None else _types_namespace
        return build(cls, force=force, raise_errors=raise_errors, _types_namespace=names)

    base.model_rebuild = classmethod(model_rebuild)


def build_now(*models: Any) -> None:
    """Build these models now (at start-up, so that the first person after a start does not wait for them). A model
    already built is left as it is."""
    for model in models:
        if not model.__pydantic_complete__:
            model.model_rebuild()


def install() -> None:
    """Defer the build of aiogram's types and methods in this process (no effect once aiogram is imported)."""
    if TYPES_MODULE in sys.modules or any(isinstance(f, _DeferBuilds) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _DeferBuilds())
