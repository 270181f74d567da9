#!/usr/bin/env bash
# Re-runs every figure of BENCHMARKS.md on this machine, each workload next to its baseline in the same run.
# Usage: scripts/bench.sh [quick]   (quick: short runs, for checking the script itself)
# Results: artifacts/bench/*.json and artifacts/bench/summary.txt. Loopback only; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=${1:-}
D=${BENCH_SECONDS:-20}; [ "$QUICK" = quick ] && D=3
W=${BENCH_WARMUP:-15}; [ "$QUICK" = quick ] && W=1   # step 3: unrecorded seconds of the same load before each REST window
N100=${BENCH_ENTERPRISES:-100000}; [ "$QUICK" = quick ] && N100=5000
OUT=$PWD/artifacts/bench; mkdir -p "$OUT"; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release Actors.sln -nologo -v q >/dev/null
# Benchmarks measure the in-memory store (the SQLite default is for durability) with a throw-away signing key.
KEY=bench-only-$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)
WEB="dotnet $PWD/src/WebClient/bin/Release/net10.0/WebClient.dll --Storage:Provider Memory --Auth:SigningKey $KEY"
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
PORT=5097; SILO=11497; GW=30497; URL=http://127.0.0.1:$PORT
COMMON=(--gateway $GW --url $URL)

say() { echo "$*" | tee -a "$OUT/summary.txt"; }
start_app() { # extra args…
  (cd src/WebClient && exec $WEB --urls $URL --Orleans:SiloPort $SILO --Orleans:GatewayPort $GW --Orleans:PrimarySiloPort $SILO \
     --Auth:WritesPerSecond 1000000 --Auth:DemoAccounts false --Diagnostics:Memory true "$@" >"$OUT/app.log" 2>&1) &
  APP=$!
  until curl -sf $URL/readyz >/dev/null; do sleep 0.1; kill -0 $APP 2>/dev/null || { cat "$OUT/app.log"; exit 1; }; done
}
stop_app() { kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; }
run() { local name=$1; shift; say "\$ loadtest $*"; $LT "$@" --out "$OUT/$name.json" 2>/dev/null | tee -a "$OUT/summary.txt"; }
trap stop_app EXIT

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(date -u +%F)"

# 1. Cold start to a served board with the default data: the published app (composite ReadyToRun, self-contained: the
# deployable artifact, README "Deploy") and the plain bin/Release build, each run against a bare Kestrel app's start.
# scripts/bench-cold.sh is that step alone (same ports: silo PORT+6400, gateway PORT+25400, bare Kestrel PORT-1).
BENCH_PORT=$PORT BENCH_ROUNDS=$( [ "$QUICK" = quick ] && echo 1 || echo 5 ) scripts/bench-cold.sh | tee -a "$OUT/summary.txt"

# 2. Orleans client: bare ping vs enterprise changes (memory storage), 10k firms.
start_app --Programme:Data empty
run populate-10k populate --n 10000 "${COMMON[@]}"
run ping baseline-ping --duration $D --firms 10000 "${COMMON[@]}"
run updates-orleans updates --closed --firms 10000 --duration $D "${COMMON[@]}"
run updates-orleans-skew updates --closed --firms 10000 --duration $D --hot-county lingbao --skew 0.8 "${COMMON[@]}"

# 3. REST: bare Kestrel vs enterprise changes through the API, each measured after W seconds of the same load.
run kestrel baseline-kestrel --warmup $W --duration $D
run updates-rest updates --via rest --closed --firms 10000 --warmup $W --duration $D --signing-key "$KEY" "${COMMON[@]}"

