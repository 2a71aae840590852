"""The Bot API specification as a contract the emulator enforces.

``BotApiSpec.load()`` reads the facts-only extract committed in ``bot/emulator/bot_api/`` (or the file named by
``TELEGRAM_SPEC_PATH``, which may also be a full specification file: only its facts are kept, see :func:`facts_only`).
``spec.validate(method, params)`` returns the problems Telegram would refuse the call for, each as the description
Telegram answers with (``"Bad Request: ..."``); an empty list means the call is valid. ``spec.validate_object(type,
value)`` checks a produced object (e.g. an Update) against the spec's types. What Telegram refuses beyond the types
(lengths after parsing, keyboards, chat actions ...) is in spec_checks.py.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.emulator.spec_checks import MAX_CAPTION, MAX_TEXT, semantic_checks

__all__ = ["MAX_CAPTION", "MAX_TEXT", "BotApiSpec", "UploadedFile", "default_spec_path", "facts_only"]

PRIMITIVES = {"String", "Integer", "Boolean", "Float", "True", "InputFile"}
# The first field of a subtype fixes its kind: 'Type of the chat, always "private"', 'The member's status in the
# chat, always "creator"'. Fields that can discriminate, and how the description states the fixed value.
_DISCRIMINATOR_FIELDS = ("type", "status", "source")
_DISCRIMINATOR_RE = re.compile(r'(?:always|must be)\s+"?([a-z_]+)"?')


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str
    content_type: str | None
    data: bytes

    def describe(self) -> str:
        return f"<file {self.filename} {len(self.data)} bytes>"


def default_spec_path() -> Path:
    """TELEGRAM_SPEC_PATH, else the extract committed with the emulator (see :func:`bot.paths.bot_api_spec_path`)."""
    from bot.paths import bot_api_spec_path

    return bot_api_spec_path()


def facts_only(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The facts of a Bot API specification that the emulator relies on, without description text or links.

    Methods keep their fields (name, types, required) and return types; types keep their fields, ``subtypes`` and
    ``subtype_of``. The first field of a subtype that fixes its kind ("type", "status" or "source") also keeps that
    fixed value as ``value`` (read from the description, e.g. ChatMemberOwner's status is always "creator"), which is
    how an object is matched to its subtype. An extract gives itself back, so this also loads an extract.
    """

    def field(f: Mapping[str, Any], discriminates: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"name": f["name"], "types": list(f["types"]), "required": bool(f["required"])}
        value = f.get("value")
        if value is None and discriminates:
            m = _DISCRIMINATOR_RE.search(f.get("description", ""))
            value = m.group(1) if m else None
        if value is not None:
            out["value"] = value
        return out

    def entry(src: Mapping[str, Any], keys: tuple[str, ...], subtype: bool) -> dict[str, Any]:
        out: dict[str, Any] = {k: list(src[k]) for k in keys if src.get(k)}
        fields = src.get("fields") or []
        if fields:
            out["fields"] = [
                field(f, subtype and i == 0 and f["name"] in _DISCRIMINATOR_FIELDS) for i, f in enumerate(fields)
            ]
        return out

    return {
        **{k: spec[k] for k in ("version", "release_date", "changelog") if k in spec},
        "methods": {name: entry(m, ("returns",), False) for name, m in spec["methods"].items()},
        "types": {
            name: entry(t, ("subtypes", "subtype_of"), bool(t.get("subtype_of"))) for name, t in spec["types"].items()
        },
    }


