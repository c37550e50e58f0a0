#!/usr/bin/env bash
# The repository's side-by-side bench: the service and its references in one run on this machine, the server pinned
# to one core and the load generator to another, every figure reported as a ratio against its reference.
#   P1  hot GET /api/tickets/{n} with a JWT            vs a minimal ASP.NET Core app answering ticket-sized JSON
#   P3  POST .../messages, c=32, 32 tickets             vs the same transaction: minimal app on SQLite / pgbench on PostgreSQL
#   P4  32 writers on ONE ticket (seq checked gapless)  vs 1 / latency of that transaction on one connection
#   P6  K WebSocket connections in one room, M messages at R/s through REST: delivery p50/p99/max, delivered/expected,
#       server CPU and memory per connection
#   W   P1 after a short warm-up against P1 after the full one (steady state within 10 s?)
#   M   memory per active ticket grain: RSS growth of one process (Api with its silo) while 10^5 seeded tickets are read once each
# Usage: bench/run.sh            (30 s warm-up, 20 s measured per figure, K=1000)
#        bench/run.sh --quick    (5 s warm-up, 5 s measured, K=200, 10^4 tickets for M: a smoke run, figures are rough)
#        bench/run.sh --writes   (P3 and P4 only, with their references; combines with --quick)
#        bench/run.sh --p1       (P1 and W only, with the reference; combines with --quick)
# Environment: BENCH_KEEP=1 keeps the work directory (logs, pgbench output), BENCH_WARMUP, BENCH_SECONDS, BENCH_FANOUT_K, BENCH_FANOUT_M, BENCH_FANOUT_R, BENCH_FANOUT_WARMUP (20 warm-up messages before P6 measures), BENCH_MEMORY_TICKETS, BENCH_SERVER_CPU, BENCH_LOAD_CPU.
# It starts and stops its own throwaway PostgreSQL (scripts/lib/postgres.sh) and needs pgbench and taskset.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
source bench/lib/fanout.sh
source bench/lib/memory.sh

warmup=${BENCH_WARMUP:-30}; seconds=${BENCH_SECONDS:-20}; fanout_k=${BENCH_FANOUT_K:-1000}; memory_tickets=${BENCH_MEMORY_TICKETS:-100000}
writes_only=""; only_p1=""
for arg in "$@"; do
  case $arg in
    --quick) warmup=${BENCH_WARMUP:-5}; seconds=${BENCH_SECONDS:-5}; fanout_k=${BENCH_FANOUT_K:-200}; memory_tickets=${BENCH_MEMORY_TICKETS:-10000} ;;
    --writes) writes_only=1 ;;
    --p1) only_p1=1 ;;
    *) echo "unknown argument $arg (see the top of $0)" >&2; exit 2 ;;
  esac
done
fanout_m=${BENCH_FANOUT_M:-50}; fanout_r=${BENCH_FANOUT_R:-10}
server_cpu=${BENCH_SERVER_CPU:-0}; load_cpu=${BENCH_LOAD_CPU:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/ticketplatform-bench.XXXXXX")
server_pid=""
results="$work/results.tsv"

stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi
}
trap 'stop_server; pg_stop; [ -n "${BENCH_KEEP:-}" ] || rm -rf "$work"' EXIT

echo "Building (Release)..."
dotnet build -c Release -m:1 -v quiet src/Api/Api.csproj >/dev/null
dotnet build -c Release -m:1 -v quiet bench/Edge/Edge.csproj >/dev/null
api="src/Api/bin/Release/net10.0/TicketPlatform.Api.dll"
edge="bench/Edge/bin/Release/net10.0/TicketPlatform.Bench.Edge.dll"
load() { taskset -c "$load_cpu" dotnet "$edge" load "$@"; }
# CPU of the server process (user + system, ms) from /proc.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"; }
# measured <rps> <cpu-start-file>: the server's CPU ms per request over the measured part (started after the warm-up).
measured() {
  local start; start=$(cat "$2"); awk -v rps="$1" -v used="$(( $(cpu_ms "$server_pid") - start ))" -v s="$seconds" \
    'BEGIN { if (rps > 0) printf "%.3f", used / (rps * s); else print "n/a" }'
}
# Starts counting the server's CPU when the warm-up ends (in the background: the load runs meanwhile).
count_cpu_after_warmup() { (sleep "$warmup"; cpu_ms "$server_pid" >"$1") & }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p"; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$results"; echo "  $1: $2 (reference $3)"; }

