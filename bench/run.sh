#!/usr/bin/env bash
# The registry's benchmark: one command, everything it needs started here and stopped at the end.
# See bench/README.md for what it measures and how to read the results.
#
#   bench/run.sh [--sizes 10000,100000] [--duration 30s] [--warmup 10s] [--jit-warmup 20s] [--connections 32] [--threads 2]
#                [--load auto|import|publish] [--jvm-opts "-Xmx208m ..."] [--env NAME=VALUE]... [--no-build]
#                [--jar PATH] [--keep-data] [--compare BASELINE_JAR [--rounds 5]]
set -Eeuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
WORK="$BENCH_DIR/work"
RESULTS="$BENCH_DIR/results"
JAR="$REPO_DIR/target/quarkus-app/quarkus-run.jar"
EXT=/v0.1/x/io.mcpgov.registry

SIZES="10000,100000"
DURATION="30s"
WARMUP="10s"
JIT_WARMUP="20s"
CONNECTIONS=32
THREADS=2
LOAD_MODE="auto"
BUILD=1
KEEP_DATA=0
COMPARE_JAR=""
ROUNDS=5
SEED=7
LOAD_CONCURRENCY=8
REGISTRY_ENV=()
# wrk sends every request with one token from one address: the per-caller budgets (registry.limits.*) would measure
# themselves instead of the registry, so each is raised out of reach; the check itself still runs on every request.
# An --env given on the command line comes after these and wins.
LIMITS_OUT_OF_REACH=(REGISTRY_LIMITS_READS_LIMIT=1000000000 REGISTRY_LIMITS_WRITES_LIMIT=1000000000
  REGISTRY_LIMITS_VALIDATE_LIMIT=1000000000 REGISTRY_LIMITS_VERIFY_NOW_LIMIT=1000000000
  REGISTRY_LIMITS_VERIFY_NOW_CONCURRENT=1000000 REGISTRY_LIMITS_IMPORTS_LIMIT=1000000000
  REGISTRY_LIMITS_BAD_TOKENS_LIMIT=1000000000)
# The JVM flags bench/README.md recommends: a fixed 208 MB heap (the live set with a full read cache is
# 70 to 100 MB) keeps the resident memory under the 512 MB target with room for metaspace, code cache and threads; the
# serial collector adds no GC threads to compete for the two cores and its young collections of a mostly short-lived
# heap stay short; a first metaspace threshold above what the registry loads (about 75 MB) spares it the full
# collections, of 100 to 200 ms, that the default threshold sets off when the first publish loads its classes.
JVM_OPTS="-Xms208m -Xmx208m -XX:MetaspaceSize=128m -XX:+UseSerialGC"

usage() {
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  cat <<'EOF'

  --sizes        data set sizes in versions, comma-separated (default 10000,100000)
  --duration     measured time per scenario (default 30s)
  --warmup       warm-up time per scenario, not measured (default 10s)
  --jit-warmup   get, search and list each run this long, not measured, before the first read scenario, and
                 publish before the publish scenario (default 20s; 0 for none)
  --connections  wrk connections (default 32); --threads wrk threads (default 2)
  --load         how the data set gets in: import (POST .../imports), publish (POST /v0.1/publish, concurrent),
                 auto (import when the registry offers it, else publish; default)
  --jvm-opts     JVM flags for the registry (default: bench/README.md's recommendation)
  --env          an environment variable for the registry, e.g. REGISTRY_VERIFICATION_ENABLED=false (repeatable)
                 The registry always runs with its per-caller budgets out of reach (REGISTRY_LIMITS_READS_LIMIT,
                 _WRITES_, _VALIDATE_, _VERIFY_NOW_, _IMPORTS_ and _BAD_TOKENS_LIMIT=1000000000,
                 REGISTRY_LIMITS_VERIFY_NOW_CONCURRENT=1000000), since wrk calls with one token from one address;
                 --env REGISTRY_LIMITS_READS_LIMIT=2000 puts a budget back
  --no-build     use target/quarkus-app/quarkus-run.jar as it is
  --jar          benchmark this quarkus-run.jar instead (implies --no-build)
  --keep-data    keep bench/work/ (generated data, logs, database) after the run
  --compare      set this build against the quarkus-run.jar given (the baseline): each is loaded once into a
                 database of its own, then the read scenarios (list, search, latest, get, since) of both are run in
                 alternating rounds, each round starting both afresh; writes <date>-<size>-compare.json and .md
  --rounds       rounds of a comparison (default 5); the order of the two builds alternates from round to round
EOF
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --jit-warmup) JIT_WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --load) LOAD_MODE="$2"; shift 2 ;;
    --jvm-opts) JVM_OPTS="$2"; shift 2 ;;
    --env) [[ "$2" == [A-Z_]*=* ]] || { echo "run.sh: --env takes NAME=VALUE" >&2; exit 2; }
      REGISTRY_ENV+=("$2"); shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --jar) JAR=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); BUILD=0; shift 2 ;;
    --keep-data) KEEP_DATA=1; shift ;;
    --compare) COMPARE_JAR=$(realpath -m -- "$2"); shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ "$LOAD_MODE" =~ ^(auto|import|publish)$ ]] || { echo "run.sh: --load is auto, import or publish" >&2; exit 2; }
