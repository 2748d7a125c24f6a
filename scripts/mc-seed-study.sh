#!/usr/bin/env bash
# Checks the Monte Carlo ± against the spread of the figures over seeds (docs/language.md, "Monte Carlo results"):
# runs `deallang mc --format json` once per seed and path count, and prints, per figure and path count, the standard
# deviation of the figure over the seeds (n − 1 in the denominator) divided by the root mean square of its printed ±.
# A ± that is one standard error gives a ratio near 1; over 30 seeds a standard deviation is good to about 13%
# (1/√(2 · 29)), so a ratio inside about 0.75-1.3 agrees with it.
#   scripts/mc-seed-study.sh                        # CoreWeave's Stochastic, seeds 1-30, 400 and 2,000 paths
#   SEEDS=10 PATHS="400" scripts/mc-seed-study.sh
#   DEAL=examples/hyperion.deal SCENARIOS=examples/hyperion-mc.scenarios SCENARIO=Stochastic scripts/mc-seed-study.sh
# Figures: the first tranche's P(principal loss), expected loss, loss given a loss, VaR and ES at 95% and 99%, and
# the first equity's IRR p50; then seed 1's figures and ± (the first seed's), for quoting. A seed whose ± is empty
# (`null`: a VaR at the sample's largest loss) is left out of that figure's ratio, and the seeds counted say so.
# Needs python3. Each run is a few hundred milliseconds to a second or two of CPU; `./deallang` builds itself first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deal="${DEAL:-examples/coreweave-ddtl2.deal}"
scenario="${SCENARIO:-Stochastic}"
seeds="${SEEDS:-30}"
paths_list="${PATHS:-400 2000}"
scenario_args=()
[[ -n "${SCENARIOS:-}" ]] && scenario_args=(--scenarios "$SCENARIOS")
work="$(mktemp -d "${TMPDIR:-/tmp}/deallang-seeds.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cd "$root"
for paths in $paths_list; do
  for ((s = 1; s <= seeds; s++)); do
    # The note on stderr (what the ± are) is the same every run; a failure's message is kept.
    ./deallang mc "$deal" "${scenario_args[@]}" --scenario "$scenario" --paths "$paths" --seed "$s" --format json \
      > "$work/$paths-$s.json" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  done
done

echo "deallang mc $deal${SCENARIOS:+ --scenarios $SCENARIOS} --scenario $scenario --seed s, s = 1 … $seeds"
python3 - "$work" "$seeds" $paths_list <<'PY'
import json, math, sys

work, seeds, paths_list = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def figures(report):
    """(name, value, ±) of each figure studied; ± None where the report leaves it empty."""
    loan = report["tranches"][0]
    out = [(f"{loan['name']} P(principal loss)", loan["lossProbability"]["value"], loan["lossProbability"]["stderr"]),
           (f"{loan['name']} expected loss", loan["expectedLoss"]["value"], loan["expectedLoss"]["stderr"])]
    lgl = loan.get("lossGivenLoss")
    if lgl is not None:
        out.append((f"{loan['name']} loss given a loss", lgl["value"], lgl["stderr"]))
    for tail in loan["tails"]:
        if tail["level"] in (0.95, 0.99):
            pct = f"{tail['level']:.0%}"
            for key, label in (("valueAtRisk", "VaR"), ("expectedShortfall", "ES")):
                if tail.get(key) is not None:
                    out.append((f"{loan['name']} {label} {pct}", tail[key]["value"], tail[key]["stderr"]))
    for equity in report.get("equities", [])[:1]:
        for p in (equity.get("irr") or {}).get("percentiles", []):
            if p["level"] == 0.5:
                out.append((f"{equity['name']} IRR p50", p["value"], p["stderr"]))
    return out

print(f"{'figure':32} {'paths':>6} {'seeds':>5} {'sd over seeds':>16} {'rms of ±':>16} {'sd / rms ±':>10}")
first = {}
for paths in paths_list:
    by_figure = {}
    for s in range(1, seeds + 1):
        with open(f"{work}/{paths}-{s}.json") as f:
            for name, value, se in figures(json.load(f)):
                by_figure.setdefault(name, []).append((value, se))
                if s == 1:
                    first.setdefault(paths, []).append((name, value, se))
    for name, runs in by_figure.items():
        counted = [(v, se) for v, se in runs if se is not None]
        if len(counted) < 2:
            print(f"{name:32} {paths:>6} {len(counted):>5} {'(too few ± printed)':>16}")
            continue
        values = [v for v, _ in counted]
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
        rms = math.sqrt(sum(se * se for _, se in counted) / len(counted))
        ratio = f"{sd / rms:10.2f}" if rms > 0 else f"{'(± 0)':>10}"
        print(f"{name:32} {paths:>6} {len(counted):>5} {sd:16.6g} {rms:16.6g} {ratio}")

print()
print("seed 1:")
for paths, rows in first.items():
    for name, value, se in rows:
        shown = "none" if se is None else f"{se:.6g}"
        print(f"{name:32} {paths:>6} {value:16.6g} ± {shown}")
PY
