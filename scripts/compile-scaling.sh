#!/usr/bin/env bash
# Times `./deallang build` on generated deals that grow in one direction at a time, to show how compile cost
# scales with the input (bench/README.md, "Compile scaling"). Each build gets an empty cache folder.
#   scripts/compile-scaling.sh                      # fees 1000-8000, sums 12500-300000 (see the loop below)
#   scripts/compile-scaling.sh fees 2000            # one case
#   TIMEOUT=300 scripts/compile-scaling.sh sum 50000
# Prints one line per case: kind, size, file size, exit code, wall and CPU (user + system) seconds, peak RSS.
# On a shared machine CPU seconds are the steadier figure: wall time includes waiting for a core.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/deallang-scaling.XXXXXX")"
trap 'rm -rf "$work"' EXIT
timeout_s="${TIMEOUT:-600}"

header() {
  cat <<'DEAL'
deal Scale {
  currency USD
  closing  2026-01-01
  maturity 2036-01-01
  pay      semiannual
  daycount 30/360
  party Tenant { }
  facility Hall { cost 500m  value straight_line 20y }
  lease HallLease on Hall { lessee Tenant  rent 60m per year  starts 2026-01-01  term 10y }
  tranche Notes { balance 300m  coupon 6% fixed  amortize level }
  equity Owners { contributed 200m }
DEAL
}

# N fees, each paid by its own step.
fees() {
  local n="$1"
  header
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "  fee F%d { 1k per year }\n", i }'
  echo "  waterfall {"
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "    pay F%d\n", i }'
  echo "    pay Notes.interest"
  echo "    pay Notes.principal"
  echo "    distribute rest to Owners"
  echo "  }"
  echo "}"
}

# One fee whose amount is a sum of N terms that are not constants (constants would be folded). Each term,
# 0.00001% of Hall.value, is two of the terms DL0120 counts, so 50,000 is the longest such sum within the limit.
sum() {
  local n="$1"
  header
  printf "  fee Big { "
  awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) printf "%s0.00001%% of Hall.value", (i > 1 ? " + " : ""); }'
  echo " per year }"
  echo "  waterfall {"
  echo "    pay Big"
  echo "    pay Notes.interest"
  echo "    pay Notes.principal"
  echo "    distribute rest to Owners"
  echo "  }"
  echo "}"
}

run_case() {
  local kind="$1" n="$2"
  local file="$work/$kind-$n.deal"
  "$kind" "$n" >"$file"
  local cache="$work/cache-$kind-$n"
  mkdir -m 700 "$cache"
  local start end rc=0
  start=$(date +%s.%N)
  DEALLANG_CACHE_DIR="$cache" timeout "$timeout_s" /usr/bin/time -f "%M %U %S" -o "$work/rss" \
    dotnet "$dll" build "$file" >"$work/out" 2>"$work/err" || rc=$?
  end=$(date +%s.%N)
  local rss="?" cpu="?"
  if [[ -s "$work/rss" ]]; then
    read -r kb user sys < <(tail -n 1 "$work/rss")
    rss=$(( kb / 1024 ))
    cpu=$(echo "$user + $sys" | bc)
  fi
  printf "%-5s %7d %8d B  exit %3d  wall %7.1f s  cpu %7s s  %6s MB\n" "$kind" "$n" "$(wc -c <"$file")" "$rc" \
    "$(echo "$end - $start" | bc)" "$cpu" "$rss"
  if [[ $rc -ne 0 ]]; then head -c 400 "$work/err" | sed 's/^/      /'; fi
}

# Build the CLI once (./deallang), then time the CLI itself: the wrapper's up-to-date check is not compiling.
[[ -n "${DEALLANG_DLL:-}" ]] || "$root/deallang" --help >/dev/null
dll="${DEALLANG_DLL:-$root/.deallang/bin/deallang.dll}"
if [[ $# -eq 2 ]]; then
  run_case "$1" "$2"
else
  for n in 1000 2000 4000 5000 8000; do run_case fees "$n"; done   # 8000: beyond the limit (DL0440)
  for n in 12500 25000 50000 300000; do run_case sum "$n"; done   # 300000: beyond the limit (DL0120)
fi
