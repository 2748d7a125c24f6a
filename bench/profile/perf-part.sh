#!/usr/bin/env bash
# Profiles one part of a --runner case with perf (bench/README.md, "Profiling a part of the path"):
#   bench/profile/perf-part.sh CASE PART SECONDS [METHOD]
# e.g. bench/profile/perf-part.sh CoreWeave/Base fill 8 DealLang.Runner.Paths.ContractRelets:Fill
#      bench/profile/perf-part.sh CoreWeave/Base loop 8 DealLang.Generated.Deal_CoreWeaveDdtl2:RunSummary
# Prints the hottest methods; with METHOD (the JIT listing's name), its hottest blocks too. Needs perf and a Release
# build of bench/DealLang.Benchmarks at $BENCH_DLL (default /tmp/art-bench/bin/DealLang.Benchmarks/release/...).
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,6p "$0"; exit 2; }
case_name=$1 part=$2 seconds=$3 method=${4:-}
dll=${BENCH_DLL:-/tmp/art-bench/bin/DealLang.Benchmarks/release/DealLang.Benchmarks.dll}
out=$(mktemp -d)
# Perf maps for the JIT's code; no double mapping of it (W^X), which perf cannot resolve.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
if [ -n "$method" ]; then
  export DOTNET_JitDisasm="${method##*:}" DOTNET_JitStdOutFile="$out/jit.txt" DOTNET_JitDisasmWithCodeBytes=1
fi
perf record -F 1999 -o "$out/perf.data" dotnet "$dll" --spin "$case_name" "$part" "$seconds" 2>/dev/null
perf report -i "$out/perf.data" --no-children --sort symbol 2>/dev/null | grep -v '^#' | grep '%' | head -15 | cut -c1-160 || true  # head closes the pipe early
if [ -n "$method" ]; then
  pid=$(sed -n 's/.*perf-\([0-9]*\)\.map.*/\1/p' <<<"$(ls -t /tmp/perf-*.map | head -1)")
  symbol=$(sed 's/:/::/' <<<"${method##*.}")
  # Tier1 for the library's methods; a generated deal's are compiled fully optimised at once ([Optimized], FullOpts).
  start=$(grep -E "$symbol\(.*\[Optimized(Tier1)?\]" "/tmp/perf-$pid.map" | head -1 | cut -d' ' -f1 | sed 's/0x//')
  perf script -i "$out/perf.data" -F ip,sym 2>/dev/null | grep -E "$symbol\(.*\[Optimized(Tier1)?\]" | awk '{print $1}' > "$out/ips.txt"
  python3 "$(dirname "$0")/hot-blocks.py" "$out/jit.txt" "$method" "$start" "$out/ips.txt" 8
fi
rm -rf "$out"
