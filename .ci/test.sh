#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, then runs them.
# Usage: bash .ci/test.sh [extra dotnet test arguments, e.g. --filter Category=Unit]
set -euo pipefail
cd "$(dirname "$0")/.."

# Nothing beyond the .NET SDK is needed yet; later suites add redis-server,
# postgresql and node here (apt-get / npm), each installed only when missing.

dotnet test Grains.sln --configuration Release "$@"
