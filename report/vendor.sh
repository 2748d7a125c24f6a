#!/usr/bin/env bash
# Copies the pinned chart library (package.json / package-lock.json: echarts) into the CLI's embedded resources,
# which deallang report inlines into every HTML report (so a report opens with no network).
#   bash report/vendor.sh          install the pinned package and copy its minified file
#   bash report/vendor.sh --check  fail if the committed copy differs from the pinned package's file (CI)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../src/DealLang.Cli/Report/Assets/echarts.common.min.js"
cd "$here"
if [ ! -f node_modules/echarts/dist/echarts.common.min.js ] \
  || [ "$(node -p 'require("./node_modules/echarts/package.json").version')" != "$(node -p 'require("./package-lock.json").packages["node_modules/echarts"].version')" ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
fi
source="node_modules/echarts/dist/echarts.common.min.js"

if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$source" "$target"; then
    echo "error: src/DealLang.Cli/Report/Assets/echarts.common.min.js is not the pinned echarts (dist/echarts.common.min.js: line, bar, scatter and pie charts with markLine, legend, tooltip, grid); run: bash report/vendor.sh" >&2
    exit 1
  fi
  echo "report: vendored echarts is up to date"
else
  mkdir -p "$(dirname "$target")"
  cp "$source" "$target"
  echo "report: copied echarts $(node -p 'require("./node_modules/echarts/package.json").version') ($(wc -c <"$target") bytes) into src/DealLang.Cli/Report/Assets"
fi
