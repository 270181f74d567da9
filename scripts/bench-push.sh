#!/usr/bin/env bash
# Change → board push on its own (scripts/bench.sh step 4): a bare SignalR hub broadcasting to 200 clients at 5,000
# messages/s, then the product with 200 board watchers over the county scopes while 5,000 enterprise changes/s are offered.
# Usage: scripts/bench-push.sh [--no-build]   (BENCH_SECONDS=20 BENCH_RATE=5000 BENCH_WATCHERS=200 BENCH_PORT=5097)
#   BENCH_APP_ROOT=<checkout>  another checkout's built product, measured with this checkout's load generator
# Results: <root>/artifacts/bench-push/summary.txt, signalr.json, watchers.json. Loopback only, bounded by BENCH_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${BENCH_SECONDS:-20}; RATE=${BENCH_RATE:-5000}; K=${BENCH_WATCHERS:-200}; PORT=${BENCH_PORT:-5097}
SILO=$((PORT + 6400)); GW=$((PORT + 25400)); URL=http://127.0.0.1:$PORT
APPROOT=$(cd "${BENCH_APP_ROOT:-$PWD}" && pwd)
WEBDLL=$APPROOT/src/WebClient/bin/Release/net10.0/WebClient.dll
OUT=$APPROOT/artifacts/bench-push; mkdir -p "$OUT"; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "${1:-}" != --no-build ]; then
  (cd "$APPROOT" && dotnet build -c Release src/WebClient -nologo -v q >/dev/null)
  dotnet build -c Release src/LoadTest -nologo -v q >/dev/null
fi
KEY=bench-only-$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
APP=
stop_app() { [ -z "$APP" ] || { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=; }; }
trap stop_app EXIT

say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %T') UTC, product from $APPROOT ($(git -C "$APPROOT" rev-parse --short HEAD 2>/dev/null || echo archive))"
say "\$ loadtest baseline-signalr --k $K --rate $RATE --duration $D"
$LT baseline-signalr --k "$K" --rate "$RATE" --duration "$D" --out "$OUT/signalr.json" 2>/dev/null | tee -a "$OUT/summary.txt"
(cd "$APPROOT/src/WebClient" && exec dotnet "$WEBDLL" --Storage:Provider Memory --Auth:SigningKey "$KEY" --urls $URL \
   --Orleans:SiloPort $SILO --Orleans:GatewayPort $GW --Orleans:PrimarySiloPort $SILO --Programme:Data empty \
   --Auth:WritesPerSecond 1000000 --Auth:DemoAccounts false >"$OUT/app.log" 2>&1) &
APP=$!
until curl -sf $URL/readyz >/dev/null; do sleep 0.1; kill -0 $APP 2>/dev/null || { cat "$OUT/app.log" >&2; exit 1; }; done
say "\$ loadtest watchers --k $K --rate $RATE --firms 2000 --duration $D"
$LT watchers --k "$K" --rate "$RATE" --firms 2000 --duration "$D" --gateway $GW --url $URL --out "$OUT/watchers.json" 2>/dev/null | tee -a "$OUT/summary.txt"
