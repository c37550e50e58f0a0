#!/usr/bin/env bash
# The cluster profile in Docker containers (docker-compose.yml): PostgreSQL, the migration, 3 silos, 2 Api nodes, nginx.
#
#   scripts/containers.sh up                         install Docker from the OS packages if missing, start dockerd if
#                                                    none runs, build (stand-in base images where the official ones
#                                                    cannot be pulled), start, wait for health, print URL=...
#   scripts/containers.sh token --sub S [--role R] [--name N] [--email E]   print a JWT the deployment accepts
#   scripts/containers.sh dashboard                  print the Orleans Dashboard URL of each silo (DASHBOARD_n=...)
#   scripts/containers.sh down                       remove the containers, networks and volumes `up` created (and the
#                                                    dockerd it started), nothing else; built images stay as build cache
#
# COMPOSE_PROJECT_NAME (default: .env) names the deployment, so several can run side by side. HTTP_PORT: nginx's
# port on 127.0.0.1 (default 8080, else a free one). State (signing key, image names) lives in
# $TICKETPLATFORM_CONTAINERS_STATE (default .tmp/containers/<project>). RATE_LIMITS_ENABLED=false switches the Api
# nodes' rate limits off (the container tests' write load is far above one user's budget).
# Exit status 3: Docker cannot be installed or started here.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib/docker.sh

SILOS=3
PROJECT=${COMPOSE_PROJECT_NAME:-$(sed -n 's/^COMPOSE_PROJECT_NAME=//p' .env)}
STATE=${TICKETPLATFORM_CONTAINERS_STATE:-$ROOT/.tmp/containers/$PROJECT}
# Shared by every project: the dockerd this script started, stopped by the last `down`.
DOCKERD_STATE=$ROOT/.tmp/containers

die() {
  echo "containers.sh: $*" >&2
  exit "${2:-1}"
}

compose() {
  set -a
  # shellcheck disable=SC1091
  source "$STATE/compose.env"
  set +a
  docker_compose "$@"
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

choose_http_port() {
  if [ -n "${HTTP_PORT:-}" ]; then
    echo "$HTTP_PORT"
  elif port_is_free 8080; then
    echo 8080
  else
    local port
    for _ in $(seq 1 100); do
      port=$((20000 + RANDOM % 20000))
      if port_is_free "$port"; then
        echo "$port"
        return 0
      fi
    done
    return 1
  fi
}

# Every container of the project except the one-shot migration: running and healthy; 3 silos and 2 Api nodes.
all_healthy() {
  local lines
  lines=$(docker ps --filter "label=com.docker.compose.project=$PROJECT" \
    --format '{{.Label "com.docker.compose.service"}} {{.Status}}' | grep -v '^migrate ')
  [ "$(grep -c '^silo .*(healthy)' <<<"$lines")" -eq $SILOS ] &&
    [ "$(grep -c '^api-[12] .*(healthy)' <<<"$lines")" -eq 2 ] &&
    ! grep -qv '(healthy)' <<<"$lines"
}

wait_healthy() {
  local deadline=$((SECONDS + 300))
  until all_healthy; do
    if [ $SECONDS -ge $deadline ]; then
      docker ps -a --filter "label=com.docker.compose.project=$PROJECT" >&2
      die "the deployment is not healthy after 300 s (docker logs <container> tells why)"
    fi
    sleep 2
  done
}

up() {
  [ ! -f "$STATE/compose.env" ] || die "already up (state in $STATE); run scripts/containers.sh down first"
  docker_install_if_missing || die "Docker cannot be installed here" 3
  docker_start_if_needed "$DOCKERD_STATE" || die "Docker cannot be started here" 3
  docker_base_images || die "the base images can neither be pulled nor built"

  mkdir -p "$STATE"
  local port
  port=$(choose_http_port) || die "no free port for nginx"
  {
    echo "COMPOSE_PROJECT_NAME=$PROJECT"
    echo "HTTP_PORT=$port"
    echo "JWT_SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)"
    echo "WEBHOOK_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64 -w0)"
    echo "DOTNET_SDK_IMAGE=$DOTNET_SDK_IMAGE"
    echo "DOTNET_RUNTIME_IMAGE=$DOTNET_RUNTIME_IMAGE"
    echo "POSTGRES_IMAGE=$POSTGRES_IMAGE"
    echo "NGINX_IMAGE=$NGINX_IMAGE"
    echo "RATE_LIMITS_ENABLED=${RATE_LIMITS_ENABLED:-true}"
  } >"$STATE/compose.env"
  chmod 600 "$STATE/compose.env"

  # One build per target; migrate and api-2 use the same images.
  compose build --force-rm silo api-1 >&2
  compose up -d --no-build --scale silo=$SILOS >&2
  wait_healthy
  curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" || die "nginx on 127.0.0.1:$port does not answer"
  echo "URL=http://127.0.0.1:$port"
}

token() {
  [ -f "$STATE/compose.env" ] || die "not up (no state in $STATE)"
  compose exec -T api-1 dotnet TicketPlatform.Api.dll token "$@"
}

dashboard() {
  [ -f "$STATE/compose.env" ] || die "not up (no state in $STATE)"
  local i=0 container ip
  for container in $(compose ps -q silo); do
    i=$((i + 1))
    ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$container")
    echo "DASHBOARD_$i=http://$ip:${DASHBOARD_PORT:-8081}/"
  done
}

down() {
  if [ -f "$STATE/compose.env" ]; then
    compose down --volumes --remove-orphans >&2
  fi
  rm -rf "$STATE"
  # The dockerd we started goes only when no container at all is left on it.
  if [ -f "$DOCKERD_STATE/dockerd.pid" ] && [ -z "$(docker ps -aq 2>/dev/null)" ]; then
    docker_stop_started "$DOCKERD_STATE"
  fi
}

case ${1:-} in
  up) up ;;
  token) shift; token "$@" ;;
  dashboard) dashboard ;;
  down) down ;;
  *) die "usage: scripts/containers.sh up | token --sub S [--role R] | dashboard | down" ;;
esac
