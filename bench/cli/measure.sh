#!/usr/bin/env bash
# The CLI's figures in bench/README.md ("CLI"): warm run, ./deallang's own overhead with and without a rebuild,
# cold compiles (Hyperion and the 50-lease, 50-tranche monthly deal) and peak memory, each a median over ROUNDS
# fresh processes, variants interleaved (bench/cli/time-commands.sh).
#   bench/cli/measure.sh [ROUNDS]                  # this clone (builds it through ./deallang first)
#   BEFORE=/path/to/older/clone bench/cli/measure.sh 11
# BEFORE adds the same commands run through an older clone's ./deallang and CLI build (its wrapper must have
# built it once; its dll is looked for where that wrapper puts it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-11}"
time_commands="$root/bench/cli/time-commands.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DEALLANG_CACHE_DIR="$work/cache"   # warm runs share it; cold ones get a fresh folder each

"$root/deallang" --version >/dev/null   # build (or not) now, not while timing
dll="$root/.deallang/bin/deallang.dll"
dotnet run -c Release --project "$root/bench/DealLang.Benchmarks" -- --write-monthly-deal 50 50 "$work/monthly50x50.deal"
hyperion="$root/examples/hyperion.deal"
run="run $hyperion --scenario all"
cold='d=$(mktemp -d); trap "rm -rf $d" EXIT; DEALLANG_CACHE_DIR=$d'

before=()
before_cold=()
before_rebuild=()
if [[ -n "${BEFORE:-}" ]]; then
  old_dll=""
  for candidate in "$BEFORE/.deallang/bin/deallang.dll" "$BEFORE/src/DealLang.Cli/bin/Release/net10.0/deallang.dll"; do
    [[ -f "$candidate" ]] && { old_dll="$candidate"; break; }
  done
  [[ -n "$old_dll" ]] || { echo "$0: no CLI built in $BEFORE: run its ./deallang once" >&2; exit 2; }
  dotnet "$old_dll" $run >/dev/null
  before=("before: dll run" "dotnet $old_dll $run" "before: ./deallang run" "$BEFORE/deallang $run")
  before_cold=("before: cold 50x50" "$cold dotnet $old_dll build $work/monthly50x50.deal"
    "before: cold hyperion" "$cold dotnet $old_dll build $hyperion")
  before_rebuild=("before: ./deallang, 1 touched" "touch $BEFORE/src/DealLang.Cli/Program.cs && $BEFORE/deallang --version")
fi

dotnet "$dll" $run >/dev/null   # fills the cache: the warm runs below are hits
echo "== warm: a cache hit, Hyperion, all scenarios (./deallang's overhead is its time minus the dll's)"
"$time_commands" "$rounds" "${before[@]}" "after: dll run" "dotnet $dll $run" "after: ./deallang run" "$root/deallang $run" \
  "after: dll --version" "dotnet $dll --version" "after: ./deallang --version" "$root/deallang --version"
echo "== cold: empty cache folder, fresh process (build)"
"$time_commands" "$rounds" "${before_cold[@]}" "after: cold 50x50" "$cold dotnet $dll build $work/monthly50x50.deal" \
  "after: cold hyperion" "$cold dotnet $dll build $hyperion"
echo "== ./deallang when a source changed (one file touched: an incremental build, then --version)"
"$time_commands" 3 "${before_rebuild[@]}" "after: ./deallang, 1 touched" "touch $root/src/DealLang.Cli/Program.cs && $root/deallang --version"
