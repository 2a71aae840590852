"""Callback data. Only short codes and ids travel in buttons (at most 64 bytes), never user text."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData


class MenuAction(StrEnum):
    REPORT = "report"
    ASK = "ask"
    RECRUITER = "recruiter"
    STATUS = "status"
    EMERGENCY = "sos"
    LANGUAGE = "lang"
    HOME = "home"


class MenuCallback(CallbackData, prefix="m"):
    action: MenuAction


class LanguageCallback(CallbackData, prefix="l"):
    code: str
