"""Where a user is in the recruiter journey (kept in the SQL FSM storage, so it survives a restart)."""

from __future__ import annotations

from aiogram.filters import StateFilter
from aiogram.fsm.state import State, StatesGroup


class RecruiterCheck(StatesGroup):
    query = State()  # waiting for a company name, licence number or phone
    offer = State()  # answering the job-offer questions


IN_FLOW = StateFilter(RecruiterCheck.query, RecruiterCheck.offer)
