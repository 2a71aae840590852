#!/usr/bin/env bash
# The whole test suite RUNS times in a row (default 20) while busy loops keep every core busy; stops at the first
# failure. Flaky tests show up here: a test that depends on timing fails when the CPU is slow to get to it.
#
#   scripts/stress_suite.sh            # 20 runs on SQLite
#   scripts/stress_suite.sh 3          # 3 runs
#   TEST_DATABASE_URL=postgresql+asyncpg://postgres@127.0.0.1:55432/postgres scripts/stress_suite.sh
#
# Each run's output is kept in data/stress/run-N.log; the last lines of a failed run are printed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-20}
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)
logs=data/stress
mkdir -p "$logs"
rm -f "$logs"/run-*.log

burners=()
stop_burners() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${burners[@]}" 2>/dev/null || true
}
trap stop_burners EXIT
for _ in $(seq "$cores"); do
  # A busy loop per core at normal priority, like another developer's build or test run on the same machine.
  sh -c 'while :; do :; done' &
  burners+=("$!")
done
echo "$cores busy loop(s) running; $runs run(s) of make test (logs in $logs/)"

total=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  if make -s test >"$logs/run-$i.log" 2>&1; then
    took=$(($(date +%s) - start))
    total=$((total + took))
    echo "run $i/$runs passed in ${took} s"
  else
    echo "run $i/$runs FAILED after $(($(date +%s) - start)) s; the end of $logs/run-$i.log:"
    tail -n 60 "$logs/run-$i.log"
    exit 1
  fi
done
echo "all $runs runs passed; mean $((total / runs)) s a run with every core busy"
