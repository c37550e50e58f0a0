#!/usr/bin/env bash
# The cluster profile as local processes on loopback: a throwaway PostgreSQL, the migration, 2 silos, 2 Api nodes
# (and nginx in front of them with --nginx when nginx is installed).
#
#   scripts/cluster.sh up [--no-build] [--nginx]   start everything, wait until ready, print API_1=... and API_2=...
#   scripts/cluster.sh token --sub S [--role R] [--name N] [--email E]   print a JWT every node accepts
#   scripts/cluster.sh down                        stop what `up` started, and nothing else
#
# State (pids, ports, logs, the signing key) lives in $TICKETPLATFORM_CLUSTER_STATE (default .tmp/cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib/postgres.sh

STATE=${TICKETPLATFORM_CLUSTER_STATE:-$ROOT/.tmp/cluster}
SILO_DLL=$ROOT/src/Silo/bin/Release/net10.0/TicketPlatform.Silo.dll
API_DLL=$ROOT/src/Api/bin/Release/net10.0/TicketPlatform.Api.dll

die() {
  echo "cluster.sh: $*" >&2
  exit 1
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! grep -qx "$port" "$STATE/ports" 2>/dev/null; then
      echo "$port" | tee -a "$STATE/ports"
      return 0
    fi
  done
  return 1
}

# start NAME DLL [ENV=VALUE...]: runs `dotnet DLL` in the background with exactly these settings; records its pid.
start() {
  local name=$1 dll=$2
  shift 2
  env "$@" nohup dotnet "$dll" >"$STATE/logs/$name.log" 2>&1 &
  echo "$! $name $(basename "$dll")" >>"$STATE/pids"
}

wait_ready() {
  local url=$1 deadline=$((SECONDS + 180))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || die "$url is not ready after 180 s (logs in $STATE/logs)"
    sleep 1
  done
}

up() {
  local build=1 nginx=0
  for arg in "$@"; do
    case $arg in
      --no-build) build=0 ;;
      --nginx) nginx=1 ;;
      *) die "unknown option $arg" ;;
    esac
  done
  [ ! -f "$STATE/pids" ] || die "already up (state in $STATE); run scripts/cluster.sh down first"
  mkdir -p "$STATE/logs"
  : >"$STATE/ports"

  if [ $build -eq 1 ]; then
    dotnet build src/Silo -c Release -nologo -v quiet >&2
    dotnet build src/Api -c Release -nologo -v quiet >&2
  fi
  [ -f "$SILO_DLL" ] && [ -f "$API_DLL" ] || die "build output missing: run without --no-build"

  pg_start || die "could not start PostgreSQL"
  printf 'PG_DIR=%s\nPG_PORT=%s\nPG_BIN=%s\n' "$PG_DIR" "$PG_PORT" "$PG_BIN" >"$STATE/postgres"
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE ticketplatform" >&2
  local db="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ticketplatform"
  head -c 48 /dev/urandom | base64 -w0 >"$STATE/signing.key"
  local key
  key=$(cat "$STATE/signing.key")
  # One webhook encryption key for every silo, so any silo can unseal the secrets another sealed.
  head -c 32 /dev/urandom | base64 -w0 >"$STATE/webhook.key"
  local webhook_key
  webhook_key=$(cat "$STATE/webhook.key")

  ConnectionStrings__TicketPlatform="$db" dotnet "$SILO_DLL" migrate >"$STATE/logs/migrate.log" 2>&1 ||
    die "migration failed (see $STATE/logs/migrate.log)"

  local i http
  for i in 1 2; do
    http=$(free_port)
    start "silo-$i" "$SILO_DLL" ConnectionStrings__TicketPlatform="$db" ASPNETCORE_URLS="http://127.0.0.1:$http" \
      TicketPlatform__Cluster__AdvertisedIP=127.0.0.1 TicketPlatform__Cluster__SiloPort="$(free_port)" \
      TicketPlatform__Cluster__GatewayPort="$(free_port)" TicketPlatform__Webhooks__EncryptionKey="$webhook_key"
    echo "SILO_$i=http://127.0.0.1:$http" >>"$STATE/endpoints"
    wait_ready "http://127.0.0.1:$http/health/ready"
  done
  for i in 1 2; do
    http=$(free_port)
    start "api-$i" "$API_DLL" TicketPlatform__Profile=Cluster ConnectionStrings__OrleansCluster="$db" \
      TicketPlatform__Auth__SigningKey="$key" ASPNETCORE_URLS="http://127.0.0.1:$http"
    echo "API_$i=http://127.0.0.1:$http" >>"$STATE/endpoints"
  done
  for url in $(grep '^API_' "$STATE/endpoints" | cut -d= -f2); do
    wait_ready "$url/health/ready"
  done

  if [ $nginx -eq 1 ]; then
    start_nginx
  fi
  grep -E '^(API|LB)_' "$STATE/endpoints"
}

start_nginx() {
  command -v nginx >/dev/null || die "--nginx: nginx is not installed (apt-get install nginx)"
  local port upstreams=""
  port=$(free_port)
  for url in $(grep '^API_' "$STATE/endpoints" | cut -d= -f2); do
    upstreams+="    server ${url#http://};"$'\n'
  done
  mkdir -p "$STATE/nginx"
  cat >"$STATE/nginx/nginx.conf" <<CONF
pid $STATE/nginx/nginx.pid;
error_log $STATE/logs/nginx.log;
events {}
http {
  access_log off;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  upstream api {
$upstreams  }
  server {
    listen 127.0.0.1:$port;
    location /hubs/ {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
    }
    location / { proxy_pass http://api; }
  }
}
CONF
  nginx -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx"
  echo "$(cat "$STATE/nginx/nginx.pid") nginx nginx" >>"$STATE/pids"
  echo "LB_1=http://127.0.0.1:$port" >>"$STATE/endpoints"
}

token() {
  [ -f "$STATE/signing.key" ] || die "not up (no signing key in $STATE)"
  TicketPlatform__Profile=Cluster TicketPlatform__Auth__SigningKey="$(cat "$STATE/signing.key")" dotnet "$API_DLL" token "$@"
}

# Stops a recorded pid only while it is still the process we started (its command line names what we ran).
stop_pid() {
  local pid=$1 what=$2
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$what"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

down() {
  if [ -f "$STATE/pids" ]; then
    tac "$STATE/pids" | while read -r pid name what; do
      stop_pid "$pid" "$what"
    done
  fi
  if [ -f "$STATE/postgres" ]; then
    # shellcheck disable=SC1091
    source "$STATE/postgres"
    pg_stop
  fi
  rm -rf "$STATE"
}

case ${1:-} in
  up) shift; up "$@" ;;
  token) shift; token "$@" ;;
  down) down ;;
  *) die "usage: scripts/cluster.sh up [--no-build] [--nginx] | token --sub S [--role R] | down" ;;
esac