[[ "$SIZES" =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "run.sh: --sizes is a comma-separated list of numbers" >&2; exit 2; }
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --rounds is a positive number" >&2; exit 2; }
[[ -z "$COMPARE_JAR" || -f "$COMPARE_JAR" ]] || { echo "run.sh: --compare: $COMPARE_JAR does not exist" >&2; exit 2; }

# ---------------------------------------------------------------------------------------------------------------
# Output, failure and cleanup
# ---------------------------------------------------------------------------------------------------------------
T0=$(date +%s)
say() { printf '[bench %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf '\n[bench] FAILED: %s\n' "$*" >&2; exit 1; }
on_error() { # the failing command of the main shell is named; a command substitution just passes its status up
  local code=$? line=$1
  (( BASH_SUBSHELL > 0 )) && exit "$code"
  die "line $line: $BASH_COMMAND (exit $code)"
}
trap 'on_error $LINENO' ERR

REGISTRY_PID=""
SAMPLER_PID=""
NGINX_PID=""
PG_STARTED=0
PGBIN=""
PGDATA=""
PG_AS=()

stop_pid() { # pid, name, seconds to wait before KILL
  local pid="$1" name="$2" wait="${3:-20}"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "[bench] $name (pid $pid) did not stop; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

stop_postgres() {
  if [[ "$PG_STARTED" == 1 ]]; then
    "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    PG_STARTED=0
    # the cluster is throwaway: each size starts from an empty one
    [[ "$KEEP_DATA" == 1 ]] || rm -rf "$(dirname "$PGDATA")"
  fi
}

cleanup() {
  local code=$?
  trap - ERR
  set +e
  stop_pid "$SAMPLER_PID" "memory sampler" 2
  stop_pid "$REGISTRY_PID" registry 30
  stop_pid "$NGINX_PID" nginx 10
  stop_postgres
  if [[ $code -ne 0 ]]; then
    echo "[bench] stopped (exit $code); logs are in $WORK/logs" >&2
  fi
  exit $code
}
trap cleanup EXIT
trap 'echo; echo "[bench] interrupted" >&2; exit 130' INT
trap 'echo; echo "[bench] terminated" >&2; exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# Tools: installed from Debian's packages when missing
# ---------------------------------------------------------------------------------------------------------------
need_packages=()
command -v wrk >/dev/null || need_packages+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need_packages+=(nginx)
ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v jq >/dev/null || need_packages+=(jq)
command -v curl >/dev/null || need_packages+=(curl)
if [[ ${#need_packages[@]} -gt 0 ]]; then
  [[ $EUID -eq 0 ]] || die "missing ${need_packages[*]}; install them (apt-get install -y ${need_packages[*]}) or run as root"
  say "installing ${need_packages[*]} from Debian's packages (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null \
    || die "apt-get install ${need_packages[*]} failed"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
command -v java >/dev/null || die "java (JDK 17) is required"
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
[[ "${JAVA_MAJOR%%.*}" -ge 17 ]] || die "JDK 17 or later is required (found ${JAVA_MAJOR:-none})"
java --list-modules 2>/dev/null | grep -q '^jdk.compiler' \
  || die "a JDK is required (java runs the single-file programs in bench/), not only a JRE"

# ---------------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------------
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [[ " ${USED_PORTS:-} " != *" $port "* ]]; then
      USED_PORTS="${USED_PORTS:-} $port"
      echo "$port"
      return 0
    fi
  done
  die "no free port found"
}

millis() { date +%s%3N; }

api() { # method path token-file [body] -> body on stdout; fails loudly on a status >= 300
  local method="$1" path="$2" token="$3" body="${4:-}" out status
  out=$(mktemp)
  local args=(-sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $(cat "$token")"
    -H 'Accept: application/json' --max-time 3600)
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  status=$(curl "${args[@]}" "$REGISTRY_URL$path") || { rm -f "$out"; die "$method $path: no answer from the registry"; }
  if [[ "$status" -ge 300 ]]; then
    echo "[bench] $method $path answered $status:" >&2
    head -c 2000 "$out" >&2; echo >&2
    rm -f "$out"
    die "$method $path failed with HTTP $status"
  fi
  cat "$out"
  rm -f "$out"
}

verification_states() { # JSON object state -> versions, from the database; {} when the schema differs
  local rows
  rows=$(psql_value "SELECT oauth_verification || '=' || count(*) FROM server_version GROUP BY oauth_verification ORDER BY oauth_verification" 2>/dev/null) || rows=""
  printf '%s\n' "$rows" | jq -cRn '[inputs | select(length > 0) | split("=") | {key: .[0], value: (.[1] | tonumber)}] | from_entries'
}

psql_value() { # sql -> single value
  "${PG_AS[@]}" "$PGBIN/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d "$DB_NAME" -At -c "$1"
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL: a throwaway cluster in bench/work/pg, as the postgres user when run as root
# ---------------------------------------------------------------------------------------------------------------
start_postgres() {
  PG_PORT=$(free_port)
  local dir="$WORK/pg"
  rm -rf "$dir"
  mkdir -p "$dir"
  PG_AS=()
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "the postgres user is missing (it comes with Debian's postgresql package)"
    chown postgres: "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      # the checkout lives where the postgres user cannot reach (e.g. under /root): use a directory it can
      dir=$(mktemp -d /tmp/registry-bench-pg.XXXXXX)
      chown postgres: "$dir"
      say "PostgreSQL cannot reach $WORK/pg as the postgres user; using $dir"
    fi
    PG_AS=(runuser -u postgres --)
  fi
  PGDATA="$dir/data"
  PG_SOCKET_DIR="$dir"
  "${PG_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$LOGS/postgres-initdb.log" 2>&1 || { cat "$LOGS/postgres-initdb.log" >&2; die "initdb failed"; }
  # modest tuning for a 2-core, 24 GB benchmark machine; durability stays on (fsync, synchronous_commit)
  cat >>"$PGDATA/postgresql.conf" <<EOF

# registry benchmark
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$dir'
max_connections = 100
shared_buffers = 512MB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 256MB
wal_buffers = 16MB
max_wal_size = 4GB
checkpoint_timeout = 15min
random_page_cost = 1.1
effective_io_concurrency = 100
dynamic_shared_memory_type = mmap
jit = off
logging_collector = off
log_min_messages = warning
EOF
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$dir/postgres.log" -w -t 60 start >/dev/null \
    || { cat "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  PG_STARTED=1
  "${PG_AS[@]}" "$PGBIN/psql" -h "$dir" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE registry LOGIN PASSWORD 'registry'" -c "CREATE DATABASE registry OWNER registry" \
    || die "could not create the registry database"
  PG_VERSION=$("${PG_AS[@]}" "$PGBIN/psql" -h "$dir" -p "$PG_PORT" -U postgres -At -c "SHOW server_version" | cut -d' ' -f1)
  say "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT (data in $PGDATA)"
}

# ---------------------------------------------------------------------------------------------------------------
# nginx: the token issuer (discovery document and JWKS), the import source and the static-file ceiling
# ---------------------------------------------------------------------------------------------------------------
start_nginx() {
  local dir="$RUN/nginx"
  mkdir -p "$dir/tmp" "$RUN/ceiling" "$RUN/source"
  local user_line=""
  [[ $EUID -eq 0 ]] && user_line="user root root;"
  cat >"$dir/nginx.conf" <<EOF
# generated by bench/run.sh
$user_line
worker_processes auto;
pid $dir/nginx.pid;
error_log $LOGS/nginx-error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 75s;
  keepalive_requests 10000000;
  types { }
  default_type application/json;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;

  # opaque cursors of the import source: c000001 ... ; none is the first page
  map \$arg_cursor \$source_page {
    ""              first;
    "~^c[0-9]{6}\$" \$arg_cursor;
    default         missing;
  }

  # the OIDC issuer: discovery document and JWKS, static
  server {
    listen 127.0.0.1:$ISSUER_PORT;
    root $RUN/oidc/issuer-root;
    location /issuer/ { }
  }

  # a registry speaking the official list API, serving the generated set page by page
  server {
    listen 127.0.0.1:$SOURCE_PORT;
    root $RUN/source;
    location = /v0.1/servers { try_files /pages/\$source_page.json =404; }
  }

  # the ceiling: the registry's own response bytes served from disk
  server {
    listen 127.0.0.1:$CEILING_PORT;
    root $RUN/ceiling;
    location = /v0.1/servers { try_files /list.json =404; }
    location /v0.1/servers/ { try_files /get.json =404; }
  }
}
EOF
  "$NGINX" -t -p "$dir" -c "$dir/nginx.conf" >"$LOGS/nginx-test.log" 2>&1 \
    || { cat "$LOGS/nginx-test.log" >&2; die "nginx refused its configuration"; }
  "$NGINX" -p "$dir" -c "$dir/nginx.conf" >>"$LOGS/nginx.log" 2>&1 &
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$ISSUER_PORT/issuer/.well-known/openid-configuration" 2>/dev/null && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$LOGS/nginx-error.log" >&2 || true; die "nginx stopped"; }
    sleep 0.1
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$ISSUER_PORT/issuer/jwks.json" || die "nginx does not serve the JWKS"
  say "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'): issuer :$ISSUER_PORT, import source :$SOURCE_PORT, ceiling :$CEILING_PORT"
}

# the import source must hand out exactly the generated set: every page once (one curl for all of them), each
# page's nextCursor naming the next one, no nextCursor on the last, N entries in all
check_source() {
  local size="$1" data="$2" config pages
  config=$(mktemp)
  pages=$(jq '.sourcePages' "$data/summary.json")
  {
    echo "url = \"http://127.0.0.1:$SOURCE_PORT/v0.1/servers?limit=100\""
    for ((p = 1; p < pages; p++)); do
      printf 'url = "http://127.0.0.1:%s/v0.1/servers?limit=100&cursor=c%06d"\n' "$SOURCE_PORT" "$p"
    done
  } >"$config"
  local verdict
  verdict=$(curl -fsS -K "$config" | jq -r '[(.servers | length), (.metadata.nextCursor // "-")] | @tsv' \
    | awk -v pages="$pages" '
        { items += $1; if (NR > 1 && expected != sprintf("c%06d", NR - 1)) bad = bad " page " NR - 1; expected = $2 }
        END { if (expected != "-") bad = bad " last page has a nextCursor"; if (NR != pages) bad = bad " " NR " pages";
              print items ":" bad }') || { rm -f "$config"; die "the import source does not serve its pages"; }
  rm -f "$config"
  [[ "$verdict" == "$size:" ]] || die "the import source is not the generated set ($verdict; expected $size entries)"
  say "import source checked: $size entries in $pages pages"
}

# ---------------------------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------------------------
start_registry() { # label [extra JVM options] -> sets REGISTRY_PID, READY_MS
  local label="$1" extra="${2:-}"
  local log="$LOGS/registry-$label.log"
  local started
  started=$(millis)
  # shellcheck disable=SC2086
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME" \
    QUARKUS_DATASOURCE_USERNAME=registry QUARKUS_DATASOURCE_PASSWORD=registry \
    QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER_URL" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$REGISTRY_PORT" \
    REGISTRY_OUTBOUND_ALLOW_HTTP_LOOPBACK=true REGISTRY_PUBLISH_ALLOW_HTTP_LOOPBACK=true \
    "${LIMITS_OUT_OF_REACH[@]}" MALLOC_ARENA_MAX=2 "${REGISTRY_ENV[@]}" java $JVM_OPTS $extra -jar "$SUT_JAR" >"$log" 2>&1 &
  REGISTRY_PID=$!
  local body=""
  while true; do
    body=$(curl -s --max-time 2 "$REGISTRY_URL/q/health/ready" 2>/dev/null || true)
    if [[ "$body" == *'"status"'*'"UP"'* ]] && ! [[ "$body" == *'"DOWN"'* ]]; then
      break
    fi
    if ! kill -0 "$REGISTRY_PID" 2>/dev/null; then
      local code=0
      wait "$REGISTRY_PID" || code=$?
      tail -40 "$log" >&2
      REGISTRY_PID=""
      (( code > 128 )) && die "the registry was killed by signal $(( code - 128 )) during start ($log)"
      die "the registry exited with status $code during start ($log)"
    fi
    if (( $(millis) - started > 180000 )); then
      tail -40 "$log" >&2
      die "the registry was not ready within 180 s ($log)"
    fi
    sleep 0.05
  done
  READY_MS=$(( $(millis) - started ))
  say "registry ($label) ready in ${READY_MS} ms, pid $REGISTRY_PID, port $REGISTRY_PORT"
}

stop_registry() {
  stop_pid "$SAMPLER_PID" "memory sampler" 2
  SAMPLER_PID=""
  stop_pid "$REGISTRY_PID" registry 30
  REGISTRY_PID=""
}

# VmRSS every second into a file; VmHWM (the kernel's own peak) is read at the end
start_sampler() {
  local out="$1"
  ( while kill -0 "$REGISTRY_PID" 2>/dev/null; do
      echo "$(date +%s) $(awk '/^VmRSS/ {print $2}' "/proc/$REGISTRY_PID/status" 2>/dev/null)" >>"$out"
      sleep 1
    done ) &
  SAMPLER_PID=$!
}

peak_rss_kb() {
  awk '/^VmHWM/ {print $2}' "/proc/$REGISTRY_PID/status" 2>/dev/null || echo 0
}

# ---------------------------------------------------------------------------------------------------------------
# wrk scenarios
# ---------------------------------------------------------------------------------------------------------------
run_wrk() { # name script url [env assignments...] -> result JSON in $SIZE_DIR/scenarios/name.json
  local name="$1" script="$2" url="$3"
  shift 3
  local out="$SIZE_DIR/scenarios/$name"
  mkdir -p "$SIZE_DIR/scenarios"
  say "  $name: warm-up $WARMUP, then $DURATION at $CONNECTIONS connections"
  env BENCH_WRK_DIR="$BENCH_DIR/wrk" BENCH_SCENARIO="$name" BENCH_PHASE=w "$@" \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$WARMUP" --timeout 10s -s "$BENCH_DIR/wrk/$script" "$url" \
    >"$out.warmup.txt" 2>&1 || { cat "$out.warmup.txt" >&2; die "wrk failed in the warm-up of $name"; }
  env BENCH_WRK_DIR="$BENCH_DIR/wrk" BENCH_SCENARIO="$name" BENCH_PHASE=m "$@" \
    wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout 10s -s "$BENCH_DIR/wrk/$script" "$url" \
    >"$out.txt" 2>&1 || { cat "$out.txt" >&2; die "wrk failed in $name"; }
  grep '^BENCH_RESULT ' "$out.txt" | sed 's/^BENCH_RESULT //' >"$out.json"
  jq -e . "$out.json" >/dev/null 2>&1 || { cat "$out.txt" >&2; die "wrk printed no result for $name"; }
  jq -r '"      \(.requestsPerSecond) req/s, p50 \(.latencyMs.p50) ms, p99 \(.latencyMs.p99) ms, max \(.latencyMs.max) ms, "
    + "errors \(.errors.status + .errors.connect + .errors.read + .errors.write + .errors.timeout)"' "$out.json"
}

# The JIT compiles each path under load, over tens of seconds: one unmeasured pass over a scenario group before it is
# measured, so that the first scenario measured is not colder than the others and publish is measured sustained.
warm_jit() { # data dir, scenario names
  local data="$1" name extra token
  shift
  [[ "$JIT_WARMUP" =~ ^0+s?$ ]] && return 0
  say "  JIT warm-up: $*, $JIT_WARMUP each, not measured"
  mkdir -p "$SIZE_DIR/scenarios"
  for name in "$@"; do
    token="$TOKENS/agent.jwt"
    case "$name" in
      list) extra="BENCH_LIST_QUERY=" ;;
      search) extra="BENCH_SEARCH_TERMS=$data/search-terms.txt" ;;
      get) extra="BENCH_GET_PATHS=$data/get-paths.txt" ;;
      publish) extra="BENCH_PUBLISH_TEMPLATES=$data/publish-templates.txt"; token="$TOKENS/publisher.jwt" ;;
    esac
    env BENCH_WRK_DIR="$BENCH_DIR/wrk" BENCH_SCENARIO="jit-$name" BENCH_PHASE=j "BENCH_TOKEN_FILE=$token" "$extra" \
      wrk -t "$THREADS" -c "$CONNECTIONS" -d "$JIT_WARMUP" --timeout 10s -s "$BENCH_DIR/wrk/$name.lua" "$REGISTRY_URL" \
      >"$SIZE_DIR/scenarios/jit-$name.txt" 2>&1 || { cat "$SIZE_DIR/scenarios/jit-$name.txt" >&2; die "wrk failed in the JIT warm-up ($name)"; }
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Steps shared by a run and a comparison
# ---------------------------------------------------------------------------------------------------------------
prepare_data() { # size -> sets DATA; generated once per size, seed and generator version; served as the import source
  # data: generated once per size, seed and generator version
  local size="$1" data="$WORK/data/$1-seed$SEED"
  local stamp
  stamp=$(sha256sum "$BENCH_DIR/Generate.java" | cut -c1-16)
  if [[ ! -f "$data/.complete" || "$(cat "$data/.complete")" != "$stamp" ]]; then
    rm -rf "$data"
    mkdir -p "$data"
    say "generating $size versions (seed $SEED)"
    java "$BENCH_DIR/Generate.java" --versions "$size" --seed "$SEED" --out "$data" >"$LOGS/generate-$size.log" 2>&1 \
      || { cat "$LOGS/generate-$size.log" >&2; die "the generator failed"; }
    echo "$stamp" >"$data/.complete"
  fi
  say "data: $(jq -c '{versions, servers, versionsListedForAgents, apiKeyExceptions, serversWithTools, averageDocumentBytes}' "$data/summary.json")"
  rm -f "$RUN/source/pages"
  ln -s "$data/source/pages" "$RUN/source/pages"
  DATA="$data"
}

load_set() { # size data label -> the running registry holds the set and its exceptions; sets LOAD_STARTED
  local size="$1" data="$2" label="$3"
  for label in $(cat "$data/namespaces.txt"); do
    api PUT "$EXT/namespaces/$label" "$TOKENS/admin.jwt" '{"owningTeam":"team-bench","includeSubnamespaces":true}' >/dev/null
  done
  say "namespaces $(tr '\n' ' ' <"$data/namespaces.txt")mapped to team-bench"

  local mode="$LOAD_MODE"
  if [[ "$mode" == auto ]]; then
    if curl -fsS "$REGISTRY_URL/q/openapi?format=json" | jq -e --arg p "$EXT/imports" '.paths | has($p)' >/dev/null; then
      mode=import
    else
      mode=publish
      say "the registry offers no $EXT/imports yet: loading through POST /v0.1/publish"
    fi
  fi

  local load_json="$SIZE_DIR/load.json"
  local load_ms
  if [[ "$mode" == import ]]; then
    check_source "$size" "$data"
  fi
  LOAD_STARTED=$(millis)
  if [[ "$mode" == import ]]; then
    say "importing $size versions from http://127.0.0.1:$SOURCE_PORT (POST $EXT/imports)"
    api POST "$EXT/imports" "$TOKENS/admin.jwt" \
      "{\"source\":\"http://127.0.0.1:$SOURCE_PORT\",\"owningTeam\":\"team-bench\",\"limit\":100}" >"$SIZE_DIR/import-response.json"
    load_ms=$(( $(millis) - LOAD_STARTED ))
    jq -e '.imported | numbers' "$SIZE_DIR/import-response.json" >/dev/null \
      || die "the import answered no count: $(head -c 500 "$SIZE_DIR/import-response.json")"
    local imported refused skipped
    imported=$(jq '.imported' "$SIZE_DIR/import-response.json")
    skipped=$(jq '.skipped // 0' "$SIZE_DIR/import-response.json")
    refused=$(jq '.refused // 0' "$SIZE_DIR/import-response.json")
    jq -n --argjson ms "$load_ms" --argjson n "$size" --slurpfile r "$SIZE_DIR/import-response.json" \
      '{mode:"import", versions:$n, seconds:($ms/1000), perSecond:($n/($ms/1000)), imported:$r[0].imported,
        skipped:($r[0].skipped // 0), refused:($r[0].refused // 0)}' >"$load_json"
    say "imported $imported, skipped $skipped, refused $refused in $(( load_ms / 1000 )).$(( load_ms % 1000 / 100 )) s"
    if [[ "$refused" != 0 || "$imported" != "$size" ]]; then
      jq -c '.refusals[:5]' "$SIZE_DIR/import-response.json" >&2 || true
      die "the import stored $imported of $size versions ($refused refused)"
    fi
  else
    say "publishing $size versions through POST /v0.1/publish ($LOAD_CONCURRENCY concurrent publishers)"
    java "$BENCH_DIR/Load.java" publish --base "$REGISTRY_URL" --token "$TOKENS/publisher.jwt" \
      --docs "$data/docs.ndjson" --concurrency "$LOAD_CONCURRENCY" >"$SIZE_DIR/publish-load.json" 2>"$LOGS/load-$label.log" \
      || { tail -20 "$LOGS/load-$label.log" >&2; die "loading through publish failed"; }
    load_ms=$(( $(millis) - LOAD_STARTED ))
    jq --argjson n "$size" '{mode:"publish", versions:$n, seconds, perSecond, concurrency, statuses}' \
      "$SIZE_DIR/publish-load.json" >"$load_json"
    say "published: $(jq -c '{seconds, perSecond, statuses}' "$SIZE_DIR/publish-load.json")"
  fi

  local stored
  stored=$(psql_value "SELECT count(*) FROM server_version" 2>/dev/null || echo "?")
  [[ "$stored" == "?" || "$stored" == "$size" ]] || die "the database holds $stored versions, expected $size"

  say "requesting and approving $(wc -l <"$data/exceptions.txt") API-key exceptions"
  java "$BENCH_DIR/Load.java" exceptions --base "$REGISTRY_URL" --token "$TOKENS/publisher.jwt" \
    --reviewer-token "$TOKENS/reviewer.jwt" --names "$data/exceptions.txt" --concurrency "$LOAD_CONCURRENCY" \
    >"$SIZE_DIR/exceptions.json" 2>"$LOGS/exceptions-$label.log" \
    || { tail -20 "$LOGS/exceptions-$label.log" >&2; die "requesting or approving exceptions failed"; }
  say "exceptions: $(jq -c '{ok, seconds, perSecond}' "$SIZE_DIR/exceptions.json")"
  # thousands of exceptions approved within seconds: refresh the planner's statistics now, as autovacuum would within
  # a minute, so that the first scenario is not measured against estimates of empty exception tables
  psql_value "ANALYZE" >/dev/null
}

since_points() { # -> SINCE_ALL (before the load: a full sync) and SINCE_HALF (the median update: the newer half)
  SINCE_ALL=$(date -u -d "@$(( LOAD_STARTED / 1000 - 1 ))" +%Y-%m-%dT%H:%M:%SZ)
  SINCE_HALF=$(psql_value "SELECT to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY updated_at) AT TIME ZONE 'UTC',
    'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM server_version" 2>/dev/null || true)
  [[ -n "$SINCE_HALF" ]] || SINCE_HALF="$SINCE_ALL"
}

measure_reads() { # data since-all since-half -> the read scenarios, results in $SIZE_DIR/scenarios
  local data="$1" agent="BENCH_TOKEN_FILE=$TOKENS/agent.jwt"
  # list last: the read cache then holds what the list scenario's own warm-up would leave, not 20 s of random gets
  warm_jit "$data" get search list
  run_wrk list list.lua "$REGISTRY_URL" "$agent"
  run_wrk search search.lua "$REGISTRY_URL" "$agent" "BENCH_SEARCH_TERMS=$data/search-terms.txt"
  run_wrk latest list.lua "$REGISTRY_URL" "$agent" "BENCH_LIST_QUERY=&version=latest"
  run_wrk get get.lua "$REGISTRY_URL" "$agent" "BENCH_GET_PATHS=$data/get-paths.txt"
  run_wrk since list.lua "$REGISTRY_URL" "$agent" "BENCH_SINCE=$2,$3"
}

commit_of() { # jar -> short commit of the checkout it was built in, +changes when sources differ from it
  local dir commit
  dir=$(dirname "$1")
  commit=$(git -C "$dir" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ "$commit" != unknown ]] && ! git -C "$dir" diff --quiet HEAD -- src pom.xml 2>/dev/null; then
    commit="$commit+changes"
  fi
  echo "$commit"
}

# ---------------------------------------------------------------------------------------------------------------
# One data set size
# ---------------------------------------------------------------------------------------------------------------
bench_size() {
  local size="$1"
  SIZE_DIR="$RUN/size-$size"
  mkdir -p "$SIZE_DIR"
  say "=== $size versions ==="

  prepare_data "$size"
  local data="$DATA"

  start_postgres

  # first start: empty database, Flyway migrates; the classes it loads to get ready are archived when it stops
  local archive="$RUN/registry-$size.jsa"
  rm -f "$archive"
  start_registry "$size-first" "-XX:ArchiveClassesAtExit=$archive"
  local first_ready_ms=$READY_MS
  stop_registry
  start_registry "$size-load"
  start_sampler "$SIZE_DIR/rss-load.txt"

  load_set "$size" "$data" "$size"
  local load_peak_kb
  load_peak_kb=$(peak_rss_kb)

  # restart against the loaded database: the ready time asked for ("database already running"), first with the
  # class-data-sharing archive of the first run, then as measured from here on, without it
  stop_registry
  local cds_ready_ms=null
  if [[ -s "$archive" ]]; then
    start_registry "$size-cds" "-XX:SharedArchiveFile=$archive"
    cds_ready_ms=$READY_MS
    stop_registry
  else
    say "no class-data-sharing archive was written by the first run (see $LOGS/registry-$size-first.log)"
  fi
  start_registry "$size"
  local ready_ms=$READY_MS
  start_sampler "$SIZE_DIR/rss-serve.txt"

  # what an agent sees must match the generated set: a sample of lookups, then the first list page
  local sample_failures=0 code
  while read -r path; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat "$TOKENS/agent.jwt")" "$REGISTRY_URL$path")
    [[ "$code" == 200 ]] || { echo "  GET $path as an agent: $code" >&2; sample_failures=$((sample_failures + 1)); }
  done < <(shuf -n 25 --random-source=<(yes) "$data/get-paths.txt")
  [[ $sample_failures == 0 ]] || die "$sample_failures of 25 sampled versions an agent should see were not served"

  # the ceiling's bytes: one real list page and one real version, as the registry serves them to an agent
  api GET "/v0.1/servers?limit=30" "$TOKENS/agent.jwt" >"$SIZE_DIR/list-page.json"
  api GET "$(head -1 "$data/get-paths.txt")" "$TOKENS/agent.jwt" >"$SIZE_DIR/get-response.json"
  jq -e '.servers | length == 30' "$SIZE_DIR/list-page.json" >/dev/null || die "the first list page does not hold 30 entries"
  jq -e '.metadata.nextCursor | strings' "$SIZE_DIR/list-page.json" >/dev/null || die "the first list page has no nextCursor"

  since_points

  # background verification of OAuth remotes (hosts under .invalid fail fast) runs during the measurement: record
  # how far it is, so that runs compare like with like
  verification_states >"$SIZE_DIR/verification-before.json"
  say "OAuth verification states before measuring: $(cat "$SIZE_DIR/verification-before.json")"
  say "measuring the registry ($REGISTRY_URL)"
  measure_reads "$data" "$SINCE_ALL" "$SINCE_HALF"
  # after the reads: the versions it publishes do not change the data they measure
  warm_jit "$data" publish
  run_wrk publish publish.lua "$REGISTRY_URL" "BENCH_TOKEN_FILE=$TOKENS/publisher.jwt" \
    "BENCH_PUBLISH_TEMPLATES=$data/publish-templates.txt"

  local serve_peak_kb
  serve_peak_kb=$(peak_rss_kb)
  verification_states >"$SIZE_DIR/verification-after.json"
  stop_registry

  # the ceiling, with the registry stopped: the same scripts against nginx serving the same bytes
  cp "$SIZE_DIR/list-page.json" "$RUN/ceiling/list.json"
  cp "$SIZE_DIR/get-response.json" "$RUN/ceiling/get.json"
  say "measuring the ceiling (nginx, $(stat -c %s "$RUN/ceiling/list.json") B list page, $(stat -c %s "$RUN/ceiling/get.json") B version)"
  local agent="BENCH_TOKEN_FILE=$TOKENS/agent.jwt"
  run_wrk ceiling-list list.lua "http://127.0.0.1:$CEILING_PORT" "$agent"
  run_wrk ceiling-get get.lua "http://127.0.0.1:$CEILING_PORT" "$agent" "BENCH_GET_PATHS=$data/get-paths.txt"

  stop_postgres
  report "$size" "$data" "$first_ready_ms" "$ready_ms" "$load_peak_kb" "$serve_peak_kb" "$SINCE_ALL" "$SINCE_HALF" "$cds_ready_ms"
}

# ---------------------------------------------------------------------------------------------------------------
# A comparison: this build against a baseline on one data set, the read scenarios in alternating rounds
# ---------------------------------------------------------------------------------------------------------------
use_build() { # baseline|candidate -> SUT_JAR, DB_NAME
  if [[ "$1" == baseline ]]; then SUT_JAR="$COMPARE_JAR"; DB_NAME=registry_baseline; else SUT_JAR="$JAR"; DB_NAME=registry; fi
}

compare_size() {
  local size="$1" build round
  say "=== $size versions: $(commit_of "$JAR") against the baseline $(commit_of "$COMPARE_JAR"), $ROUNDS rounds ==="
  prepare_data "$size"
  local data="$DATA"
  start_postgres
  "${PG_AS[@]}" "$PGBIN/psql" -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE registry_baseline OWNER registry" || die "could not create the baseline's database"
  declare -A since=()
  for build in baseline candidate; do
    use_build "$build"
    SIZE_DIR="$RUN/size-$size/$build"
    mkdir -p "$SIZE_DIR"
    start_registry "$size-$build-load"
    load_set "$size" "$data" "$size-$build"
    stop_registry
    since_points
    since[$build]="$SINCE_ALL $SINCE_HALF"
  done
  for ((round = 1; round <= ROUNDS; round++)); do
    local order=(baseline candidate)
    (( round % 2 == 0 )) && order=(candidate baseline)
    for build in "${order[@]}"; do
      use_build "$build"
      SIZE_DIR="$RUN/size-$size/round-$round/$build"
      mkdir -p "$SIZE_DIR"
      say "round $round of $ROUNDS: $build ($(commit_of "$SUT_JAR"))"
      start_registry "$size-$build-$round"
      # shellcheck disable=SC2086
      measure_reads "$data" ${since[$build]}
      stop_registry
    done
  done
  stop_postgres
  compare_report "$size"
}

compare_report() {
  local size="$1" base
  mkdir -p "$RESULTS"
  base=$(unused_results_base "$RESULTS/$(date -u +%Y-%m-%d)-$size-compare")
  local round build name
  for ((round = 1; round <= ROUNDS; round++)); do
    for build in baseline candidate; do
      for name in list search latest get since; do
        jq -c --argjson round "$round" --arg build "$build" \
          '{round: $round, build: $build, scenario, requestsPerSecond, p99: .latencyMs.p99,
            errors: (.errors.status + .errors.connect + .errors.read + .errors.write + .errors.timeout)}' \
          "$RUN/size-$size/round-$round/$build/scenarios/$name.json"
      done
    done
  done | jq -s \
    --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg candidate "$(commit_of "$JAR")" --arg baseline "$(commit_of "$COMPARE_JAR")" \
    --arg cpu "$CPU_MODEL" --argjson nproc "$(nproc)" --arg java "$JAVA_VERSION" --arg pg "$PG_VERSION" \
    --arg jvmOpts "$JVM_OPTS" --arg registryEnv "${REGISTRY_ENV[*]}" --arg duration "$DURATION" --arg warmup "$WARMUP" \
    --arg jitWarmup "$JIT_WARMUP" --argjson connections "$CONNECTIONS" --argjson threads "$THREADS" \
    --argjson size "$size" --argjson rounds "$ROUNDS" '
    def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    def r3: (. * 1000 | round) / 1000;
    . as $runs
    | {date: $date, versions: $size, rounds: $rounds, commits: {baseline: $baseline, candidate: $candidate},
       machine: {nproc: $nproc, cpu: $cpu}, software: {java: $java, postgresql: $pg},
       settings: {connections: $connections, threads: $threads, duration: $duration, warmup: $warmup,
                  jitWarmup: $jitWarmup, jvmOpts: $jvmOpts, registryEnv: $registryEnv},
       scenarios: [ "list", "search", "latest", "get", "since" | . as $n
         | [$runs[] | select(.scenario == $n)] as $s
         | def side(b): [$s[] | select(.build == b)] | sort_by(.round);
           side("baseline") as $b | side("candidate") as $c
         | {scenario: $n,
            baseline: {requestsPerSecond: [$b[].requestsPerSecond], p99: [$b[].p99], errors: ([$b[].errors] | add)},
            candidate: {requestsPerSecond: [$c[].requestsPerSecond], p99: [$c[].p99], errors: ([$c[].errors] | add)},
            roundRatios: [range(0; $rounds) as $i | ($c[$i].requestsPerSecond / $b[$i].requestsPerSecond) | r3]}
         | .baseline.median = (.baseline.requestsPerSecond | median)
         | .candidate.median = (.candidate.requestsPerSecond | median)
         | .medianRatio = (.candidate.median / .baseline.median | r3)
         | .medianRoundRatio = (.roundRatios | median | r3)
         | .baseline.p99Median = (.baseline.p99 | median) | .candidate.p99Median = (.candidate.p99 | median) ]}
    ' >"$base.json" || die "could not write $base.json"
  jq -r '
    def f0: round | tostring;
    def f2: (. * 100 | round) / 100 | tostring;
    "# \(.commits.candidate) against \(.commits.baseline), \(.versions) versions, \(.rounds) rounds\n",
    "\(.date). Machine: \(.machine.nproc) cores, \(.machine.cpu). Java \(.software.java), PostgreSQL \(.software.postgresql).",
    "Each build loaded once into a database of its own; each round starts both afresh, one after the other, the order",
    "alternating (odd rounds the baseline first). Per start: a JIT warm-up of \(.settings.jitWarmup) each for get, search and list,",
    "then each scenario \(.settings.duration) after \(.settings.warmup) of warm-up; wrk \(.settings.connections) connections, \(.settings.threads) threads.",
    "JVM: `\(.settings.jvmOpts)`\(if .settings.registryEnv != "" then "; registry environment: `" + .settings.registryEnv + "`" else "" end).\n",
    "| scenario | baseline req/s, median (min to max) | candidate req/s, median (min to max) | ratio of medians | ratio per round (median; each) | p99 ms medians | errors |",
    "|---|---:|---:|---:|---|---:|---:|",
    (.scenarios[] | "| \(.scenario) | \(.baseline.median | f0) (\(.baseline.requestsPerSecond | min | f0) to \(.baseline.requestsPerSecond | max | f0)) | \(.candidate.median | f0) (\(.candidate.requestsPerSecond | min | f0) to \(.candidate.requestsPerSecond | max | f0)) | \(.medianRatio) | \(.medianRoundRatio); \(.roundRatios | map(tostring) | join(", ")) | \(.baseline.p99Median | f2) / \(.candidate.p99Median | f2) | \(.baseline.errors) / \(.candidate.errors) |")
  ' "$base.json" >"$base.md"
  results_written "$base" "$size" '.scenarios[] | select(.baseline.errors + .candidate.errors > 0) | .scenario'
}

# ---------------------------------------------------------------------------------------------------------------
# Results: bench/results/<date>-<size>.json and .md, and a table on the terminal
# ---------------------------------------------------------------------------------------------------------------
report() {
  local size="$1" data="$2" first_ready_ms="$3" ready_ms="$4" load_peak_kb="$5" serve_peak_kb="$6"
  local since_all="$7" since_half="$8" cds_ready_ms="$9"
  mkdir -p "$RESULTS"
  local base
  base=$(unused_results_base "$RESULTS/$(date -u +%Y-%m-%d)-$size")
  local commit
  commit=$(commit_of "$JAR")
  local name files=()
  for name in $SCENARIOS; do files+=("$SIZE_DIR/scenarios/$name.json"); done
  jq -s '.' "${files[@]}" >"$SIZE_DIR/scenarios.json"
  jq -n \
    --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg commit "$commit" \
    --arg cpu "$CPU_MODEL" --argjson nproc "$(nproc)" --argjson ramKb "$RAM_KB" --arg kernel "$(uname -r)" \
    --arg os "$OS_NAME" --arg java "$JAVA_VERSION" --arg pg "$PG_VERSION" --arg wrk "$WRK_VERSION" --arg nginx "$NGINX_VERSION" \
    --arg jvmOpts "$JVM_OPTS" --arg registryEnv "${REGISTRY_ENV[*]}" --arg duration "$DURATION" --arg warmup "$WARMUP" --arg jitWarmup "$JIT_WARMUP" --arg jar "$JAR" \
    --argjson connections "$CONNECTIONS" --argjson threads "$THREADS" \
    --argjson size "$size" --slurpfile data "$data/summary.json" --slurpfile load "$SIZE_DIR/load.json" \
    --slurpfile exceptions "$SIZE_DIR/exceptions.json" --slurpfile scenarios "$SIZE_DIR/scenarios.json" \
    --slurpfile verBefore "$SIZE_DIR/verification-before.json" --slurpfile verAfter "$SIZE_DIR/verification-after.json" \
    --argjson firstReadyMs "$first_ready_ms" --argjson readyMs "$ready_ms" --argjson cdsReadyMs "$cds_ready_ms" \
    --argjson loadPeakKb "${load_peak_kb:-0}" --argjson servePeakKb "${serve_peak_kb:-0}" \
    --arg sinceAll "$since_all" --arg sinceHalf "$since_half" \
    --argjson listBytes "$(stat -c %s "$SIZE_DIR/list-page.json")" --argjson getBytes "$(stat -c %s "$SIZE_DIR/get-response.json")" '
    ($scenarios[0] | map({key: .scenario, value: .}) | from_entries) as $s
    | def ceiling(name): if name == "get" then $s["ceiling-get"] elif name == "publish" or (name | startswith("ceiling")) then null else $s["ceiling-list"] end;
    {
      date: $date, commit: $commit,
      machine: {nproc: $nproc, cpu: $cpu, ramGb: (($ramKb / 1048576 * 10 | round) / 10), kernel: $kernel, os: $os},
      software: {java: $java, postgresql: $pg, wrk: $wrk, nginx: $nginx},
      settings: {versions: $size, connections: $connections, threads: $threads, duration: $duration, warmup: $warmup, jitWarmup: $jitWarmup,
                 jar: $jar, jvmOpts: $jvmOpts, registryEnv: $registryEnv, listPageBytes: $listBytes, getResponseBytes: $getBytes,
                 updatedSince: [$sinceAll, $sinceHalf]},
      data: $data[0],
      load: $load[0],
      exceptions: {approved: $exceptions[0].ok, seconds: $exceptions[0].seconds},
      oauthVerification: {beforeMeasuring: $verBefore[0], afterMeasuring: $verAfter[0]},
      registry: {readyMs: $readyMs, readyMsEmptyDatabase: $firstReadyMs, readyMsWithClassDataArchive: $cdsReadyMs,
                 peakRssMb: ((([$loadPeakKb, $servePeakKb] | max) / 1024 * 10 | round) / 10),
                 peakRssMbLoading: (($loadPeakKb / 1024 * 10 | round) / 10),
                 peakRssMbServing: (($servePeakKb / 1024 * 10 | round) / 10)},
      scenarios: [ $scenarios[0][] | . as $r | ceiling($r.scenario) as $c
        | {scenario, requestsPerSecond, latencyMs, errors, statuses, counters, requests, durationSeconds,
           errorCount: (.errors.status + .errors.connect + .errors.read + .errors.write + .errors.timeout),
           ratioToCeiling: (if $c then ((.requestsPerSecond / $c.requestsPerSecond * 1000 | round) / 1000) else null end)} ]
    }
    | . as $r
    | def scenario(n): $r.scenarios[] | select(.scenario == n);
      def read_target(n): scenario(n) as $x
        | scenario(if n == "get" then "ceiling-get" else "ceiling-list" end) as $c
        # met on the figures themselves, not on the ratio rounded for the table
        | {target: "\(n): at least 0.1 of nginx, p99 under 20 ms", measured: "\($x.ratioToCeiling) of nginx, p99 \($x.latencyMs.p99) ms",
           met: ($x.requestsPerSecond >= 0.1 * $c.requestsPerSecond and $x.latencyMs.p99 < 20 and $x.errorCount == 0)};
      .targets = [ read_target("list"), read_target("get"),
        (scenario("search") | {target: "search: p99 under 50 ms", measured: "p99 \(.latencyMs.p99) ms", met: (.latencyMs.p99 < 50 and .errorCount == 0)}),
        (scenario("publish") | {target: "publish: at least 300 per second", measured: "\(.requestsPerSecond) per second", met: (.requestsPerSecond >= 300 and .errorCount == 0)}),
        {target: "bulk import of the set: under 2 minutes", measured: "\($r.load.seconds) s (\($r.load.mode))", met: ($r.load.mode == "import" and $r.load.seconds < 120)},
        {target: "resident memory under 512 MB", measured: "\($r.registry.peakRssMb) MB", met: ($r.registry.peakRssMb < 512)},
        {target: "ready within 5 s of start", measured: "\($r.registry.readyMs) ms\(if $r.registry.readyMsWithClassDataArchive then " (\($r.registry.readyMsWithClassDataArchive) ms with a class-data-sharing archive)" else "" end)", met: ($r.registry.readyMs < 5000)} ]
    ' >"$base.json" || die "could not write $base.json"

  jq -r '
    def f1: (. * 10 | round) / 10 | tostring;
    def f2: (. * 100 | round) / 100 | tostring;
    "# Registry benchmark, \(.settings.versions) versions\n",
    "\(.date), commit \(.commit). Machine: \(.machine.nproc) cores, \(.machine.cpu), \(.machine.ramGb) GB RAM; \(.machine.os).",
    "Java \(.software.java), PostgreSQL \(.software.postgresql), \(.software.wrk), nginx \(.software.nginx).",
    "wrk: \(.settings.connections) connections, \(.settings.threads) threads, \(.settings.duration) per scenario after \(.settings.warmup) of warm-up\(if (.settings.jitWarmup // "0") | test("^0+s?$") then "" else ", after a JIT warm-up of " + .settings.jitWarmup + " each for get, search and list (before the reads) and for publish (before publish)" end). JVM: `\(.settings.jvmOpts)`\(if .settings.registryEnv != "" then "; registry environment: `" + .settings.registryEnv + "`" else "" end).\n",
    "| scenario | req/s | p50 ms | p99 ms | max ms | errors | ratio to nginx |",
    "|---|---:|---:|---:|---:|---:|---:|",
    (.scenarios[] | "| \(.scenario) | \(.requestsPerSecond | f1) | \(.latencyMs.p50 | f2) | \(.latencyMs.p99 | f2) | \(.latencyMs.max | f2) | \(.errorCount) | \(if .ratioToCeiling then (.ratioToCeiling | tostring) else "" end) |"),
    "",
    "| measure | value |",
    "|---|---|",
    "| load (\(.load.mode)) | \(.load.versions) versions in \(.load.seconds | f1) s (\(.load.perSecond | f1)/s) |",
    "| API-key exceptions requested and approved | \(.exceptions.approved) in \(.exceptions.seconds | f1) s |",
    "| publish scenario | \(.scenarios[] | select(.scenario == "publish") | .requestsPerSecond | f1) per second |",
    "| peak resident memory | \(.registry.peakRssMb) MB (loading \(.registry.peakRssMbLoading), serving \(.registry.peakRssMbServing)) |",
    "| ready (database loaded) | \(.registry.readyMs) ms (empty database, with migrations: \(.registry.readyMsEmptyDatabase) ms) |",
    "| ready (database loaded), with the class-data-sharing archive of the first run | \(if .registry.readyMsWithClassDataArchive then "\(.registry.readyMsWithClassDataArchive) ms" else "not measured" end) |",
    "| OAuth verification states (before, after measuring) | \(.oauthVerification.beforeMeasuring | tojson), \(.oauthVerification.afterMeasuring | tojson) |",
    "| data | \(.data.servers) servers, \(.data.versionsListedForAgents) versions listed for agents, \(.data.apiKeyExceptions) exceptions, average document \(.data.averageDocumentBytes) B |",
    "",
    "| target (stated for 100,000 versions) | measured | met |",
    "|---|---|---|",
    (.targets[] | "| \(.target) | \(.measured) | \(if .met then "yes" else "no" end) |")
  ' "$base.json" >"$base.md"
  results_written "$base" "$size" '.scenarios[] | select(.requests == 0 or (.errorCount / .requests) > 0.01) | .scenario'
}

unused_results_base() { # base -> base, or base-2, base-3, ... when a report of that name exists: none is replaced
  local base="$1" n=2
  while [[ -e "$base.json" || -e "$base.md" ]]; do
    base="$1-$n"
    n=$((n + 1))
  done
  echo "$base"
}

results_written() { # base size jq-filter -> says where the results are; the scenarios the filter names fail the run
  local base="$1" size="$2" bad
  say "results: ${base#"$REPO_DIR"/}.json and .md"
  RESULT_FILES+=("$base.md")
  bad=$(jq -r "$3" "$base.json" | tr '\n' ' ')
  [[ -z "$bad" ]] || SCENARIO_PROBLEMS="$SCENARIO_PROBLEMS $size:[${bad% }]"
}

# ---------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$WORK"
RUN="$WORK/run"
rm -rf "$RUN"
LOGS="$WORK/logs"
rm -rf "$LOGS"
mkdir -p "$RUN" "$LOGS"
SCENARIO_PROBLEMS=""
RESULT_FILES=()
SCENARIOS="list search latest get since publish ceiling-list ceiling-get"

CPU_MODEL=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
RAM_KB=$(awk '/^MemTotal/ {print $2}' /proc/meminfo)
OS_NAME=$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s)
JAVA_VERSION=$(java -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
WRK_VERSION=$( (wrk -v 2>&1 || true) | head -1 | awk '{print $1, $2}')
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's/.*nginx\///')
say "machine: $(nproc) cores, $CPU_MODEL, $(( RAM_KB / 1048576 )) GB RAM"

