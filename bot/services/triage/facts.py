"""What triage reads: a tip's answers and free text (``TipFacts``), and reading them from JSON-like data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.services.places import is_destination_code, is_place_code, transit_point

CATEGORIES = (
    "recruitment_fraud",
    "undocumented_departure",
    "forced_labour",
    "sexual_exploitation",
    "child",
    "documents_held",
    "other",
)
DEPARTURES = ("today", "this_week", "later", "already_left", "unknown")
RELATIONS = ("self", "family", "neighbour", "witness", "online", "other")
# The reporter pressed "I'm not sure" at "is someone in danger right now?": a signal, not a no.
UNSURE = "unsure"
_DANGER_WORDS = {"yes": True, "no": False, "unsure": UNSURE, "not_sure": UNSURE, "unknown": UNSURE}
_MINORS_WORDS = {"yes": True, "no": False, "unknown": None, "unsure": None, "not_sure": None}


@dataclass(frozen=True)
class TipFacts:
    """What the intake flow knows about a tip. The contract between intake and triage: keep these names.

    ``danger_now`` is True, False, ``UNSURE`` ("I'm not sure") or None (not asked). ``destination`` is where the
    people are going or are now, outside NTT (an ISO 3166 code, see ``bot.services.places``); ``transit_points`` the
    transit point codes the reporter chose or named on the way."""

    narrative: str = ""
    lang: str = "id"
    category: str | None = None
    danger_now: bool | str | None = None
    departure: str | None = None
    people_count: int | None = None
    minors: bool | None = None
    regency: str | None = None
    destination: str | None = None
    transit_points: tuple[str, ...] = ()
    recruiter: str | None = None
    route: str | None = None
    relation: str | None = None
    extra_texts: tuple[str, ...] = ()
    evidence_count: int = 0
    has_location: bool = False

    def texts(self) -> tuple[str, ...]:
        """Every free-text answer, each scanned on its own so that no phrase spans two answers."""
        parts = [self.narrative, self.recruiter, self.route, *(self.extra_texts or ())]
        return tuple(p for p in parts if isinstance(p, str) and p.strip())


class TipFactsError(ValueError):
    """A field of a tip given as plain data is missing, unknown or of the wrong type."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}" if field_name else message)
        self.field = field_name
        self.message = message


FIELDS = tuple(TipFacts.__dataclass_fields__)


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}.get(
        type(value), type(value).__name__
    )


def tip_facts_from_mapping(data: Mapping[str, object]) -> TipFacts:
    """A ``TipFacts`` from JSON-like data; raises ``TipFactsError`` naming the first bad field."""
    if not isinstance(data, Mapping):
        raise TipFactsError("", f"a tip must be a JSON object, got {_type_name(data)}")
    unknown = sorted(k for k in data if k not in FIELDS)
    if unknown:
        raise TipFactsError(str(unknown[0]), f"unknown field (known fields: {', '.join(FIELDS)})")
    if "narrative" not in data:
        raise TipFactsError("narrative", "required")
    # Checked field by field below, at run time: TipFacts(**values) gets each field's type.
    values: dict[str, Any] = {}

    def expect(name: str, kinds: tuple[type, ...], label: str, *, nullable: bool) -> Any:  # one of kinds (or None)
        value = data[name]
        if value is None and nullable:
            return None
        # bool is an int in Python; a JSON true is never a count.
        if isinstance(value, bool) and bool not in kinds:
            raise TipFactsError(name, f"must be {label}, got {_type_name(value)}")
        if not isinstance(value, kinds):
            raise TipFactsError(name, f"must be {label}, got {_type_name(value)}")
        return value

    def word(name: str, words: Mapping[str, object], label: str) -> object:
        value = expect(name, (bool, str), label, nullable=True)
        if isinstance(value, str):
            key = value.strip().casefold().replace(" ", "_").replace("'", "")
            if key not in words:
                raise TipFactsError(name, f"must be {label}, got {value!r}")
            return words[key]
        return value

    def one_of(name: str, choices: tuple[str, ...]) -> None:
        value = values[name]
        if value is not None and value not in choices:
            raise TipFactsError(name, f"must be one of {', '.join(choices)} or null, got {value!r}")

    for name in data:
        if name in ("narrative", "lang"):
            values[name] = expect(name, (str,), "a string", nullable=False)
        elif name in ("category", "departure", "regency", "destination", "recruiter", "route", "relation"):
            values[name] = expect(name, (str,), "a string or null", nullable=True)
        elif name == "danger_now":
            values[name] = word(name, _DANGER_WORDS, 'true, false, "unsure" or null')
        elif name == "minors":
            values[name] = word(name, _MINORS_WORDS, "true, false or null")
        elif name == "has_location":
            values[name] = expect(name, (bool,), "true or false", nullable=False)
        elif name == "people_count":
            values[name] = expect(name, (int,), "a whole number or null", nullable=True)
            if values[name] is not None and values[name] < 0:
                raise TipFactsError(name, "must not be negative")
        elif name == "evidence_count":
            values[name] = expect(name, (int,), "a whole number", nullable=False)
            if values[name] < 0:
                raise TipFactsError(name, "must not be negative")
        elif name == "transit_points":
            items = expect(name, (list, tuple), "an array of transit point codes", nullable=True) or []
            for i, item in enumerate(items):
                if not isinstance(item, str) or transit_point(item) is None:
                    raise TipFactsError(f"{name}[{i}]", f"unknown transit point {item!r} (content/places/transit.toml)")
            values[name] = tuple(items)
        elif name == "extra_texts":
            items = expect(name, (list, tuple), "an array of strings", nullable=True) or []
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    raise TipFactsError(f"{name}[{i}]", f"must be a string, got {_type_name(item)}")
            values[name] = tuple(items)
    for name, choices in (("category", CATEGORIES), ("departure", DEPARTURES), ("relation", RELATIONS)):
        if name in values:
            one_of(name, choices)
    if values.get("regency") is not None and not is_place_code(values["regency"]):
        raise TipFactsError("regency", f"unknown place code {values['regency']!r} (see content/places/ntt.toml)")
    if values.get("destination") is not None and not is_destination_code(values["destination"]):
        raise TipFactsError(
            "destination",
            f"unknown destination {values['destination']!r} (ISO codes in content/places/destinations.toml)",
        )
    return TipFacts(**values)
