#!/usr/bin/env bash
# Packages the VS Code extension as editors/vscode/deallang.vsix with @vscode/vsce (pinned in package-lock.json;
# 3.9.2 runs on Node 20). Not run by CI: it only zips what the tests already check. Install the result with
#   code --install-extension editors/vscode/deallang.vsix
set -euo pipefail
cd "$(dirname "$0")/../../editors/vscode"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node scripts/generate-grammar.js --check
npx --no-install vsce package --allow-missing-repository --skip-license --out deallang.vsix
echo "editors: wrote editors/vscode/deallang.vsix"