@functools.lru_cache(maxsize=4)
def _load_facts(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return facts_only(json.load(f))


class BotApiSpec:
    """Methods and types of the Bot API, with validation of requests and produced objects."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.version: str = data.get("version", "?")
        self.methods: Mapping[str, dict] = data["methods"]
        self.types: Mapping[str, dict] = data["types"]
        self._by_lower = {name.lower(): name for name in self.methods}
        self._fields_cache: dict[str, dict[str, dict]] = {}

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> BotApiSpec:
        """Load the spec from ``path`` (default: :func:`default_spec_path`), an extract or a full specification
        file. The parsed facts are cached."""
        p = Path(path) if path is not None else default_spec_path()
        if not p.is_file():
            raise FileNotFoundError(f"Bot API spec not found at {p} (set TELEGRAM_SPEC_PATH)")
        return cls(_load_facts(str(p.resolve())))

    # ---- lookup -------------------------------------------------------------------------------------------
    def canonical_method(self, name: str) -> str | None:
        """The spec's spelling of a method name (Telegram's method names are case-insensitive), or None."""
        return self._by_lower.get(name.lower())

    def method_fields(self, method: str) -> dict[str, dict]:
        canonical = self.canonical_method(method)
        if canonical is None:
            raise KeyError(method)
        return self._fields(("m", canonical))

    def type_fields(self, type_name: str) -> dict[str, dict]:
        return self._fields(("t", type_name))

    def _fields(self, key: tuple[str, str]) -> dict[str, dict]:
        cache_key = f"{key[0]}:{key[1]}"
        cached = self._fields_cache.get(cache_key)
        if cached is None:
            src = self.methods[key[1]] if key[0] == "m" else self.types[key[1]]
            cached = {f["name"]: f for f in src.get("fields", [])}
            self._fields_cache[cache_key] = cached
        return cached

    def required_fields(self, type_name: str) -> list[dict]:
        return [f for f in self.type_fields(type_name).values() if f["required"]]

    # ---- form decoding ------------------------------------------------------------------------------------
    def coerce_form(
        self, method: str, raw: Mapping[str, str], files: Mapping[str, UploadedFile] | None = None
    ) -> tuple[dict[str, Any], list[str]]:
        """Turn string form fields into typed values using the method's field types. Complex fields arrive as
        JSON strings; ``attach://name`` references (also inside JSON, e.g. InputMedia.media) and file parts
        named after a field become :class:`UploadedFile`. Returns (params, problems)."""
        files = dict(files or {})
        fields = self.method_fields(method)
        params: dict[str, Any] = {}
        problems: list[str] = []
        for name, value in raw.items():
            field = fields.get(name)
            if field is None:
                params[name] = value
                continue
            try:
                params[name] = self._coerce(value, field["types"], files)
            except ValueError:
                problems.append(f'Bad Request: can\'t parse field "{name}": invalid {" or ".join(field["types"])}')
                params[name] = value
        for name, upload in files.items():
            if name in fields and name not in params:
                params[name] = upload
        return params, problems

    def _coerce(self, value: Any, types: list[str], files: Mapping[str, UploadedFile]) -> Any:
        if not isinstance(value, str):
            return _resolve_attach(value, files)
        if value.startswith("attach://") and "InputFile" in types:
            return files.get(value[len("attach://") :], value)
        if "String" in types and "Integer" not in types:
            return value
        if "Integer" in types and re.fullmatch(r"-?\d+", value.strip()):
            return int(value)
        if types == ["Integer"]:
            raise ValueError(value)
        if "String" in types:
            return value
        if types == ["Boolean"] or types == ["True"]:
            low = value.strip().lower()
            if low in ("true", "1"):
                return True
            if low in ("false", "0"):
                return False
            raise ValueError(value)
        if types == ["Float"]:
            return float(value)
        return _resolve_attach(json.loads(value), files)

    # ---- validation ---------------------------------------------------------------------------------------
    def validate(self, method: str, params: Mapping[str, Any]) -> list[str]:
        """Problems with a call, each as Telegram's description. ``params`` are typed (see coerce_form)."""
        canonical = self.canonical_method(method)
        if canonical is None:
            return ["Not Found: method not found"]
        fields = self.method_fields(canonical)
        problems: list[str] = []
        for name in params:
            if name not in fields:
                problems.append(f'Bad Request: unknown parameter "{name}" for method {canonical}')
        for name, field in fields.items():
            if field["required"] and (name not in params or params[name] is None):
                if name == "text":
                    problems.append("Bad Request: message text is empty")
                else:
                    problems.append(f"Bad Request: {name} is empty (required parameter)")
        for name, value in params.items():
            given = fields.get(name)
            if given is None or value is None:
                continue
            for p in self.validate_value(value, given["types"], name):
                problems.append(f"Bad Request: {p}")
        problems.extend(semantic_checks(canonical, params))
        return problems

    def validate_object(self, type_name: str, value: Any, path: str | None = None) -> list[str]:
        """Problems with ``value`` as an instance of spec type ``type_name`` (paths like ``message.chat.id``)."""
        return self.validate_value(value, [type_name], path or type_name)

    def validate_value(self, value: Any, types: Iterable[str], path: str) -> list[str]:
        """Problems with ``value`` for a field typed as one of ``types`` (spec spelling, e.g. "Array of X")."""
        types = list(types)
        if len(types) > 1 and isinstance(value, dict):
            # Pick the object type(s) whose required fields the value has (e.g. inline_keyboard vs keyboard).
            fitting = [
                t
                for t in types
                if t in self.types and self.type_fields(t) and all(f["name"] in value for f in self.required_fields(t))
            ]
            if fitting:
                types = fitting
        best: list[str] | None = None
        for t in types:
            problems = self._check_type(value, t, path)
            if not problems:
                return []
            if best is None or len(problems) < len(best):
                best = problems
        if len(types) > 1 and best is not None and len(best) > 0 and _is_shape_mismatch(best, path):
            return [f'field "{path}" must be {" or ".join(types)}']
        return best or []

    def _check_type(self, value: Any, t: str, path: str) -> list[str]:
        if t.startswith("Array of "):
            if not isinstance(value, list):
                return [f'field "{path}" must be an Array']
            inner = t[len("Array of ") :]
            out: list[str] = []
            for i, item in enumerate(value):
                out.extend(self._check_type(item, inner, f"{path}[{i}]"))
            return out
        if t == "String":  # (an attach://name reference to a file part also arrives in a String field)
            return [] if isinstance(value, str | UploadedFile) else [f'field "{path}" must be a String']
        if t == "Integer":
            ok = isinstance(value, int) and not isinstance(value, bool)
            return [] if ok else [f'field "{path}" must be an Integer']
        if t == "Float":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            return [] if ok else [f'field "{path}" must be a Float']
        if t == "Boolean":
            return [] if isinstance(value, bool) else [f'field "{path}" must be a Boolean']
        if t == "True":
            return [] if value is True else [f'field "{path}" must be True']
        if t == "KeyboardButton" and isinstance(value, str):
            return []  # "For simple text buttons, String can be used instead of this object"
        if t == "InputFile":
            return [] if isinstance(value, UploadedFile) else [f'field "{path}" must be an uploaded file']
        spec_type = self.types.get(t)
        if spec_type is None:
            return []  # unknown type name in the spec itself: nothing to check against
        if not isinstance(value, dict):
            return [f'field "{path}" must be an object of type {t}']
        subtypes = spec_type.get("subtypes")
        if subtypes:
            chosen = self._discriminate(subtypes, value)
            if chosen is not None:
                return self._check_type(value, chosen, path)
            results = [self._check_type(value, s, path) for s in subtypes]
            if any(not r for r in results):
                return []
            return min(results, key=len)
        fields = self.type_fields(t)
        if not fields:
            return []
        out = []
        for name in value:
            if name not in fields:
                out.append(f'field "{path}.{name}" is not a field of {t}')
        for name, field in fields.items():
            if name not in value or value[name] is None:
                if field["required"]:
                    out.append(f'field "{path}.{name}" is required in {t}')
                continue
            out.extend(self.validate_value(value[name], field["types"], f"{path}.{name}"))
        return out

    @functools.cache  # noqa: B019 - spec objects live for the process
    def _discriminator(self, type_name: str) -> tuple[str, str] | None:
        fields = self.types[type_name].get("fields") or []
        value = fields[0].get("value") if fields else None
        return (fields[0]["name"], value) if value is not None else None

    def _discriminate(self, subtypes: list[str], value: dict) -> str | None:
        for s in subtypes:
            d = self._discriminator(s)
            if d is not None and value.get(d[0]) == d[1]:
                return s
        return None


def _is_shape_mismatch(problems: list[str], path: str) -> bool:
    return len(problems) == 1 and problems[0].startswith(f'field "{path}" must be')


def _resolve_attach(value: Any, files: Mapping[str, UploadedFile]) -> Any:
    if isinstance(value, str) and value.startswith("attach://"):
        return files.get(value[len("attach://") :], value)
    if isinstance(value, list):
        return [_resolve_attach(v, files) for v in value]
    if isinstance(value, dict):
        return {k: _resolve_attach(v, files) for k, v in value.items()}
    return value
