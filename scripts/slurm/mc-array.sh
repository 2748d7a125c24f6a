#!/usr/bin/env bash
# Runs `deallang mc` on a Slurm cluster as a job array of K shards, then `deallang merge` in a job that depends on
# all of them (docs/cluster.md). The merged report is byte for byte the report of the single run with the same seed.
#   scripts/slurm/mc-array.sh --shards 4 --out runs/rent -- examples/hyperion.deal \
#       --scenarios examples/hyperion-mc.scenarios --scenario StochasticRent --paths 1000000 --seed 42
# Options (before --; after it, the deal and `deallang mc`'s own options, less --shard, --out and --paths-out):
#   --shards K           the array's size, one shard per task (required)
#   --out DIR            where shard-N.json, logs/ and the report go; on a file system every node sees (required)
#   --format FMT         the merged report's format: table (report.txt), csv, json or md; default table
#   --cpus-per-task C    cores per shard, passed to sbatch and as the shard's --threads; default 1
#   --partition P        the Slurm partition; default the cluster's default
#   --wait               wait for the merge and fail (exit 1) if any job failed; otherwise return once submitted
#   --cli DLL            the deallang.dll to run; default the clone's published CLI, .deallang/bin/deallang.dll,
#                        published here once by ./deallang so that no task builds
# Prints the job ids and the report's path on stdout; errors are one line on stderr (exit 2 for usage, 1 otherwise).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

usage() {
  echo "mc-array: $1" >&2
  echo "usage: mc-array.sh --shards K --out DIR [--format FMT] [--cpus-per-task C] [--partition P] [--wait] [--cli DLL] -- DEAL [mc options]" >&2
  exit 2
}
fail() {
  echo "mc-array: $1" >&2
  exit 1
}

shards="" out="" format=table cpus=1 partition="" wait=0 cli="${DEALLANG_CLI:-}"
while (($# > 0)); do
  case "$1" in
    --shards) shards="${2:-}"; shift 2 || usage "--shards needs a count" ;;
    --out) out="${2:-}"; shift 2 || usage "--out needs a folder" ;;
    --format) format="${2:-}"; shift 2 || usage "--format needs a format" ;;
    --cpus-per-task) cpus="${2:-}"; shift 2 || usage "--cpus-per-task needs a count" ;;
    --partition) partition="${2:-}"; shift 2 || usage "--partition needs a name" ;;
    --wait) wait=1; shift ;;
    --cli) cli="${2:-}"; shift 2 || usage "--cli needs a deallang.dll" ;;
    --) shift; break ;;
    *) usage "unknown option '$1' (the deal and mc's options go after --)" ;;
  esac
done
mc_args=("$@")
[[ $shards =~ ^[1-9][0-9]*$ ]] || usage "--shards must be a whole number of at least 1"
[[ -n $out ]] || usage "--out DIR is required"
[[ $cpus =~ ^[1-9][0-9]*$ ]] || usage "--cpus-per-task must be a whole number of at least 1"
case "$format" in
  table) ext=txt ;;
  csv | json | md) ext="$format" ;;
  *) usage "--format must be table, csv, json or md, not '$format'" ;;
esac
((${#mc_args[@]} > 0)) || usage "no deal given after --"
threads_given=0
for a in "${mc_args[@]}"; do
  case "$a" in
    --shard | --shard=* | --out | --out=* | -o | --output | --output=* | --paths-out | --paths-out=* | --replay-path | --replay-path=* | --format | --format=* | -f)
      usage "'$a' is set by mc-array.sh (--format: give it before --), not after --" ;;
    --threads | --threads=* | -t) threads_given=1 ;;
  esac
done
((threads_given)) || mc_args+=(--threads "$cpus")
command -v sbatch >/dev/null 2>&1 || fail "sbatch is not on PATH: no Slurm client here (scripts/slurm/start.sh starts a single-node Slurm)"

# The CLI every task runs: published once, here, so that K tasks do not race to build it.
if [[ -z $cli ]]; then
  "$root/deallang" --version >/dev/null || fail "could not publish the CLI (./deallang --version failed)"
  cli="$root/.deallang/bin/deallang.dll"
fi
[[ -f $cli ]] || fail "no CLI at $cli"
cli="$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")"
dotnet="$(command -v dotnet)" || fail "dotnet is not on PATH"

mkdir -p "$out/logs" || fail "cannot create $out"
out="$(cd "$out" && pwd)"
rm -f "$out"/shard-*.json "$out/report.$ext"   # a shard left from an earlier run must not be merged into this one

# The two job scripts, with every argument quoted as given (printf %q), kept beside the results as a record.
quoted_args="$(printf ' %q' "${mc_args[@]}")"
{
  echo '#!/usr/bin/env bash'
  echo '# Task i of the array runs shard i+1 of the run (written by scripts/slurm/mc-array.sh).'
  echo 'set -euo pipefail'
  echo 'n=$((SLURM_ARRAY_TASK_ID + 1))'
  printf 'exec %q %q mc%s --shard "$n/%d" --out %q/shard-"$n".json\n' "$dotnet" "$cli" "$quoted_args" "$shards" "$out"
} >"$out/shard.sbatch"
{
  echo '#!/usr/bin/env bash'
  echo '# Merges the array'"'"'s shards into the report (written by scripts/slurm/mc-array.sh); runs only if every shard succeeded.'
  echo 'set -euo pipefail'
  printf 'files=(); for n in $(seq 1 %d); do files+=(%q/shard-"$n".json); done\n' "$shards" "$out"
  printf '%q %q merge "${files[@]}" --format %q >%q\n' "$dotnet" "$cli" "$format" "$out/report.$ext.partial"
  printf 'mv %q %q\n' "$out/report.$ext.partial" "$out/report.$ext"
} >"$out/merge.sbatch"

common=(--parsable --chdir="$PWD" --export=ALL)
[[ -n $partition ]] && common+=(--partition="$partition")
array="$(sbatch "${common[@]}" --job-name=deallang-mc --array="0-$((shards - 1))" --cpus-per-task="$cpus" \
  --output="$out/logs/shard-%a.log" "$out/shard.sbatch")" || fail "sbatch refused the shards' array"
array="${array%%;*}"   # --parsable prints 'jobid[;cluster]'
merge_opts=("${common[@]}" --job-name=deallang-merge --dependency="afterok:$array" --kill-on-invalid-dep=yes
  --output="$out/logs/merge.log")
if ((wait)); then
  echo "shards: job array $array ($shards tasks); merge: waiting; report: $out/report.$ext"
  # sbatch --wait's own exit is the merge's; a merge cancelled because a shard failed may still exit 0, so the
  # report itself is the test of success.
  sbatch "${merge_opts[@]}" --wait "$out/merge.sbatch" >/dev/null || true
  [[ -f $out/report.$ext ]] || fail "the run failed: no $out/report.$ext; a shard or the merge failed, see the logs in $out/logs"
else
  merge="$(sbatch "${merge_opts[@]}" "$out/merge.sbatch")" || fail "sbatch refused the merge job"
  echo "shards: job array $array ($shards tasks); merge: job ${merge%%;*}; report: $out/report.$ext"
fi
