#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly CLI, at the version pinned in scripts/lib/openapi-lint/package-lock.json
# (recommended rules). Installs it on first use, and again when the lock file changes; exits non-zero on any error.
# Usage: scripts/lib/openapi-lint.sh path/to/openapi.json
set -euo pipefail
here="$(cd "$(dirname "$0")/openapi-lint" && pwd)"
if [ ! -x "$here/node_modules/.bin/redocly" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --no-audit --no-fund --ignore-scripts >&2
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$here/node_modules/.bin/redocly" lint --format=stylish "$1"
