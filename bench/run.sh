#!/usr/bin/env bash
# Waymark benchmark, one command, one run, every figure side by side (docs/PERFORMANCE.md):
#   ceiling    the load into a Mosquitto this script starts, one `mosquitto_sub -q 1` writing to a file
#              (also once right before every measured Waymark run: the ratios are to that paired run)
#   mosquitto  Waymark (H2 file) subscribed to that Mosquitto
#   embedded   Waymark (H2 file) with its embedded broker, the publishers connected straight to it
#   postgres   Waymark with the postgres profile (a database of its own, created and dropped here),
#              fed through the same Mosquitto
# The load: MESSAGES distinct QoS 1 locations for DEVICES devices, one C `mosquitto_pub -l` process per
# device, N at a time (each entry of RUNS is one ingest run at that concurrency). Every Waymark run
# is checked: each device's history is exactly what was published (once each) and its last-known
# location is the newest. For each Waymark it also measures GET /api/v1/devices with
# LATENCY_DEVICES devices (idle, then while one ingest load runs), publish → visible in
# GET /api/v1/devices/{user}/{device} (single messages, then VISIBLE_RATE msg/s), and its RSS.
# Everything it starts is stopped on exit.
#
# Environment (all optional):
#   MESSAGES=100000 DEVICES=100 RUNS="20 20 100"   ingest runs: the concurrency of each
#   WARMUP_RUNS="20 20 20"  ingest runs before those of RUNS in every Waymark, checked and printed but not
#                        in the summary: until about the fourth run C2 is still compiling, a third of the CPU
#   LATENCY_DEVICES=1000 WARMUP=500 REQUESTS=2000  GET /api/v1/devices (idle requests; under load, after
#                                                  the warm-up runs and with their devices too: as many as
#                                                  fit while the load runs), timed with a plain-socket
#                                                  client; under load also with Java's HttpClient, whose
#                                                  own cost is part of that second figure
#   VISIBLE_SINGLE=100 VISIBLE_RATE=100 VISIBLE_SECONDS=20
#   CARD_FACE_BYTES=0    >0: in every ingest run (warm-ups and paired ceilings too) each device first
#                        publishes a card with a face of that many bytes, as phones whose users share
#                        their cards do (a photo: 10-30 KB)
#   SCENARIOS="ceiling mosquitto embedded postgres"
#   WAYMARK_JAVA_OPTS    JVM options of every Waymark; default: the Dockerfile's JAVA_OPTS (the options the
#                        README recommends, -Xmx256m among them), with its MALLOC_ARENA_MAX
#   H2_OPTIONS           the H2 options of every H2 Waymark's JDBC URL; default: those of the default
#                        spring.datasource.url in application.properties (";WRITE_DELAY=0;…")
#   NMT=1                also print each Waymark's native memory summary (jcmd VM.native_memory) after its runs
#   WAYMARK_ARGS         extra Waymark arguments for every Waymark
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres   the PostgreSQL for the postgres scenario
#   BENCH_MQTT_USER / BENCH_MQTT_PASSWORD  login of every publisher (mosquitto_pub, Paho); none by default:
#                        every Waymark is started with --waymark.broker.allow-anonymous=true
#   BENCH_API_USER=admin BENCH_API_PASSWORD=bench-admin-password   HTTP basic login of every REST call;
#                        security is on by default, so every Waymark (fresh database) is started with
#                        --waymark.security.admin-password=$BENCH_API_PASSWORD and the REST calls log in
#                        as that admin (who sees every user's devices)
#   PROFILE=1            record Waymark with JFR during its ingest runs; CPU and allocation summaries
#   BENCH_JAVA_OPTS      JVM options of the bench's own JVM; default "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC
#                        -Xmx512m": its polling takes the machine's CPU too
#   SKIP_BUILD=1         reuse target/waymark-*.jar and bench/target/waymark-bench.jar
#   WAYMARK_JAR=…        measure this Waymark jar instead of target/waymark-*.jar (A/B runs)
#   KEEP=1               keep the work directory (logs, databases, recordings)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MESSAGES=${MESSAGES:-100000}
CARD_FACE_BYTES=${CARD_FACE_BYTES:-0}
DEVICES=${DEVICES:-100}
RUNS=${RUNS:-"20 20 100"}
WARMUP_RUNS=${WARMUP_RUNS-"20 20 20"}
LATENCY_DEVICES=${LATENCY_DEVICES:-1000}
WARMUP=${WARMUP:-500}
REQUESTS=${REQUESTS:-2000}
VISIBLE_SINGLE=${VISIBLE_SINGLE:-100}
VISIBLE_RATE=${VISIBLE_RATE:-100}
VISIBLE_SECONDS=${VISIBLE_SECONDS:-20}
SCENARIOS=${SCENARIOS:-"ceiling mosquitto embedded postgres"}
# the recommended options live in one place, the Dockerfile's ENV lines
dockerfile_env() { sed -n "s/^ENV $1=\"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" "$ROOT/Dockerfile"; }
WAYMARK_JAVA_OPTS=${WAYMARK_JAVA_OPTS:-$(dockerfile_env JAVA_OPTS)}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-$(dockerfile_env MALLOC_ARENA_MAX)}
# and the H2 options of the default JDBC URL in application.properties (";WRITE_DELAY=0;…")
H2_OPTIONS=${H2_OPTIONS-$(sed -n 's/^spring\.datasource\.url=jdbc:h2:file:[^;]*//p' "$ROOT/src/main/resources/application.properties")}
NMT=${NMT:-0}
WAYMARK_ARGS=${WAYMARK_ARGS:-}
PROFILE=${PROFILE:-0}
export BENCH_API_USER=${BENCH_API_USER-admin} BENCH_API_PASSWORD=${BENCH_API_PASSWORD-bench-admin-password}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench.XXXXXX")
RESULTS="$WORK/results.txt"
: > "$RESULTS"
WAYMARK_PID="" MOSQUITTO_PID="" SUB_PID="" PG_DB=""

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
    stop_pid "$SUB_PID" mosquitto_sub 5
    stop_pid "$MOSQUITTO_PID" mosquitto 10
    [ -z "$PG_DB" ] || dropdb --if-exists "$PG_DB" || echo "could not drop database $PG_DB"
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the bench JVM's own CPU is the machine's too: C1 and the serial collector keep its polling cheap
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m"}
bench() { java $BENCH_JAVA_OPTS -jar "$BENCH_JAR" "$@"; }

