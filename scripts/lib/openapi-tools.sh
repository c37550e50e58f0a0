#!/usr/bin/env bash
# Standard OpenAPI tools from npm for the contract tests, installed once into .tmp/openapi-tools:
#   openapi-tools.sh install                 install (or reuse) and print the install directory
#   openapi-tools.sh lint DOCUMENT           Redocly CLI lint (recommended rules); exit 0 only with no errors
#   openapi-tools.sh client DOCUMENT DIR     generate TypeScript types (openapi-typescript) into DIR, then type-check
#                                            and compile DIR/*.ts with tsc (strict) against them
# Exit 3 means npm could not install the tools (the caller reports it loudly).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.tmp/openapi-tools"
packages=(@redocly/cli@2.77.0 openapi-typescript@7.13.0 openapi-fetch@0.17.0 typescript@5.9.3 @types/node@20)

install() {
  if [[ -x "$tools/node_modules/.bin/redocly" && -x "$tools/node_modules/.bin/tsc" && -f "$tools/.installed" ]]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "npm is not installed" >&2; return 3; }
  mkdir -p "$tools"
  [[ -f "$tools/package.json" ]] || echo '{"name":"openapi-tools","private":true,"type":"module"}' > "$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "${packages[@]}" >&2 || return 3
  touch "$tools/.installed"
}

case "${1:-}" in
  install)
    install
    echo "$tools"
    ;;
  lint)
    install
    "$tools/node_modules/.bin/redocly" lint --extends=recommended --format=stylish "$2"
    ;;
  client)
    install
    out="$3"
    "$tools/node_modules/.bin/openapi-typescript" "$2" --output "$out/api.d.ts" >&2
    ln -sfn "$tools/node_modules" "$out/node_modules"
    "$tools/node_modules/.bin/tsc" --strict --target es2022 --module nodenext --moduleResolution nodenext \
      --types node --outDir "$out/dist" "$out"/*.ts
    ;;
  *)
    echo "usage: $0 install | lint DOCUMENT | client DOCUMENT DIR" >&2
    exit 2
    ;;
esac
