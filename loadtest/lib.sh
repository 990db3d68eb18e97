# Shared by loadtest/bench and loadtest/overhead: a Redis with demo data, gateways on free
# ports, wrk and redis-benchmark runs, CPU and command counters. Expects TRACKS, CONNECTIONS and
# JVM_OPTS to be set (CAMPAIGNS is optional, default 50).
# shellcheck shell=bash

for tool in wrk redis-server redis-cli redis-benchmark java; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool on PATH (Debian: wrk, redis-server, redis-tools)" >&2; exit 2; }
done

# BENCH_JAR / BENCH_GRPC_CLIENT: other builds (e.g. two versions compared in alternating runs)
JAR=${BENCH_JAR:-gateway/target/score-gateway.jar}
GRPC_CLIENT=${BENCH_GRPC_CLIENT:-loadtest/target/score-grpc-client.jar}
{ [ -f "$JAR" ] && [ -f "$GRPC_CLIENT" ]; } || mvn -q -B package -DskipTests

free_port() {
  local p
  while :; do
    # below the kernel's ephemeral range (32768+), where outgoing connections take ports
    p=$(( (RANDOM % 12000) + 20000 ))
    (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }
  done
}

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start_redis_with_demo_data() { # sets RP (port), RPID; loads TRACKS demo tracks, CAMPAIGNS campaigns, redis-benchmark keys
  RP=$(free_port)
  redis-server --port "$RP" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  RPID=$!
  PIDS+=("$RPID")
  until redis-cli -p "$RP" ping >/dev/null 2>&1; do sleep 0.1; done

  echo "loading demo data: $TRACKS tracks, ${CAMPAIGNS:-50} campaigns" >&2
  java -jar "$JAR" demo-data --redis "redis://127.0.0.1:$RP" --tracks "$TRACKS" --campaigns "${CAMPAIGNS:-50}" \
    --segments 8 --seed 42 >&2

  # redis-benchmark can only address keys named with 12-digit numbers: give it keys of the same size
  # and shape as the gateway's score values, one per track
  awk -v n="$TRACKS" 'BEGIN { v = "default=0.4821;s3=0.1234;s6=0.7781;";
    for (i = 0; i < n; i++) { k = sprintf("bench:%012d", i);
      printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v } }' \
    | redis-cli -p "$RP" --pipe >/dev/null
}

start_gateway() { # extra serve arguments...; sets GP (data port), AP (admin port), GRP (gRPC port), GW (pid)
  GP=$(free_port); AP=$(free_port); GRP=$(free_port)
  # shellcheck disable=SC2086
  OTEL_TRACES_EXPORTER=${OTEL_TRACES_EXPORTER:-none} java $JVM_OPTS -jar "$JAR" serve --no-auth \
    --redis "redis://127.0.0.1:$RP" --host 127.0.0.1 --port "$GP" --admin-port "$AP" --grpc-port "$GRP" \
    --timeout-ms 1000 --slow-request-ms 0 "$@" >"$WORK/gateway.log" 2>&1 &
  GW=$!
  PIDS+=("$GW")
  # JVM start plus the gateway's own start-up (bounded at 20 s by serve), longer with many campaigns
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$AP/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$GW" 2>/dev/null || break
    sleep 0.1
  done
  echo "gateway not ready"; cat "$WORK/gateway.log"; exit 1
}

stop_gateway() {
  kill "$GW" 2>/dev/null || true
  wait "$GW" 2>/dev/null || true
}

gateway_run() { # batch dist seconds [delay_ms] -> "req/s p50_ms p99_ms errors requests"
  local out
  out=$(BENCH_DELAY_MS=${4:-0} wrk -t2 -c"$CONNECTIONS" -d"$3"s -s loadtest/scores.lua \
    "http://127.0.0.1:$GP" -- "$TRACKS" "$1" "$2" | grep '^BENCH')
  echo "$out" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%.0f %.2f %.2f %d %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000,
      v["errors"], v["requests"] }'
}

grpc_run() { # batch seconds -> "req/s p50_ms p99_ms errors requests gateway_cpu_us": the gRPC driver,
  # 4 connections x 8 calls in flight (32 outstanding, as wrk's 32 connections), uniform candidates;
  # the gateway's CPU is read by the driver around exactly its timed window (not its JVM start)
  local out
  out=$(java -XX:+UseParallelGC -jar "$GRPC_CLIENT" load --target "127.0.0.1:$GRP" --tracks "$TRACKS" \
    --batch "$1" --seconds "$2" --connections 4 --in-flight $(( CONNECTIONS / 4 )) --deadline-ms 1000 \
    --cpu-pid "$GW" --clk-tck "$CLK_TCK" | grep '^BENCH')
  echo "$out" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%.0f %.2f %.2f %d %d %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000,
      v["errors"], v["requests"], v["cpu_us"] }'
}

