# loadtest/bench --exposure file|kafka: requests/s with the exposure log off and on, alternating.
# Sourced by bench after lib.sh and the demo data; uses DURATION, ROUNDS, WARMUP, EXPOSURE.
# shellcheck shell=bash

div() { awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { printf f, (b > 0 ? a / b : 0) }'; }

case "$EXPOSURE" in
  # BENCH_EXPOSURE_FILE=/dev/null: the encoding and the write calls without the disk behind them
  file) SINK_ARGS=(--exposure-sink file --exposure-file "${BENCH_EXPOSURE_FILE:-$WORK/exposures.jsonl}") ;;
  kafka)
    echo "building the test broker's class path" >&2
    mvn -q -B test-compile dependency:build-classpath -pl dev-redis,verticles \
      -Dmdep.outputFile="$WORK/kafka.cp" -Dmdep.includeScope=test >&2
    java -cp "verticles/target/test-classes:verticles/target/classes:$(cat "$WORK/kafka.cp")" \
      io.scoregateway.devkafka.LocalKafka exposures >"$WORK/kafka.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 600); do
      grep -q '^bootstrap=' "$WORK/kafka.log" && break
      kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$WORK/kafka.log"; exit 1; }
      sleep 0.1
    done
    KAFKA=$(sed -n 's/^bootstrap=//p' "$WORK/kafka.log")
    [ -n "$KAFKA" ] || { echo "the broker did not start"; cat "$WORK/kafka.log"; exit 1; }
    SINK_ARGS=(--exposure-sink kafka --exposure-kafka-bootstrap-servers "$KAFKA" --exposure-kafka-topic exposures)
    ;;
  *) echo "--exposure takes file or kafka, got '$EXPOSURE'" >&2; exit 2 ;;
esac

exposure_records() { # outcome -> gateway_exposure_records_total{outcome} of the running gateway
  curl -s "http://127.0.0.1:$AP/metrics" |
    awk -v o="$1" 'index($0, "gateway_exposure_records_total{outcome=\"" o "\"}") == 1 { printf "%.0f", $2 }'
}

gateway_requests() { # data-plane requests the running gateway answered so far (all routes and statuses)
  curl -s "http://127.0.0.1:$AP/metrics" |
    awk 'index($0, "gateway_requests_total{") == 1 { n += $NF } END { printf "%.0f", n }'
}

measure_exposure() { # off|on -> "req/s written dropped gateway-CPU-us/request errors machine-CPU-us/request"
  # One load run of WARMUP + DURATION (+1 s of margin) seconds on the same 32 connections; the
  # window is its last DURATION seconds. Connections last, as a recommender's do: a load run that
  # opens new ones makes the JIT recompile the hot handlers it had compiled for the old ones, so a
  # window that began with a new run would begin with that work (more of it with the log on, which
  # has more code). Requests are the gateway's own count over the window, CPU is /proc's.
  local req0 req1 written=0 dropped=0 errors
  # shellcheck disable=SC2086
  if [ "$1" = on ]; then start_gateway $GATEWAY_ARGS "${SINK_ARGS[@]}"; else start_gateway $GATEWAY_ARGS; fi
  gateway_run 100 uniform $(( WARMUP + DURATION + 1 )) >"$WORK/run" &
  local load=$!
  sleep "$WARMUP"
  [ "$1" = on ] && { written=$(exposure_records written); dropped=$(exposure_records dropped); }
  req0=$(gateway_requests)
  window_begin
  sleep "$DURATION"
  window_end
  req1=$(gateway_requests)
  if [ "$1" = on ]; then
    written=$(( $(exposure_records written) - written )); dropped=$(( $(exposure_records dropped) - dropped ))
  fi
  wait "$load"
  read -r _ _ _ errors _ <"$WORK/run"
  stop_gateway
  echo "$(div $(( (req1 - req0) * 1000000 )) "$WIN_WALL" %.0f) $written $dropped $(div "$WIN_GCPU" $(( req1 - req0 )) %.0f) $errors $(div "$WIN_BUSY" $(( req1 - req0 )) %.0f)"
}

if [ "$EXPOSURE" = kafka ]; then
  # a broker in service has long been warm: its JIT, on the same two cores, settles before round 1
  echo "warming the broker: the log on for ${WARMUP}s, not measured" >&2
  # shellcheck disable=SC2086
  start_gateway $GATEWAY_ARGS "${SINK_ARGS[@]}"
  gateway_run 100 uniform "$WARMUP" >/dev/null
  stop_gateway
fi
OFF=(); ON=(); OFF_US=(); ON_US=(); OFF_M=(); ON_M=(); WRITTEN=0; DROPPED=0; ERRORS=0
for ((r = 1; r <= ROUNDS; r++)); do
  read -r off _ _ off_us off_err off_m < <(measure_exposure off)
  read -r on w d on_us on_err on_m < <(measure_exposure on)
  OFF_M+=("$off_m"); ON_M+=("$on_m")
  ERRORS=$(( ERRORS + off_err + on_err ))
  OFF+=("$off"); ON+=("$on"); OFF_US+=("$off_us"); ON_US+=("$on_us")
  WRITTEN=$(( WRITTEN + w )); DROPPED=$(( DROPPED + d ))
  echo "round $r: off $off rps (gateway $off_us, machine $off_m us CPU/request), on $on rps (gateway $on_us, machine $on_m us CPU/request; $w records written, $d dropped); machine load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
m_off=$(median "${OFF[@]}"); m_on=$(median "${ON[@]}")
printf '\nexposure log cost (%s sink): %s; %s\n' "$EXPOSURE" "$(date -u +%Y-%m-%dT%H:%MZ)" "$(machine_facts)"
printf '%s tracks, %s campaigns, %s connections, batch 100 uniform; %s rounds per mode, each a fresh gateway under one load run: %ss warm-up, then a %ss window; JVM: %s\n' \
  "$TRACKS" "$CAMPAIGNS" "$CONNECTIONS" "$ROUNDS" "$WARMUP" "$DURATION" "$JVM_OPTS"
printf 'off: %s rps (median of %s)\n' "$m_off" "${OFF[*]}"
printf 'on:  %s rps (median of %s); %s records written, %s dropped\n' "$m_on" "${ON[*]}" "$WRITTEN" "$DROPPED"
printf 'errors: %s\n' "$ERRORS"
printf 'on / off: %s\n' "$(awk -v a="$m_on" -v b="$m_off" 'BEGIN { printf "%.3f", a / b }')"
# requests/s move with whatever else the machine runs; the gateway's own CPU per request does not
u_off=$(median "${OFF_US[@]}"); u_on=$(median "${ON_US[@]}")
printf 'gateway CPU per request: off %s us, on %s us (on / off %s; medians of [%s] and [%s])\n' "$u_off" "$u_on" \
  "$(awk -v a="$u_on" -v b="$u_off" 'BEGIN { printf "%.3f", a / b }')" "${OFF_US[*]}" "${ON_US[*]}"
printf 'machine CPU per request (all processes): off %s us, on %s us (medians of [%s] and [%s])\n' \
  "$(median "${OFF_M[@]}")" "$(median "${ON_M[@]}")" "${OFF_M[*]}" "${ON_M[*]}"
