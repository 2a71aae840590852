"""Button labels of the report, and the answers they stand for (the staff screens show answers with these too)."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from bot.services import places


def category_label(code: str) -> str:
    return {
        "recruitment_fraud": _("Fake job offer or illegal recruitment"),
        "undocumented_departure": _("Leaving without proper documents"),
        "forced_labour": _("Forced or unpaid work"),
        "sexual_exploitation": _("Sexual exploitation"),
        "child": _("A child is involved"),
        "documents_held": _("Passport or ID taken away"),
        "other": _("Something else"),
    }[code]


def departure_label(code: str) -> str:
    return {
        "today": _("Today or tonight"),
        "this_week": _("This week"),
        "later": _("Later"),
        "already_left": _("Already left"),
        "unknown": _("I don't know"),
    }[code]


def people_label(code: str) -> str:
    return {"1": _("One person"), "2-5": _("2 to 5"), "6+": _("More than 5"), "unknown": _("I don't know")}[code]


def yes_no_label(code: str) -> str:
    return {"yes": _("Yes"), "no": _("No"), "unknown": _("I don't know")}[code]


def danger_label(code: str) -> str:
    return {"yes": _("Yes, someone is in danger now"), "no": _("No"), "unknown": _("I'm not sure")}[code]


def relation_label(code: str) -> str:
    return {
        "self": _("It happened to me"),
        "family": _("A family member"),
        "neighbour": _("A neighbour or friend"),
        "witness": _("I saw it myself"),
        "online": _("I saw it online"),
        "other": _("Other"),
    }[code]


def contact_label(code: str) -> str:
    return {
        "anonymous": _("Stay anonymous"),
        "phone": _("Leave a phone number"),
        "chat": _("Allow messages in this chat"),
    }[code]


def island_label(code: str) -> str:
    return {
        "timor": _("Timor"),
        "flores": _("Flores"),
        "sumba": _("Sumba"),
        "islands": _("Alor, Lembata, Rote, Sabu"),
        "elsewhere_id": _("Elsewhere in Indonesia"),
        "abroad": _("Abroad"),
    }[code]


def country_label(code: str) -> str | None:
    """The countries offered as buttons, in the reader's language (None for any other)."""
    labels = {
        "MY": _("Malaysia"),
        "SG": _("Singapore"),
        # i18n: same in all languages
        "HK": _("Hong Kong"),
        "TW": _("Taiwan"),
        "SA": _("Saudi Arabia"),
    }
    return labels.get(code)


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
