#!/usr/bin/env bash
# List, search, stats and audit-feed latency on PostgreSQL at two sizes, through the real Api over HTTP.
# Both sizes get a fresh database, migrated and seeded in SQL (seed.sql), and an Api (Release) of their own; both Apis
# run at once, pinned to the same CPU, and one sequential client samples them interleaved, so the machine's noise
# lands on both sizes alike. Prints p50/p99 of every call at both sizes and the ratio of p99s.
# Usage: bench/ListLatency/run.sh [small=10000] [large=1000000] [samples=200]
# It starts and stops its own throwaway PostgreSQL server (scripts/lib/postgres.sh). Environment: BENCH_SERVER_CPU (0),
# BENCH_LOAD_CPU (1).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/postgres.sh

small=${1:-10000}
large=${2:-1000000}
samples=${3:-200}
work=$(mktemp -d "${TMPDIR:-/tmp}/ticketplatform-listbench.XXXXXX")
pids=()

stop_apis() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop_apis; pg_stop; rm -rf "$work"' EXIT

dotnet build -c Release -v quiet src/Api/Api.csproj >/dev/null
dotnet build -c Release -v quiet bench/ListLatency/ListLatency.csproj >/dev/null
api="src/Api/bin/Release/net10.0/TicketPlatform.Api.dll"
client="bench/ListLatency/bin/Release/net10.0/TicketPlatform.Bench.ListLatency.dll"

pg_start
psql_admin() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
echo "PostgreSQL on 127.0.0.1:$PG_PORT, work directory $work"

export TicketPlatform__Auth__SigningKey
TicketPlatform__Auth__SigningKey=$(head -c 32 /dev/urandom | base64)
export Serilog__MinimumLevel__Default=Warning

declare -A url user_token
for size in "$small" "$large"; do
  db="bench_$size"
  psql_admin -d postgres -c "CREATE DATABASE $db"
  connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db;Maximum Pool Size=50"
  ConnectionStrings__TicketPlatform="$connection" dotnet "$api" migrate
  echo "Seeding $size tickets..."
  start=$(date +%s)
  psql_admin -d "$db" -v tickets="$size" -f bench/ListLatency/seed.sql
  echo "Seeded $size tickets in $(( $(date +%s) - start )) s"

  port=$(pg_free_port)
  url[$size]="http://127.0.0.1:$port"
  env ConnectionStrings__TicketPlatform="$connection" "Serilog__MinimumLevel__Override__TicketPlatform.RequestLine=Warning" \
    TicketPlatform__RateLimits__Enabled=false TicketPlatform__DataDirectory="$work/data-$size" \
    taskset -c "${BENCH_SERVER_CPU:-0}" dotnet "$api" --urls "${url[$size]}" >"$work/api-$size.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fsS "${url[$size]}/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  requester=$(psql_admin -d "$db" -At -c "SELECT u.subject FROM tickets t JOIN users u ON u.id = t.requester_id ORDER BY t.number LIMIT 1")
  user_token[$size]=$(dotnet "$api" token --sub "$requester")
done

echo
echo "p99 at $large vs $small tickets ($samples samples per call and size, interleaved, one sequential client, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
BENCH_AGENT_TOKEN=$(dotnet "$api" token --sub bench-agent-1) \
BENCH_ADMIN_TOKEN=$(dotnet "$api" token --sub bench-admin-1) \
BENCH_USER_TOKEN_SMALL=${user_token[$small]} BENCH_USER_TOKEN_LARGE=${user_token[$large]} \
  taskset -c "${BENCH_LOAD_CPU:-1}" dotnet "$client" "${url[$small]}" "${url[$large]}" "$samples"