if [[ "$BUILD" == 1 ]]; then
  say "building the registry (./mvnw -q package -DskipTests)"
  (cd "$REPO_DIR" && ./mvnw -q package -DskipTests) >"$LOGS/build.log" 2>&1 \
    || { tail -30 "$LOGS/build.log" >&2; die "the build failed"; }
fi
[[ -f "$JAR" ]] || die "$JAR is missing: build the registry (./mvnw package -DskipTests) or drop --no-build"

ISSUER_PORT=$(free_port)
SOURCE_PORT=$(free_port)
CEILING_PORT=$(free_port)
REGISTRY_PORT=$(free_port)
REGISTRY_URL="http://127.0.0.1:$REGISTRY_PORT"
ISSUER_URL="http://127.0.0.1:$ISSUER_PORT/issuer"

mkdir -p "$RUN/oidc/issuer-root"
java "$BENCH_DIR/Tokens.java" "$RUN/oidc" "$ISSUER_URL" >"$LOGS/tokens.log" 2>&1 \
  || { cat "$LOGS/tokens.log" >&2; die "could not create the issuer's key and tokens"; }
mv "$RUN/oidc/issuer" "$RUN/oidc/issuer-root/issuer"
TOKENS="$RUN/oidc/tokens"
start_nginx

SUT_JAR="$JAR"
DB_NAME=registry
IFS=',' read -r -a SIZE_LIST <<<"$SIZES"
for size in "${SIZE_LIST[@]}"; do
  if [[ -n "$COMPARE_JAR" ]]; then compare_size "$size"; else bench_size "$size"; fi
done

say "done in $(( $(date +%s) - T0 )) s"
for file in "${RESULT_FILES[@]}"; do
  echo
  sed '/^$/N;/^\n$/D' "$file"
done
echo
if [[ -n "$SCENARIO_PROBLEMS" ]]; then
  die "scenarios with no successful request or more than 1% errors:$SCENARIO_PROBLEMS (see the results and $WORK/run)"
fi
