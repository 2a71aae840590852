"""Start menu, language choice and emergency numbers: the journey every user begins with."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import SUPPORTED_LOCALES
from bot.services.preferences import LanguagePreferences
from bot.telegram.common.callbacks import LanguageCallback, MenuAction, MenuCallback
from bot.telegram.common.keyboards import language_keyboard, main_menu
from bot.telegram.common.texts import emergency_keyboard, emergency_text
from bot.telegram.i18n import LANGUAGE_NAMES


def welcome_text() -> str:
    return "\n\n".join(
        [
            "<b>" + _("Welcome to Tipline NTT") + "</b>",
            _(
                "Here you can report a suspected case of human trafficking (TPPO) without giving your name, "
                "ask how to work abroad safely and legally, and check a recruiter."
            ),
            _("We never show your name or number to anyone, and you can stay anonymous."),
            _("If someone is in danger right now, call the police on 110."),
        ]
    )


def menu_text() -> str:
    return _("What would you like to do?")


def build_router() -> Router:
    router = Router(name="start")
    router.message.register(on_start, CommandStart())
    router.message.register(on_menu, Command("menu", "help"))
    router.message.register(on_language_command, Command("language", "bahasa", "lang"))
    router.message.register(on_emergency_command, Command("emergency", "darurat", "sos"))
    router.callback_query.register(on_home, MenuCallback.filter(F.action == MenuAction.HOME))
    router.callback_query.register(on_language_menu, MenuCallback.filter(F.action == MenuAction.LANGUAGE))
    router.callback_query.register(on_emergency, MenuCallback.filter(F.action == MenuAction.EMERGENCY))
    router.callback_query.register(on_language_chosen, LanguageCallback.filter())
    return router


async def leave_screens(state: FSMContext) -> None:
    """Going back to the menu closes whatever screen was open, except a report in progress (that is resumable)."""
    current = await state.get_state()
    if current is not None and not current.startswith("Intake:"):
        await state.clear()


async def on_start(message: Message, state: FSMContext) -> None:
    await leave_screens(state)
    # One message, not two: fewer bubbles on a small screen, and one request less in a crowd.
    await message.answer(welcome_text() + "\n\n" + menu_text(), reply_markup=main_menu())


async def on_menu(message: Message, state: FSMContext) -> None:
    await leave_screens(state)
    await message.answer(menu_text(), reply_markup=main_menu())


async def on_home(query: CallbackQuery, state: FSMContext) -> None:
    await leave_screens(state)
    await query.answer()
    if query.message is not None:
        await query.message.answer(menu_text(), reply_markup=main_menu())


async def on_language_command(message: Message, locale: str) -> None:
    await message.answer(_("Choose your language:"), reply_markup=language_keyboard(locale))


async def on_language_menu(query: CallbackQuery, locale: str) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(_("Choose your language:"), reply_markup=language_keyboard(locale))


async def on_language_chosen(
    query: CallbackQuery,
    callback_data: LanguageCallback,
    session: AsyncSession,
    i18n: I18n,
    languages: LanguagePreferences,
    pseudonym: str | None = None,
) -> None:
    code = callback_data.code
    if code not in SUPPORTED_LOCALES or pseudonym is None:
        await query.answer(_("This language is not available."), show_alert=True)
        return
    await languages.set(session, pseudonym, code)
    i18n.current_locale = code  # the rest of this update already speaks the new language
    await query.answer()
    if query.message is not None:
        await query.message.answer(_("Language set to {language}.").format(language=LANGUAGE_NAMES[code]))
        await query.message.answer(menu_text(), reply_markup=main_menu())


async def on_emergency_command(message: Message) -> None:
    await message.answer(emergency_text(), reply_markup=emergency_keyboard())


async def on_emergency(query: CallbackQuery) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(emergency_text(), reply_markup=emergency_keyboard())
