# Docker on this machine from the OS packages, and stand-ins for the official base images built from Debian's
# packages when no public image registry can be reached. Source this file; every function logs to stderr.
#
#   docker_install_if_missing            apt-get install docker.io and docker-compose when either is missing
#   docker_start_if_needed STATE_DIR     start dockerd unless one answers; its pid goes to STATE_DIR/dockerd.pid
#   docker_stop_started STATE_DIR        stop the dockerd that docker_start_if_needed started, nothing else
#   docker_compose ARGS...               `docker compose` (v2) where present, else Debian's `docker-compose` (1.29)
#   docker_base_images                   export DOTNET_SDK_IMAGE, DOTNET_RUNTIME_IMAGE, POSTGRES_IMAGE, NGINX_IMAGE:
#                                        the official images where present or pullable, else local stand-ins

DOCKER_STANDIN_PREFIX=${DOCKER_STANDIN_PREFIX:-ticketplatform-standin}
DOCKER_PULL_TIMEOUT=${DOCKER_PULL_TIMEOUT:-30}

docker_log() {
  echo "docker: $*" >&2
}

docker_install_if_missing() {
  if command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1 && docker_compose_command >/dev/null; then
    return 0
  fi
  docker_log "Docker or Compose is missing; installing docker.io and docker-compose from the OS packages."
  [ "$(id -u)" -eq 0 ] || {
    docker_log "not root: cannot apt-get install docker.io"
    return 1
  }
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose >&2
}

docker_compose_command() {
  if docker compose version >/dev/null 2>&1; then
    echo "docker compose"
  elif command -v docker-compose >/dev/null 2>&1; then
    echo "docker-compose"
  else
    return 1
  fi
}

docker_compose() {
  local command
  command=$(docker_compose_command) || return 1
  $command "$@"
}

docker_start_if_needed() {
  local state=$1
  if docker info >/dev/null 2>&1; then
    return 0
  fi
  [ "$(id -u)" -eq 0 ] || {
    docker_log "no Docker daemon answers and we are not root: cannot start dockerd"
    return 1
  }
  mkdir -p "$state"
  docker_log "starting dockerd (log: $state/dockerd.log)"
  nohup dockerd >"$state/dockerd.log" 2>&1 &
  echo $! >"$state/dockerd.pid"
  local deadline=$((SECONDS + 60))
  until docker info >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$state/dockerd.pid")" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      docker_log "dockerd did not start; its log:"
      tail -n 20 "$state/dockerd.log" >&2
      return 1
    fi
    sleep 1
  done
}

docker_stop_started() {
  local state=$1 pid
  [ -f "$state/dockerd.pid" ] || return 0
  pid=$(cat "$state/dockerd.pid")
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q dockerd; then
    docker_log "stopping the dockerd we started (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
  fi
  rm -f "$state/dockerd.pid"
}

# docker_image_available IMAGE: present locally, or pulled within DOCKER_PULL_TIMEOUT seconds.
docker_image_available() {
  local image=$1
  docker image inspect "$image" >/dev/null 2>&1 && return 0
  timeout "$DOCKER_PULL_TIMEOUT" docker pull -q "$image" >/dev/null 2>&1
}

