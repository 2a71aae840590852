"""Labels every staff screen shares: statuses, priorities, outcomes, agencies, roles, categories, places, times."""

from __future__ import annotations

from datetime import datetime
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.staff.destinations import ISO
from bot.services.staff.model import StaffMember
from bot.services.triage.scoring import wita
from bot.telegram.intake import texts as intake_texts

PRIORITY_ICONS = {"P1": "🔴", "P2": "🟠", "P3": "🟡", "P4": "⚪"}
# Category badges in the queue (the legend is in /staff).
CATEGORY_ICONS = {
    "recruitment_fraud": "💼",
    "undocumented_departure": "🛂",
    "forced_labour": "⛓",
    "sexual_exploitation": "⚠️",
    "child": "👶",
    "documents_held": "📕",
    "other": "❔",
}
MINOR_BADGE = "🧒"
NEWS_BADGE = "📨"


# Labels ----------------------------------------------------------------------------------------------------


def status_label(code: str) -> str:
    labels = {
        "new": _("new"),
        "in_review": _("in review"),
        "awaiting_reporter": _("awaiting the reporter"),
        "referred": _("referred"),
        "closed": _("closed"),
    }
    return labels.get(code, escape(str(code)))


def priority_label(code: str) -> str:
    labels = {"P1": _("P1 urgent"), "P2": _("P2 high"), "P3": _("P3 normal"), "P4": _("P4 low")}
    return PRIORITY_ICONS.get(code, "") + " " + labels.get(code, escape(str(code)))


def outcome_label(code: str | None) -> str:
    labels = {
        "actioned": _("actioned"),
        "departure_stopped": _("departure stopped"),
        "people_rescued": _("people rescued"),
        "returned_home": _("returned home"),
        "police_report": _("police report filed"),
        "suspect_identified": _("suspect identified"),
        "referred": _("referred"),
        "insufficient_information": _("insufficient information"),
        "duplicate": _("duplicate"),
        "false_or_prank": _("false or prank"),
    }
    return labels.get(code or "", escape(code or ""))


def agency_label(code: str) -> str:
    labels = {
        "police": _("Police (Polres / Polsek)"),
        "polda_tf": _("Polda NTT task force"),
        # i18n: same in all languages
        "bp3mi": _("BP3MI NTT"),
        # i18n: same in all languages
        "sapa": _("SAPA 129 / UPTD PPA"),
        # i18n: same in all languages
        "disnaker": _("Disnaker"),
        "other": _("Another agency"),
    }
    return labels.get(code, escape(str(code)))


# ISO codes (as tips keep them) of the places named in destination_label by their older names.
_STAFF_NAME_OF = {iso: name for name, iso in ISO.items()}


def destination_label(code: str) -> str:
    known = {
        "malaysia": _("Malaysia"),
        "singapore": _("Singapore"),
        # i18n: same in all languages
        "hong_kong": _("Hong Kong"),
        "taiwan": _("Taiwan"),
        "saudi_arabia": _("Saudi Arabia"),
        "uae": _("United Arab Emirates"),
        "cambodia": _("Cambodia"),
        # i18n: same in all languages
        "timor_leste": _("Timor-Leste"),
        # i18n: same in all languages
        "kalimantan_barat": _("Kalimantan Barat"),
        # i18n: same in all languages
        "kalimantan_utara": _("Kalimantan Utara"),
        # i18n: same in all languages
        "kepulauan_riau": _("Kepulauan Riau"),
        # i18n: same in all languages
        "jawa_timur": _("Jawa Timur"),
        # i18n: same in all languages
        "dki_jakarta": _("DKI Jakarta"),
        # i18n: same in all languages
        "bali": _("Bali"),
        "abroad": _("abroad"),
        "elsewhere_id": _("elsewhere in Indonesia"),
    }
    named = known.get(code) or known.get(_STAFF_NAME_OF.get(code, ""))
    if named:
        return named
    place = places.destination(code)
    if place is not None:
        return escape(place.local_name)
    if places.is_place_code(code) or places.transit_point(code):
        return escape(places.local_name(code))
    return escape(code.replace("_", " ").title())  # a place typed by staff, kept as a slug


def role_label(code: str) -> str:
    return {"admin": _("admin"), "triager": _("triager"), "viewer": _("viewer")}.get(code, escape(str(code)))


def category_label(code: str | None) -> str:
    if not code:
        return _("no category")
    try:
        return intake_texts.category_label(code)
    except KeyError:
        return escape(code)


def place_label(code: str | None) -> str:
    if not code:
        return _("place not given")
    if code in ("elsewhere_id", "abroad"):
        return intake_texts.island_label(code)
    regency = places.regency(code)
    return escape(regency.name if regency else code)


def kind_label(kind: str) -> str:
    return _("question") if kind == "question" else _("tip")


def staff_name(member: StaffMember | None) -> str:
    if member is None:
        return _("the system")
    return escape(member.label)


def age(created_at: datetime, now: datetime) -> str:
    minutes = max(0, int((now - created_at).total_seconds() // 60))
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    return _("{days} days").format(days=hours // 24)


def local_time(value: datetime) -> str:
    return value.astimezone(wita()).strftime("%d-%m-%Y %H:%M")
