# Sourced by the scripts here, and by a user who wants Slurm's own commands on the single-node cluster:
#   source scripts/slurm/env.sh && sinfo && squeue
# Everything the cluster writes (its configuration, munge key and socket, state, spool, logs and pid files) lives in
# one folder, so it never touches /etc/slurm or /etc/munge and a second copy of the project can run its own.
deallang_slurm_dir="${DEALLANG_SLURM_DIR:-${TMPDIR:-/tmp}/deallang-slurm}"
deallang_slurm_ctld_port="${DEALLANG_SLURM_CTLD_PORT:-16817}"   # not Slurm's 6817/6818: a real Slurm may run here too
deallang_slurm_d_port="${DEALLANG_SLURM_D_PORT:-16818}"
deallang_slurm_node="$(hostname -s 2>/dev/null || hostname)"  # slurmctld insists its SlurmctldHost is this host's name
export SLURM_CONF="$deallang_slurm_dir/slurm.conf"             # what sinfo, sbatch, squeue and scancel read
