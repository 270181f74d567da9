#!/usr/bin/env bash
# Mutation testing of the programme's pure rules with Stryker.NET (pinned in .config/dotnet-tools.json), against the
# fast unit tests only (tests/Actors.Tests/Rules: no cluster, no app, no browser). Not part of ./test.sh.
#
# Usage: scripts/mutation.sh [core ...]
#   cores: contribution award board enterprise pipeline (the rules; default), and behaviour award-steps (the simulation's
#   behaviour model and award steps, tested by the simulation's own model tests; run them by name).
# Each core is mutated on its own (one file at a time, 2 parallel test runners) so a run stays bounded; on a shared
# machine wrap it in the build lock:  flock /tmp/actors-build.lock scripts/mutation.sh award
# Reports: artifacts/mutation/<core>/reports/mutation-report.{html,json}; the score per file is printed at the end and
# recorded, with the surviving mutants, in docs/TESTING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

declare -A FILES=(
  [contribution]="**/Enterprises/ContributionCalculator.cs"
  [award]="**/Grants/AwardRules.cs"
  [board]="**/Boards/BoardBuilder.cs"
  [enterprise]="**/Enterprises/EnterpriseRules.cs"
  [pipeline]="**/Grants/Pipeline.cs"
  [behaviour]="**/Simulation/BehaviourModel.cs"
  [award-steps]="**/Simulation/ArmRules.cs"
)
RULES_TESTS="FullyQualifiedName~Programme.Tests.Rules"
SIMULATION_TESTS="FullyQualifiedName~Programme.Tests.Simulation.ModelTests|FullyQualifiedName~Programme.Tests.Simulation.ScenarioRequestTests"
declare -A TESTS=([behaviour]="$SIMULATION_TESTS" [award-steps]="$SIMULATION_TESTS")
cores=("$@")
[ ${#cores[@]} -gt 0 ] || cores=(contribution award board enterprise pipeline)

dotnet tool restore >/dev/null
root=$(pwd)
for core in "${cores[@]}"; do
  pattern=${FILES[$core]:-}
  [ -n "$pattern" ] || { echo "unknown core '$core' (one of: ${!FILES[*]})" >&2; exit 2; }
  out="$root/artifacts/mutation/$core"
  rm -rf "$out"
  echo "== $core: $pattern"
  (cd tests/Actors.Tests && dotnet dotnet-stryker --project Grains.csproj --mutate "$pattern" \
     --test-case-filter "${TESTS[$core]:-$RULES_TESTS}" --configuration Release --concurrency 2 \
     --reporter progress --reporter html --reporter json --reporter cleartext --output "$out" --skip-version-check)
done

echo
echo "Mutation score per file (killed + timeout) / (all but no-coverage-free compile errors):"
for core in "${cores[@]}"; do
  report="$root/artifacts/mutation/$core/reports/mutation-report.json"
  [ -f "$report" ] || continue
  python3 - "$report" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for path, f in r["files"].items():
    st = [m["status"] for m in f["mutants"]]
    killed = sum(s in ("Killed", "Timeout") for s in st)
    valid = sum(s in ("Killed", "Timeout", "Survived", "NoCoverage") for s in st)
    if valid == 0: continue
    survived = [m for m in f["mutants"] if m["status"] in ("Survived", "NoCoverage")]
    print(f"{path.split('/src/')[-1]}: {100 * killed / max(valid, 1):.1f} % ({killed}/{valid}; {len(survived)} surviving)")
    for m in survived:
        loc = m["location"]["start"]
        print(f"    line {loc['line']}: {m['mutatorName']} [{m['status']}] -> {m.get('replacement', '')[:90]!r}")
PY
done
