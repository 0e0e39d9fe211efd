#!/usr/bin/env bash
# Waymark benchmark, one command: builds Waymark and the load generator, then runs
#   (a) ingest N=100,000 / D=100 through the embedded broker,
#   (b) ingest N=100,000 / D=100 through a Mosquitto this script starts,
#   (c) GET /api/v1/devices latency with 1,000 devices,
# each against a freshly started Waymark with a fresh H2 file database, and prints a summary.
# Everything it starts is stopped on exit.
#
# Environment (all optional):
#   MESSAGES=100000 DEVICES=100 LATENCY_DEVICES=1000 REQUESTS=2000 WARMUP=500
#   SCENARIOS="embedded mosquitto latency"   which scenarios to run
#   INGEST_RUNS=2        ingest runs per Waymark instance: run 1 starts on a cold JVM (JIT compiling),
#                        later runs (new devices, same database) measure the warmed-up JVM
#   PROFILE=1            also record Waymark with JFR during each scenario and summarise hot spots
#   WAYMARK_JAVA_OPTS    extra JVM options for Waymark (e.g. -Xmx2g)
#   WAYMARK_ARGS         extra Waymark arguments for every scenario (e.g. an extra Flyway location)
#   SKIP_BUILD=1         reuse target/waymark-*.jar and bench/target/waymark-bench.jar
#   KEEP=1               keep the work directory (logs, databases, recordings)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MESSAGES=${MESSAGES:-100000}
DEVICES=${DEVICES:-100}
LATENCY_DEVICES=${LATENCY_DEVICES:-1000}
REQUESTS=${REQUESTS:-2000}
WARMUP=${WARMUP:-500}
SCENARIOS=${SCENARIOS:-"embedded mosquitto latency"}
PROFILE=${PROFILE:-0}
INGEST_RUNS=${INGEST_RUNS:-2}
WAYMARK_JAVA_OPTS=${WAYMARK_JAVA_OPTS:-}
WAYMARK_ARGS=${WAYMARK_ARGS:-}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench.XXXXXX")
SUMMARY="$WORK/summary.txt"
: > "$SUMMARY"
WAYMARK_PID=""
MOSQUITTO_PID=""

log() { printf '\n=== %s\n' "$*"; }

stop_pid() { # pid name seconds
    local pid=$1 name=$2 wait_s=${3:-30}
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq $((wait_s * 10))); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "$name ($pid) did not stop in ${wait_s}s, killing it"
    kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
    stop_pid "$WAYMARK_PID" waymark 30
    stop_pid "$MOSQUITTO_PID" mosquitto 10
    if [ "${KEEP:-0}" = 1 ]; then
        echo "work directory kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench() { java -jar "$BENCH_JAR" "$@"; }
free_port() { bench free-port; }

