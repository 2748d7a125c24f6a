#!/usr/bin/env bash
# Stops the single-node Slurm scripts/slurm/start.sh started: slurmd, slurmctld and their munged, each by the pid
# file it wrote in the cluster's folder, and waits for them to go. Idempotent and quiet; nothing running is not an
# error. The folder is kept (its logs); remove $DEALLANG_SLURM_DIR, /tmp/deallang-slurm by default, to forget it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
dir="$deallang_slurm_dir"

for daemon in slurmd slurmctld munged; do
  pidfile="$dir/$daemon.pid"
  [[ -f $pidfile ]] || continue
  pid="$(<"$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pidfile"
done
