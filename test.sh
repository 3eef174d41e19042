#!/usr/bin/env bash
# Runs every Maestro test, the way CI does: `./test.sh` (extra arguments go to `dotnet test`, e.g. --filter Timer).
# It installs and starts whatever the tests need, so it works on a fresh machine with only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK (dotnet 10) is required and was not found on PATH." >&2
  exit 2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# A hung test fails the run after 10 minutes instead of holding CI until its limit.
set +e
dotnet test Maestro.sln -c Release --blame-hang-timeout 10m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain summary line over all test assemblies, for people and for CI.
awk '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i + 1)
         if ($i == "Passed:") passed += $(i + 1)
         if ($i == "Skipped:") skipped += $(i + 1)
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' FS='[ ,]+' "$log"
exit "$status"
