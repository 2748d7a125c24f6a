#!/usr/bin/env bash
# Accepts every snapshot that failed last run: moves each tests/**/X.received.EXT over X.verified.EXT.
# Review `git diff` afterwards: every baseline change in a commit must be explainable.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

count=0
while IFS= read -r -d '' received; do
    # Only the last ".received." is the marker, in case a test name contains the word.
    prefix="${received%.received.*}"
    extension="${received##*.received.}"
    verified="$prefix.verified.$extension"
    mv -f -- "$received" "$verified"
    echo "accepted: $verified"
    count=$((count + 1))
done < <(find tests \( -name bin -o -name obj \) -prune -o -type f -name '*.received.*' -print0 | sort -z)

if [ "$count" -eq 0 ]; then
    echo "no received files"
fi