wait_tcp() { # port seconds
    for _ in $(seq $(($2 * 10))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

record() { # output of a bench run: keep its RESULT lines, prefixed with the scenario
    grep '^RESULT' "$2" | sed "s/^RESULT /$1 /" >> "$RESULTS" || echo "$1 no-result status=failed" >> "$RESULTS"
}

broker_login=(--waymark.broker.allow-anonymous=true) # the publishers connect without a login
[ -z "${BENCH_MQTT_USER:-}" ] || broker_login=()

start_mosquitto() {
    [ -z "$MOSQUITTO_PID" ] || return 0
    mkdir -p "$WORK/mosquitto"
    MOSQUITTO_PORT=$(bench free-port)
    cat > "$WORK/mosquitto/mosquitto.conf" <<CONF
listener $MOSQUITTO_PORT 127.0.0.1
allow_anonymous true
max_queued_messages 0
max_inflight_messages 0
persistence false
user root
log_dest file $WORK/mosquitto/mosquitto.log
CONF
    mosquitto -c "$WORK/mosquitto/mosquitto.conf" > "$WORK/mosquitto/stdout.log" 2>&1 &
    MOSQUITTO_PID=$!
    wait_tcp "$MOSQUITTO_PORT" 10 || { echo "Mosquitto did not start"; cat "$WORK/mosquitto/"*.log; exit 1; }
    echo "Mosquitto up: pid $MOSQUITTO_PID, port $MOSQUITTO_PORT"
}

start_waymark() { # name, then extra Waymark arguments
    local name=$1; shift
    local dir="$WORK/$name"
    mkdir -p "$dir"
    HTTP_PORT=$(bench free-port)
    API_URL="http://127.0.0.1:$HTTP_PORT"
    # shellcheck disable=SC2086
    local nmt=""
    [ "$NMT" != 1 ] || nmt="-XX:NativeMemoryTracking=summary"
    (cd "$dir" && exec java $WAYMARK_JAVA_OPTS $nmt "-Xlog:gc:file=$dir/gc.log:time,uptime,level,tags" -jar "$WAYMARK_JAR" \
        --server.port="$HTTP_PORT" \
        "--spring.datasource.url=${DB_URL:-jdbc:h2:file:$dir/db/waymark$H2_OPTIONS}" \
        --waymark.broker.data-path="$dir/broker" \
        ${BENCH_API_PASSWORD:+"--waymark.security.admin-password=$BENCH_API_PASSWORD"} \
        "${broker_login[@]}" \
        "$@" $WAYMARK_ARGS > "$dir/waymark.log" 2>&1) &
    WAYMARK_PID=$!
    for _ in $(seq 1800); do
        if ! kill -0 "$WAYMARK_PID" 2>/dev/null; then
            echo "Waymark exited during startup:"; tail -50 "$dir/waymark.log"; exit 1
        fi
        if curl -fs "$API_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$'; then
            echo "Waymark ($name) up: pid $WAYMARK_PID, $API_URL, log $dir/waymark.log"
            return 0
        fi
        sleep 0.1
    done
    echo "Waymark did not become healthy in 180 s:"; tail -50 "$dir/waymark.log"; exit 1
}

gc_pauses() { # gc log: how many pauses, how long, of which kind (a full GC is the latency killer)
    awk '/Pause/ { ms = $NF; sub(/ms$/, "", ms); ms += 0; n++; t += ms; if (ms > max) max = ms; if (/Pause Full/) full++ }
        END { printf "  GC: %d pauses, %.0f ms in all, longest %.1f ms, %d full\n", n, t, max, full }' "$1"
}

jfr_start() { [ "$PROFILE" != 1 ] || jcmd "$WAYMARK_PID" JFR.start name=bench settings=profile filename="$1" > /dev/null; }

jfr_stop() { # recording file
    [ "$PROFILE" = 1 ] || return 0
    jcmd "$WAYMARK_PID" JFR.stop name=bench > /dev/null
    # http-nio threads only serve the bench's own polling and exactly-once checks during these runs
    bench jfr-top --file "$1" --top 30 --exclude-thread http-nio > "${1%.jfr}-cpu.txt"
    bench jfr-top --file "$1" --top 30 --exclude-thread http-nio --event alloc > "${1%.jfr}-alloc.txt"
    echo "JFR summaries: ${1%.jfr}-cpu.txt ${1%.jfr}-alloc.txt"
    sed -n '1,120p' "${1%.jfr}-cpu.txt"
}

db_pids() { # the PostgreSQL backends serving Waymark's pool (their CPU is the database's share)
    [ -z "$PG_DB" ] || psql -d "$PG_DB" -Atc \
        "SELECT string_agg(pid::text, ',') FROM pg_stat_activity WHERE datname = '$PG_DB' AND pid <> pg_backend_pid()"
}

# One ceiling run: the load into Mosquitto, on <topic root>/…, one mosquitto_sub -q 1 writing to a file.
ceiling_run() { # record as, concurrency, run, topic root
    start_mosquitto
    local out="$WORK/ceiling-$1-$3"
    mosquitto_sub -h 127.0.0.1 -p "$MOSQUITTO_PORT" -q 1 -v -t "$4/#" -i "bench-ceiling-$3" \
        > "$out.txt" 2> "$out.err" &
    SUB_PID=$! # stopped on exit too
    sleep 0.5
    bench ingest --label "ingest-c$2-run$3" --topic-root "$4" --broker-url "tcp://127.0.0.1:$MOSQUITTO_PORT" \
        --sink-file "$out.txt" --messages "$MESSAGES" --devices "$DEVICES" --concurrency "$2" --card-face-bytes "$CARD_FACE_BYTES" \
        --waymark-pid "$SUB_PID" --broker-pid "$MOSQUITTO_PID" --work "$WORK" > "$out.log" || true
    record "$1" "$out.log"
    stop_pid "$SUB_PID" mosquitto_sub 5
    SUB_PID=""
    rm -f "$out.txt"
}

# The ceiling once more, right before one Waymark ingest run, so that both meet the machine in the same
# state (a shared VM's speed drifts by a fifth within minutes): the same load into the same Mosquitto,
# on topics no Waymark subscribes to (benchsink/…, as long as owntracks/…).
paired_ceiling() { # scenario, concurrency, run
    ceiling_run "ceiling@$1" "$2" "$3" benchsink
    grep -E '^  (all|CPU)' "$WORK/ceiling-ceiling@$1-$3.log" | sed 's/^  /  paired ceiling: /'
}

# One Waymark: devices latency (idle and under load), the ingest runs, publish → visible.
waymark_suite() { # scenario, broker url, broker pid, Waymark arguments...
    local name=$1 url=$2 broker_pid=$3; shift 3
    local dir="$WORK/$name" run=0
    start_waymark "$name" "$@"
    [ -n "$broker_pid" ] || broker_pid=$WAYMARK_PID
    bench devices-latency --broker-url "$url" --api-url "$API_URL" --devices "$LATENCY_DEVICES" \
        --warmup "$WARMUP" --requests "$REQUESTS" | tee "$dir/devices.txt" || true
    record "$name" "$dir/devices.txt"
    for c in $WARMUP_RUNS; do # the JIT's: C2 keeps compiling through the first few runs
        bench ingest --label "warmup-c$c" --broker-url "$url" --api-url "$API_URL" --messages "$MESSAGES" \
            --devices "$DEVICES" --concurrency "$c" --card-face-bytes "$CARD_FACE_BYTES" --waymark-pid "$WAYMARK_PID" --broker-pid "$broker_pid" \
            --work "$WORK" --db-pids "$(db_pids)" | grep -E '^(warmup|  all|  CPU)' || true
    done
    # under load once warm, as a server that has run for a while (the warm-ups added their devices)
    bench devices-latency --load-only true --broker-url "$url" --api-url "$API_URL" --load-messages "$MESSAGES" \
        --load-devices "$DEVICES" --concurrency 20 --work "$WORK" --samples "$dir/devices-load-samples.txt" \
        | tee "$dir/devices-load.txt" || true
    bench gc-overlap --samples "$dir/devices-load-samples.txt" --gc-log "$dir/gc.log" | tee -a "$dir/devices-load.txt" || true
    record "$name" "$dir/devices-load.txt"
    # the same through Java's HttpClient, as measured before d344924: its own cost shows
    bench devices-latency --load-only true --client jdk --broker-url "$url" --api-url "$API_URL" \
        --load-messages "$MESSAGES" --load-devices "$DEVICES" --concurrency 20 --work "$WORK" \
        | tee "$dir/devices-load-jdk.txt" || true
    record "$name" "$dir/devices-load-jdk.txt"
    jfr_start "$dir/waymark.jfr"
    for c in $RUNS; do
        run=$((run + 1))
        paired_ceiling "$name" "$c" "$run"
        bench ingest --label "ingest-c$c-run$run" --broker-url "$url" --api-url "$API_URL" --messages "$MESSAGES" \
            --devices "$DEVICES" --concurrency "$c" --card-face-bytes "$CARD_FACE_BYTES" --waymark-pid "$WAYMARK_PID" --broker-pid "$broker_pid" \
            --work "$WORK" --db-pids "$(db_pids)" | tee "$dir/ingest-$run.txt" || true
        record "$name" "$dir/ingest-$run.txt"
    done
    jfr_stop "$dir/waymark.jfr"
    gc_pauses "$dir/gc.log"
    if [ "$NMT" = 1 ]; then
        jcmd "$WAYMARK_PID" VM.native_memory summary > "$dir/nmt.txt" || true
        grep -E '^(Total|-)' "$dir/nmt.txt" | sed 's/reserved=[0-9]*KB, //' | head -25
    fi
    bench visible-latency --broker-url "$url" --api-url "$API_URL" --single "$VISIBLE_SINGLE" \
        --rate "$VISIBLE_RATE" --seconds "$VISIBLE_SECONDS" | tee "$dir/visible.txt" || true
    record "$name" "$dir/visible.txt"
    stop_pid "$WAYMARK_PID" waymark 30
    WAYMARK_PID=""
}

# --- build -------------------------------------------------------------------------------------
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building Waymark and the benchmark"
    ./mvnw -q -DskipTests package
    ./mvnw -q -f bench/pom.xml package
fi
WAYMARK_JAR=${WAYMARK_JAR:-$(ls "$ROOT"/target/waymark-*.jar | grep -v -e '-sources' -e '-javadoc' | head -1)}
BENCH_JAR="$ROOT/bench/target/waymark-bench.jar"
echo "Waymark: $WAYMARK_JAR ($(git -C "$ROOT" rev-parse --short HEAD)); work directory: $WORK"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

for scenario in $SCENARIOS; do
    case "$scenario" in
    ceiling)
        log "ceiling: the load into Mosquitto, one mosquitto_sub -q 1 to a file"
        run=0
        for c in $RUNS; do
            run=$((run + 1))
            ceiling_run ceiling "$c" "$run" owntracks
            cat "$WORK/ceiling-ceiling-$run.log"
        done
        ;;
    mosquitto)
        log "Waymark (H2 file) via Mosquitto"
        start_mosquitto
        waymark_suite mosquitto "tcp://127.0.0.1:$MOSQUITTO_PORT" "$MOSQUITTO_PID" \
            --waymark.broker.enabled=false --waymark.mqtt.url="tcp://127.0.0.1:$MOSQUITTO_PORT"
        ;;
    embedded)
        log "Waymark (H2 file) with the embedded broker"
        port=$(bench free-port)
        waymark_suite embedded "tcp://127.0.0.1:$port" "" --waymark.broker.host=127.0.0.1 --waymark.broker.port="$port"
        ;;
    postgres)
        log "Waymark (PostgreSQL $PGHOST:$PGPORT) via Mosquitto"
        start_mosquitto
        PG_DB="waymark_bench_$$"
        createdb "$PG_DB"
        DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB" \
        waymark_suite postgres "tcp://127.0.0.1:$MOSQUITTO_PORT" "$MOSQUITTO_PID" --spring.profiles.active=postgres \
            --spring.datasource.username="$PGUSER" \
            --waymark.broker.enabled=false --waymark.mqtt.url="tcp://127.0.0.1:$MOSQUITTO_PORT"
        dropdb "$PG_DB" && PG_DB=""
        ;;
    *)
        echo "unknown scenario: $scenario"; exit 2 ;;
    esac
