#!/usr/bin/env bash
# M alone: memory per active ticket grain (bench/lib/memory.sh), with its own throwaway PostgreSQL.
# Usage: bench/memory.sh [tickets=100000]. Environment: BENCH_SERVER_CPU (0), BENCH_LOAD_CPU (1), BENCH_KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
source bench/lib/memory.sh

tickets=${1:-100000}
work=$(mktemp -d "${TMPDIR:-/tmp}/ticketplatform-memory.XXXXXX")
trap 'pg_stop; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

echo "Building (Release)..."
dotnet build -c Release -m:1 -v quiet src/Api/Api.csproj >/dev/null
dotnet build -c Release -m:1 -v quiet bench/Edge/Edge.csproj >/dev/null
pg_start
export TicketPlatform__Auth__SigningKey
TicketPlatform__Auth__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)
m_run src/Api/bin/Release/net10.0/TicketPlatform.Api.dll bench/Edge/bin/Release/net10.0/TicketPlatform.Bench.Edge.dll \
  "http://127.0.0.1:$(pg_free_port)" "$work" "$tickets"
