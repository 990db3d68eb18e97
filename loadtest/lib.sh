# Shared by loadtest/bench and loadtest/overhead: a Redis with demo data, gateways on free
# ports, wrk and redis-benchmark runs. Expects TRACKS, CONNECTIONS and JVM_OPTS to be set.
# shellcheck shell=bash

for tool in wrk redis-server redis-cli redis-benchmark java; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool on PATH (Debian: wrk, redis-server, redis-tools)" >&2; exit 2; }
done

JAR=gateway/target/score-gateway.jar
[ -f "$JAR" ] || mvn -q -B package -DskipTests

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

start_redis_with_demo_data() { # sets RP; loads TRACKS demo tracks plus redis-benchmark keys
  RP=$(free_port)
  redis-server --port "$RP" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  PIDS+=($!)
  until redis-cli -p "$RP" ping >/dev/null 2>&1; do sleep 0.1; done

  echo "loading demo data: $TRACKS tracks" >&2
  java -jar "$JAR" demo-data --redis "redis://127.0.0.1:$RP" --tracks "$TRACKS" --campaigns 50 --segments 8 --seed 42 >&2

  # redis-benchmark can only address keys named with 12-digit numbers: give it keys of the same size
  # and shape as the gateway's score values, one per track
  awk -v n="$TRACKS" 'BEGIN { v = "default=0.4821;s3=0.1234;s6=0.7781;";
    for (i = 0; i < n; i++) { k = sprintf("bench:%012d", i);
      printf "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n", length(k), k, length(v), v } }' \
    | redis-cli -p "$RP" --pipe >/dev/null
}

start_gateway() { # extra serve arguments...; sets GP (data port), AP (admin port), GW (pid)
  GP=$(free_port); AP=$(free_port)
  # shellcheck disable=SC2086
  OTEL_TRACES_EXPORTER=${OTEL_TRACES_EXPORTER:-none} java $JVM_OPTS -jar "$JAR" serve --no-auth \
    --redis "redis://127.0.0.1:$RP" --host 127.0.0.1 --port "$GP" --admin-port "$AP" \
    --timeout-ms 1000 --slow-request-ms 0 "$@" >"$WORK/gateway.log" 2>&1 &
  GW=$!
  PIDS+=("$GW")
  for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:$AP/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "gateway not ready"; cat "$WORK/gateway.log"; exit 1
}

stop_gateway() {
  kill "$GW" 2>/dev/null || true
  wait "$GW" 2>/dev/null || true
}

gateway_run() { # batch dist seconds [delay_ms] -> "req/s p50_ms p99_ms errors"
  local out
  out=$(BENCH_DELAY_MS=${4:-0} wrk -t2 -c"$CONNECTIONS" -d"$3"s -s loadtest/scores.lua \
    "http://127.0.0.1:$GP" -- "$TRACKS" "$1" "$2" | grep '^BENCH')
  echo "$out" | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%.0f %.2f %.2f %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, v["errors"] }'
}

raw_run() { # batch seconds -> requests/s of redis-benchmark MGET-<batch>
  local keys="" i n rps
  for ((i = 0; i < $1; i++)); do keys+=" bench:__rand_int__"; done
  # calibrate, then run for about the same duration as the gateway
  # shellcheck disable=SC2086
  rps=$(redis-benchmark -p "$RP" -c "$CONNECTIONS" -n 2000 -r "$TRACKS" -q MGET $keys | grep -oE '[0-9.]+ requests per second' | awk '{print int($1)}')
  n=$(( rps * $2 ))
  # shellcheck disable=SC2086
  redis-benchmark -p "$RP" -c "$CONNECTIONS" -n "$n" -r "$TRACKS" -q MGET $keys \
    | grep -oE '[0-9.]+ requests per second' | awk '{printf "%.0f\n", $1}'
}

