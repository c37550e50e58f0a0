#!/usr/bin/env bash
# List, search, stats and audit-feed latency on PostgreSQL at two sizes, through the real Api over HTTP.
# For each size: a fresh database, migrated, seeded in SQL (seed.sql), the Api (Release) started on it, then
# p50/p99 of every call from one sequential client; finally both sizes side by side with the ratio of p99s.
# Usage: bench/ListLatency/run.sh [small=10000] [large=1000000] [samples=200]
# It starts and stops its own throwaway PostgreSQL server (scripts/lib/postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/postgres.sh

small=${1:-10000}
large=${2:-1000000}
samples=${3:-200}
work=$(mktemp -d "${TMPDIR:-/tmp}/ticketplatform-listbench.XXXXXX")
api_pid=""

stop_api() {
  if [ -n "$api_pid" ]; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
  fi
}
trap 'stop_api; pg_stop; rm -rf "$work"' EXIT

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

for size in "$small" "$large"; do
  db="bench_$size"
  psql_admin -d postgres -c "CREATE DATABASE $db"
  export ConnectionStrings__TicketPlatform="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db;Maximum Pool Size=50"
  dotnet "$api" migrate
  echo "Seeding $size tickets..."
  start=$(date +%s)
  psql_admin -d "$db" -v tickets="$size" -f bench/ListLatency/seed.sql
  echo "Seeded $size tickets in $(( $(date +%s) - start )) s"

  port=$(pg_free_port)
  env "Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning" TicketPlatform__RateLimits__Enabled=false TicketPlatform__DataDirectory="$work/data-$size" dotnet "$api" --urls "http://127.0.0.1:$port" >"$work/api-$size.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done

  requester=$(psql_admin -d "$db" -At -c "SELECT u.subject FROM tickets t JOIN users u ON u.id = t.requester_id ORDER BY t.number LIMIT 1")
  BENCH_AGENT_TOKEN=$(dotnet "$api" token --sub bench-agent-1) \
  BENCH_ADMIN_TOKEN=$(dotnet "$api" token --sub bench-admin-1) \
  BENCH_USER_TOKEN=$(dotnet "$api" token --sub "$requester") \
    dotnet "$client" "http://127.0.0.1:$port" "$samples" "$work/$size.tsv"
  stop_api
done

echo
echo "p99 at $large vs $small tickets ($samples samples per call, one sequential client, $(nproc) cores):"
dotnet "$client" compare "$work/$small.tsv" "$work/$large.tsv"
