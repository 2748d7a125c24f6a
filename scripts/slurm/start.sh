#!/usr/bin/env bash
# Starts a single-node Slurm on this machine: slurmctld and slurmd on localhost, one partition of this machine's
# cores, authenticated by a private munged. Installs Debian's slurm-wlm and munge first when they are missing (as
# root, through apt-get). Idempotent: a cluster already up is left as it is. Quiet on success; a failure is one line
# on stderr naming the log to read, exit 1.
#   scripts/slurm/start.sh            start (or find running) and wait until the node is idle
#   scripts/slurm/start.sh --check    exit 0 if the cluster is up and the node idle, 1 if not; changes nothing
# Then: source scripts/slurm/env.sh; sinfo. scripts/slurm/stop.sh stops it. See docs/cluster.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
source "$here/env.sh"
dir="$deallang_slurm_dir"
node="$deallang_slurm_node"

fail() {
  echo "slurm: $1" >&2
  exit 1
}

alive() { # alive PIDFILE: the daemon it names is running
  [[ -f "$1" ]] && kill -0 "$(<"$1")" 2>/dev/null
}

node_state() {
  sinfo -h -N -n "$node" -o %t 2>/dev/null | head -n 1
}

up() {
  alive "$dir/munged.pid" && alive "$dir/slurmctld.pid" && alive "$dir/slurmd.pid" \
    && command -v sinfo >/dev/null 2>&1 && [[ "$(node_state)" == idle* ]]
}

if [[ "${1:-}" == --check ]]; then
  up
  exit
fi
[[ $# -eq 0 ]] || fail "usage: start.sh [--check]"
up && exit 0

# 1. The packages. Debian 12's Slurm (22.05) authenticates only through munge (auth/slurm came in 23.11).
missing=()
command -v slurmctld >/dev/null 2>&1 || missing+=(slurmctld)
command -v slurmd >/dev/null 2>&1 || missing+=(slurmd)
command -v sbatch >/dev/null 2>&1 || missing+=(slurm-client)
command -v munged >/dev/null 2>&1 || missing+=(munge)
if ((${#missing[@]} > 0)); then
  [[ $EUID -eq 0 ]] || fail "cannot install ${missing[*]}: Slurm is not installed and installing it needs root (run as root, or apt-get install slurm-wlm munge)"
  command -v apt-get >/dev/null 2>&1 || fail "cannot install ${missing[*]}: Slurm is not installed and there is no apt-get (install slurm-wlm and munge, Slurm 22.05 or later)"
  mkdir -p "$dir"
  log="$dir/install.log"
  # The packages' scripts would start the system's own munged and Slurm daemons on /etc's configuration: a
  # policy-rc.d that refuses every start (Debian's way, see invoke-rc.d(8)) keeps them off while apt-get runs.
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  status=0
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends slurm-wlm munge; } >"$log" 2>&1 || status=$?
  ((own_policy)) && rm -f "$policy"
  ((status == 0)) || fail "installing slurm-wlm and munge failed (apt-get exit $status); see $log"
fi

[[ $EUID -eq 0 ]] || fail "cannot start Slurm: slurmd runs jobs as their users and so must run as root (run as root)"

# 2. The folder and the configuration (rewritten each start: the machine's cores or name may have changed).
mkdir -p "$dir/munge" "$dir/state" "$dir/spool" 2>/dev/null || fail "cannot create the cluster's folder $dir (DEALLANG_SLURM_DIR)"
chmod 755 "$dir/munge"   # munged refuses a key or socket in a folder others can write, and wants the socket reachable
cpus="$(nproc)"
cat >"$SLURM_CONF" <<CONF
# Written by scripts/slurm/start.sh: a single-node Slurm for DealLang's Monte Carlo shards (docs/cluster.md).
ClusterName=deallang
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$deallang_slurm_ctld_port
SlurmdPort=$deallang_slurm_d_port
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
# No cgroups (containers rarely delegate them): processes tracked by their parent, tasks not bound to cores.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
# A merge whose shards failed can never start: end it instead of leaving it pending.
DependencyParameters=kill_invalid_depend
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=deallang Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

# 3. The daemons, each started only if not running.
if ! alive "$dir/munged.pid"; then
  key="$dir/munge/munge.key"
  if [[ ! -s $key ]]; then
    (umask 077 && head -c 1024 /dev/urandom >"$key")
  fi
  munged --force --key-file="$key" --socket="$dir/munge/munge.socket" --pid-file="$dir/munged.pid" \
    --log-file="$dir/munged.log" --seed-file="$dir/munge/munge.seed" >>"$dir/munged.log" 2>&1 \
    || fail "munged did not start; see $dir/munged.log"
fi
if ! alive "$dir/slurmctld.pid"; then
  # -c: a cold start, no jobs left over from an earlier cluster in this folder; -i: ignore stale state files.
  slurmctld -c -i -f "$SLURM_CONF" >>"$dir/slurmctld.log" 2>&1 || fail "slurmctld did not start; see $dir/slurmctld.log"
fi
if ! alive "$dir/slurmd.pid"; then
  slurmd -N "$node" -f "$SLURM_CONF" >>"$dir/slurmd.log" 2>&1 || fail "slurmd did not start; see $dir/slurmd.log"
fi

# 4. Wait (up to a minute) for the node to register and go idle; a node left down or drained is resumed.
for _ in $(seq 1 120); do
  state="$(node_state)"
  case "$state" in
    idle*) exit 0 ;;
    down* | drain* | drng*) scontrol update nodename="$node" state=resume >/dev/null 2>&1 || true ;;
  esac
  alive "$dir/slurmctld.pid" || fail "slurmctld stopped while starting; see $dir/slurmctld.log"
  alive "$dir/slurmd.pid" || fail "slurmd stopped while starting; see $dir/slurmd.log"
  sleep 0.5
done
fail "node $node is not idle after 60 s (sinfo says '${state:-nothing}'); see $dir/slurmctld.log and $dir/slurmd.log"
