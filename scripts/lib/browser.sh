#!/usr/bin/env bash
# A real headless browser for the page tests: Debian's Chromium, driven by playwright-core from npm (which
# downloads no browser of its own), installed once into .tmp/browser-tools.
#   browser.sh install            install (or reuse) Chromium and playwright-core; print the tools directory
#   browser.sh run SCRIPT ARGS..  run a Node script that imports playwright-core, with CHROMIUM set to the binary
# Exit 3 means the browser or the driver could not be installed here (the caller reports it loudly).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tools="$root/.tmp/browser-tools"
chromium=/usr/bin/chromium
driver=playwright-core@1.65.2

install() {
  if [[ ! -x "$chromium" ]]; then
    [[ "$(id -u)" -eq 0 ]] || { echo "Chromium is missing and only root can apt-get install it" >&2; return 3; }
    echo "Installing Chromium from the OS packages" >&2
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 ||
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2; }; } || return 3
  fi
  if [[ -f "$tools/.installed" ]]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "npm is not installed" >&2; return 3; }
  mkdir -p "$tools"
  [[ -f "$tools/package.json" ]] || echo '{"name":"browser-tools","private":true,"type":"module"}' > "$tools/package.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "$driver" >&2 || return 3
  touch "$tools/.installed"
}

case "${1:-}" in
  install)
    install || exit $?
    echo "$tools"
    ;;
  run)
    install || exit $?
    script="$2"
    shift 2
    # Node resolves an ES module's imports from its own folder upwards (NODE_PATH does not apply), so the script
    # runs from beside the installed driver.
    cp "$script" "$tools/"
    CHROMIUM="$chromium" node "$tools/$(basename "$script")" "$@"
    ;;
  *)
    echo "usage: $0 install | run SCRIPT ARGS..." >&2
    exit 2
    ;;
esac