# The Debian mirror apt uses on this host, for debootstrap.
docker_debian_mirror() {
  local mirror
  mirror=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/* |
    grep -oE 'https?://[^ ]+/debian/?' | grep -v security | head -n 1)
  echo "${mirror:-http://deb.debian.org/debian}"
}

docker_build_debian_base() {
  local image=$DOCKER_STANDIN_PREFIX/debian:bookworm
  docker image inspect "$image" >/dev/null 2>&1 && return 0
  command -v debootstrap >/dev/null 2>&1 ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2 || return 1
  local root mirror
  root=$(mktemp -d "${TMPDIR:-/tmp}/ticketplatform-rootfs.XXXXXX")
  mirror=$(docker_debian_mirror)
  docker_log "debootstrap bookworm from $mirror into $root"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 || {
    tail -n 20 "$root.log" >&2
    rm -rf "$root" "$root.log"
    return 1
  }
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s-security bookworm-security main\n' \
    "$mirror" "$mirror" "${mirror%/}" >"$root/etc/apt/sources.list"
  # Trust what the host trusts: a local CA (e.g. of a TLS-inspecting egress proxy) is needed to reach NuGet from a build.
  # Picked up by update-ca-certificates when an image above installs ca-certificates.
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  fi
  # As in Debian's official images: packages installed during a build never start services.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import -c 'CMD ["bash"]' - "$image" >/dev/null
  local status=$?
  rm -rf "$root" "$root.log"
  return $status
}

# docker_build_standin ROLE CONTEXT: builds deploy/standins/Dockerfile.ROLE as DOCKER_STANDIN_PREFIX/ROLE.
docker_build_standin() {
  local role=$1 context=$2
  docker_log "building the $role stand-in"
  docker build -q --force-rm -t "$DOCKER_STANDIN_PREFIX/$role" --build-arg "PREFIX=$DOCKER_STANDIN_PREFIX" \
    --build-arg "NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-online}" \
    -f "deploy/standins/Dockerfile.$role" "$context" >/dev/null
}

docker_dotnet_root() {
  dirname "$(readlink -f "$(command -v dotnet)")"
}

docker_base_images() {
  export DOTNET_SDK_IMAGE=${DOTNET_SDK_IMAGE:-mcr.microsoft.com/dotnet/sdk:10.0}
  export DOTNET_RUNTIME_IMAGE=${DOTNET_RUNTIME_IMAGE:-mcr.microsoft.com/dotnet/aspnet:10.0}
  export POSTGRES_IMAGE=${POSTGRES_IMAGE:-postgres:15}
  export NGINX_IMAGE=${NGINX_IMAGE:-nginx:1.27}

  local need=0 image
  for image in "$DOTNET_SDK_IMAGE" "$DOTNET_RUNTIME_IMAGE" "$POSTGRES_IMAGE" "$NGINX_IMAGE"; do
    docker_image_available "$image" || need=1
  done
  [ $need -eq 1 ] || return 0

  docker_log "the official base images cannot be pulled: building stand-ins from Debian's packages"
  docker_build_debian_base || return 1
  if ! docker_image_available "$DOTNET_SDK_IMAGE" || ! docker_image_available "$DOTNET_RUNTIME_IMAGE"; then
    command -v dotnet >/dev/null 2>&1 || {
      docker_log "no .NET SDK on this host to build the .NET stand-ins from"
      return 1
    }
    docker image inspect "$DOCKER_STANDIN_PREFIX/dotnet-sdk" >/dev/null 2>&1 ||
      docker_build_standin dotnet-sdk "$(docker_dotnet_root)" || return 1
    docker image inspect "$DOCKER_STANDIN_PREFIX/dotnet-aspnet" >/dev/null 2>&1 ||
      docker_build_standin dotnet-aspnet deploy/standins || return 1
    DOTNET_SDK_IMAGE=$DOCKER_STANDIN_PREFIX/dotnet-sdk
    DOTNET_RUNTIME_IMAGE=$DOCKER_STANDIN_PREFIX/dotnet-aspnet
  fi
  if ! docker_image_available "$POSTGRES_IMAGE"; then
    docker image inspect "$DOCKER_STANDIN_PREFIX/postgres" >/dev/null 2>&1 ||
      docker_build_standin postgres deploy/standins || return 1
    POSTGRES_IMAGE=$DOCKER_STANDIN_PREFIX/postgres
  fi
  if ! docker_image_available "$NGINX_IMAGE"; then
    docker image inspect "$DOCKER_STANDIN_PREFIX/nginx" >/dev/null 2>&1 ||
      docker_build_standin nginx deploy/standins || return 1
    NGINX_IMAGE=$DOCKER_STANDIN_PREFIX/nginx
  fi
}
