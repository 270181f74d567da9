#!/usr/bin/env bash
# The Orleans-client figure on its own (BENCHMARKS.md, issue 16): bare ping grain vs enterprise changes through the
# Orleans client, memory storage, short enough to run under the shared build lock (≈ 60 s with 10 s runs).
# Usage: scripts/bench-grain.sh [--no-build]   (BENCH_SECONDS=10 BENCH_FIRMS=10000 BENCH_PORT=5140; BENCH_APP_ROOT=DIR
# runs another checkout's built product with this load generator; BENCH_TRACE=FILE samples the product during the
# updates run with dotnet-trace, from BENCH_TOOLS, a folder with a tool manifest holding dotnet-trace)
set -euo pipefail
cd "$(dirname "$0")/.."
D=${BENCH_SECONDS:-10}; FIRMS=${BENCH_FIRMS:-10000}; PORT=${BENCH_PORT:-5140}
SILO=$((PORT + 1)); GW=$((PORT + 2)); URL=http://127.0.0.1:$PORT
OUT=$PWD/artifacts/bench-grain; mkdir -p "$OUT"; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ "${1:-}" = --no-build ] || dotnet build -c Release src/LoadTest -nologo -v q >/dev/null
APPROOT=${BENCH_APP_ROOT:-$PWD}
WEBDLL=$APPROOT/src/WebClient/bin/Release/net10.0/WebClient.dll
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
APP=; TRACER=
cleanup() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi; }
trap cleanup EXIT

say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), product from $APPROOT"
(cd "$APPROOT/src/WebClient" && exec dotnet "$WEBDLL" --Storage:Provider Memory --Auth:SigningKey "bench-only-$(head -c 36 /dev/urandom | base64 | tr -dc A-Za-z0-9)" --urls $URL \
   --Orleans:SiloPort $SILO --Orleans:GatewayPort $GW --Orleans:PrimarySiloPort $SILO --Programme:Data empty \
   --Auth:WritesPerSecond 1000000 --Auth:DemoAccounts false >"$OUT/app.log" 2>&1) &
APP=$!
until curl -sf $URL/readyz >/dev/null; do sleep 0.1; kill -0 $APP 2>/dev/null || { cat "$OUT/app.log"; exit 1; }; done
$LT populate --n "$FIRMS" --gateway $GW --url $URL >/dev/null 2>&1
say "\$ loadtest baseline-ping --duration $D --firms $FIRMS"
$LT baseline-ping --duration "$D" --firms "$FIRMS" --gateway $GW --url $URL 2>/dev/null | tee -a "$OUT/summary.txt" >/dev/null
if [ -n "${BENCH_TRACE:-}" ]; then
  PID=$(pgrep -f "WebClient.dll.*--urls $URL" | head -1)
  (sleep 3; cd "${BENCH_TOOLS:?BENCH_TOOLS: a folder whose tool manifest holds dotnet-trace}" && \
     dotnet dotnet-trace collect -p "$PID" --profile dotnet-sampled-thread-time --duration 00:00:00:06 -o "$BENCH_TRACE" >/dev/null 2>&1) &
  TRACER=$!
fi
say "\$ loadtest updates --closed --firms $FIRMS --duration $D"
$LT updates --closed --firms "$FIRMS" --duration "$D" --gateway $GW --url $URL 2>/dev/null | tee -a "$OUT/summary.txt" >/dev/null
if [ -n "${TRACER:-}" ]; then wait "$TRACER" || true; fi
say "done: $OUT/summary.txt"
