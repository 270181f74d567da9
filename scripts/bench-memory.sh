#!/usr/bin/env bash
# Memory per enterprise on its own (scripts/bench.sh step 5): an empty silo, then BENCH_ENTERPRISES firms with two projects
# each written through the Orleans client, the managed heap and the process's private bytes measured above the empty silo.
# Usage: scripts/bench-memory.sh [--no-build]   (BENCH_ENTERPRISES="10000 100000" BENCH_PORT=5097 to change)
#   BENCH_APP_ROOT=<checkout>  another checkout's built product, measured with this checkout's load generator
#   BENCH_APP_ARGS="…"         extra arguments for the product (e.g. --Orleans:DirectoryCacheSize 1000000)
# Results: <root>/artifacts/bench-memory/summary.txt and memory-N.json. Loopback only; each run is bounded by its count.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${BENCH_ENTERPRISES:-10000 100000}; PORT=${BENCH_PORT:-5097}
SILO=$((PORT + 6400)); GW=$((PORT + 25400)); URL=http://127.0.0.1:$PORT
APPROOT=$(cd "${BENCH_APP_ROOT:-$PWD}" && pwd)
WEBDLL=$APPROOT/src/WebClient/bin/Release/net10.0/WebClient.dll
OUT=$APPROOT/artifacts/bench-memory; mkdir -p "$OUT"; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" != --no-build ]; then
  (cd "$APPROOT" && dotnet build -c Release src/WebClient -nologo -v q >/dev/null)
  dotnet build -c Release src/LoadTest -nologo -v q >/dev/null
fi
KEY=bench-only-$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
# shellcheck disable=SC2206
EXTRA=(${BENCH_APP_ARGS:-})
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
APP=
stop_app() { [ -z "$APP" ] || { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; }; }
trap stop_app EXIT

say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %T') UTC, product from $APPROOT ($(git -C "$APPROOT" rev-parse --short HEAD 2>/dev/null || echo archive))"
for n in $SIZES; do
  (cd "$APPROOT/src/WebClient" && exec dotnet "$WEBDLL" --Storage:Provider Memory --Auth:SigningKey "$KEY" --urls $URL \
     --Orleans:SiloPort $SILO --Orleans:GatewayPort $GW --Orleans:PrimarySiloPort $SILO --Programme:Data empty \
     --Auth:WritesPerSecond 1000000 --Auth:DemoAccounts false --Diagnostics:Memory true "${EXTRA[@]}" >"$OUT/app-$n.log" 2>&1) &
  APP=$!
  until curl -sf $URL/readyz >/dev/null; do sleep 0.1; kill -0 $APP 2>/dev/null || { cat "$OUT/app-$n.log" >&2; exit 1; }; done
  say "\$ loadtest populate --n $n --memory"
  $LT populate --n "$n" --memory --gateway $GW --url $URL --out "$OUT/memory-$n.json" 2>/dev/null | tee -a "$OUT/summary.txt"
  stop_app
done
