#!/usr/bin/env bash
# The standard OpenAPI tools of the contract tests, from npm, at the versions pinned in
# scripts/lib/openapi-tools/package-lock.json (installed with `npm ci` on first use, and again when the lock changes):
#   openapi-tools.sh lint DOCUMENT           Redocly CLI lint (recommended rules), then Spectral (spectral:oas rules);
#                                            exit 0 only when neither finds an error (warnings are printed, not fatal)
#   openapi-tools.sh client DOCUMENT DIR     generate TypeScript types from DOCUMENT (openapi-typescript) into
#                                            DIR/api.d.ts, then compile DIR/*.ts against them and openapi-fetch with
#                                            tsc --strict into DIR/dist (run the result with node)
# Exit 3 means npm could not install the tools (the caller says so loudly); any other failure is the tool's verdict.
set -euo pipefail
here="$(cd "$(dirname "$0")/openapi-tools" && pwd)"
bin="$here/node_modules/.bin"

install() {
  # Test classes run in parallel: one installs while the others wait (npm ci first deletes node_modules).
  (
    flock 9
    if [[ -x "$bin/redocly" && -x "$bin/spectral" && -x "$bin/tsc" && -x "$bin/openapi-typescript" && "$here/node_modules/.package-lock.json" -nt "$here/package-lock.json" ]]; then
      exit 0
    fi
    command -v npm >/dev/null || { echo "npm is not installed" >&2; exit 3; }
    npm ci --prefix "$here" --no-audit --no-fund --ignore-scripts --loglevel=error >&2 || { echo "npm ci failed" >&2; exit 3; }
  ) 9>"$here/.install-lock" || exit $?
}

case "${1:-}" in
  lint)
    install
    export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
    "$bin/redocly" lint --extends=recommended --format=stylish "$2"
    exec "$bin/spectral" lint --ruleset "$here/spectral.yaml" --fail-severity=error --format=text "$2"
    ;;
  client)
    install
    out="$3"
    "$bin/openapi-typescript" "$2" --output "$out/api.d.ts" >&2
    ln -sfn "$here/node_modules" "$out/node_modules"
    echo '{"type":"module"}' > "$out/package.json"
    cd "$out"
    exec "$bin/tsc" --strict --target es2022 --module nodenext --moduleResolution nodenext \
      --types node --outDir dist ./*.ts
    ;;
  *)
    echo "usage: $0 lint DOCUMENT | client DOCUMENT DIR" >&2
    exit 2
    ;;
esac
