"""Questions to staff while they act on a tip, and the confirmations after."""

from __future__ import annotations

from html import escape

from aiogram.utils.i18n import gettext as _

from bot.telegram.staff.texts.labels import agency_label, outcome_label, priority_label, status_label


def prompt_note(case: str) -> str:
    return _("Write the note for {case}. Only staff will see it. /cancel to stop.").format(case=escape(case))


def prompt_priority(case: str) -> str:
    return _("New priority for {case}:").format(case=escape(case))


def prompt_priority_reason(case: str, priority: str) -> str:
    return _("Why should {case} be {priority}? Write the reason (it is kept in the history). /cancel to stop.").format(
        case=escape(case), priority=escape(priority)
    )


def prompt_status(case: str) -> str:
    return _("New status for {case}:").format(case=escape(case))


def prompt_no_status(case: str) -> str:
    return _("There is no status you can move {case} to from here.").format(case=escape(case))


def prompt_close(case: str) -> str:
    return _("How was {case} resolved?").format(case=escape(case))


def prompt_agency(case: str) -> str:
    return _("Refer {case} to which agency?").format(case=escape(case))


def prompt_referral_date(case: str, agency: str) -> str:
    return _("When was {case} referred to {agency}?").format(case=escape(case), agency=agency_label(agency))


def prompt_referral_typed_date() -> str:
    return _("Write the date as DD-MM-YYYY, for example 27-11-2026.")


def bad_date() -> str:
    return _("I could not read that date. Write it as DD-MM-YYYY, for example 27-11-2026.")


def prompt_referral_detail(case: str) -> str:
    return _("Any details of the referral for {case} (officer, reference number)? Write them, or press Skip.").format(
        case=escape(case)
    )


def prompt_link(case: str) -> str:
    return _("Send the case number of the tip to link with {case}. /cancel to stop.").format(case=escape(case))


def prompt_unlink(case: str) -> str:
    return _("Which tip should no longer be linked with {case}?").format(case=escape(case))


def prompt_assign(case: str) -> str:
    return _("Give {case} to:").format(case=escape(case))


def prompt_text_expected() -> str:
    return _("Please write it as a text message, or /cancel.")


def cancelled() -> str:
    return _("Cancelled.")


def done_claim(case: str) -> str:
    return "✅ " + _("{case} is yours now.").format(case=escape(case))


def done_assign(case: str, name: str) -> str:
    return "✅ " + _("{case} given to {name}.").format(case=escape(case), name=escape(name))


def done_priority(case: str, priority: str) -> str:
    return "✅ " + _("{case} is now {priority}.").format(case=escape(case), priority=priority_label(priority))


def done_status(case: str, status: str) -> str:
    return "✅ " + _("{case} is now “{status}”.").format(case=escape(case), status=status_label(status))


def prompt_ask(case: str, is_question: bool, contact: dict | None) -> str:
    if is_question:
        return _(
            "Write the answer to the question {case}. The person reads it with their receipt code. /cancel to stop."
        ).format(case=escape(case))
    lines = [
        _(
            "Write the question for the reporter of {case}. They read it when they open the report with their "
            "receipt code; never ask for their name or address unless it is needed. /cancel to stop."
        ).format(case=escape(case))
    ]
    if contact and contact.get("kind") == "chat":
        lines.append(_("They allowed notices: they will get a message saying only that there is news."))
    return "\n\n".join(lines)


def done_ask(case: str, is_question: bool, notified: bool) -> str:
    if is_question:
        return "✅ " + _("Answer saved for {case}. The person sees it with their receipt code.").format(
            case=escape(case)
        )
    text = "✅ " + _("Question saved for {case}; the tip now waits for the reporter.").format(case=escape(case))
    if notified:
        text += " " + _("A neutral notice is on its way to the reporter.")
    return text


def done_note(case: str) -> str:
    return "✅ " + _("Note added to {case}.").format(case=escape(case))


def done_referral(case: str, agency: str) -> str:
    return "✅ " + _("{case} referred to {agency}.").format(case=escape(case), agency=agency_label(agency))


def done_link(case: str, other: str) -> str:
    return "✅ " + _("{case} linked with {other}.").format(case=escape(case), other=escape(other))


def done_unlink(case: str, other: str) -> str:
    return "✅ " + _("{case} no longer linked with {other}.").format(case=escape(case), other=escape(other))


def done_close(case: str, outcome: str) -> str:
    return "✅ " + _("{case} closed: {outcome}.").format(case=escape(case), outcome=outcome_label(outcome))


# Search, bulk close, case data --------------------------------------------------------------------------------


def prompt_search() -> str:
    return _(
        "Search: send a case number, a phone number, a recruiter's name (6 letters or more) or a place "
        "(regency, port, airport). /cancel to stop."
    )


def prompt_bulk() -> str:
    return _("Tick the duplicates or pranks on this page, then close them together.")


def done_bulk(closed: list[str], refused: list[tuple[str, str]], outcome: str) -> str:
    lines = ["✅ " + _("{count} closed: {outcome}.").format(count=len(closed), outcome=outcome_label(outcome))]
    if closed:
        lines.append(escape(", ".join(closed)))
    if refused:
        lines.append(
            "⛔ "
            + _("Not closed (reviewed or closed already): {cases}").format(
                cases=escape(", ".join(case for case, _code in refused))
            )
        )
    return "\n".join(lines)


def nothing_ticked() -> str:
    return _("Tick at least one tip first.")


def prompt_case_data(case: str) -> str:
    return _("Case data of {case}: choose what to record.").format(case=escape(case))


def prompt_case_field(case: str, field: str) -> str:
    questions = {
        "victims": _("How many victims (people affected) in {case}? Send a number."),
        "victims_minors": _("How many of them are under 18? Send a number."),
        "victims_female": _("How many women and girls? Send a number."),
        "victims_male": _("How many men and boys? Send a number."),
        "destination": _(
            "Where were they being taken? Send a country or a province (for example Malaysia, Kalimantan Barat)."
        ),
    }
    return questions.get(field, "").format(case=escape(case)) + " " + _("Send - if it is not known. /cancel to stop.")


def prompt_transit(case: str) -> str:
    return _("Transit points of {case}: tick each place they went through.").format(case=escape(case))


def bad_number() -> str:
    return _("Please send a whole number (0 or more), or - if it is not known.")


def bad_case_data() -> str:
    return _("Those numbers do not add up: the parts cannot be more than the number of victims.")


def done_case_data(case: str) -> str:
    return "✅ " + _("Case data of {case} saved.").format(case=escape(case))
