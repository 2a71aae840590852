"""Report a case: which handler answers what. One handler per button action (typed callback data filters), per
kind of message and per group of questions; the handlers are in ``handlers/``, the report's logic in
``bot.services.intake``."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter

from bot.telegram.common.callbacks import MenuAction, MenuCallback
from bot.telegram.intake.callbacks import Answer, Away, Confirm, Island, Nav, NavAction, Send, Transit, TypePlace
from bot.telegram.intake.filters import Misplaced, Paused, ReportPhrase
from bot.telegram.intake.flow import DRAFT_KEY, IN_REPORT_STATES, Intake
from bot.telegram.intake.handlers import answers, moving, sending, starting, typed

SAFE_COMMANDS = ("emergency", "darurat", "sos", "language", "bahasa", "lang")
IN_REPORT = StateFilter(*IN_REPORT_STATES)
CHOICE_STATES = StateFilter(
    Intake.danger,
    Intake.category,
    Intake.where,
    Intake.when,
    Intake.destination,
    Intake.people,
    Intake.minors,
    Intake.recruiter,
    Intake.route,
    Intake.relation,
)
MEDIA = F.photo | F.document | F.voice | F.video | F.audio | F.video_note
NOT_COMMAND = ~F.text.startswith("/")


def _nav(action: NavAction):
    return Nav.filter(F.action == action)


def build_phrase_router() -> Router:
    """ "mau lapor", "I want to report", "ha'u hakarak hato'o" open the report from anywhere (in the middle of a
    report: the current question again). It comes before every journey but the staff's, whose typed notes it must
    not take."""
    router = Router(name="intake_phrase")
    router.message.register(starting.on_report_phrase, F.text, ReportPhrase())
    return router


def build_router() -> Router:
    router = Router(name="intake")
    m, c = router.message.register, router.callback_query.register

    # Starting, and a report already in progress.
    c(starting.on_menu_report, MenuCallback.filter(F.action == MenuAction.REPORT))
    m(starting.on_report_command, Command("report", "lapor"))
    m(starting.on_start_during_report, CommandStart(), IN_REPORT)
    # Other commands would start another journey and abandon the draft: offer to continue or discard instead.
    # Help that changes nothing (emergency numbers, language) still works in the middle of a report.
    m(starting.on_start_during_report, IN_REPORT, F.text.startswith("/"), ~Command(*SAFE_COMMANDS))
    m(starting.on_paused, IN_REPORT, F.text | F.location | F.contact, Paused())
    c(starting.on_resume, _nav(NavAction.RESUME))
    c(starting.on_discard, _nav(NavAction.DISCARD))
    c(starting.on_restart, _nav(NavAction.RESTART))

    # Typed answers, files and everything else people send. Words typed before the current question was shown
    # (the same question answered on two copies of it) are not taken as its answer, nor words sent while the bot
    # cannot tell which question they answer (it stopped while showing the current one).
    m(typed.on_misplaced, IN_REPORT, F.text, NOT_COMMAND, Misplaced())
    m(typed.on_phone_text, StateFilter(Intake.contact_phone), F.text, NOT_COMMAND)
    m(typed.on_story_text, StateFilter(Intake.story, Intake.evidence), F.text, NOT_COMMAND)
    m(typed.on_review_text, StateFilter(Intake.review), F.text, NOT_COMMAND)
    m(typed.on_text, CHOICE_STATES, F.text, NOT_COMMAND)
    m(typed.on_media, IN_REPORT, MEDIA)
    m(typed.on_location, IN_REPORT, F.location)
    m(typed.on_contact_card, IN_REPORT, F.contact)
    m(typed.on_unsupported, IN_REPORT, NOT_COMMAND)

    # Buttons: answers and pickers.
    c(answers.on_answer, Answer.filter())
    c(answers.on_island, Island.filter())
    c(answers.on_away, Away.filter())
    c(answers.on_islands, _nav(NavAction.ISLANDS))
    c(answers.on_type_destination, TypePlace.filter())
    c(answers.on_transit, Transit.filter())

    # Buttons: moving through the report.
    c(moving.on_back, _nav(NavAction.BACK))
    c(moving.on_skip, _nav(NavAction.SKIP))
    c(moving.on_done, _nav(NavAction.DONE))
    c(moving.on_cancel, _nav(NavAction.CANCEL))
    c(moving.on_cancel_confirmed, _nav(NavAction.CANCEL_YES))
    c(moving.on_cancel_declined, _nav(NavAction.CANCEL_NO))
    c(moving.on_edits, _nav(NavAction.EDITS))
    c(moving.on_edit, _nav(NavAction.EDIT))
    c(moving.on_summary, _nav(NavAction.SUMMARY))

    # Buttons: the review's questions, sending, after sending.
    c(sending.on_confirm, Confirm.filter())
    c(sending.on_send, Send.filter())
    c(sending.on_phone_again, _nav(NavAction.PHONE))
    c(sending.on_clear_chat, _nav(NavAction.CLEAR_YES))
    c(sending.on_keep_chat, _nav(NavAction.CLEAR_NO))
    return router


__all__ = ["DRAFT_KEY", "build_phrase_router", "build_router"]
