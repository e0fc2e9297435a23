#!/usr/bin/env bash
# Agora load benchmark, end to end (README, "Benchmark"): builds the release server and
# the load generator, then for each scale makes a fresh database, generates the synthetic
# data set into it, serves it on a free loopback port, measures it with agora-bench, and
# finally compares the scales.
#
#   bench/run.sh                       # SQLite in a temporary folder, small then large
#   SCALES=small bench/run.sh          # one scale only
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora_bench bench/run.sh
#       # PostgreSQL: one database per scale, <name>_small and <name>_large, created
#       # (psql, through the server's maintenance database "postgres") and dropped after.
#
# Settings (environment): CONNECTIONS (64), DURATION (10 s), WARMUP (2 s),
# SMALL ("1000 1000 10000": accounts ideas votes), LARGE ("100000 100000 1000000"),
# VOTE_ACCOUNTS (accounts signed in for voting: up to 800; scales need 400 accounts or more), BUILD (1; 0 to use the binaries already built),
# KEEP (0; 1 keeps the temporary folder and databases), BENCH_ARGS (more agora-bench flags),
# UNCACHED (1: then also measure the lists, search and idea page with the page cache off,
# as a second server on the same database; 0 skips it), SINGLE (1: then also measure with
# one connection for SINGLE_DURATION (5) seconds on the server without page cache, the
# cost of a request without queueing; 0 skips it). The server's own settings pass
# through: AGORA_PAGE_CACHE_MS=0 measures every page rendered afresh in the main run too.
#
# When a bundle was built (`cargo leptos build --release --precompress`: target/site/pkg),
# the server serves it and the first visit of the main pages is measured (what a browser
# downloads, compressed), then Lighthouse's mobile audit of them (bench/lighthouse.sh;
# LIGHTHOUSE=0 skips it). The peak resident memory of each server is reported. Then the
# CSV export of every idea is downloaded while the server's memory is read (EXPORT=0
# skips it).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
SMALL=${SMALL:-"1000 1000 10000"}
LARGE=${LARGE:-"100000 100000 1000000"}
SCALES=${SCALES:-"small large"}
BUILD=${BUILD:-1}
KEEP=${KEEP:-0}
SINGLE=${SINGLE:-1}
SINGLE_DURATION=${SINGLE_DURATION:-5}
UNCACHED=${UNCACHED:-1}
LIGHTHOUSE=${LIGHTHOUSE:-1}
EXPORT=${EXPORT:-1}
RESULTS=$ROOT/bench/results
BASE_URL=${DATABASE_URL:-}
unset DATABASE_URL

if [ "$BUILD" = 1 ]; then
    nice -n 10 cargo build --release -p agora-server -p agora-bench
fi
SERVER=$CARGO_TARGET_DIR/release/agora-server
BENCH=$CARGO_TARGET_DIR/release/agora-bench

WORK=$(mktemp -d "${TMPDIR:-/tmp}/agora-bench.XXXXXX")
mkdir -p "$WORK/site" "$RESULTS"
# HTML pages render without the browser bundle; with one built, the first visit is
# measured too.
SITE_ROOT=$WORK/site
if [ -d "$ROOT/target/site/pkg" ] && [ -f "$CARGO_TARGET_DIR/release/hash.txt" ]; then
    SITE_ROOT=$ROOT/target/site
fi
SERVER_PID=
CREATED_DBS=()

case "$BASE_URL" in
    postgres://* | postgresql://*)
        ENGINE=postgres
        PG_PREFIX=${BASE_URL%/*}
        PG_NAME=${BASE_URL##*/}
        PG_NAME=${PG_NAME%%\?*}
        ;;
    "") ENGINE=sqlite ;;
    *)
        echo "DATABASE_URL must be a postgres:// URL (SQLite databases are made in a temporary folder)" >&2
        exit 2
        ;;
esac

cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$KEEP" != 1 ]; then
        for db in "${CREATED_DBS[@]}"; do
            psql "$PG_PREFIX/postgres" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" || true
        done
        rm -rf "$WORK"
    else
        echo "kept $WORK ${CREATED_DBS[*]}" >&2
    fi
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
        echo $((20000 + RANDOM % 20000))
}

now() { date +%s.%N; }

