"""Button labels of the report, and the answers they stand for (the staff screens show answers with these too).

Each table holds a way to translate each label, not the translations: a keyboard asks for one label per button, and
translating the whole table for each of them cost a dozen gettext calls per button."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.utils.i18n import gettext as _

from bot.services import places

_CATEGORIES: dict[str, Callable[[], str]] = {
    "recruitment_fraud": lambda: _("Fake job offer or illegal recruitment"),
    "undocumented_departure": lambda: _("Leaving without proper documents"),
    "forced_labour": lambda: _("Forced or unpaid work"),
    "sexual_exploitation": lambda: _("Sexual exploitation"),
    "child": lambda: _("A child is involved"),
    "documents_held": lambda: _("Passport or ID taken away"),
    "other": lambda: _("Something else"),
}


def category_label(code: str) -> str:
    return _CATEGORIES[code]()


_DEPARTURES: dict[str, Callable[[], str]] = {
    "today": lambda: _("Today or tonight"),
    "this_week": lambda: _("This week"),
    "later": lambda: _("Later"),
    "already_left": lambda: _("Already left"),
    "unknown": lambda: _("I don't know"),
}


def departure_label(code: str) -> str:
    return _DEPARTURES[code]()


_PEOPLE_COUNTS: dict[str, Callable[[], str]] = {
    "1": lambda: _("One person"),
    "2-5": lambda: _("2 to 5"),
    "6+": lambda: _("More than 5"),
    "unknown": lambda: _("I don't know"),
}


def people_label(code: str) -> str:
    return _PEOPLE_COUNTS[code]()


_YES_NO: dict[str, Callable[[], str]] = {
    "yes": lambda: _("Yes"),
    "no": lambda: _("No"),
    "unknown": lambda: _("I don't know"),
}


def yes_no_label(code: str) -> str:
    return _YES_NO[code]()


_DANGER: dict[str, Callable[[], str]] = {
    "yes": lambda: _("Yes, someone is in danger now"),
    "no": lambda: _("No"),
    "unknown": lambda: _("I'm not sure"),
}


def danger_label(code: str) -> str:
    return _DANGER[code]()


_RELATIONS: dict[str, Callable[[], str]] = {
    "self": lambda: _("It happened to me"),
    "family": lambda: _("A family member"),
    "neighbour": lambda: _("A neighbour or friend"),
    "witness": lambda: _("I saw it myself"),
    "online": lambda: _("I saw it online"),
    "other": lambda: _("Other"),
}


def relation_label(code: str) -> str:
    return _RELATIONS[code]()


_CONTACTS: dict[str, Callable[[], str]] = {
    "anonymous": lambda: _("Stay anonymous"),
    "phone": lambda: _("Leave a phone number"),
    "chat": lambda: _("Allow messages in this chat"),
}


def contact_label(code: str) -> str:
    return _CONTACTS[code]()


_ISLANDS: dict[str, Callable[[], str]] = {
    "timor": lambda: _("Timor"),
    "flores": lambda: _("Flores"),
    "sumba": lambda: _("Sumba"),
    "islands": lambda: _("Alor, Lembata, Rote, Sabu"),
    "elsewhere_id": lambda: _("Elsewhere in Indonesia"),
    "abroad": lambda: _("Abroad"),
}


def island_label(code: str) -> str:
    return _ISLANDS[code]()


_COUNTRIES: dict[str, Callable[[], str]] = {
    "MY": lambda: _("Malaysia"),
    "SG": lambda: _("Singapore"),
    # i18n: same in all languages
    "HK": lambda: _("Hong Kong"),
    "TW": lambda: _("Taiwan"),
    "SA": lambda: _("Saudi Arabia"),
}


def country_label(code: str) -> str | None:
    """The countries offered as buttons, in the reader's language (None for any other)."""
    label = _COUNTRIES.get(code)
    return label() if label else None


def destination_label(code: str) -> str:
    """A destination code (a country, an Indonesian province or island group) for the reader: the offered
    countries translated, every other place by its Indonesian name, which NTT readers use."""
    if code == "unknown":
        return _("I don't know")
    translated = country_label(code)
    if translated:
        return translated
    place = places.destination(code)
    return place.local_name if place else code


def choice_label(value: str) -> str:
    """The label of a destination button: a place's own name ("Batam"), or the country's translated name."""
    picked = places.choice(value)
    if picked is None:
        return value
    return picked.label or destination_label(picked.destination)


def transit_label(code: str) -> str:
    """A transit point as people in NTT write it ("Pelabuhan Tenau"): a name, the same in every language."""
    return places.local_name(code)


def back() -> str:
    return "⬅️ " + _("Back")


def skip() -> str:
    return _("Skip") + " ➡️"


def cancel() -> str:
    return "✖️ " + _("Cancel")


def done() -> str:
    return "✅ " + _("Done")


def other_place(abroad: bool) -> str:
    return "✏️ " + (_("Another country: I will type it") if abroad else _("Another place: I will type it"))


def not_answered() -> str:
    return _("not answered")


def no_files() -> str:
    return _("none")


def skipped() -> str:
    return _("skipped")