done

# --- summary -----------------------------------------------------------------------------------
cards=""; [ "$CARD_FACE_BYTES" -gt 0 ] && cards=" (each with a card, its face $CARD_FACE_BYTES bytes)"
log "summary: $(nproc) CPUs, load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after;" \
    "$MESSAGES messages, $DEVICES devices$cards; WAYMARK_JAVA_OPTS=$WAYMARK_JAVA_OPTS"
awk '
function val(k,   i, kv) { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
$1 ~ /^ceiling@/ && $2 ~ /^ingest-/ { s = $1; sub(/^ceiling@/, "", s); paired[s "|" $2] = val("status") == "ok" ? val("rate") : "" }
$1 !~ /^ceiling@/ && $2 ~ /^ingest-/ { c = $2; sub(/^ingest-/, "", c); sub(/-run.*/, "", c); n++; sc[n] = $1; lab[n] = $2; conc[n] = c
    rate[n] = val("rate"); line[n] = $0
    if ($1 == "ceiling" && val("status") == "ok") { csum[c] += rate[n]; ccount[c]++ } }
$2 !~ /^ingest-/ { other[++m] = $0 }
END {
    printf "%-10s %-17s %7s %8s %8s %8s %10s %9s %9s %6s %7s %7s %s\n", "scenario", "run", "msg/s", "ceiling", "vs it", "load µs", "waymark µs", "(JIT/GC)", "broker µs", "db µs", "batch", "RSS MB", "exactly once"
    for (i = 1; i <= n; i++) {
        $0 = line[i]; c = conc[i]
        # against the ceiling run just before it; a standalone ceiling against their mean
        ref = paired[sc[i] "|" lab[i]]
        if (ref == "" && ccount[c]) ref = sprintf("%.0f", csum[c] / ccount[c])
        ratio = ref != "" ? sprintf("%.0f%%", 100 * rate[i] / ref) : "-"
        printf "%-10s %-17s %7s %8s %8s %8s %10s %9s %9s %6s %7s %7s %s\n", sc[i], lab[i], rate[i], (ref == "" ? "-" : ref), ratio, val("load_cpu_us"),
            (sc[i] == "ceiling" ? "(sub) " : "") val("waymark_cpu_us"), (sc[i] == "ceiling" ? "-" : val("jit_cpu_us") "/" val("vm_cpu_us")),
            val("broker_cpu_us"), val("db_cpu_us"), val("mean_batch"),
            (sc[i] == "ceiling" ? "-" : val("rss_mb")), val("exact")
    }
    print ""
    printf "%-10s %-22s %-30s %-30s %-22s %-28s\n", "scenario", "devices idle p50/p99", "devices under load p50/p99", "(the same, HttpClient)", "visible single p50/p99", "visible at rate p50/p99"
    for (i = 1; i <= m; i++) { $0 = other[i]; s = $1; if (!(s in order)) { order[s] = ++k; name[k] = s }
        v = val("status") == "ok" ? val("p50_ms") " / " val("p99_ms") " ms" : "failed"
        if ($2 == "devices-latency-idle") di[s] = v " (" val("returned") ")"
        else if ($2 == "devices-latency-load") dl[s] = v " (" val("requests") " req, " val("returned") ")"
        else if ($2 == "devices-latency-load-jdk") dj[s] = v " (" val("requests") " req, " val("returned") ")"
        else if ($2 == "visible-single") vs[s] = v
        else if ($2 ~ /^visible-rate/) vr[s] = v " (" val("achieved_rate") "/s)"
        else if ($2 == "no-result") di[s] = di[s] ? di[s] : "failed" }
    for (j = 1; j <= k; j++) { s = name[j]; if (s == "ceiling") continue
        printf "%-10s %-22s %-30s %-30s %-22s %-28s\n", s, di[s], dl[s], dj[s], vs[s], vr[s] }
}' "$RESULTS"
echo
echo "(ceiling = the paired ceiling run just before each Waymark run, the same load into mosquitto_sub; for the"
echo " ceiling rows, the mean of the standalone ceiling runs at that concurrency; µs = CPU per message from /proc;"
echo " for the ceiling, the 'waymark µs' column is mosquitto_sub's; embedded: Waymark is the broker too;"
echo " db µs: the PostgreSQL backends of Waymark's pool; H2 runs inside Waymark)"
