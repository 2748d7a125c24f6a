#!/usr/bin/env bash
# Installs Debian's chromium for the report's browser tests (tests/DealLang.Cli.Tests/Report/), when it is missing.
# Idempotent: a machine that has /usr/bin/chromium is left as it is (about 0 s); a fresh one takes about a minute.
# Quiet on success; a failure is one line on stderr naming the log to read, exit 1. Playwright drives this browser
# through its executable path: no browser is ever downloaded (docs/cli.md, "report").
#   scripts/browser/install.sh           install if missing
#   scripts/browser/install.sh --check   exit 0 if chromium is installed, 1 if not; changes nothing
set -euo pipefail

browser=/usr/bin/chromium

fail() {
  echo "browser: $1" >&2
  exit 1
}

if [[ "${1:-}" == --check ]]; then
  [[ -x $browser ]]
  exit
fi
[[ $# -eq 0 ]] || fail "usage: install.sh [--check]"
[[ -x $browser ]] && exit 0

[[ $EUID -eq 0 ]] || fail "cannot install chromium: it is not installed and installing it needs root (run as root, or apt-get install chromium)"
command -v apt-get >/dev/null 2>&1 || fail "cannot install chromium: it is not installed and there is no apt-get (install Debian's or your system's chromium at $browser)"
log="${TMPDIR:-/tmp}/deallang-browser-install.log"
export DEBIAN_FRONTEND=noninteractive
status=0
{ apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } >"$log" 2>&1 || status=$?
((status == 0)) || fail "installing chromium failed (apt-get exit $status); see $log"
[[ -x $browser ]] || fail "apt-get installed chromium but $browser is missing; see $log"