pg_start
echo "PostgreSQL on 127.0.0.1:$PG_PORT; work directory $work; warm-up ${warmup}s, measured ${seconds}s"
psql_admin() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

export TicketPlatform__Auth__SigningKey
TicketPlatform__Auth__SigningKey=$(head -c 48 /dev/urandom | base64 -w0)
# Budgets far above the load, so the limiter runs (and costs what it costs) without refusing.
export TicketPlatform__RateLimits__ReadsPerMinute=1000000000 TicketPlatform__RateLimits__WritesPerMinute=1000000000
port=$(pg_free_port)
base="http://127.0.0.1:$port"

wait_ready() {
  for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "the server did not get ready; its log:" >&2; tail -n 30 "$work/server.log" >&2; exit 1
}
start_service() { # <data-directory> [postgres connection string]
  ConnectionStrings__TicketPlatform="${2:-}" TicketPlatform__DataDirectory="$1" \
    taskset -c "$server_cpu" dotnet "$api" --urls "$base" >"$work/server.log" 2>&1 &
  server_pid=$!
  wait_ready
}
token() { TicketPlatform__DataDirectory="$1" dotnet "$api" token --sub "$2" | tail -n 1; }
new_ticket() { curl -fsS -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
  -d '{"title":"Printer on fire","description":"It is burning."}' "$base/api/tickets" | sed -n 's/.*"number":"\([^"]*\)".*/\1/p'; echo; }
post='{"content":"Hello from the bench"}'

# --- P1 reference: the minimal app -------------------------------------------------------------------------------
p1_ref=-; p1=-; p1_early=-; p1_ref_cpu=-; p1_cpu=-; p6="P6: not run"
if [ -z "$writes_only" ]; then
echo "P1 reference (minimal app, GET /json)"
taskset -c "$server_cpu" dotnet "$edge" reference "$base" /dev/null >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -fsS "$base/json" >/dev/null 2>&1 && break; sleep 0.5; done
count_cpu_after_warmup "$work/cpu"
p1_ref=$(load "$base" - GET /json 32 "$warmup" "$seconds" | tee -a /dev/stderr | field rps)
p1_ref_cpu=$(measured "$p1_ref" "$work/cpu")
stop_server
fi

# --- the service on SQLite (embedded profile) --------------------------------------------------------------------
run_writes() { # <label> <data-directory> <token>
  local label=$1 data=$2 tok=$3 tickets one
  tickets=$(for _ in $(seq 1 32); do new_ticket "$tok"; done | grep . | paste -sd,)
  echo "$label P3 (POST messages, c=32 over 32 tickets)"
  count_cpu_after_warmup "$work/cpu"
  p3=$(BENCH_TICKETS="$tickets" load "$base" "$tok" POST "/api/tickets/{t}/messages" 32 "$warmup" "$seconds" "$post" | tee -a /dev/stderr | field rps)
  p3_cpu=$(measured "$p3" "$work/cpu")
  one=$(new_ticket "$tok")
  echo "$label P4 (32 writers on ticket $one)"
  count_cpu_after_warmup "$work/cpu"
  p4=$(load "$base" "$tok" POST "/api/tickets/$one/messages" 32 "$warmup" "$seconds" "$post" | tee -a /dev/stderr | field rps)
  p4_cpu=$(measured "$p4" "$work/cpu")
  gapless=$(dotnet "$edge" gapless "$base" "$tok" "$one" | tee -a /dev/stderr | field gapless)
  echo "$tickets" >"$work/$label.tickets"; echo "$one" >"$work/$label.one"
}

