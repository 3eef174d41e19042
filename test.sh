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

apt_install() {
  # $1: what it is for; the rest: Debian packages.
  local purpose=$1 sudo=""
  shift
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo -n"
  fi
  echo "test.sh: installing $purpose (apt-get install $*)..."
  if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    return 1
  fi
}

# The PostgreSQL tests start private servers (initdb + pg_ctl) from Debian's server binaries. Install them only when
# no /usr/lib/postgresql/*/bin/initdb exists and MAESTRO_PG_BIN does not point at another copy.
if [ -n "${MAESTRO_PG_BIN:-}" ]; then
  if [ ! -x "$MAESTRO_PG_BIN/initdb" ]; then
    echo "test.sh: MAESTRO_PG_BIN is $MAESTRO_PG_BIN, which has no initdb." >&2
    exit 2
  fi
elif ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if ! apt_install "the PostgreSQL server binaries" postgresql || ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    echo "test.sh: could not install PostgreSQL, which the tests need. Install the 'postgresql' package (as root)," >&2
    echo "         or set MAESTRO_PG_BIN to a folder holding initdb and pg_ctl." >&2
    exit 2
  fi
fi

# The browser tests drive Debian's Chromium: through Playwright (which cannot download its own browser here) and
# through Selenium's ChromeDriver.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if ! apt_install "Chromium and ChromeDriver" chromium chromium-driver || [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "test.sh: could not install Chromium, which the browser tests need. Install the 'chromium' and" >&2
    echo "         'chromium-driver' packages (as root)." >&2
    exit 2
  fi
fi

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
