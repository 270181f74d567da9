#!/usr/bin/env bash
# The durable-writes benchmark (BENCHMARKS.md): a private PostgreSQL with its durable defaults (fsync, synchronous
# commit), the product's grain storage against pgbench on it in the same run, then the server is stopped and removed.
# Usage: scripts/benchmark-durable-writes.sh [--seconds 10] [--firms 1000] [--concurrency 64]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source scripts/test-deps.sh
unset TEST_PG_DATA
ensure_postgres durable
trap stop_postgres EXIT
dotnet build src/LoadTest -c Release -nologo -v q >/dev/null
PGPASSWORD=$(sed 's/.*Password=\([^;]*\).*/\1/' <<<"$TEST_PG_CONNECTION") \
  "$TEST_PG_BIN/psql" -q -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$TEST_PG_CONNECTION")" -U postgres -d postgres \
  -c "create database bench"
echo "== $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, PostgreSQL $("$TEST_PG_BIN/postgres" --version | awk '{print $3}'), $(date -u +%F)"
dotnet src/LoadTest/bin/Release/net10.0/LoadTest.dll durable-writes \
  --ConnectionStrings:Orleans "${TEST_PG_CONNECTION/Database=postgres/Database=bench}" --pgbench "$TEST_PG_BIN/pgbench" "$@"
