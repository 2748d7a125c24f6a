#!/usr/bin/env bash
# Times shell commands as a user sees them: each in a fresh process, the variants interleaved round by round (so
# a noisy neighbour hits them all alike), and prints per variant the median wall time, the median CPU time
# (user + system, which a shared machine's load inflates far less than wall time) and the largest peak RSS,
# all from GNU time (/usr/bin/time). Output of the commands is discarded; a command that fails stops the run.
#   bench/cli/time-commands.sh ROUNDS LABEL 'COMMAND' [LABEL 'COMMAND']...
set -euo pipefail
rounds="$1"
shift
(( $# >= 2 && $# % 2 == 0 )) || { echo "usage: $0 ROUNDS LABEL 'COMMAND' [LABEL 'COMMAND']..." >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
labels=()
commands=()
while (( $# > 0 )); do
  labels+=("$1")
  commands+=("$2")
  shift 2
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for (( r = 0; r < rounds; r++ )); do
  for i in "${!commands[@]}"; do
    if ! /usr/bin/time -f '%e %U %S %M' -o "$work/one" bash -c "${commands[$i]}" >/dev/null 2>"$work/err"; then
      echo "$0: '${labels[$i]}' failed:" >&2
      cat "$work/err" >&2
      exit 1
    fi
    tail -n 1 "$work/one" >>"$work/$i"
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
printf '%-28s %10s %10s %12s   (%s rounds, %s)\n' variant "wall s" "cpu s" "peak RSS MB" "$rounds" "$(lscpu | sed -n 's/^Model name: *//p')"
for i in "${!commands[@]}"; do
  wall="$(awk '{ print $1 }' "$work/$i" | median)"
  cpu="$(awk '{ print $2 + $3 }' "$work/$i" | median)"
  rss="$(awk '{ if ($4 > m) m = $4 } END { printf "%.1f", m / 1024 }' "$work/$i")"
  printf '%-28s %10.3f %10.3f %12s\n' "${labels[$i]}" "$wall" "$cpu" "$rss"
done