sqlite_data="$work/sqlite"
start_service "$sqlite_data"
user_token=$(token "$sqlite_data" bench-user)
if [ -z "$writes_only" ]; then
hot=$(new_ticket "$user_token")
echo "W: P1 right after start (${BENCH_EARLY_WARMUP:-5} s warm-up, 5 s measured)"
p1_early=$(load "$base" "$user_token" GET "/api/tickets/$hot" 32 "${BENCH_EARLY_WARMUP:-5}" 5 | tee -a /dev/stderr | field rps)
echo "P1 service (GET /api/tickets/$hot with a JWT)"
count_cpu_after_warmup "$work/cpu"
p1=$(load "$base" "$user_token" GET "/api/tickets/$hot" 32 "$warmup" "$seconds" | tee -a /dev/stderr | field rps)
p1_cpu=$(measured "$p1" "$work/cpu")
fi
if [ -n "$only_p1" ]; then
  stop_server
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
  echo
  echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); server on CPU $server_cpu, load on CPU $load_cpu; warm-up ${warmup}s, measured ${seconds}s"
  echo "P1 hot GET ticket: $p1 rps (server $p1_cpu CPU ms per request), reference $p1_ref rps ($p1_ref_cpu ms), ratio $(ratio "$p1" "$p1_ref")"
  echo "W  P1 after ${BENCH_EARLY_WARMUP:-5} s: $p1_early rps, $(ratio "$p1_early" "$p1") of P1 steady"
  exit 0
fi
run_writes sqlite "$sqlite_data" "$user_token"
p3_sqlite=$p3; p4_sqlite=$p4; gapless_sqlite=$gapless; p3_sqlite_cpu=$p3_cpu; p4_sqlite_cpu=$p4_cpu

if [ -z "$writes_only" ]; then
echo "P6 fan-out: $fanout_k connections, $fanout_m messages at $fanout_r/s"
p6=$(P6_LOAD_CPU="$load_cpu" P6_EDGE="$edge" p6_run "SQLite, one node" "$base" "$user_token" "$fanout_k" "$fanout_m" "$fanout_r" - "$server_pid" | tee -a /dev/stderr)
fi
stop_server

echo "P3/P4 reference on SQLite (the same transaction in the minimal app, on the service's file)"
cp "$sqlite_data/ticketplatform.db" "$work/reference.db"
taskset -c "$server_cpu" dotnet "$edge" reference "$base" "$work/reference.db" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do curl -fsS "$base/json" >/dev/null 2>&1 && break; sleep 0.5; done
count_cpu_after_warmup "$work/cpu"
p3_sqlite_ref=$(BENCH_TICKETS="$(cat "$work/sqlite.tickets")" load "$base" - POST "/tx/{t}" 32 "$warmup" "$seconds" | tee -a /dev/stderr | field rps)
p3_sqlite_ref_cpu=$(measured "$p3_sqlite_ref" "$work/cpu")
p4_sqlite_ref=$(load "$base" - POST "/tx/$(cat "$work/sqlite.one")" 1 "$warmup" "$seconds" | tee -a /dev/stderr | field rps)
stop_server

# --- the service on PostgreSQL -----------------------------------------------------------------------------------
psql_admin -d postgres -c "CREATE DATABASE bench"
pg_conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench;Maximum Pool Size=64"
ConnectionStrings__TicketPlatform="$pg_conn" dotnet "$api" migrate >/dev/null
pg_data="$work/pg"
start_service "$pg_data" "$pg_conn"
pg_token=$(token "$pg_data" bench-user)
run_writes postgres "$pg_data" "$pg_token"
p3_pg=$p3; p4_pg=$p4; gapless_pg=$gapless; p3_pg_cpu=$p3_cpu; p4_pg_cpu=$p4_cpu
stop_server