# 3b. The same REST figure with wrk (Debian's package: apt-get install -y wrk), monthly-progress PUTs with a JWT,
# against the product and the bare Kestrel PUT (loadtest bare-server). scripts/bench-rest.sh runs 3 and 3b alone.
if command -v wrk >/dev/null; then
  $LT bare-server --port 5096 >/dev/null 2>&1 & BARE=$!
  until curl -sf http://127.0.0.1:5096/ >/dev/null; do sleep 0.05; done
  say "\$ wrk -t2 -c64 -d${D}s -s scripts/wrk-put.lua http://127.0.0.1:5096 -- bare 10000   (bare Kestrel PUT, after ${W} s unreported)"
  wrk -t2 -c64 -d"${W}s" -s scripts/wrk-put.lua http://127.0.0.1:5096 -- bare 10000 >/dev/null
  wrk -t2 -c64 -d"${D}s" -s scripts/wrk-put.lua http://127.0.0.1:5096 -- bare 10000 | grep '^wrk:' | tee -a "$OUT/summary.txt"
  kill $BARE; wait $BARE 2>/dev/null || true
  TOKEN=$(dotnet src/WebClient/bin/Release/net10.0/WebClient.dll token --role city --name wrk-bench --hours 1 --Auth:SigningKey="$KEY" 2>/dev/null)
  say "\$ wrk -t2 -c64 -d${D}s -s scripts/wrk-put.lua $URL -- api 10000 TOKEN   (the product, after ${W} s unreported)"
  wrk -t2 -c64 -d"${W}s" -s scripts/wrk-put.lua $URL -- api 10000 "$TOKEN" >/dev/null
  wrk -t2 -c64 -d"${D}s" -s scripts/wrk-put.lua $URL -- api 10000 "$TOKEN" | grep '^wrk:' | tee -a "$OUT/summary.txt"
else
  say "wrk: not installed (apt-get install -y wrk); the wrk figures are skipped"
fi

stop_app

# 4. Push lag at 5,000 changes/s with 200 watchers, against a bare SignalR broadcast, on a fresh product
# (scripts/bench-push.sh is that step alone; its JSON goes to artifacts/bench-push/).
BENCH_PORT=$PORT BENCH_SECONDS=$D scripts/bench-push.sh --no-build | tee -a "$OUT/summary.txt"

# 5. Memory and activation cost as N grows: 10k, then 100k firms with two projects each, above the empty silo.
# scripts/bench-memory.sh is that step alone; its JSON goes to artifacts/bench-memory/.
BENCH_PORT=$PORT BENCH_ENTERPRISES="10000 $N100" scripts/bench-memory.sh --no-build | tee -a "$OUT/summary.txt"

# 6. Simulation: a synthetic 100,000-firm × 36-month scenario.
start_app --Programme:Data empty
run simulation simulation --n $N100 --months 36 "${COMMON[@]}" || say "simulation: not available"
stop_app

# 7. Durable enterprise changes through the ADO.NET grain storage against pgbench, on a private durable PostgreSQL.
say "\$ scripts/benchmark-durable-writes.sh --seconds $D"
scripts/benchmark-durable-writes.sh --seconds "$D" 2>/dev/null | grep -E '^[|(=]' | tee -a "$OUT/summary.txt"
# 7b. The REST and Orleans workloads on PostgreSQL: one co-hosted silo, then 2 silos + the web app in client mode.
say "\$ scripts/bench-cluster.sh --no-build"
BENCH_PORT=$PORT BENCH_SECONDS=$( [ "$QUICK" = quick ] && echo 3 || echo 10 ) BENCH_FIRMS=$( [ "$QUICK" = quick ] && echo 500 || echo 2000 ) \
  scripts/bench-cluster.sh --no-build | tee -a "$OUT/summary.txt"
# 8. The write path with the live forecast on and off, back to back and alternating (on/off/on/off) in one run.
say "\$ scripts/bench-forecast.sh --no-build"
BENCH_PORT=$PORT BENCH_SECONDS=$( [ "$QUICK" = quick ] && echo 5 || echo 60 ) BENCH_FIRMS=$( [ "$QUICK" = quick ] && echo 2000 || echo 10000 ) \
  scripts/bench-forecast.sh --no-build | tee -a "$OUT/summary.txt"
say "done: $OUT"
