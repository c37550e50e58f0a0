#!/usr/bin/env bash
# Installs the Node verifier of the webhook tests (tests/Api.Tests/Webhooks/StandardWebhooksVerifier) with `npm ci`.
# Idempotent: does nothing when node_modules was installed from the same package-lock.json.
# Exits non-zero, with the reason on stderr, when node or npm is missing or the install fails.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../.." && pwd)/tests/Api.Tests/Webhooks/StandardWebhooksVerifier"
command -v node >/dev/null 2>&1 || { echo "node is not installed" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "npm is not installed" >&2; exit 1; }

stamp="$dir/node_modules/.installed-from-lock"
lock_hash=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  exit 0
fi

(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
echo "$lock_hash" > "$stamp"
