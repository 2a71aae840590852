"""bench_bot's ``--runs`` rows: the figures README quotes for the crowd are these medians, so a median that took the
mean, the first run or the last would misreport the p95 the issue is judged on."""

from __future__ import annotations

from bench.bot_results import Result, median_row


def _run(per_second: float, p95_seconds: float, *, unanswered: int = 0, rss: float = 160.0) -> Result:
    # 100 updates; the latencies put p50 at 0.5 s and the p95 at the given value
    latencies = [0.5] * 95 + [p95_seconds] * 5
    return Result("tipline", "reports", 100, 100 / per_second, 0.2, latencies, unanswered, 0, rss)


def test_the_median_row_takes_the_middle_run_of_each_figure_and_sums_what_went_wrong():
    runs = [_run(400, 1.3), _run(600, 2.6, unanswered=1, rss=170), _run(450, 1.5)]
    cells = [cell.strip() for cell in median_row(runs, [0.5, 0.7, 0.6]).strip("|").split("|")]
    assert cells[0] == "reports, median of 3"
    assert cells[2] == "300"  # updates of all runs
    assert cells[3] == "450"  # updates/s: the middle run, not the mean (483) nor the first
    assert cells[4] == "0.60"
    assert cells[7] == "1500"  # p95 in ms: the middle of 1300, 2600, 1500
    assert cells[8] == "1"  # unanswered summed: one is one too many
    assert cells[10] == "170"  # the highest RSS, not the median


def test_the_echo_bots_row_has_no_ratio_to_itself():
    cells = [cell.strip() for cell in median_row([_run(800, 0.5)], None).strip("|").split("|")]
    assert cells[4] == "1.00"
