#!/usr/bin/env bash
# The whole test suite on real SQLite and a throwaway PostgreSQL server, which it starts and stops.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Tickets").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

trap pg_stop EXIT
if pg_start; then
  export TICKETPLATFORM_TEST_POSTGRES="$PG_ADMIN_CONNECTION"
  echo "PostgreSQL for tests on 127.0.0.1:$PG_PORT"
else
  export TICKETPLATFORM_TEST_POSTGRES_UNAVAILABLE="scripts/test.sh could not start PostgreSQL (see the messages above)"
  echo "!!! PostgreSQL could not be started: PostgreSQL tests will be SKIPPED !!!" >&2
fi

log=$(mktemp)
status=0
dotnet test TicketPlatform.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# The closing lines for the whole run: the failed tests by name (the log's tail is often all a CI shows),
# then the counts summed over the test assemblies' summaries.
awk '$1 == "Failed" && $2 ~ /^TicketPlatform\./ { name = $0; sub(/^ *Failed /, "", name); sub(/ \[[^]]*\]$/, "", name); failed[++n] = name }
     $1 == "Passed:" { p += $2 } $1 == "Failed:" { f += $2 } $1 == "Skipped:" { s += $2 }
     END { for (i = 1; i <= n; i++) print "FAILED: " failed[i]
           printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