raw_keys() { # batch -> redis-benchmark arguments: MGET of that many random bench:<12 digits> keys
  local keys="MGET" i
  for ((i = 0; i < $1; i++)); do keys+=" bench:__rand_int__"; done
  echo "$keys"
}

raw_calls() { # batch seconds -> MGET-<batch> calls that take redis-benchmark about that long
  local rps
  # calibration: 200,000 keys in all (2,000 calls of MGET-100, 200 of MGET-1000)
  # shellcheck disable=SC2046
  rps=$(redis-benchmark -p "$RP" -c "$CONNECTIONS" -n $(( 200000 / $1 )) -r "$TRACKS" -q $(raw_keys "$1") \
    | grep -oE '[0-9.]+ requests per second' | awk '{ print int($1) }')
  echo $(( rps * $2 ))
}

raw_run() { # batch calls -> requests/s of redis-benchmark sending that many MGET-<batch> calls
  # shellcheck disable=SC2046
  redis-benchmark -p "$RP" -c "$CONNECTIONS" -n "$2" -r "$TRACKS" -q $(raw_keys "$1") \
    | grep -oE '[0-9.]+ requests per second' | awk '{ printf "%.0f\n", $1 }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

chart_jvm_opts() { # the Helm chart's jvm.options (helm/score-gateway/values.yaml), space-separated
  awk '/^jvm:/ { on = 1; next } on && /^[^ #]/ { on = 0 }
    on && /^ *- / { sub(/^ *- */, ""); sub(/ *#.*/, ""); printf "%s%s", sep, $0; sep = " " }' helm/score-gateway/values.yaml
}

machine_facts() { # "2 cores (AMD EPYC), redis 7.0.15, java 17.0.x"
  printf '%s cores (%s), redis %s, java %s' "$(nproc)" "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
    "$(redis-server --version | awk '{ sub("v=", "", $3); print $3 }')" \
    "$(java -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')"
}

CLK_TCK=$(getconf CLK_TCK)
cpu_us() { # pid -> CPU time (utime + stime, all threads) the process used so far, in microseconds
  # fields after "pid (comm)": the name may hold spaces, so count from the closing parenthesis
  sed 's/^.*) //' /proc/"$1"/stat | awk -v hz="$CLK_TCK" '{ printf "%.0f\n", ($12 + $13) * 1e6 / hz }'
}

busy_us() { # CPU time all processes on the machine used so far (user, nice, system, irq, softirq, steal)
  awk -v hz="$CLK_TCK" '/^cpu / { printf "%.0f\n", ($2 + $3 + $4 + $7 + $8 + $9) * 1e6 / hz }' /proc/stat
}

redis_cmdstats() { # "command calls" per line, as INFO commandstats counts them: commands run inside
  # scripts are counted too (EVALSHA once, and each redis.call under its own name)
  redis-cli -p "$RP" info commandstats | awk -F'[:=,]' '/^cmdstat_/ { sub(/^cmdstat_/, "", $1); print $1, $3 }'
}

# A measurement window: window_begin, the load, window_end. Then WIN_CMDS is the number of Redis
# commands run in the window and WIN_BY the same per command ("mget=812 evalsha=40 ..."), both
# without the bench's own INFO (the reading at window_begin is counted by the one at window_end);
# WIN_RCPU / WIN_GCPU are the µs of CPU used by Redis (RPID) and the gateway (GW), WIN_BUSY by the
# whole machine, WIN_WALL the µs elapsed.
window_begin() {
  redis_cmdstats >"$WORK/cmd0"
  W_RCPU=$(cpu_us "$RPID"); W_GCPU=$(cpu_us "$GW"); W_BUSY=$(busy_us); W_WALL=$(date +%s%6N)
}
window_end() {
  WIN_WALL=$(( $(date +%s%6N) - W_WALL )); WIN_BUSY=$(( $(busy_us) - W_BUSY ))
  WIN_RCPU=$(( $(cpu_us "$RPID") - W_RCPU )); WIN_GCPU=$(( $(cpu_us "$GW") - W_GCPU ))
  redis_cmdstats >"$WORK/cmd1"
  WIN_BY=$(awk 'NR == FNR { c[$1] = $2; next }
    { d = $2 - c[$1] - ($1 == "info" ? 1 : 0); if (d > 0) printf "%s=%d ", $1, d }' "$WORK/cmd0" "$WORK/cmd1")
  WIN_CMDS=$(echo "$WIN_BY" | tr ' ' '\n' | awk -F= '{ n += $2 } END { print n + 0 }')
}
