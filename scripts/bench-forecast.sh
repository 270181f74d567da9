#!/usr/bin/env bash
# The write path with the live forecast on and off (issue 15: "forecast recomputation never slows the write path"):
# the load benchmark's write workload (`loadtest updates --closed`, Orleans client, memory storage) against a fresh app
# with Forecast:Enabled true, then false, then true, then false… in one run, so drift of the shared machine falls on
# both sides alike. Each app gets the same firms (`loadtest populate`) and the same settling pause before the timed run
# (the on-run's: until the forecast of the populated board is in, + BENCH_SETTLE s). During the run the board changes
# all the time, so a forecast is due every Forecast:MaxDelay, held to Forecast:BusyShare of the time; the app's own log
# line per recomputation is counted and its duration shown.
# Usage: scripts/bench-forecast.sh [--no-build]
#   BENCH_SECONDS=60 BENCH_FIRMS=10000 BENCH_ROUNDS=2 BENCH_SETTLE=8 BENCH_PORT=5120 to change.
# Results: artifacts/bench-forecast/summary.txt (and one app log per run). Loopback only; hold the build lock.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${BENCH_SECONDS:-60}; FIRMS=${BENCH_FIRMS:-10000}; ROUNDS=${BENCH_ROUNDS:-2}; SETTLE=${BENCH_SETTLE:-8}
PORT=${BENCH_PORT:-5120}; SILO=$((PORT + 6400)); GW=$((PORT + 25400)); URL=http://127.0.0.1:$PORT
OUT=$PWD/artifacts/bench-forecast; mkdir -p "$OUT"; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ "${1:-}" = --no-build ] || dotnet build -c Release Actors.sln -nologo -v q >/dev/null
KEY=bench-only-$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)
WEBDLL=$PWD/src/WebClient/bin/Release/net10.0/WebClient.dll
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
APP=
stop_app() { [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }; APP=; }
trap stop_app EXIT

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)"
say "workload: loadtest updates --closed --firms $FIRMS --duration $D (after populate --n $FIRMS and ${SETTLE} s settling), $ROUNDS rounds of on/off"
declare -a ON OFF
for round in $(seq 1 "$ROUNDS"); do
  for mode in true false; do
    log="$OUT/app-$round-$mode.log"
    (cd src/WebClient && exec dotnet "$WEBDLL" --Storage:Provider Memory --Auth:SigningKey "$KEY" --urls $URL \
       --Orleans:SiloPort $SILO --Orleans:GatewayPort $GW --Orleans:PrimarySiloPort $SILO --Programme:Data empty \
       --Auth:WritesPerSecond 1000000 --Auth:DemoAccounts false --Forecast:Enabled $mode >"$log" 2>&1) &
    APP=$!
    until curl -sf $URL/readyz >/dev/null; do sleep 0.1; kill -0 $APP 2>/dev/null || { cat "$log"; exit 1; }; done
    $LT populate --n "$FIRMS" --gateway $GW --url $URL >/dev/null 2>&1
    # Settle: with forecasting on, until the forecast of the populated board (computed once the board is quiet) is in,
    # plus BENCH_SETTLE s; with it off, as long as the on-run of the same round settled. The timed run is the steady state.
    if [ "$mode" = true ]; then
      s0=$(date +%s)
      for _ in $(seq 1 900); do grep -q '^ *Forecast [0-9]*:' "$log" && break; sleep 0.1; done
      sleep "$SETTLE"; settled=$(( $(date +%s) - s0 ))
    else
      sleep "${settled:-$SETTLE}"
    fi
    before=$(grep -c '^ *Forecast [0-9]*:' "$log" || true)
    line=$($LT updates --closed --firms "$FIRMS" --duration "$D" --gateway $GW --url $URL 2>/dev/null | grep '^updates:')
    after=$(grep -c '^ *Forecast [0-9]*:' "$log" || true)
    rate=$(echo "$line" | sed -E 's/.* = ([0-9.]+)\/s.*/\1/')
    ms=$(grep -oE 'warnings, [0-9]+ ms \(reading the firms [0-9]+ ms' "$log" | tail -n +$((before + 1)) | sed -E 's/warnings, ([0-9]+) ms \(reading the firms ([0-9]+) ms/\1 ms, read \2 ms/' | paste -sd';' - || true)
    say "round $round, Forecast:Enabled=$mode (settled ${settled:-$SETTLE} s): $line"
    [ "$mode" = true ] && say "  forecast recomputations during the run: $((after - before)) (${ms:-none})"
    if [ "$mode" = true ]; then ON+=("$rate"); else OFF+=("$rate"); fi
    stop_app
  done
done
on=$(printf '%s\n' "${ON[@]}" | awk '{s+=$1} END {printf "%.1f", s/NR}')
off=$(printf '%s\n' "${OFF[@]}" | awk '{s+=$1} END {printf "%.1f", s/NR}')
say "mean changes/s: forecasting on $on, off $off; on/off = $(awk "BEGIN{printf \"%.3f\", $on / $off}")"
say "done: $OUT/summary.txt"
