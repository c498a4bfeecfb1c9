#!/usr/bin/env bash
# The README's second command: installs what the tests need, builds everything, runs every test suite.
# Prints one closing line "N passed, N failed, N skipped" and exits non-zero if any test failed.
set -euo pipefail
cd "$(dirname "$0")/.."

eng/install-test-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build Quire.slnx -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Quire.slnx -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13 ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: / {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