run_scale() {
    local scale=$1 accounts=$2 ideas=$3 votes=$4 url
    if [ "$ENGINE" = postgres ]; then
        local db="${PG_NAME}_$scale"
        psql "$PG_PREFIX/postgres" -qc "CREATE DATABASE \"$db\""
        CREATED_DBS+=("$db")
        url="$PG_PREFIX/$db"
    else
        url="sqlite://$WORK/$scale.db?mode=rwc"
    fi

    echo "== $scale: $accounts accounts, $ideas ideas, $votes votes on $ENGINE" >&2
    local t0 t1
    t0=$(now)
    DATABASE_URL=$url RUST_LOG=warn "$SERVER" demo --synthetic \
        --accounts "$accounts" --ideas "$ideas" --votes "$votes" 2>&1 | tee "$WORK/generate-$scale.log" >&2
    t1=$(now)
    GEN_SECONDS[$scale]=$(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }")
    if [ "$ENGINE" = sqlite ]; then
        GEN_SIZE[$scale]=$(du -shc "$WORK/$scale.db"* | tail -1 | cut -f1)
    fi

    local port
    start_server "$url" "$scale" "${AGORA_PAGE_CACHE_MS:-}"
    port=$PORT

    # The one-connection pass votes with the last 200 accounts (100 ran out of votes
    # before the end at ~900 req/s); the main run with up to 800 before them: the site
    # counts each account's votes over a minute.
    local vote_accounts=${VOTE_ACCOUNTS:-$((accounts - 200 < 800 ? accounts - 200 : 800))}
    local label="$scale ($ENGINE${AGORA_PAGE_CACHE_MS:+, page cache ${AGORA_PAGE_CACHE_MS} ms})"
    # shellcheck disable=SC2086
    "$BENCH" run --base-url "http://127.0.0.1:$port" --pid "$SERVER_PID" --label "$label" \
        --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" \
        --vote-accounts "$vote_accounts" --json "$RESULTS/$scale.json" ${BENCH_ARGS:-} |
        tee "$WORK/table-$scale.txt"
    cp "$RESULTS/$scale.json" "$RESULTS/latest.json"
    note_peak "$scale" "sign-ins, pages and votes"
    if [ "$SITE_ROOT" != "$WORK/site" ]; then
        "$BENCH" first-visit --base-url "http://127.0.0.1:$port" --json "$RESULTS/$scale-first-visit.json" |
            tee "$WORK/table-$scale-first-visit.txt"
        if [ "$LIGHTHOUSE" = 1 ] && command -v chromium >/dev/null; then
            bench/lighthouse.sh "http://127.0.0.1:$port" | tee -a "$WORK/table-$scale-first-visit.txt"
        fi
        note_peak "$scale" "first visits"
    fi
    if [ "$EXPORT" = 1 ]; then
        # The CSV export of every idea, with the server's memory read as it streams.
        "$BENCH" export --base-url "http://127.0.0.1:$port" --pid "$SERVER_PID" \
            --json "$RESULTS/$scale-export.json" | tee "$WORK/table-$scale-export.txt"
    fi
    if [ "$EXPORT" = 1 ]; then stop_server "$scale" "export"; else stop_server "$scale" "rest"; fi

    if [ "$UNCACHED" = 1 ] || [ "$SINGLE" = 1 ]; then
        start_server "$url" "$scale-uncached" 0
        port=$PORT
        label="$scale ($ENGINE, page cache off)"
    fi
    if [ "$UNCACHED" = 1 ]; then
        # shellcheck disable=SC2086
        "$BENCH" run --base-url "http://127.0.0.1:$port" --pid "$SERVER_PID" --label "$label" --page-cache-off \
            --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" \
            --only healthz,newest,most_votes,page2,search,search_worst,similar,idea \
            --json "$RESULTS/$scale-uncached.json" ${BENCH_ARGS:-} |
            tee "$WORK/table-$scale-uncached.txt"
    fi
    if [ "$SINGLE" = 1 ]; then
        # One connection: the cost of a request without queueing, every page rendered.
        # shellcheck disable=SC2086
        "$BENCH" run --base-url "http://127.0.0.1:$port" --pid "$SERVER_PID" --label "$label, 1 connection" --page-cache-off \
            --connections 1 --duration "$SINGLE_DURATION" --warmup 1 \
            --first-account $((accounts - 199)) --vote-accounts 200 --json "$RESULTS/$scale-c1.json" ${BENCH_ARGS:-} |
            tee "$WORK/table-$scale-c1.txt"
    fi
    if [ -n "$SERVER_PID" ]; then
        stop_server "$scale" "page cache off"
    fi
    if grep -qiE "error|panick" "$WORK/server-$scale.log"; then
        echo "-- server log ($scale), errors by kind:" >&2
        { grep -iE "error|panick" "$WORK/server-$scale.log" |
            sed -E 's/\x1b\[[0-9;]*m//g; s/^[^ ]+ +//; s/latency=[0-9]+ ms//' |
            sort | uniq -c | sort -rn | head -20 >&2; } || true
    fi
}

