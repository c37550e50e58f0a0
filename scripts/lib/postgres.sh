# Throwaway PostgreSQL for tests and local clusters: own data directory, free port, own socket directory.
# Source this file, then call pg_start / pg_stop. pg_start exports PG_DIR, PG_BIN, PG_PORT and PG_ADMIN_CONNECTION;
# with those set, pg_down / pg_up stop and start the same server again.

pg_bin_dir() {
  local dir
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && echo "$dir"
}

pg_install_if_missing() {
  if [ -n "$(pg_bin_dir)" ]; then
    return 0
  fi
  echo "PostgreSQL is not installed; installing it from the OS packages." >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "Not root: cannot apt-get install postgresql." >&2
    return 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

pg_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Runs a PostgreSQL binary, as the postgres OS user when we are root (initdb and postgres refuse root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  pg_install_if_missing || return 1
  local bin
  bin=$(pg_bin_dir)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ticketplatform-pg.XXXXXX")
  mkdir -p "$PG_DIR/data" "$PG_DIR/socket"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$PG_DIR"
  PG_PORT=$(pg_free_port) || return 1

  pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log" >&2
    return 1
  }
  PG_BIN="$bin"
  pg_up || return 1
  PG_ADMIN_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  export PG_DIR PG_PORT PG_BIN PG_ADMIN_CONNECTION
}

# Starts the server of an existing PG_DIR again on PG_PORT (after pg_start, or after pg_down).
pg_up() {
  # Durability is not under test here: trade it for speed.
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o \
    "-p $PG_PORT -k $PG_DIR/socket -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || {
    cat "$PG_DIR/server.log" >&2
    return 1
  }
}

# Stops the server and keeps its data, for pg_up to bring it back (a database restart).
pg_down() {
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
