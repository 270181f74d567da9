#!/usr/bin/env bash
# The REST figure on its own, short enough to run under the shared build lock (≈ 2 min with the defaults):
# the project's HTTP loop and wrk, each against the product and against a bare Kestrel PUT, in one run.
# Every measured window follows BENCH_WARMUP seconds of the same load on the same target, not recorded (the loop's
# --warmup; an unreported wrk run before each wrk), so no figure times a process still compiling its code.
# Usage: scripts/bench-rest.sh [--no-build]   (BENCH_SECONDS=10 BENCH_WARMUP=15 BENCH_FIRMS=2000 BENCH_PORT=5097 to change)
# BENCH_APP_ENV="DOTNET_gcServer=0 …" sets environment variables for the product only (not the baselines), to A/B a runtime setting.
# Results: artifacts/bench-rest/summary.txt. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${BENCH_SECONDS:-10}; W=${BENCH_WARMUP:-15}; FIRMS=${BENCH_FIRMS:-2000}; PORT=${BENCH_PORT:-5097}
SILO=$((PORT + 6400)); GW=$((PORT + 25400)); BARE=$((PORT - 1)); URL=http://127.0.0.1:$PORT
OUT=$PWD/artifacts/bench-rest; mkdir -p "$OUT"; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ "${1:-}" = --no-build ] || dotnet build -c Release src/LoadTest -nologo -v q >/dev/null
KEY=bench-only-$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)
APPROOT=${BENCH_APP_ROOT:-$PWD}   # another checkout's built product, to compare two builds with this load generator
WEBDLL=$APPROOT/src/WebClient/bin/Release/net10.0/WebClient.dll
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
# CPU seconds a process has used (user + system), and a command's own CPU, to tell the generator's cost from the server's.
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$1/stat"; }
timed() { /usr/bin/time -f '%U %S' -o "$OUT/cpu.txt" "$@"; }
spent() { awk '{printf "%.1f", $1 + $2}' "$OUT/cpu.txt"; }
APP=; BAREPID=
cleanup() { for p in $APP $BAREPID; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), product from $APPROOT${BENCH_APP_ENV:+, product env $BENCH_APP_ENV}"
(cd "$APPROOT/src/WebClient" && exec env ${BENCH_APP_ENV:-} dotnet "$WEBDLL" --Storage:Provider Memory --Auth:SigningKey "$KEY" --urls $URL \
   --Orleans:SiloPort $SILO --Orleans:GatewayPort $GW --Orleans:PrimarySiloPort $SILO --Programme:Data empty \
   --Auth:WritesPerSecond 1000000 --Auth:DemoAccounts false >"$OUT/app.log" 2>&1) &
APP=$!
until curl -sf $URL/readyz >/dev/null; do sleep 0.1; kill -0 $APP 2>/dev/null || { cat "$OUT/app.log"; exit 1; }; done
$LT populate --n "$FIRMS" --gateway $GW --url $URL >/dev/null 2>&1
TOKEN=$(dotnet "$WEBDLL" token --role city --name wrk-bench --hours 1 --Auth:SigningKey="$KEY" 2>/dev/null)

say "\$ loadtest baseline-kestrel --warmup $W --duration $D"
timed $LT baseline-kestrel --warmup "$W" --duration "$D" 2>/dev/null | tee "$OUT/kestrel.txt" | tee -a "$OUT/summary.txt" >/dev/null
say "  cpu, warm-up + window: loadtest (loop and bare server in one process) $(spent) s"
say "\$ loadtest updates --via rest --closed --firms $FIRMS --warmup $W --duration $D"
P0=$(cpu $APP)
timed $LT updates --via rest --closed --firms "$FIRMS" --warmup "$W" --duration "$D" --signing-key "$KEY" --url $URL 2>/dev/null | tee "$OUT/rest.txt" | tee -a "$OUT/summary.txt" >/dev/null
say "  cpu, warm-up + window: loadtest $(spent) s, product $(awk -v a="$P0" -v b="$(cpu $APP)" 'BEGIN{printf "%.1f", b - a}') s"

$LT bare-server --port $BARE >/dev/null 2>&1 & BAREPID=$!
until curl -sf http://127.0.0.1:$BARE/ >/dev/null; do sleep 0.05; done
say "\$ wrk -t2 -c64 -d${D}s bare Kestrel PUT (after ${W} s of the same, unreported)"
[ "$W" = 0 ] || wrk -t2 -c64 -d"${W}s" -s scripts/wrk-put.lua http://127.0.0.1:$BARE -- bare "$FIRMS" >/dev/null
P0=$(cpu $BAREPID)
timed wrk -t2 -c64 -d"${D}s" -s scripts/wrk-put.lua http://127.0.0.1:$BARE -- bare "$FIRMS" | grep '^wrk:' | tee -a "$OUT/summary.txt"
say "  cpu, window: wrk $(spent) s, bare server $(awk -v a="$P0" -v b="$(cpu $BAREPID)" 'BEGIN{printf "%.1f", b - a}') s"
kill $BAREPID; wait $BAREPID 2>/dev/null || true; BAREPID=
say "\$ wrk -t2 -c64 -d${D}s product PUT …/projects/p1/progress/2022-08 (JWT; after ${W} s of the same, unreported)"
[ "$W" = 0 ] || wrk -t2 -c64 -d"${W}s" -s scripts/wrk-put.lua $URL -- api "$FIRMS" "$TOKEN" >/dev/null
P0=$(cpu $APP)
timed wrk -t2 -c64 -d"${D}s" -s scripts/wrk-put.lua $URL -- api "$FIRMS" "$TOKEN" | grep '^wrk:' | tee -a "$OUT/summary.txt"
say "  cpu, window: wrk $(spent) s, product $(awk -v a="$P0" -v b="$(cpu $APP)" 'BEGIN{printf "%.1f", b - a}') s"
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
say "done: $OUT/summary.txt"
