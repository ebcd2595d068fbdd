#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, then runs them.
# Usage: bash .ci/test.sh [extra dotnet test arguments, e.g. --filter Category=Unit]
set -euo pipefail
cd "$(dirname "$0")/.."

# The Cluster tests start real redis-server and PostgreSQL processes; install
# each engine only when it is missing (apt-get, quietly).
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet test Grains.sln --configuration Release "$@"
