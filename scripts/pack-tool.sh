#!/usr/bin/env bash
# Packs the CLI as a .NET tool, installs it into a temporary tool path and runs the README's main command with it,
# outside the clone: the tool must need nothing from the clone (its assemblies, Roslyn's references for compiling
# deals: DealLang.Runtime from the package, the framework's own from the running .NET). .ci/run calls it after the
# tests (docs/cli.md, "Installing the tool").
#   scripts/pack-tool.sh
# Exits non-zero, saying why, if packing, installing or the run fails, or the run's summary differs from the
# committed baseline (tests/DealLang.Cli.Tests/Baselines/Snapshots/ExampleBaselineTests.hyperion.summary.verified.txt).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/deallang-pack-tool.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "== pack (dotnet pack src/DealLang.Cli)"
# Its own artifacts folder: the clone's bin/obj (the tests', the IDE's) are left alone.
dotnet pack "$root/src/DealLang.Cli/DealLang.Cli.csproj" -c Release -o "$work/feed" --artifacts-path "$work/build" -nologo -v quiet
package="$(find "$work/feed" -maxdepth 1 -name 'deallang.*.nupkg' | head -n 1)"
[[ -n "$package" ]] || { echo "pack-tool: dotnet pack made no deallang package" >&2; exit 1; }
version="$(basename "$package" .nupkg)"
version="${version#deallang.}"

echo "== install $(basename "$package") into a temporary tool path"
# Only the package just made: a NuGet.config that clears every other source, so no 'deallang' from a feed is taken.
cat >"$work/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="pack-tool" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
dotnet tool install deallang --version "$version" --tool-path "$work/tools" --configfile "$work/NuGet.config"

echo "== deallang run examples/hyperion.deal --scenario all (the installed tool, outside the clone)"
# A copy of the examples in a folder of its own, a fresh compiled-deal cache (so the deal is compiled by the
# installed tool's Roslyn), and a PATH whose only deallang is the installed one.
mkdir -p "$work/run"
cp -R "$root/examples" "$work/run/examples"
cd "$work/run"
PATH="$work/tools:$PATH" DEALLANG_CACHE_DIR="$work/cache" deallang run examples/hyperion.deal --scenario all >"$work/out.txt"
# The report is a title line, then the summary the baseline holds.
if ! tail -n +2 "$work/out.txt" | diff -u "$root/tests/DealLang.Cli.Tests/Baselines/Snapshots/ExampleBaselineTests.hyperion.summary.verified.txt" -; then
  echo "pack-tool: the installed tool's summary differs from the committed baseline" >&2
  exit 1
fi

PATH="$work/tools:$PATH" deallang --version
echo "pack-tool: the installed deallang $version ran the README's command; its summary is the baseline's"
