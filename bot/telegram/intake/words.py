"""The button labels of every question in every language, as typed text to answer codes: someone who types "Sudah
berangkat" or "Ha'u la hatene" instead of pressing gets the same answer. Built once per translation set."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from aiogram.utils.i18n import I18n

from bot.config import SUPPORTED_LOCALES
from bot.services import places
from bot.services.intake.draft import (
    CATEGORIES,
    DEPARTURES,
    PEOPLE_CHOICES,
    RELATIONS,
    UNKNOWN_DESTINATION,
    YES_NO_UNKNOWN,
    Step,
)
from bot.services.intake.understand import normalise
from bot.telegram.intake import labels

_LABELS: dict[Step, tuple[Callable[[str], str], Iterable[str]]] = {
    Step.DANGER: (labels.danger_label, YES_NO_UNKNOWN),
    Step.CATEGORY: (labels.category_label, CATEGORIES),
    Step.WHEN: (labels.departure_label, DEPARTURES),
    Step.PEOPLE: (labels.people_label, PEOPLE_CHOICES),
    Step.MINORS: (labels.yes_no_label, YES_NO_UNKNOWN),
    Step.RELATION: (labels.relation_label, RELATIONS),
}


@lru_cache(maxsize=8)
def label_tables(i18n: I18n) -> Mapping[Step, Mapping[str, str]]:
    """For each question: every language's label of each button (normalised as typed text is) -> its code."""
    tables: dict[Step, dict[str, str]] = {step: {} for step in (*_LABELS, Step.DESTINATION, Step.WHERE)}
    for locale in SUPPORTED_LOCALES:
        with i18n.use_locale(locale):
            for step, (label, codes) in _LABELS.items():
                for code in codes:
                    tables[step].setdefault(normalise(label(code)), code)
            for choice in (*places.indonesia_choices(), *places.abroad_choices()):
                tables[Step.DESTINATION].setdefault(normalise(labels.choice_label(choice.value)), choice.value)
            tables[Step.DESTINATION].setdefault(normalise(labels.yes_no_label("unknown")), UNKNOWN_DESTINATION)
            for code in ("timor", "flores", "sumba", "islands", places.ELSEWHERE_ID, places.ABROAD):
                tables[Step.WHERE].setdefault(normalise(labels.island_label(code)), code)
    return tables


def labels_for(i18n: I18n, step: Step) -> Mapping[str, str]:
    return label_tables(i18n).get(step, {})
