# M, shared by bench/run.sh and bench/memory.sh: memory per active ticket grain. Source it; needs psql, taskset, curl,
# the built Api and bench/Edge, and a running PostgreSQL on 127.0.0.1:$PG_PORT (scripts/lib/postgres.sh).
# m_run <api-dll> <edge-dll> <url> <work-directory> <tickets>
#   Creates a database, migrates it, seeds <tickets> tickets with bench/ListLatency/seed.sql, starts the Api on it (one
#   process: the embedded silo) pinned to CPU $BENCH_SERVER_CPU, reads 2,000 tickets twice to warm up, takes the RSS,
#   then reads every ticket once as an admin (each read activates its ticket's grain, which stays active: grains are
#   collected after minutes idle), and prints the RSS growth per newly active ticket.
m_run() {
  local api=$1 edge=$2 url=$3 work=$4 tickets=$5 db="bench_memory_$RANDOM" pid token rss0 rss1 started line
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -d postgres -c "CREATE DATABASE $db"
  local conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db;Maximum Pool Size=64"
  ConnectionStrings__TicketPlatform="$conn" dotnet "$api" migrate >/dev/null
  started=$(date +%s)
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -d "$db" -v tickets="$tickets" \
    -f bench/ListLatency/seed.sql >/dev/null
  echo "M: seeded $tickets tickets in $(( $(date +%s) - started )) s" >&2
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -d "$db" -c "SELECT number FROM tickets ORDER BY random()" >"$work/m.numbers"
  head -n 2000 "$work/m.numbers" >"$work/m.warm"

  ConnectionStrings__TicketPlatform="$conn" TicketPlatform__DataDirectory="$work/m-data" \
    Serilog__MinimumLevel__Default=Warning TicketPlatform__RateLimits__Enabled=false \
    taskset -c "${BENCH_SERVER_CPU:-0}" dotnet "$api" --urls "$url" >"$work/m-server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fsS "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  token=$(TicketPlatform__DataDirectory="$work/m-data" dotnet "$api" token --sub bench-admin-1 | tail -n 1)
  m_read() { taskset -c "${BENCH_LOAD_CPU:-1}" dotnet "$edge" activate "$url" "$token" "$1" 32; }
  m_read "$work/m.warm" >/dev/null; m_read "$work/m.warm" >/dev/null
  sleep 3; rss0=$(ps -o rss= -p "$pid" | tr -d ' ')
  line=$(m_read "$work/m.numbers" || true)
  sleep 3; rss1=$(ps -o rss= -p "$pid" | tr -d ' ')
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  echo "M reads: $line"
  awk -v a="$rss0" -v b="$rss1" -v n="$tickets" 'BEGIN {
    printf "M memory: RSS %.0f MB with 2,000 active tickets, %.0f MB with %d: %.1f KB per active ticket grain\n",
      a / 1024, b / 1024, n, (b - a) / (n - 2000) }'
}
