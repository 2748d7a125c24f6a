#!/usr/bin/env bash
# Runs the raw Hyperion path benchmarks of two checkouts alternately (old, new, old, new, ...) so that both see
# the same machine load, and prints each round's rows. Usage:
#   scripts/bench-interleaved.sh OLD_CHECKOUT NEW_CHECKOUT [ROUNDS]
# Each checkout's bench is built in Release into /tmp/art-<old|new> first; the benchmarks find
# examples/hyperion.deal from the working directory, so each runs from its own checkout.
set -euo pipefail
old="$(cd "$1" && pwd)"; new="$(cd "$2" && pwd)"; rounds="${3:-3}"
for v in old new; do
  dir=$old; [ "$v" = new ] && dir=$new
  (cd "$dir" && dotnet build -c Release bench/DealLang.Benchmarks --artifacts-path "/tmp/art-$v" >/dev/null)
done
for r in $(seq 1 "$rounds"); do
  for v in old new; do
    dir=$old; [ "$v" = new ] && dir=$new
    (cd "$dir" && dotnet "/tmp/art-$v/bin/DealLang.Benchmarks/release/DealLang.Benchmarks.dll" \
      --filter '*PathBenchmarks.Raw*' --artifacts "/tmp/bdn-$v-$r" >"/tmp/il-$v-$r.log" 2>&1)
    grep -E '^\| Raw' "/tmp/il-$v-$r.log" | sed "s/^/$v r$r /"
  done
done
