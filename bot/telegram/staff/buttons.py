"""Staff buttons: one handler per action (``Act``), chosen by a CallbackData filter. Queue buttons are in
``queue_buttons.py``, a tip's in ``case_buttons.py``; the staff gate has checked the presser and answers refusals."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiogram import F, Router

from bot.telegram.staff import case_buttons, queue_buttons
from bot.telegram.staff.callbacks import Act, StaffCb

# Each handler takes the dependencies it needs (aiogram passes them by name).
HANDLERS: dict[Act, Callable[..., Awaitable[None]]] = {
    Act.QUEUE: queue_buttons.on_queue,
    Act.FILTER_MENU: queue_buttons.on_filter_menu,
    Act.SEARCH: queue_buttons.on_search,
    Act.SELECT: queue_buttons.on_select,
    Act.PICK: queue_buttons.on_pick,
    Act.BULK: queue_buttons.on_bulk,
    Act.CASELOAD: queue_buttons.on_caseload,
    Act.OPEN: case_buttons.on_open,
    Act.CLAIM: case_buttons.on_claim,
    Act.ASSIGN_MENU: case_buttons.on_assign_menu,
    Act.ASSIGN: case_buttons.on_assign,
    Act.PRIORITY_MENU: case_buttons.on_priority_menu,
    Act.PRIORITY: case_buttons.on_priority,
    Act.STATUS_MENU: case_buttons.on_status_menu,
    Act.STATUS: case_buttons.on_status,
    Act.CLOSE_MENU: case_buttons.on_close_menu,
    Act.CLOSE: case_buttons.on_close,
    Act.NOTE: case_buttons.on_note,
    Act.ASK: case_buttons.on_ask,
    Act.REFER_MENU: case_buttons.on_refer_menu,
    Act.REFER_AGENCY: case_buttons.on_refer_agency,
    Act.REFER_DATE: case_buttons.on_refer_date,
    Act.REFER_SKIP: case_buttons.on_refer_skip,
    Act.DATA_MENU: case_buttons.on_data_menu,
    Act.DATA_FIELD: case_buttons.on_data_field,
    Act.TRANSIT: case_buttons.on_transit,
    Act.LINK: case_buttons.on_link,
    Act.UNLINK_MENU: case_buttons.on_unlink_menu,
    Act.UNLINK: case_buttons.on_unlink,
    Act.CANCEL: case_buttons.on_cancel,
}


def build_buttons_router() -> Router:
    router = Router(name="staff.buttons")
    for act, handler in HANDLERS.items():
        router.callback_query.register(handler, StaffCb.filter(F.a == act))
    return router
