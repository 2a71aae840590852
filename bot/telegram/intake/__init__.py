"""Report a case: the guided anonymous report. Other journeys start one with ``start_report``."""

from bot.telegram.intake.entry import start_report

__all__ = ["start_report"]