echo "P3/P4 reference on PostgreSQL (pgbench, the same transaction)"
psql_admin -d bench -c "CREATE TABLE bench_tickets (i int PRIMARY KEY, number text NOT NULL)"
i=0; for n in $(tr ',' ' ' <"$work/postgres.tickets"); do i=$((i + 1)); echo "INSERT INTO bench_tickets VALUES ($i, '$n');"; done | psql_admin -d bench
psql_admin -d bench -c "INSERT INTO bench_tickets VALUES (0, '$(cat "$work/postgres.one")')"
# The message transaction: lock the ticket row, insert the event and the message, bump the version.
tx() { # <first line: how :i is chosen>
  cat <<SQL
$1
BEGIN;
SELECT t.last_seq + 1 AS seq, t.version AS version FROM tickets t JOIN bench_tickets b ON b.number = t.number WHERE b.i = :i FOR UPDATE OF t \\gset
INSERT INTO events (ticket_number, seq, type, actor_id, visibility, subject_id, payload, created_at) SELECT t.number, :seq, 'MESSAGE_POSTED', t.requester_id, 'PUBLIC', NULL, '{}', now() FROM tickets t JOIN bench_tickets b ON b.number = t.number WHERE b.i = :i;
INSERT INTO messages (id, ticket_number, seq, author_id, content, visibility, created_at) SELECT gen_random_uuid(), t.number, :seq, t.requester_id, 'Hello from the bench', 'PUBLIC', now() FROM tickets t JOIN bench_tickets b ON b.number = t.number WHERE b.i = :i;
UPDATE tickets SET version = version + 1, last_seq = :seq, updated_at = now() WHERE number = (SELECT number FROM bench_tickets WHERE i = :i) AND version = :version;
COMMIT;
SQL
}
tx '\set i random(1, 32)' >"$work/tx32.sql"
tx '\set i 0' >"$work/tx1.sql"
pgb() { taskset -c "$load_cpu" pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -j 1 "$@" bench 2>&1 | tee -a "$work/pgbench.log" | sed -n "s/^tps = \([0-9.]*\).*/\1/p" || true; }
pgb -c 32 -T "$warmup" -f "$work/tx32.sql" >/dev/null || true
p3_pg_ref=$(pgb -c 32 -T "$seconds" -f "$work/tx32.sql")
p4_pg_ref=$(pgb -c 1 -T "$seconds" -f "$work/tx1.sql")
echo "  pgbench: c=32 $p3_pg_ref tps, c=1 $p4_pg_ref tps"

memory="M: not run"
if [ -z "$writes_only" ]; then
echo "M: memory per active ticket grain ($memory_tickets tickets)"
memory=$(BENCH_SERVER_CPU="$server_cpu" BENCH_LOAD_CPU="$load_cpu" m_run "$api" "$edge" "$base" "$work" "$memory_tickets" | tee -a /dev/stderr)
fi

# --- report --------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Server on CPU $server_cpu, load generator on CPU $load_cpu; warm-up ${warmup}s, measured ${seconds}s"
printf '%-44s %12s %12s %7s\n' figure service reference ratio
printf '%-44s %12s %12s %7s\n' "P1 hot GET ticket (rps)" "$p1" "$p1_ref" "$(ratio "$p1" "$p1_ref")"
printf '%-44s %12s %12s %7s\n' "W  P1 after ${BENCH_EARLY_WARMUP:-5} s (rps; vs P1 steady)" "$p1_early" "$p1" "$(ratio "$p1_early" "$p1")"
printf '%-44s %12s %12s %7s\n' "P3 SQLite (rps vs minimal app)" "$p3_sqlite" "$p3_sqlite_ref" "$(ratio "$p3_sqlite" "$p3_sqlite_ref")"
printf '%-44s %12s %12s %7s\n' "P3 PostgreSQL (rps vs pgbench c=32)" "$p3_pg" "$p3_pg_ref" "$(ratio "$p3_pg" "$p3_pg_ref")"
printf '%-44s %12s %12s %7s\n' "P4 SQLite (msgs/s vs 1/commit latency)" "$p4_sqlite" "$p4_sqlite_ref" "$(ratio "$p4_sqlite" "$p4_sqlite_ref")"
printf '%-44s %12s %12s %7s\n' "P4 PostgreSQL (msgs/s vs 1/commit latency)" "$p4_pg" "$p4_pg_ref" "$(ratio "$p4_pg" "$p4_pg_ref")"
echo "P4 seq gapless: SQLite $gapless_sqlite, PostgreSQL $gapless_pg"
echo "Server CPU ms per request (the app process only): P1 $p1_cpu (reference app $p1_ref_cpu), P3 SQLite $p3_sqlite_cpu (reference app $p3_sqlite_ref_cpu), P4 SQLite $p4_sqlite_cpu, P3 PostgreSQL $p3_pg_cpu, P4 PostgreSQL $p4_pg_cpu"
echo "$p6"
echo "$memory"
