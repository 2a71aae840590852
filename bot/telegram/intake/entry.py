"""Starting a report: from the menu, /report, a typed "mau lapor", or another journey (an advice answer's "report
this", a recruiter check, an offer check), with what that journey already knows.

``start_report`` is the one way in; other journeys call it with their named dependencies.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from aiogram.fsm.context import FSMContext
from aiogram.types import MaybeInaccessibleMessageUnion
from aiogram.utils.i18n import I18n
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import SUPPORTED_LOCALES
from bot.services.advice.questions import answer_language
from bot.services.intake import receipt as receipts
from bot.services.intake.draft import Draft, Step
from bot.services.intake.submit import IntakeService
from bot.services.preferences import LanguagePreferences
from bot.telegram.common.keyboards import main_menu
from bot.telegram.intake import keyboards, texts
from bot.telegram.intake.flow import RECEIPT_SHOWN_AGAIN_SECONDS, Intake, Turn, current_step


async def start_report(
    target: MaybeInaccessibleMessageUnion,
    state: FSMContext,
    *,
    intake: IntakeService,
    session: AsyncSession,
    clock: Callable[[], datetime] | None,
    locale: str,
    pseudonym: str | None = None,
    prefill: dict | None = None,
    lang: str | None = None,
    languages: LanguagePreferences | None = None,
    i18n: I18n | None = None,
) -> None:
    """Start a report in ``target``'s chat (or offer to resume the one in progress).

    ``prefill`` carries answers already known (see ``Draft.apply_prefill``). ``lang`` is a language recognised from
    what the person wrote; without it, the language of a prefilled story is recognised the way advice answers
    recognise it. A recognised language other than the current one becomes the person's choice (unless they chose
    one from the language menu), so every later screen speaks it until they change it. ``clock`` is the app's
    clock (tests move it); without it the first pause of this report goes unnoticed."""
    if await current_step(state) is not None:
        await target.answer(texts.in_progress(), reply_markup=keyboards.resume_keyboard())
        return
    now = clock() if clock is not None else None
    if not prefill and now is not None and await _receipt_not_seen(target, state, session, now):
        return
    if pseudonym is not None and await intake.limit_reached(session, pseudonym, now):
        await target.answer(texts.limit_text(intake.max_per_day), reply_markup=main_menu())
        return
    story = (prefill or {}).get("story")
    if lang is None and isinstance(story, str) and story.strip():
        lang = answer_language(story, locale, SUPPORTED_LOCALES)
    if lang in SUPPORTED_LOCALES and lang != locale:
        # Kept as the person's language from now on, unless they chose one from the language menu.
        adopted = languages is not None and pseudonym is not None and await languages.adopt(session, pseudonym, lang)
        if adopted:
            if i18n is not None:
                i18n.current_locale = lang  # the rest of this update already speaks it
            locale = lang
    draft = Draft(lang=locale)
    if prefill:
        draft.apply_prefill(prefill)
    await begin_draft(target, state, draft, now)


async def _receipt_not_seen(
    target: MaybeInaccessibleMessageUnion, state: FSMContext, session: AsyncSession, now: datetime
) -> bool:
    """Just after filing, before the reporter answered the offer under the receipt, "report" most likely means "did
    my report arrive?" (the receipt may not have): the first time, the receipt is shown again instead of a new
    report; asked again, a new report starts."""
    if await state.get_state() != Intake.submitted.state:
        return False
    data = await state.get_data()
    kept = data.get("receipt")
    if not kept or kept.get("reshown") or now.timestamp() - kept.get("at", 0) > RECEIPT_SHOWN_AGAIN_SECONDS:
        return False
    case = await receipts.kept_case(session, kept)
    if case is None:
        return False
    await state.update_data({"receipt": {**kept, "reshown": True}})
    text = texts.already_filed() + "\n\n" + texts.receipt_text(case, kept["code"])
    await target.answer(text, reply_markup=main_menu())
    return True


async def begin_draft(
    target: MaybeInaccessibleMessageUnion, state: FSMContext, draft: Draft, now: datetime | None
) -> None:
    """The introduction and the first question, in one message."""
    turn = Turn(target, state, draft, now)
    await turn.ask(Step.DANGER, lead=texts.intro())
