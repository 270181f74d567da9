#!/usr/bin/env bash
# The cluster figure (BENCHMARKS.md, issue 16): the REST and Orleans workloads on PostgreSQL storage, first against one
# co-hosted silo (the web app alone), then against two silos (src/Silo, PostgreSQL membership) behind the web front end
# in client mode (Orleans:Mode=Client), in one run. After each run the load tool reads every firm back and checks that
# every acknowledged change is there (updates --check; for wrk, the sum of the versions against the 2xx count); at the
# end the silos are restarted and the firms read again, from the store. On one machine this is the cost of the cluster
# (an extra hop, two runtimes on the same cores), not its speed-up.
# Usage: scripts/bench-cluster.sh [--no-build]   (BENCH_SECONDS=10 BENCH_FIRMS=2000 BENCH_PORT=5097)
# Ports: BENCH_PORT the web app; +1/+2 silo A's silo/gateway ports (the co-hosted silo's too), +3/+4 silo B's,
# +5/+6 the silos' HTTP ports. A private PostgreSQL (fsync and synchronous commit on) on a free port, removed at the end.
# Results: artifacts/bench-cluster/summary.txt. Loopback only, every run bounded in time, every process stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${BENCH_SECONDS:-10}; FIRMS=${BENCH_FIRMS:-2000}; PORT=${BENCH_PORT:-5097}
URL=http://127.0.0.1:$PORT
A=($((PORT + 1)) $((PORT + 2)) $((PORT + 5))); B=($((PORT + 3)) $((PORT + 4)) $((PORT + 6)))
OUT=$PWD/artifacts/bench-cluster; mkdir -p "$OUT"; rm -f "$OUT"/*.json; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ "${1:-}" = --no-build ] || dotnet build -c Release Actors.sln -nologo -v q >/dev/null
KEY=bench-only-$(head -c 36 /dev/urandom | base64 | tr -dc A-Za-z0-9)
WEBDLL=$PWD/src/WebClient/bin/Release/net10.0/WebClient.dll
SILODLL=$PWD/src/Silo/bin/Release/net10.0/Silo.dll
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
say() { echo "$*" | tee -a "$OUT/summary.txt"; }

source scripts/test-deps.sh
unset TEST_PG_DATA
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  stop_postgres
}
trap cleanup EXIT
ensure_postgres durable >/dev/null
PGPORT=$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$TEST_PG_CONNECTION")
for db in single cluster; do
  PGPASSWORD=$(sed 's/.*Password=\([^;]*\).*/\1/' <<<"$TEST_PG_CONNECTION") \
    "$TEST_PG_BIN/psql" -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c "create database $db"
  dotnet "$SILODLL" migrate --ConnectionStrings:Orleans "${TEST_PG_CONNECTION/Database=postgres/Database=$db}" >/dev/null
done