wait_tcp() { # port seconds
    for _ in $(seq $(($2 * 10))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

start_waymark() { # name, then extra Waymark arguments
    local name=$1; shift
    local dir="$WORK/$name"
    mkdir -p "$dir"
    HTTP_PORT=$(free_port)
    API_URL="http://127.0.0.1:$HTTP_PORT"
    # shellcheck disable=SC2086
    (cd "$dir" && exec java $WAYMARK_JAVA_OPTS -jar "$WAYMARK_JAR" \
        --server.port="$HTTP_PORT" \
        "--spring.datasource.url=jdbc:h2:file:$dir/db/waymark;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" \
        --waymark.broker.data-path="$dir/broker" \
        $WAYMARK_ARGS "$@" > "$dir/waymark.log" 2>&1) &
    WAYMARK_PID=$!
    for _ in $(seq 1200); do
        if ! kill -0 "$WAYMARK_PID" 2>/dev/null; then
            echo "Waymark exited during startup:"; tail -50 "$dir/waymark.log"; exit 1
        fi
        if curl -fs "$API_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$'; then
            echo "Waymark ($name) up: pid $WAYMARK_PID, $API_URL, log $dir/waymark.log"
            [ "$PROFILE" = 1 ] && jcmd "$WAYMARK_PID" JFR.start name=bench settings=profile \
                filename="$dir/waymark.jfr" > /dev/null
            return 0
        fi
        sleep 0.1
    done
    echo "Waymark did not become healthy in 120 s:"; tail -50 "$dir/waymark.log"; exit 1
}

stop_waymark() { # name
    local dir="$WORK/$1"
    if [ "$PROFILE" = 1 ] && kill -0 "$WAYMARK_PID" 2>/dev/null; then
        jcmd "$WAYMARK_PID" JFR.stop name=bench > /dev/null
        bench jfr-top --file "$dir/waymark.jfr" --top 25 > "$dir/jfr-top.txt"
        echo "JFR summary: $dir/jfr-top.txt"
        sed -n '1,200p' "$dir/jfr-top.txt"
    fi
    stop_pid "$WAYMARK_PID" waymark 30
    WAYMARK_PID=""
}

cpu_s() { # CPU seconds (user+system) a process has used so far
    [ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$1/stat"
}

cpu_report() { # label, Waymark CPU before, Mosquitto CPU before
    local w m
    w=$(awk -v a="$(cpu_s "$WAYMARK_PID")" -v b="$2" 'BEGIN { printf "%.1f", a - b }')
    m=$(awk -v a="$(cpu_s "$MOSQUITTO_PID")" -v b="$3" 'BEGIN { printf "%.1f", a - b }')
    echo "CPU during the run: Waymark ${w} s, Mosquitto ${m} s"
    echo "$1: cpu waymark_s=$w mosquitto_s=$m" >> "$SUMMARY"
}

record() { # scenario label, output file of the bench run
    grep '^RESULT' "$2" | sed "s/^RESULT/$1:/" >> "$SUMMARY" || echo "$1: no result" >> "$SUMMARY"
}

# --- build -------------------------------------------------------------------------------------
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building Waymark and the benchmark"
    ./mvnw -q -DskipTests package
    ./mvnw -q -f bench/pom.xml package
fi
WAYMARK_JAR=$(ls "$ROOT"/target/waymark-*.jar | grep -v -e '-sources' -e '-javadoc' | head -1)
BENCH_JAR="$ROOT/bench/target/waymark-bench.jar"
echo "Waymark: $WAYMARK_JAR"
echo "work directory: $WORK"

for scenario in $SCENARIOS; do
    case "$scenario" in
    embedded)
        log "(a) ingest $MESSAGES messages / $DEVICES devices via the embedded broker"
        MQTT_PORT=$(free_port)
        start_waymark embedded --waymark.broker.host=127.0.0.1 --waymark.broker.port="$MQTT_PORT"
        for run in $(seq "$INGEST_RUNS"); do
            W0=$(cpu_s "$WAYMARK_PID")
            bench ingest --broker-url "tcp://127.0.0.1:$MQTT_PORT" --api-url "$API_URL" \
                --messages "$MESSAGES" --devices "$DEVICES" --qos 1 | tee "$WORK/embedded/bench-$run.txt" || true
            record "(a) embedded broker, run $run" "$WORK/embedded/bench-$run.txt"
            cpu_report "(a) embedded broker, run $run" "$W0" 0
        done
        stop_waymark embedded
        ;;
    mosquitto)
        log "(b) ingest $MESSAGES messages / $DEVICES devices via Mosquitto"
        mkdir -p "$WORK/mosquitto"
        MQTT_PORT=$(free_port)
        cat > "$WORK/mosquitto/mosquitto.conf" <<CONF
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
max_queued_messages 0
max_inflight_messages 0
persistence false
user root
log_dest file $WORK/mosquitto/mosquitto.log
CONF
        mosquitto -c "$WORK/mosquitto/mosquitto.conf" > "$WORK/mosquitto/stdout.log" 2>&1 &
        MOSQUITTO_PID=$!
        wait_tcp "$MQTT_PORT" 10 || { echo "Mosquitto did not start"; cat "$WORK/mosquitto/"*.log; exit 1; }
        echo "Mosquitto up: pid $MOSQUITTO_PID, port $MQTT_PORT"
        start_waymark mosquitto-waymark --waymark.broker.enabled=false --waymark.mqtt.url="tcp://127.0.0.1:$MQTT_PORT"
        for run in $(seq "$INGEST_RUNS"); do
            W0=$(cpu_s "$WAYMARK_PID"); M0=$(cpu_s "$MOSQUITTO_PID")
            bench ingest --broker-url "tcp://127.0.0.1:$MQTT_PORT" --api-url "$API_URL" \
                --messages "$MESSAGES" --devices "$DEVICES" --qos 1 | tee "$WORK/mosquitto/bench-$run.txt" || true
            record "(b) Mosquitto, run $run" "$WORK/mosquitto/bench-$run.txt"
            cpu_report "(b) Mosquitto, run $run" "$W0" "$M0"
        done
        stop_waymark mosquitto-waymark
        stop_pid "$MOSQUITTO_PID" mosquitto 10
        MOSQUITTO_PID=""
        ;;
    latency)
        log "(c) GET /api/v1/devices latency with $LATENCY_DEVICES devices"
        MQTT_PORT=$(free_port)
        start_waymark latency --waymark.broker.host=127.0.0.1 --waymark.broker.port="$MQTT_PORT"
        bench devices-latency --broker-url "tcp://127.0.0.1:$MQTT_PORT" --api-url "$API_URL" \
            --devices "$LATENCY_DEVICES" --warmup "$WARMUP" --requests "$REQUESTS" | tee "$WORK/latency/bench.txt" || true
        record "(c) devices latency" "$WORK/latency/bench.txt"
        stop_waymark latency
        ;;
    *)
        echo "unknown scenario: $scenario"; exit 2 ;;
    esac
done

log "summary ($(nproc) CPUs; targets: >= 25,000 location msg/s Mosquitto -> H2 file; GET /api/v1/devices with 1,000 devices p99 < 20 ms)"
cat "$SUMMARY"
