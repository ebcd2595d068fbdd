#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, then runs them.
# Usage: bash .ci/test.sh [extra dotnet test arguments, e.g. --filter Category=Unit]
# The .NET tests run first (they also build the gateway the Node tests start); the Node tests
# in clients/js run even when the .NET ones failed, and the script fails if either did.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet_status=0
dotnet test Grains.sln --configuration Release "$@" || dotnet_status=$?

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update
  apt-get install -y nodejs npm
fi
node_status=0
{ npm ci --prefix clients/js --no-audit --no-fund && npm test --prefix clients/js; } || node_status=$?

echo
echo "Summary: .NET tests $([ "$dotnet_status" -eq 0 ] && echo passed || echo "FAILED (exit $dotnet_status)"); Node tests (clients/js) $([ "$node_status" -eq 0 ] && echo passed || echo "FAILED (exit $node_status)")"
if [ "$dotnet_status" -ne 0 ] || [ "$node_status" -ne 0 ]; then
  exit 1
fi
