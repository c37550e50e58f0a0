# P6, shared by bench/run.sh and bench/fanout.sh. Source it; needs taskset, curl and the built bench/Edge.
# p6_run <label> <url> <token> <K> <M> <R> <second-url or -> <server pid>...
#   Creates a ticket through <url>, puts K connections of <token>'s user in its room (alternating between <url> and the
#   second URL when given), posts W warm-up messages (BENCH_FANOUT_WARMUP, 20) and then the M measured ones at R/s through <url>
#   (the warm-up's deliveries are reported apart, as cold_*), and prints the client's line (delivery latency
#   p50/p99/max, delivered/expected, the client's own CPU) and the servers' cost, summed over the given processes: CPU
#   per connection while connecting; while fanning out, CPU (% of one core, ms per delivery) and the time their threads
#   were runnable but waiting for a CPU (other processes had it); peak RSS growth per connection. The load runs on
#   CPU $P6_LOAD_CPU.
p6_run() {
  local label=$1 url=$2 tok=$3 k=$4 m=$5 r=$6 second=$7
  shift 7
  local pids=("$@") dir ticket rss0 cpu0 t0 cpuj tj cpuw waitw jitw tw line cpu1 wait1 jit1 t1 peak sampler client
  dir=$(mktemp -d "${TMPDIR:-/tmp}/p6.XXXXXX")
  ticket=$(curl -fsS -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
    -d '{"title":"Fan-out","description":"One room, many watchers."}' "$url/api/tickets" | sed -n 's/.*"number":"\([^"]*\)".*/\1/p')
  for _ in $(seq 1 "$k"); do echo "$tok"; done >"$dir/tokens"
  rss0=$(p6_rss "${pids[@]}"); cpu0=$(p6_ticks "${pids[@]}"); t0=$(date +%s.%N)
  (while :; do p6_rss "${pids[@]}"; sleep 0.5; done) >"$dir/rss" 2>/dev/null &
  sampler=$!
  taskset -c "${P6_LOAD_CPU:-1}" dotnet "$P6_EDGE" fanout "$url" "$dir/tokens" "$ticket" "${BENCH_FANOUT_WARMUP:-20}" "$m" "$r" \
    $([ "$second" = - ] || echo "$second") >"$dir/out" 2>"$dir/err" &
  client=$!
  while kill -0 "$client" 2>/dev/null && ! grep -qs '^joined' "$dir/out"; do sleep 0.1; done
  cpuj=$(p6_ticks "${pids[@]}"); tj=$(date +%s.%N)
  while kill -0 "$client" 2>/dev/null && ! grep -qs '^warmed' "$dir/out"; do sleep 0.1; done
  cpuw=$(p6_ticks "${pids[@]}"); waitw=$(p6_runqueue "${pids[@]}"); jitw=$(p6_jit_ticks "${pids[@]}"); tw=$(date +%s.%N)
  wait "$client" || true
  cpu1=$(p6_ticks "${pids[@]}"); wait1=$(p6_runqueue "${pids[@]}"); jit1=$(p6_jit_ticks "${pids[@]}"); t1=$(date +%s.%N)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  peak=$(sort -n "$dir/rss" | tail -n 1)
  line=$(grep -v '^joined\|^warmed' "$dir/out" | tail -n 1)
  [ -n "$line" ] || line="failed: $(tail -n 3 "$dir/err")"
  echo "P6 $label: $line"
  awk -v a="$cpu0" -v j="$cpuj" -v b="$cpu1" -v s="$t0" -v tj="$tj" -v w="$cpuw" -v tw="$tw" -v e="$t1" -v hz="$(getconf CLK_TCK)" -v r0="$rss0" \
    -v r1="${peak:-$rss0}" -v k="$k" -v ww="$waitw" -v w1="$wait1" -v jw="$jitw" -v j1="$jit1" \
    -v d="$(echo "$line" | sed -n 's/.*delivered=\([0-9]*\).*/\1/p')" -v label="$label" 'BEGIN {
      printf "P6 %s server: connecting %.2f CPU ms per connection (%.0f s); measured fan-out phase %.0f%% of one core over %.0f s, %.3f CPU ms per delivery (%.3f of it background tiered JIT), runnable but waiting for a CPU %.1f s (thread sum); peak RSS +%.1f KB per connection\n",
        label, 1000 * (j - a) / hz / k, tj - s, 100 * (b - w) / hz / (e - tw), e - tw, (d > 0 ? 1000 * (b - w) / hz / d : 0), (d > 0 ? 1000 * (j1 - jw) / hz / d : 0), (w1 - ww) / 1e9, (r1 - r0) / k }'
  rm -rf "$dir"
}

p6_rss() { local total=0 pid; for pid in "$@"; do total=$((total + $(ps -o rss= -p "$pid" | tr -d ' '))); done; echo "$total"; }
# Nanoseconds the processes' threads spent runnable but not running (another process had the CPU): /proc/PID/task/*/schedstat.
p6_runqueue() { local pid; for pid in "$@"; do cat /proc/"$pid"/task/*/schedstat 2>/dev/null; done | awk '{ s += $2 } END { printf "%.0f", s }'; }
# CPU ticks of the runtime's background tiered-compilation thread (re-JITting hot methods), part of p6_ticks.
p6_jit_ticks() { local pid; for pid in "$@"; do grep -h '(.NET Tiered Com' /proc/"$pid"/task/*/stat 2>/dev/null; done | sed 's/.*) //' | awk '{ s += $12 + $13 } END { print s + 0 }'; }
p6_ticks() { local pid; for pid in "$@"; do awk '{print $14 + $15}' "/proc/$pid/stat"; done | awk '{ s += $1 } END { print s }'; }
