#!/usr/bin/env bash
# P6 alone: K WebSocket connections in one ticket's room, M messages at R/s through REST (bench/lib/fanout.sh), run
#   1. on one Api node (embedded profile, SQLite), the server pinned to CPU BENCH_SERVER_CPU (0), and
#   2. on the local cluster (scripts/cluster.sh: PostgreSQL, 2 silos, 2 Api nodes, all pinned to that CPU) with the
#      connections spread over the two Api nodes.
# The load generator runs on CPU BENCH_LOAD_CPU (1). Usage: bench/fanout.sh [single|cluster|both]
# Environment: BENCH_FANOUT_K (1000), BENCH_FANOUT_M (50), BENCH_FANOUT_R (10), BENCH_KEEP=1 keeps the logs,
# BENCH_FANOUT_WARMUP (20) warm-up messages before the measured ones, BENCH_FANOUT_ROUNDS (1): rounds on the same single node (each a new room and K new connections); the first runs on a
# freshly started node, the later ones on a node whose send path the runtime has already compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/fanout.sh

which=${1:-both}
k=${BENCH_FANOUT_K:-1000}; m=${BENCH_FANOUT_M:-50}; r=${BENCH_FANOUT_R:-10}
server_cpu=${BENCH_SERVER_CPU:-0}; export P6_LOAD_CPU=${BENCH_LOAD_CPU:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/ticketplatform-fanout.XXXXXX")
export TICKETPLATFORM_CLUSTER_STATE="$work/cluster"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [ ! -d "$TICKETPLATFORM_CLUSTER_STATE" ] || scripts/cluster.sh down >/dev/null 2>&1 || true
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

echo "Building (Release)..."
dotnet build -c Release -m:1 -v quiet src/Api/Api.csproj >/dev/null
dotnet build -c Release -m:1 -v quiet bench/Edge/Edge.csproj >/dev/null
api="src/Api/bin/Release/net10.0/TicketPlatform.Api.dll"
export P6_EDGE="bench/Edge/bin/Release/net10.0/TicketPlatform.Bench.Edge.dll"
# Budgets far above the load, so the limiter runs without refusing.
export TicketPlatform__RateLimits__ReadsPerMinute=1000000000 TicketPlatform__RateLimits__WritesPerMinute=1000000000
echo "K=$k connections, M=$m messages at $r/s; server on CPU $server_cpu, load on CPU $P6_LOAD_CPU; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$which" != cluster ]; then
  export TicketPlatform__Auth__SigningKey
  TicketPlatform__Auth__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)
  port=$(( 20000 + RANDOM % 20000 )); base="http://127.0.0.1:$port"
  TicketPlatform__DataDirectory="$work/sqlite" taskset -c "$server_cpu" dotnet "$api" --urls "$base" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  tok=$(TicketPlatform__DataDirectory="$work/sqlite" dotnet "$api" token --sub bench-user | tail -n 1)
  for round in $(seq 1 "${BENCH_FANOUT_ROUNDS:-1}"); do
    p6_run "one node (SQLite), round $round" "$base" "$tok" "$k" "$m" "$r" - "$server_pid"
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
fi

if [ "$which" != single ]; then
  dotnet build -c Release -m:1 -v quiet src/Silo/Silo.csproj >/dev/null
  taskset -c "$server_cpu" scripts/cluster.sh up --no-build >"$work/endpoints"
  api1=$(sed -n 's/^API_1=//p' "$work/endpoints"); api2=$(sed -n 's/^API_2=//p' "$work/endpoints")
  tok=$(scripts/cluster.sh token --sub bench-user | tail -n 1)
  mapfile -t pids < <(awk '$3 ~ /TicketPlatform\.(Api|Silo)\.dll/ { print $1 }' "$TICKETPLATFORM_CLUSTER_STATE/pids")
  p6_run "two Api nodes (cluster, PostgreSQL; silos and Api nodes summed)" "$api1" "$tok" "$k" "$m" "$r" "$api2" "${pids[@]}"
fi
