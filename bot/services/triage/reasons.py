"""Why a tip got its priority: one ``Reason`` per thing that raised it, as data the reader's screen translates.

A reason keeps the reporter's own words (``quote``) apart from codes (``params``: an answer, a category, a place
code, a count), so a staff screen in any language says the same thing and never shows an English phrase.
``detail`` is a plain summary for the command line and for records written before reasons had parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SOURCES = ("answer", "text", "link", "summary")


@dataclass(frozen=True)
class Reason:
    code: str
    detail: str = ""
    source: str = "summary"  # "answer" (a button), "text" (the reporter's words), "link", "summary"
    quote: str = ""  # the reporter's own words, as written
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str | None:
        for key, value in self.params:
            if key == name:
                return value
        return None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "detail": self.detail}
        if self.source != "summary":
            data["source"] = self.source
        if self.quote:
            data["quote"] = self.quote
        if self.params:
            data["params"] = dict(self.params)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        """A reason as stored; records from before ``source``/``quote``/``params`` keep only code and detail."""
        params = data.get("params") or {}
        pairs = tuple((str(k), str(v)) for k, v in params.items()) if isinstance(params, Mapping) else ()
        source = str(data.get("source") or "summary")
        return cls(
            code=str(data.get("code", "")),
            detail=str(data.get("detail") or ""),
            source=source if source in SOURCES else "summary",
            quote=str(data.get("quote") or ""),
            params=pairs,
        )


def answer(code: str, detail: str, **params: str) -> Reason:
    return Reason(code, detail, "answer", "", tuple((k, str(v)) for k, v in params.items()))


def from_text(code: str, quote: str, **params: str) -> Reason:
    return Reason(code, quote, "text", quote, tuple((k, str(v)) for k, v in params.items()))


def summary(code: str, detail: str, **params: str) -> Reason:
    return Reason(code, detail, "summary", "", tuple((k, str(v)) for k, v in params.items()))


def reasons_to_data(reasons: Iterable[Reason]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in reasons]


def reasons_from_data(data: object) -> list[Reason]:
    if not isinstance(data, list):
        return []
    return [Reason.from_dict(item) for item in data if isinstance(item, Mapping) and item.get("code")]
