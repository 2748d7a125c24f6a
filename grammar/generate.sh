#!/usr/bin/env bash
# Regenerates the C# lexer/parser from DealLang.g4 with the pinned antlr-ng (package-lock.json).
#   bash grammar/generate.sh          regenerate src/DealLang.Grammar/Generated
#   bash grammar/generate.sh --check  regenerate into a temp folder and fail if the committed copy differs
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../src/DealLang.Grammar/Generated"
cd "$here"
if [ ! -x node_modules/.bin/antlr-ng ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# antlr-ng reports a grammar error (a token defined twice, say) and may still exit 0 having written only some
# files: keep its output, and fail unless the four sources are all there.
if ! log="$(node_modules/.bin/antlr-ng -Dlanguage=CSharp --generate-visitor --generate-listener false \
  --package DealLang.Grammar --output-directory "$out" DealLang.g4 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
for f in DealLangLexer.cs DealLangParser.cs DealLangVisitor.cs DealLangBaseVisitor.cs; do
  if [ ! -f "$out/$f" ]; then
    echo "$log" >&2
    echo "error: antlr-ng did not write $f: the grammar has an error" >&2
    exit 1
  fi
done
# Only the C# sources are needed to build; the .interp/.tokens files are tool debris.
rm -f "$out"/*.interp "$out"/*.tokens

if [ "${1:-}" = "--check" ]; then
  if ! diff -r "$out" "$target" >/dev/null 2>&1; then
    echo "error: src/DealLang.Grammar/Generated is stale; run: bash grammar/generate.sh" >&2
    diff -r "$out" "$target" | head -20 >&2 || true
    exit 1
  fi
  echo "grammar: generated parser is up to date"
else
  rm -rf "$target"
  mkdir -p "$target"
  cp "$out"/*.cs "$target"/
  echo "grammar: regenerated $(ls "$target" | wc -l) files in src/DealLang.Grammar/Generated"
fi
