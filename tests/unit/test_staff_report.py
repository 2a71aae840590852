"""Small counts in figures that leave the task force: every count from 1 to 4 is hidden, and no row or column is left
with a single hidden cell that its total would give away. Searches resolve to the keys filing makes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.privacy import Pseudonymizer
from bot.services.staff.report import HIDDEN, suppress
from bot.services.staff.search import resolve
from bot.services.staff.stats import Table
from bot.services.triage.entities import extract_entities
from bot.services.triage.facts import TipFacts
from bot.services.triage.linking import link_keys

counts = st.integers(min_value=0, max_value=30)


@st.composite
def tables(draw) -> Table:
    rows = [f"r{i}" for i in range(draw(st.integers(1, 6)))]
    cols = [f"c{i}" for i in range(draw(st.integers(1, 6)))]
    cells = {(r, c): draw(counts) for r in rows for c in cols}
    return Table("t", rows, cols, cells)


@settings(max_examples=300, deadline=None)
@given(tables())
def test_small_counts_are_hidden_and_cannot_be_worked_out_from_a_total(table: Table):
    result = suppress(table)
    shown = result.cells
    for key, value in table.cells.items():
        if 0 < value < 5:
            assert shown[key] == HIDDEN
        elif shown[key] != HIDDEN:
            assert shown[key] == value  # what is shown is the true count
    lines = [(r, True, [(r, c) for c in table.cols]) for r in table.rows]
    lines += [(c, False, [(r, c) for r in table.rows]) for c in table.cols]
    for name, is_row, line in lines:
        hidden = [k for k in line if shown[k] == HIDDEN]
        total_hidden = name in (result.hidden_row_totals if is_row else result.hidden_col_totals)
        # One hidden cell beside shown ones is the line's total minus the rest: then the total is not shown.
        if len(hidden) == 1:
            assert total_hidden, (name, line)
        total = sum(table.cells[k] for k in line)
        if 0 < total < 5:
            assert total_hidden


def test_a_table_of_big_counts_is_shown_whole():
    table = Table("t", ["a", "b"], ["x", "y"], {("a", "x"): 10, ("a", "y"): 0, ("b", "x"): 7, ("b", "y"): 12})
    result = suppress(table)
    assert result.cells == table.cells and not result.hidden_row_totals and not result.hidden_col_totals


def test_searches_use_the_keys_that_filing_stores():
    pseudonymizer = Pseudonymizer(b"p" * 32)

    def filed(recruiter: str) -> set[str]:
        return {
            pseudonymizer.keyed_hash(f"link:{k}") for k in link_keys(extract_entities(TipFacts(recruiter=recruiter)))
        }

    assert resolve("0812-3456-7890", pseudonymizer).key_hash in filed("Om Anton 0812 3456 7890")
    assert resolve("+62 812 3456 7890", pseudonymizer).key_hash in filed("hubungi 081234567890")
    search = resolve("PT Maju Jaya Sejahtera", pseudonymizer)
    assert search.kind == "name" and search.key_hash in filed("pt maju jaya sejahtera")
    assert search.label == "P. M. J. S."  # initials only: the name itself is not shown back
    assert resolve("Pelabuhan Tenau", pseudonymizer).place == "tenau"
    assert resolve("PT Kupang Jaya Abadi", pseudonymizer).kind == "name"  # a company, not the town
