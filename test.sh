#!/usr/bin/env bash
# Runs every test of the product, installing and starting what the tests need first.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Foundation]
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '\n== %s\n' "$*"; }

# --- what the tests need -----------------------------------------------------------------------
source scripts/test-deps.sh
ensure_test_deps
trap stop_test_deps EXIT

# --- build and test ----------------------------------------------------------------------------
log "Building"
dotnet build Actors.sln -c Release -warnaserror -nologo -v q

log "Testing"
mkdir -p artifacts
set +e
dotnet test Actors.sln -c Release --no-build --nologo --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" \
  --results-directory artifacts/test-results "$@" 2>&1 | tee artifacts/test-output.log
status=${PIPESTATUS[0]}
set -e
stop_test_deps

count() { { grep -E "^ +$1: +[0-9]+$" artifacts/test-output.log || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
# CI keeps only the end of the output: repeat every failure (name and the start of its message) just above the counts.
if [ "$failed" != 0 ] || [ "$status" != 0 ]; then
  echo; echo "== Failures (repeated from above)"
  awk '/^  Failed /{n=1; c=0} /^  (Passed|Skipped) /{n=0} n && c<30 {print; c++}' artifacts/test-output.log | cut -c1-400
fi
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
