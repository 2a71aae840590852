"""Buttons of the report. Only step names and short answer codes travel in callback data (at most 64 bytes)."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.services.intake.draft import Step


class Answer(CallbackData, prefix="ia"):
    """A button answer to the question of ``step``; ``step`` guards against old buttons."""

    step: Step
    value: str


class NavAction(StrEnum):
    BACK = "back"
    SKIP = "skip"
    DONE = "done"
    CANCEL = "cancel"
    CANCEL_YES = "cancel_yes"
    CANCEL_NO = "cancel_no"
    EDIT = "edit"  # change the answer of ``step``, from the review
    EDITS = "edits"  # show the answers that can be changed
    SUMMARY = "summary"  # back to the review's own buttons
    ISLANDS = "where"  # back to the islands from a list of regencies or places
    PHONE = "phone"  # write (another) phone number
    RESUME = "resume"
    DISCARD = "discard"
    RESTART = "restart"  # after a pause: discard and start a new report
    CLEAR_YES = "clear_yes"
    CLEAR_NO = "clear_no"


class Nav(CallbackData, prefix="in"):
    """Moving through the report; ``step`` is where the button was shown."""

    action: NavAction
    step: Step | None = None


class Island(CallbackData, prefix="ii"):
    """Show the regencies of an island (or the small islands together) at the place question."""

    island: str


class Away(CallbackData, prefix="iw"):
    """Show the places outside NTT at the place question: elsewhere in Indonesia, or abroad; ``other``: the
    reporter will type the name."""

    region: str
    other: bool = False


class TypePlace(CallbackData, prefix="iy"):
    """ "Another place: I will type it" at the question where they are going."""


class Transit(CallbackData, prefix="iz"):
    """A transit point at the route question, on or off."""

    code: str


class Contact(StrEnum):
    ANONYMOUS = "anonymous"
    CHAT = "chat"
    PHONE = "phone"


class Send(CallbackData, prefix="is"):
    """Send the report, anonymously or with a way to be contacted."""

    contact: Contact


class Confirm(CallbackData, prefix="ic"):
    """The answer to a contradiction the review asks about (``code``: minors or danger)."""

    code: str
    value: str
