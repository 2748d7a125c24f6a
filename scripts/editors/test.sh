#!/usr/bin/env bash
# The VS Code extension's checks (docs/editors.md), run by .ci/run: the extension's pinned packages (npm ci, from
# editors/vscode/package-lock.json), then
#   1. the TextMate grammar is what grammar/DealLang.g4's keywords give (scripts/generate-grammar.js --check);
#   2. the grammar's tests (vscode-tmgrammar-test over editors/vscode/test/*.test.deal, excerpts of the examples);
#   3. extension.js with VS Code and the language client stood in for (node --test test/extension.test.js).
set -euo pipefail
cd "$(dirname "$0")/../../editors/vscode"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node scripts/generate-grammar.js --check
npx --no-install vscode-tmgrammar-test "test/**/*.test.deal"
node --test test/extension.test.js