# wait_http URL PID LOG: until URL answers (at most 120 s) or the process has died.
wait_http() {
  local i
  for i in $(seq 1200); do
    curl -sf "$1" >/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { tail -20 "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "$1 did not answer within 120 s: $(curl -s "$1")" >&2; tail -20 "$3" >&2; exit 1
}
# start_silo NAME DB SILO GATEWAY HTTP: a src/Silo process on PostgreSQL (membership, state, reminders).
start_silo() {
  (cd src/Silo && exec dotnet "$SILODLL" --urls "http://127.0.0.1:$5" --Orleans:SiloPort "$3" --Orleans:GatewayPort "$4" \
     --Storage:Provider Postgres --ConnectionStrings:Orleans "${TEST_PG_CONNECTION/Database=postgres/Database=$2}" \
     --Programme:Data empty >"$OUT/silo-$1.log" 2>&1) &
  PIDS+=($!); eval "SILO_$1=$!"
}
# start_web DB EXTRA…: the web app on PostgreSQL, co-hosting a silo or (--Orleans:Mode Client) as the cluster's front end.
start_web() {
  local db=$1; shift
  (cd src/WebClient && exec dotnet "$WEBDLL" --urls $URL --Storage:Provider Postgres \
     --ConnectionStrings:Orleans "${TEST_PG_CONNECTION/Database=postgres/Database=$db}" --Auth:SigningKey "$KEY" \
     --Auth:WritesPerSecond 1000000 --Auth:DemoAccounts false --Programme:Data empty "$@" >"$OUT/web-$db.log" 2>&1) &
  WEB=$!; PIDS+=($WEB)
  wait_http $URL/readyz $WEB "$OUT/web-$db.log"
}
# start_cluster: silo A, then (once A is up, the order docs/OPERATIONS.md gives) silo B.
start_cluster() {
  start_silo a cluster "${A[@]}"; wait_http "http://127.0.0.1:${A[2]}/healthz" $SILO_a "$OUT/silo-a.log"
  start_silo b cluster "${B[@]}"; wait_http "http://127.0.0.1:${B[2]}/healthz" $SILO_b "$OUT/silo-b.log"
}
stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
num() { grep -o "\"$2\": *[0-9.]*" "$1" | head -1 | sed 's/.*: *//'; }

# workloads SETUP GATEWAYS: populate, the REST loop, wrk, the Orleans loop, each followed by its check.
workloads() {
  local setup=$1 gw=$2 v0 v1 acked delta wout
  $LT populate --n "$FIRMS" --gateway "$gw" --url $URL >/dev/null 2>&1
  say "[$setup] \$ loadtest updates --via rest --closed --firms $FIRMS --duration $D --check"
  $LT updates --via rest --closed --firms "$FIRMS" --duration "$D" --signing-key "$KEY" --url $URL --gateway "$gw" --check \
    --out "$OUT/$setup-rest.json" 2>/dev/null | grep -E '^updates:|errors|check:' | tee -a "$OUT/summary.txt" || CHECKS_FAILED=1

  local token; token=$(dotnet "$WEBDLL" token --role city --name wrk-bench --hours 1 --Auth:SigningKey="$KEY" 2>/dev/null)
  v0=$($LT versions --firms "$FIRMS" --gateway "$gw" 2>/dev/null | awk '/^  versions:/{print $2}')
  say "[$setup] \$ wrk -t2 -c64 -d${D}s -s scripts/wrk-put.lua $URL -- api $FIRMS TOKEN"
  wout=$(wrk -t2 -c64 -d"${D}s" --latency -s scripts/wrk-put.lua $URL -- api "$FIRMS" "$token")
  grep '^wrk:' <<<"$wout" | tee -a "$OUT/summary.txt"
  v1=$($LT versions --firms "$FIRMS" --gateway "$gw" 2>/dev/null | awk '/^  versions:/{print $2}')
  # Every 2xx is a new amount (wrk-put.lua's counter), so one version each; requests still in flight when wrk stops
  # (at most one per connection) may land unanswered.
  acked=$(( $(awk '/requests in/{print $1}' <<<"$wout") - $(awk '/Non-2xx/{print $NF}' <<<"$wout" | grep . || echo 0) ))
  delta=$((v1 - v0))
  if [ "$delta" -ge "$acked" ] && [ "$delta" -le $((acked + 64)) ]; then
    say "  check: ok: $acked PUTs acknowledged, versions +$delta (≤ 64 more: unanswered when wrk stopped)"
  else
    say "  check: FAILED: $acked PUTs acknowledged, versions +$delta"; CHECKS_FAILED=1
  fi
  echo "{\"throughput\": $(sed 's/wrk: \([0-9]*\) req.*/\1/' <<<"$(grep '^wrk:' <<<"$wout")"), \"p99Ms\": $(sed 's/.*p99 \([0-9.]*\) ms.*/\1/' <<<"$(grep '^wrk:' <<<"$wout")")}" >"$OUT/$setup-wrk.json"

  say "[$setup] \$ loadtest updates --closed --firms $FIRMS --duration $D --check"
  $LT updates --closed --firms "$FIRMS" --duration "$D" --gateway "$gw" --check --check-out "$OUT/$setup-expected.json" \
    --out "$OUT/$setup-orleans.json" 2>/dev/null | grep -E '^updates:|errors|check:' | tee -a "$OUT/summary.txt" || CHECKS_FAILED=1
}
# store_check SETUP GATEWAYS: after a restart every firm comes from PostgreSQL; the last run's changes must all be there.
store_check() {
  say "[$1] after the restart: \$ loadtest check --expect $1-expected.json"
  $LT check --expect "$OUT/$1-expected.json" --gateway "$2" 2>/dev/null | grep 'check:' | tee -a "$OUT/summary.txt" || CHECKS_FAILED=1
}
CHECKS_FAILED=

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), PostgreSQL $("$TEST_PG_BIN/postgres" --version | awk '{print $3}') (fsync on), $FIRMS firms, ${D} s runs"

# 1. One co-hosted silo: the web app alone.
start_web single --Orleans:SiloPort "${A[0]}" --Orleans:GatewayPort "${A[1]}" --Orleans:PrimarySiloPort "${A[0]}"
workloads single "${A[1]}"
stop_pid $WEB
start_web single --Orleans:SiloPort "${A[0]}" --Orleans:GatewayPort "${A[1]}" --Orleans:PrimarySiloPort "${A[0]}"
store_check single "${A[1]}"
stop_pid $WEB

# 2. Two silos clustered through PostgreSQL, the web app as their client.
start_cluster
start_web cluster --Orleans:Mode Client
workloads cluster "${A[1]},${B[1]}"
stop_pid $WEB; stop_pid $SILO_a; stop_pid $SILO_b
start_cluster
store_check cluster "${A[1]},${B[1]}"
stop_pid $SILO_a; stop_pid $SILO_b

say ""
say "| workload, PostgreSQL storage | one co-hosted silo | 2 silos + client-mode front end | cluster / single |"
say "|---|---:|---:|---:|"
for w in rest:"REST, the project's loop (closed ×64)" wrk:"REST, wrk -t2 -c64" orleans:"Orleans client (closed ×64)"; do
  k=${w%%:*}; s=$(num "$OUT/single-$k.json" throughput); c=$(num "$OUT/cluster-$k.json" throughput)
  say "| ${w#*:} | $(printf '%.0f' "$s")/s, p99 $(num "$OUT/single-$k.json" p99Ms) ms | $(printf '%.0f' "$c")/s, p99 $(num "$OUT/cluster-$k.json" p99Ms) ms | $(awk "BEGIN{printf \"%.0f %%\", 100 * $c / $s}") |"
done
[ -z "$CHECKS_FAILED" ] || { say "correctness: a check FAILED (above)"; exit 3; }
say "correctness: every check ok"
