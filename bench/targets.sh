#!/usr/bin/env bash
# Issue 8's five targets measured in one command, on whatever machine runs it (bench/README.md, "Where the targets
# stand"): the CPU it ran on first (model and the vector extensions the JIT may use), then
#   target 1: --loop 3 --launches LAUNCHES (generated / hand-written loop, each process's ratio and their median),
#   target 2: --tiers (the JIT tier of every method a path runs, at 1,000 entities),
#   targets 3 and 5: --runner 1 in LAUNCHES processes (path runner and tranches only over the raw loop; bytes a path),
#   target 4: bench/cli/measure.sh (warm run, ./deallang's overhead, cold compiles, peak memory).
# Target 1 has never been measured on an Intel CPU (none was available): on one, this prints what the issue asks for.
#   bench/targets.sh [LAUNCHES]        # default 3; the machine otherwise idle
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launches="${1:-3}"
[[ "$launches" =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/targets.sh [LAUNCHES]  (a whole number of processes, 1 or more)" >&2; exit 2; }
artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT

echo "== CPU"
if command -v lscpu >/dev/null; then
  lscpu | grep -E '^(Model name|Vendor ID|CPU family|Model|CPU\(s\)):' || true
fi
# The extensions that decide the generated code's instructions (and, on Intel, the AVX-to-SSE transition issue 8 found).
grep -m1 -o -w -E 'avx512f|avx2|fma' /proc/cpuinfo 2>/dev/null | sort -u | tr '\n' ' ' || true
echo
dotnet --version

echo "== build (Release)"
dotnet build -c Release "$root/bench/DealLang.Benchmarks" --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
bench=(dotnet "$artifacts/bin/DealLang.Benchmarks/release/DealLang.Benchmarks.dll")
cd "$root" # the benchmarks find the examples from the working directory too

echo "== target 1: generated / hand-written loop (at most 1.3x for Hyperion Base and Refuted and Leases100)"
"${bench[@]}" --loop 3 --launches "$launches" | sed -n '/^CPU:/,$p'

echo "== target 2: no method a path runs compiled with MinOpts, at 1,000 entities"
"${bench[@]}" --tiers | sed -n '/^| Case/,$p'

echo "== targets 3 and 5: path runner / raw loop (at most 1.5x), bytes a path (0), $launches processes"
for ((i = 1; i <= launches; i++)); do
  "${bench[@]}" --runner 1 | grep -E '^\| (Case|Hyperion|CoreWeave|Leases)' | cut -d'|' -f2,5,7-9,21
done

echo "== target 4: warm run under 0.3 s, ./deallang's overhead under 0.2 s, cold 50-lease compile under 3 s; peak memory"
bash "$root/bench/cli/measure.sh" 5
