#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, then runs them.
# Usage: bash .ci/test.sh [extra dotnet test arguments, e.g. --filter Category=Unit]
#
# The .NET tests run first; the JavaScript client's tests (clients/js, Node's test runner
# against the gateway the .NET run has built) run after them even when the .NET tests
# failed, and the script fails when either did. The JavaScript tests are end-to-end tests:
# they are skipped when a --filter is given that does not mention EndToEnd.
set -euo pipefail
cd "$(dirname "$0")/.."

# Beyond the .NET SDK: Node.js, npm and Chromium (below); later suites add redis-server and
# postgresql here (apt-get), each installed only when missing.

dotnet_status=0
dotnet test Grains.sln --configuration Release "$@" || dotnet_status=$?

run_node=true
for argument in "$@"; do
  case "$argument" in
    --filter|--filter=*) run_node=false ;;
  esac
done
if [[ "$*" == *EndToEnd* && "$*" != *'!=EndToEnd'* ]]; then
  run_node=true
fi

node_status=0
if [[ "$run_node" == true ]]; then
  # Node.js and npm run the tests; Chromium runs the browser test (test/browser.test.mjs).
  missing=()
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  if (( ${#missing[@]} > 0 )); then
    sudo_cmd=""
    if [[ "$(id -u)" != 0 ]]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    $sudo_cmd apt-get install -y -qq "${missing[@]}"
  fi
  # The node tests start the gateway that dotnet test built (Gateway/bin/Release).
  if [[ ! -f Gateway/bin/Release/net10.0/Topiary.Gateway.dll ]]; then
    dotnet build Gateway --configuration Release
  fi
  echo "JavaScript client tests (clients/js):"
  { npm ci --prefix clients/js --no-audit --no-fund && npm test --prefix clients/js; } || node_status=$?
else
  echo "JavaScript client tests skipped: the filter '$*' does not select EndToEnd tests"
fi

echo "dotnet test exit status: $dotnet_status; JavaScript tests exit status: $node_status"
if [[ "$dotnet_status" != 0 || "$node_status" != 0 ]]; then
  exit 1
fi
