"""The neutral notice a reporter who allowed it gets when the task force asks something.

It says only that there is news: never the question, the case number or anything else about the report, since
someone else may be holding the phone.
"""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _


def reporter_notice_text() -> str:
    return _(
        "There is news about your report. Open it with your receipt code: press “Check my report” in the menu "
        "or send /status."
    )