# Starts the server on database $1 (log named $2), page cache $3 ms (empty: its default);
# sets PORT and SERVER_PID once it answers.
start_server() {
    PORT=$(free_port)
    # The load comes from one address: the API's budget per network would refuse most of it.
    env DATABASE_URL="$1" AGORA_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$SITE_ROOT" RUST_LOG=warn \
        AGORA_API_REQUESTS_PER_MINUTE=1000000000 \
        ${3:+AGORA_PAGE_CACHE_MS=$3} "$SERVER" serve >"$WORK/server-$2.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then break; fi
        sleep 0.1
    done
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null
}

# Keeps the server's peak resident memory since the last call (kB) for scale $1 and
# names phase $2 with it, then starts the next phase's peak afresh (writing 5 to
# clear_refs resets VmHWM; where that is refused, later phases include earlier ones).
note_peak() {
    local peak
    peak=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
    if [ "${peak:-0}" -gt "${PEAK_KB[$1]:-0}" ]; then PEAK_KB[$1]=$peak; fi
    PHASE_PEAKS[$1]+="${PHASE_PEAKS[$1]:+, }$2 $((${peak:-0} / 1024)) MB"
    echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true
}

# Stops the server, keeping the peak of its resident memory for scale $1 (phase $2).
stop_server() {
    note_peak "$1" "$2"
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

declare -A GEN_SECONDS GEN_SIZE PEAK_KB PHASE_PEAKS
for scale in $SCALES; do
    case $scale in
        small) read -r a i v <<<"$SMALL" ;;
        large) read -r a i v <<<"$LARGE" ;;
        *)
            echo "unknown scale $scale (small or large)" >&2
            exit 2
            ;;
    esac
    run_scale "$scale" "$a" "$i" "$v"
done

echo
echo "== Summary ($ENGINE, load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
for scale in $SCALES; do
    echo "data generation ($scale): ${GEN_SECONDS[$scale]} s ${GEN_SIZE[$scale]:+, database ${GEN_SIZE[$scale]}}"
done
for scale in $SCALES; do
    peak_mb=$(( ${PEAK_KB[$scale]:-0} / 1024 ))
    verdict=ok
    if [ "$peak_mb" -gt 100 ]; then verdict=MISS; fi
    printf '%-4s peak resident memory of the server (%s): %s MB (target <= 100 MB)\n' "$verdict" "$scale" "$peak_mb"
    printf '     by phase: %s\n' "${PHASE_PEAKS[$scale]:-}"
done
for scale in $SCALES; do
    cat "$WORK/table-$scale.txt"
    if [ -f "$WORK/table-$scale-first-visit.txt" ]; then cat "$WORK/table-$scale-first-visit.txt"; fi
    if [ -f "$WORK/table-$scale-export.txt" ]; then cat "$WORK/table-$scale-export.txt"; fi
    if [ -f "$WORK/table-$scale-uncached.txt" ]; then cat "$WORK/table-$scale-uncached.txt"; fi
done
if [ "$SINGLE" = 1 ]; then
    for scale in $SCALES; do
        cat "$WORK/table-$scale-c1.txt"
    done
fi
if [[ " $SCALES " == *" small "* && " $SCALES " == *" large "* ]]; then
    "$BENCH" compare "$RESULTS/small.json" "$RESULTS/large.json"
    if [ "$SINGLE" = 1 ]; then
        "$BENCH" compare "$RESULTS/small-c1.json" "$RESULTS/large-c1.json"
    fi
fi
