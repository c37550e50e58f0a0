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

# One closing line for the whole run, summed over the test assemblies' summaries.
awk '$1 == "Passed:" { p += $2 } $1 == "Failed:" { f += $2 } $1 == "Skipped:" { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
