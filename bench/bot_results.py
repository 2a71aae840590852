"""bench_bot's figures: one run's result of one bot, and the table's rows (a run's, or the medians of several).
Kept apart from the processes and the crowd that produce them."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

TABLE_HEADER = (
    "| workload | bot | updates | updates/s | x echo | CPU us/update | p50 ms | p95 ms | unanswered | failures "
    "| peak RSS MiB |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
)


def _p95(ordered: list[float]) -> float:
    """The 95th percentile of sorted values, as every figure of this bench reads it."""
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


@dataclass
class Result:
    bot: str
    workload: str
    updates: int
    seconds: float
    cpu_seconds: float
    latencies: list[float] = field(default_factory=list)
    unanswered: int = 0
    failures: int = 0
    peak_rss_mib: float = 0.0
    failures_at_stop: int = 0
    by_step: dict[str, list[float]] = field(default_factory=dict)  # reports: each step's latencies

    @property
    def per_second(self) -> float:
        return self.updates / self.seconds if self.seconds else 0.0

    def row(self, ratio: str) -> str:
        return _table_row(
            self.workload,
            self.bot,
            self.updates,
            self.per_second,
            ratio,
            self.cpu_us,
            self.p50_ms,
            self.p95_ms,
            self.unanswered,
            self.failures,
            self.peak_rss_mib,
        )

    @property
    def cpu_us(self) -> float:
        return self.cpu_seconds / self.updates * 1e6 if self.updates else 0.0

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.latencies) * 1000 if self.latencies else 0.0

    @property
    def p95_ms(self) -> float:
        return _p95(sorted(self.latencies)) * 1000 if self.latencies else 0.0

    def slowest_steps(self, count: int = 3) -> str:
        """The report's steps with the highest p95, and how many of the run's slowest 5% each holds."""
        cut = _p95(sorted(self.latencies))
        rows = []
        for step, values in self.by_step.items():
            ordered = sorted(values)
            rows.append((_p95(ordered), step, statistics.median(ordered), sum(v > cut for v in ordered)))
        rows.sort(reverse=True)
        parts = [f"{step} (p50 {p50:.2f} s, p95 {p95:.2f} s, {n} of the slowest 5%)" for p95, step, p50, n in rows]
        return "; ".join(parts[:count])


def median_row(runs: list[Result], ratios: list[float] | None) -> str:
    """One workload's runs of one bot in a row: the medians of the speeds and latencies, the sums of what went wrong,
    the highest RSS."""
    first = runs[0]
    median = statistics.median
    return _table_row(
        f"{first.workload}, median of {len(runs)}",
        first.bot,
        sum(r.updates for r in runs),
        median(r.per_second for r in runs),
        f"{median(ratios):.2f}" if ratios else "1.00",
        median(r.cpu_us for r in runs),
        median(r.p50_ms for r in runs),
        median(r.p95_ms for r in runs),
        sum(r.unanswered for r in runs),
        sum(r.failures for r in runs),
        max(r.peak_rss_mib for r in runs),
    )


def _table_row(
    workload: str,
    bot: str,
    updates: int,
    per_second: float,
    ratio: str,
    cpu_us: float,
    p50_ms: float,
    p95_ms: float,
    unanswered: int,
    failures: int,
    rss_mib: float,
) -> str:
    """One row of the table, in the header's order: a run's, or the medians of several."""
    return (
        f"| {workload} | {bot} | {updates} | {per_second:.0f} | {ratio} | {cpu_us:.0f} | {p50_ms:.0f} | "
        f"{p95_ms:.0f} | {unanswered} | {failures} | {rss_mib:.0f} |"
    )
