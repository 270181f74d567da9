#!/usr/bin/env bash
# Cold start to a served board on its own (scripts/bench.sh step 1): process start → first 200 from /api/board/city with
# the default data (639 firms, memory storage), for the published app (`dotnet publish src/WebClient -r linux-x64`:
# composite ReadyToRun, self-contained; main before this was framework-dependent) and the plain bin/Release build, each round against a bare Kestrel app's start.
# Usage: scripts/bench-cold.sh [--no-build] [--no-plain]
#   BENCH_ROUNDS=5 BENCH_PORT=5097 (silo PORT+6400, gateway PORT+25400, bare Kestrel PORT-1)
#   BENCH_APP_ROOT=<checkout>  another checkout's product (built there; published here into its artifacts/)
#   BENCH_APP_ARGS="…"         extra arguments for the product (e.g. --Diagnostics:StartupLog true)
# Prints one line per round and the medians; results also in <root>/artifacts/bench-cold/summary.txt. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${BENCH_ROUNDS:-5}; PORT=${BENCH_PORT:-5097}
SILO=$((PORT + 6400)); GW=$((PORT + 25400)); BARE=$((PORT - 1)); URL=http://127.0.0.1:$PORT
APPROOT=$(cd "${BENCH_APP_ROOT:-$PWD}" && pwd)
BUILD=1; PLAIN=1
for a in "$@"; do case $a in --no-build) BUILD=;; --no-plain) PLAIN=;; *) echo "unknown argument $a" >&2; exit 2;; esac; done
OUT=$APPROOT/artifacts/bench-cold; mkdir -p "$OUT"; : > "$OUT/summary.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PUB=$OUT/publish
if [ -n "$BUILD" ]; then
  (cd "$APPROOT" && dotnet build -c Release src/WebClient -nologo -v q >/dev/null)
  dotnet build -c Release src/LoadTest -nologo -v q >/dev/null
  rm -rf "$PUB"; (cd "$APPROOT" && dotnet publish src/WebClient -r linux-x64 -o "$PUB" -nologo -v q >/dev/null)
fi
KEY=bench-only-$(head -c 24 /dev/urandom | base64 | tr -dc A-Za-z0-9)
LT="dotnet $PWD/src/LoadTest/bin/Release/net10.0/LoadTest.dll"
# shellcheck disable=SC2206
EXTRA=(${BENCH_APP_ARGS:-})
CS_ARGS=(--Storage:Provider Memory --Auth:SigningKey "$KEY" --urls $URL --Orleans:SiloPort $SILO --Orleans:GatewayPort $GW
  --Orleans:PrimarySiloPort $SILO "${EXTRA[@]}")
say() { echo "$*" | tee -a "$OUT/summary.txt"; }
cold() { # url log command… → seconds from process start until url answers 200
  local url=$1 log=$2 s e; shift 2
  s=$(date +%s.%N); "$@" >"$log" 2>&1 & local p=$!
  until curl -sf "$url" >/dev/null; do sleep 0.02; kill -0 $p 2>/dev/null || { cat "$log" >&2; return 1; }; done
  e=$(date +%s.%N); kill $p; wait $p 2>/dev/null || true; awk "BEGIN{printf \"%.2f\", $e - $s}"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %T') UTC, product from $APPROOT ($(git -C "$APPROOT" rev-parse --short HEAD 2>/dev/null || echo archive))"
B=; R=; P=
for i in $(seq 1 "$ROUNDS"); do
  bare=$(cold http://127.0.0.1:$BARE/ "$OUT/bare.log" $LT bare-server --port $BARE); B="$B $bare"
  r2r=$(cd "$PUB" && cold $URL/api/board/city "$OUT/published-$i.log" dotnet WebClient.dll "${CS_ARGS[@]}"); R="$R $r2r"
  line="cold start run $i: board served after ${r2r} s published (ReadyToRun)"
  if [ -n "$PLAIN" ]; then
    plain=$(cd "$APPROOT/src/WebClient" && cold $URL/api/board/city "$OUT/plain-$i.log" dotnet bin/Release/net10.0/WebClient.dll "${CS_ARGS[@]}"); P="$P $plain"
    line="$line, ${plain} s bin/Release"
  fi
  say "$line; bare Kestrel app ${bare} s"
done
say "cold start median of $ROUNDS: published $(echo "$R" | median) s${PLAIN:+, bin/Release $(echo "$P" | median) s}; bare Kestrel $(echo "$B" | median) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
