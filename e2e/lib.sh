# Shared by the end-to-end scripts (sourced, not run). Real parts only: PostgreSQL from the embedded binaries on Maven
# Central, Keycloak from Maven Central, the packaged registry jar. Needs bash, curl, jq, unzip, tar, xz and JDK 17.
#
# Every process started here is recorded and stopped by the EXIT trap (also on Ctrl+C and TERM). Logs and data go to
# e2e/work/<script>/ (gitignored); downloads are kept in e2e/work/cache/ between runs.
#
# Environment a caller may set:
#   E2E_KEYCLOAK_ISSUER  issuer of a running Keycloak with the mcp-registry realm (e2e/all.sh shares one); unset: the
#                        script starts its own and stops it at the end
#   E2E_WORK             where logs, data and downloads go (default e2e/work)
#   E2E_SLOW             multiply every wait by this factor on a very slow machine (default 1)
#   E2E_STRICT_AUDIT     1: the audit export and chain verification endpoints must exist (by default a 404 is a SKIP;
#                        CI=true makes it a failure too)

set -euo pipefail

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$E2E_DIR/.." && pwd)
E2E_WORK=${E2E_WORK:-$E2E_DIR/work}
SCRIPT_NAME=${SCRIPT_NAME:-$(basename "$0" .sh)}
RUN_DIR=$E2E_WORK/$SCRIPT_NAME
CACHE_DIR=$E2E_WORK/cache
E2E_SLOW=${E2E_SLOW:-1}

KEYCLOAK_VERSION=26.7.3
REALM=mcp-registry
REGISTRY_JAR=$ROOT/target/quarkus-app/quarkus-run.jar
EXT=/v0.1/x/io.mcpgov.registry

declare -a E2E_GROUPS=()      # "name pgid" of process groups to stop, in start order
declare -a E2E_LOGS=()        # logs whose tail is shown on failure
declare -A E2E_PORTS_TAKEN=() # ports handed out by free_port in this run
declare -a PG_FROZEN=()       # PostgreSQL processes stopped by pg_freeze, continued by pg_thaw or the EXIT trap
HTTP_N=0
E2E_STARTED_AT=$(date +%s)

# ---------------------------------------------------------------------------------------------------------------
# Output and failure
# ---------------------------------------------------------------------------------------------------------------

elapsed() { echo "$(( $(date +%s) - E2E_STARTED_AT ))s"; }
section() { printf '\n=== %s [%s]\n' "$*" "$(elapsed)"; }
step() { printf -- '--- %s\n' "$*"; }
ok() { printf '    ok  %s\n' "$*"; }
info() { printf '    ..  %s\n' "$*"; }
skip() { printf '    SKIP %s\n' "$*"; }

show_logs() {
    local log
    for log in "${E2E_LOGS[@]}"; do
        if [[ -s $log ]]; then
            printf '\n----- last lines of %s -----\n' "${log#"$ROOT"/}" >&2
            tail -n "${1:-40}" "$log" >&2 || true
        fi
    done
}

fail() {
    printf '\nFAIL: %s\n' "$*" >&2
    if [[ -n ${LAST_REQ:-} ]]; then
        printf 'last request: %s -> %s (%ss)\n' "$LAST_REQ" "${STATUS:-?}" "${TIME:-?}" >&2
        [[ -s ${RESP_HEADERS:-} ]] && { printf 'response headers:\n' >&2; sed 's/^/  /' "$RESP_HEADERS" >&2; }
        [[ -s ${RESP_BODY:-} ]] && { printf 'response body (first 3000 bytes):\n' >&2; head -c 3000 "$RESP_BODY" >&2; echo >&2; }
    fi
    show_logs 40
    exit 1
}

need_tools() {
    local missing=() t
    for t in curl jq unzip tar xz java ps; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    if ((${#missing[@]})); then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
            info "installing ${missing[*]} with apt-get"
            local pkgs=("${missing[@]/java/openjdk-17-jdk-headless}")
            pkgs=("${pkgs[@]/xz/xz-utils}")
            pkgs=("${pkgs[@]/#ps/procps}")
            apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
        else
            fail "missing tools: ${missing[*]} (install them, or run as root on Debian to let this script do it)"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# Processes: each runs in its own process group (setsid), so that stopping it stops its children too
# ---------------------------------------------------------------------------------------------------------------

# spawn NAME LOG CMD...: starts CMD in the background in a new session; sets SPAWNED_PID (= its process group)
spawn() {
    local name=$1 log=$2
    shift 2
    setsid "$@" >"$log" 2>&1 </dev/null &
    SPAWNED_PID=$!
    E2E_GROUPS+=("$name $SPAWNED_PID")
    E2E_LOGS+=("$log")
    local i # the new session exists once the child has called setsid
    for ((i = 0; i < 50; i++)); do
        kill -0 -- "-$SPAWNED_PID" 2>/dev/null && return 0
        sleep 0.02
    done
}

group_alive() { kill -0 -- "-$1" 2>/dev/null || kill -0 "$1" 2>/dev/null; }

# stop_group PGID [SIGNAL] [SECONDS]: signal a process group, wait for it to end, then KILL what is left
stop_group() {
    local pgid=$1 sig=${2:-TERM} wait=${3:-20} i
    group_alive "$pgid" || return 0
    kill -s "$sig" -- "-$pgid" 2>/dev/null || true
    for ((i = 0; i < wait * 10; i++)); do
        group_alive "$pgid" || return 0
        sleep 0.1
    done
    kill -s KILL -- "-$pgid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        group_alive "$pgid" || return 0
        sleep 0.1
    done
}

forget_group() {
    local pgid=$1 i
    for i in "${!E2E_GROUPS[@]}"; do
        [[ ${E2E_GROUPS[$i]##* } == "$pgid" ]] && unset 'E2E_GROUPS[i]'
    done
    E2E_GROUPS=("${E2E_GROUPS[@]}")
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    ((${#PG_FROZEN[@]})) && kill -s CONT "${PG_FROZEN[@]}" 2>/dev/null
    if ((${#E2E_GROUPS[@]})); then
        printf '\n--- cleaning up: stopping %d process group(s)\n' "${#E2E_GROUPS[@]}"
        local i entry
        for ((i = ${#E2E_GROUPS[@]} - 1; i >= 0; i--)); do
            entry=${E2E_GROUPS[$i]}
            if [[ ${entry%% *} == postgres ]]; then
                kill -s INT "${entry##* }" 2>/dev/null # fast shutdown, by the postmaster
                stop_group "${entry##* }" TERM 20
            else
                stop_group "${entry##* }" TERM 20
            fi
        done
    fi
    if [[ $rc == 0 ]]; then
        printf '\nPASSED %s in %s\n' "$SCRIPT_NAME" "$(elapsed)"
    else
        printf '\nFAILED %s (exit %s) after %s; logs in %s\n' "$SCRIPT_NAME" "$rc" "$(elapsed)" "${RUN_DIR#"$ROOT"/}" >&2
    fi
    exit "$rc"
}

e2e_init() {
    trap cleanup EXIT
    trap 'printf "\ninterrupted\n" >&2; exit 130' INT
    trap 'printf "\nterminated\n" >&2; exit 143' TERM
    need_tools
    rm -rf "$RUN_DIR"
    mkdir -p "$RUN_DIR/http" "$CACHE_DIR"
    [[ -f $REGISTRY_JAR ]] || fail "$REGISTRY_JAR is missing: run ./mvnw package (or verify) first"
}

# free_port VAR: a TCP port on 127.0.0.1 that nothing listens on and this run has not handed out. Chosen below the
# ephemeral range, so that no outgoing connection holds it when the server binds it.
free_port() {
    local p _ low=32768 base=10000
    [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] && read -r low _ </proc/sys/net/ipv4/ip_local_port_range
    ((low - base >= 2000)) || base=$((low - 2000))
    for _ in $(seq 1 500); do
        p=$((base + RANDOM % (low - base)))
        [[ -n ${E2E_PORTS_TAKEN[$p]:-} ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            E2E_PORTS_TAKEN[$p]=1
            printf -v "$1" '%s' "$p"
            return 0
        fi
    done
    fail "no free TCP port found"
}

# wait_for DESCRIPTION SECONDS PGID COMMAND...: polls COMMAND every half second until it succeeds
wait_for() {
    local what=$1 limit=$(($2 * E2E_SLOW)) pgid=$3 start
    shift 3
    start=$(date +%s)
    until "$@" >/dev/null 2>&1; do
        if [[ $pgid != - ]] && ! group_alive "$pgid"; then
            fail "$what: the process exited while starting"
        fi
        (($(date +%s) - start < limit)) || fail "$what: not ready after ${limit}s"
        sleep 0.5
    done
}

# ---------------------------------------------------------------------------------------------------------------
# HTTP: every response is kept in $RUN_DIR/http/<n>.{body,headers}
# ---------------------------------------------------------------------------------------------------------------

# call METHOD URL [TOKEN or -] [JSON BODY]: (ACCEPT=... to ask for another type) sets STATUS, TIME, RESP_BODY, RESP_HEADERS, LAST_REQ (status 000: no answer)
call() {
    local method=$1 url=$2 token=${3:--} body=${4-}
    HTTP_N=$((HTTP_N + 1))
    RESP_BODY=$RUN_DIR/http/$HTTP_N.body
    RESP_HEADERS=$RUN_DIR/http/$HTTP_N.headers
    LAST_REQ="$method $url"
    local args=(-sS -X "$method" -o "$RESP_BODY" -D "$RESP_HEADERS" -w '%{http_code} %{time_total}'
        --max-time "${HTTP_MAX_TIME:-60}" -H "Accept: ${ACCEPT:-application/json, application/problem+json}")
    [[ $token != - ]] && args+=(-H "Authorization: Bearer $token")
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    local out
    out=$(curl "${args[@]}" "$url" 2>"$RUN_DIR/http/$HTTP_N.err") || true
    STATUS=${out%% *}
    TIME=${out#* }
    [[ -n $STATUS ]] || STATUS=000
}

expect_status() {
    local want
    for want in "$@"; do
        [[ $STATUS == "$want" ]] && return 0
    done
    fail "expected HTTP $* from $LAST_REQ, got $STATUS"
}

# expect_json JQ_EXPRESSION [WHAT]: the response body makes the expression true
expect_json() {
    jq -e "$1" "$RESP_BODY" >/dev/null 2>&1 || fail "${2:-response content}: \`$1\` does not hold for the body of $LAST_REQ"
}

# expect_problem STATUS: an RFC 9457 problem document with that status, a request id and no stack trace
expect_problem() {
    expect_status "$1"
    grep -qi '^content-type: application/problem+json' "$RESP_HEADERS" || fail "$LAST_REQ: $1 without application/problem+json"
    expect_json ".status == $1 and (.title | type == \"string\") and (.requestId | type == \"string\")" "problem document"
    no_stack_trace "$RESP_BODY"
}

no_stack_trace() {
    if grep -Eq '(at [a-z]+\.[a-zA-Z0-9_.$]+\([A-Za-z0-9_]+\.java:[0-9]+\)|Exception:|\.java:[0-9]+)' "$1"; then
        fail "a response carries what looks like a stack trace: $1"
    fi
}

json() { jq -r "$@" "$RESP_BODY"; }

# absent WHAT: true (after printing SKIP) when the last answer was 404 and E2E_STRICT_AUDIT is not 1
absent() {
    [[ $STATUS == 404 ]] || return 1
    [[ ${E2E_STRICT_AUDIT:-0} == 1 ]] && fail "$1 answers 404 and E2E_STRICT_AUDIT=1"
    [[ ${CI:-} == true ]] && fail "$1 answers 404, and CI=true does not allow skipping the check"
    skip "$1 answers 404: the registry does not serve it yet"
}

# answered_within SECONDS WHAT: the last call was answered (whatever its status) in less than SECONDS
answered_within() {
    awk -v t="${TIME:-}" -v limit="$1" 'BEGIN {exit !(t != "" && t + 0 < limit + 0)}' ||
        fail "$2 took ${TIME:-?}s, the limit is ${1}s"
}
urlenc() { jq -rn --arg s "$1" '$s | @uri'; }
header() { grep -i "^$1:" "$RESP_HEADERS" | head -1 | cut -d: -f2- | tr -d '\r' | sed 's/^ //'; }

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL: the binaries of io.zonky.test.postgres (the ones the tests use), run directly. PostgreSQL refuses to
# run as root; as root it runs in an unprivileged user namespace (unshare -U), where it sees itself as "nobody".
# ---------------------------------------------------------------------------------------------------------------

pg_install() {
    local version arch dir jar
    version=$(sed -n 's:.*<postgres-binaries.version>\(.*\)</postgres-binaries.version>.*:\1:p' "$ROOT/pom.xml")
    [[ -n $version ]] || fail "postgres-binaries.version not found in pom.xml"
    case $(uname -m) in
        x86_64) arch=amd64 ;;
        aarch64) arch=arm64v8 ;;
        *) fail "no embedded PostgreSQL binaries for $(uname -m)" ;;
    esac
    dir=$CACHE_DIR/postgres-$version
    if [[ ! -x $dir/bin/postgres ]]; then
        info "PostgreSQL $version: fetching io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch from Maven Central"
        (cd "$ROOT" && ./mvnw -q -B dependency:copy \
            "-Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch:$version" \
            "-DoutputDirectory=$CACHE_DIR" >"$CACHE_DIR/postgres-download.log" 2>&1) ||
            { E2E_LOGS+=("$CACHE_DIR/postgres-download.log"); fail "could not download the PostgreSQL binaries"; }
        jar=$CACHE_DIR/embedded-postgres-binaries-linux-$arch-$version.jar
        rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
        unzip -p "$jar" '*.txz' | tar -xJ -C "$dir.tmp"
        rm -rf "$dir" && mv "$dir.tmp" "$dir" && rm -f "$jar"
    fi
    PG_BIN=$dir/bin
    PG_AS=()
    if [[ $(id -u) == 0 ]]; then
        unshare -U true 2>/dev/null || fail "running as root and 'unshare -U' is not allowed: run the e2e as an unprivileged user"
        PG_AS=(unshare -U)
    fi
}

# pg_init DATA_DIR: a new cluster with a "registry" database (superuser postgres, trust on 127.0.0.1)
pg_init() {
    local data=$1
    rm -rf "$data"
    "${PG_AS[@]}" "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF-8 --locale=C >"$RUN_DIR/initdb.log" 2>&1 ||
        { E2E_LOGS+=("$RUN_DIR/initdb.log"); fail "initdb failed"; }
    echo 'CREATE DATABASE registry;' | "${PG_AS[@]}" "$PG_BIN/postgres" --single -D "$data" postgres \
        >"$RUN_DIR/createdb.log" 2>&1 || { E2E_LOGS+=("$RUN_DIR/createdb.log"); fail "CREATE DATABASE failed"; }
}

PG_STARTS=0
# pg_start DATA_DIR PORT: starts the server (fsync on, as in production) and waits until it accepts connections
pg_start() {
    local data=$1 port=$2 log
    PG_STARTS=$((PG_STARTS + 1))
    log=$RUN_DIR/postgres-$PG_STARTS.log
    spawn postgres "$log" "${PG_AS[@]}" "$PG_BIN/postgres" -D "$data" -p "$port" \
        -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=100 -c log_line_prefix='%m [%p] '
    PG_PID=$SPAWNED_PID
    wait_for "PostgreSQL on port $port" 60 "$PG_PID" grep -q 'database system is ready to accept connections' "$log"
    PG_PORT=$port
    PG_DATA=$data
}

# pg_stop [fast|immediate]: fast = orderly shutdown that ends every session; immediate = as if the server crashed
pg_stop() {
    local mode=${1:-fast} sig i
    [[ $mode == immediate ]] && sig=QUIT || sig=INT
    kill -s "$sig" "$PG_PID" 2>/dev/null || true # the postmaster only: it ends its backends itself
    for ((i = 0; i < 600; i++)); do
        group_alive "$PG_PID" || break
        sleep 0.1
    done
    stop_group "$PG_PID" KILL 5
    forget_group "$PG_PID"
}

# pg_freeze: stops the postmaster and every backend with SIGSTOP. The server keeps its connections (and accepts new
# ones into the kernel's backlog) but answers nothing, as a frozen host or a network partition looks to a client.
pg_freeze() {
    local children
    kill -s STOP "$PG_PID" # first, so that it forks no backend that the list below would miss
    PG_FROZEN=("$PG_PID")
    children=$(ps -o pid= --ppid "$PG_PID") || true
    # shellcheck disable=SC2206
    PG_FROZEN+=($children)
    ((${#PG_FROZEN[@]} > 1)) || fail "pg_freeze: PostgreSQL $PG_PID has no backend to stop"
    kill -s STOP "${PG_FROZEN[@]:1}"
}

# pg_thaw: lets the processes stopped by pg_freeze run again
pg_thaw() {
    kill -s CONT "${PG_FROZEN[@]}" 2>/dev/null || true
    PG_FROZEN=()
}

jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$1/registry"; }

# ---------------------------------------------------------------------------------------------------------------
# Keycloak from Maven Central with the demo realm of deploy/keycloak
# ---------------------------------------------------------------------------------------------------------------

kc_install() {
    KC_HOME=$CACHE_DIR/keycloak-$KEYCLOAK_VERSION
    if [[ ! -x $KC_HOME/bin/kc.sh ]]; then
        info "Keycloak $KEYCLOAK_VERSION: fetching org.keycloak:keycloak-quarkus-dist from Maven Central"
        (cd "$ROOT" && ./mvnw -q -B dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
            "-DoutputDirectory=$CACHE_DIR" >"$CACHE_DIR/keycloak-download.log" 2>&1) ||
            { E2E_LOGS+=("$CACHE_DIR/keycloak-download.log"); fail "could not download Keycloak"; }
        rm -rf "$KC_HOME" "$CACHE_DIR/kc.tmp" && mkdir -p "$CACHE_DIR/kc.tmp"
        unzip -q "$CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$CACHE_DIR/kc.tmp"
        mv "$CACHE_DIR/kc.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME" && rm -rf "$CACHE_DIR/kc.tmp"
        rm -f "$CACHE_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    fi
}

# kc_start: Keycloak in development mode on a free port, the realm imported afresh; sets KC_ISSUER, KC_BASE
kc_start() {
    kc_install
    local port mport
    # one Keycloak per distribution directory: the lock is held by this script and inherited by Keycloak
    exec {KC_LOCK_FD}>"$CACHE_DIR/keycloak.lock"
    flock -n "$KC_LOCK_FD" || fail "another e2e Keycloak runs from $KC_HOME (wait for it, or set E2E_KEYCLOAK_ISSUER to use it)"
    free_port port
    free_port mport
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
    mkdir -p "$KC_HOME/data/import"
    cp "$ROOT/deploy/keycloak/$REALM-realm.json" "$KC_HOME/data/import/"
    KC_BASE=http://localhost:$port
    KC_ISSUER=$KC_BASE/realms/$REALM
    step "Keycloak $KEYCLOAK_VERSION on $KC_BASE (realm $REALM imported from deploy/keycloak)"
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" spawn keycloak "$RUN_DIR/keycloak.log" "$KC_HOME/bin/kc.sh" start-dev \
        --import-realm --http-port="$port" --http-management-port="$mport" --hostname="$KC_BASE"
    KC_PID=$SPAWNED_PID
    wait_for "Keycloak" 300 "$KC_PID" curl -sf --max-time 5 "$KC_ISSUER/.well-known/openid-configuration"
    ok "Keycloak answers its discovery document [$(elapsed)]"
}

# use_or_start_keycloak: the Keycloak of E2E_KEYCLOAK_ISSUER when given, else one of our own
use_or_start_keycloak() {
    if [[ -n ${E2E_KEYCLOAK_ISSUER:-} ]]; then
        KC_ISSUER=$E2E_KEYCLOAK_ISSUER
        KC_BASE=${KC_ISSUER%/realms/*}
        step "Keycloak: using the running one at $KC_ISSUER"
        curl -sf --max-time 10 "$KC_ISSUER/.well-known/openid-configuration" >/dev/null ||
            fail "E2E_KEYCLOAK_ISSUER=$KC_ISSUER does not answer"
    else
        kc_start
    fi
}

# token USER: an access token for a demo user (password grant of registry-cli); "agent": client credentials of
# registry-agent. Kept for 4 minutes (tokens live 10).
token() {
    local who=$1 file=$RUN_DIR/tokens/$1 out
    mkdir -p "$RUN_DIR/tokens"
    if [[ -s $file ]] && (($(date +%s) - $(stat -c %Y "$file") < 240)); then
        cat "$file"
        return 0
    fi
    if [[ $who == agent ]]; then
        out=$(curl -sS --max-time 30 -u registry-agent:demo-agent-secret-change-me -d grant_type=client_credentials \
            "$KC_ISSUER/protocol/openid-connect/token") || true
    else
        out=$(curl -sS --max-time 30 -d grant_type=password -d client_id=registry-cli -d "username=$who" \
            -d password=demo-password "$KC_ISSUER/protocol/openid-connect/token") || true
    fi
    local t
    t=$(jq -r '.access_token // empty' <<<"$out" 2>/dev/null) || true
    [[ -n $t ]] || { echo "no token for $who from Keycloak: ${out:0:300}" >&2; return 1; }
    printf '%s' "$t" >"$file.$$.tmp" && mv "$file.$$.tmp" "$file"
    printf '%s' "$t"
}

# claims TOKEN: the decoded payload
claims() {
    local p=${1#*.}
    p=${p%%.*}
    p=$(tr '_-' '/+' <<<"$p")
    while ((${#p} % 4)); do p+='='; done
    base64 -d <<<"$p" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------------------------
# The registry: the packaged jar (prod profile) against Keycloak and PostgreSQL
# ---------------------------------------------------------------------------------------------------------------

# registry_spawn NAME PORT PG_PORT [VAR=VALUE ...]: starts an instance without waiting; sets REG_PID
registry_spawn() {
    local name=$1 port=$2 pgport=$3
    shift 3
    spawn "registry-$name" "$RUN_DIR/registry-$name.log" env \
        QUARKUS_HTTP_HOST=127.0.0.1 \
        QUARKUS_HTTP_PORT="$port" \
        QUARKUS_DATASOURCE_JDBC_URL="$(jdbc_url "$pgport")" \
        QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_OIDC_AUTH_SERVER_URL="$KC_ISSUER" \
        QUARKUS_OIDC_CLIENT_ID=registry-api \
        QUARKUS_OIDC_TOKEN_AUDIENCE=registry-api \
        QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH=realm_access/roles \
        REGISTRY_SECURITY_TEAM_CLAIM=groups \
        REGISTRY_OUTBOUND_ALLOW_HTTP_LOOPBACK=true \
        REGISTRY_PUBLISH_ALLOW_HTTP_LOOPBACK=true \
        "$@" \
        java -Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$REGISTRY_JAR"
    REG_PID=$SPAWNED_PID
}

registry_ready() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1/q/health/ready") == 200 ]]; }

# registry_wait NAME URL PGID
registry_wait() {
    wait_for "registry $1 at $2" 180 "$3" registry_ready "$2"
    ok "registry $1 ready at $2 (/q/health/ready UP) [$(elapsed)]"
}

# registry_start NAME PORT PG_PORT [VAR=VALUE ...]: starts an instance and waits until it is ready
registry_start() {
    local name=$1 port=$2
    step "registry $name: $(basename "$REGISTRY_JAR") (prod profile) on port $port, database on port $3"
    registry_spawn "$@"
    registry_wait "$name" "http://127.0.0.1:$port" "$REG_PID"
}

# ---------------------------------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------------------------------

SCHEMA_URL=https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json

# oauth_doc NAME VERSION MCP_URL ISSUER: a server.json whose OAuth declaration points at the protected resource
oauth_doc() {
    jq -nc --arg schema "$SCHEMA_URL" --arg name "$1" --arg version "$2" --arg url "$3" --arg iss "$4" '{
      "$schema": $schema, name: $name, version: $version, description: "Weather forecasts (end-to-end check)",
      remotes: [{type: "streamable-http", url: $url}],
      _meta: {"io.mcpgov.registry/governance": {auth: {oauth2: {
        resource: $url,
        protectedResourceMetadata: ($url | sub("/mcp$"; "/.well-known/oauth-protected-resource/mcp")),
        authorizationServers: [$iss],
        scopesSupported: ["weather.read"], scopesRequired: ["weather.read"],
        clientRegistration: {mode: "dynamic"}}}}}}'
}

# apikey_doc NAME VERSION URL: a server.json whose only remote needs an API key
apikey_doc() {
    jq -nc --arg schema "$SCHEMA_URL" --arg name "$1" --arg version "$2" --arg url "$3" '{
      "$schema": $schema, name: $name, version: $version, description: "Ticket search (end-to-end check)",
      remotes: [{type: "streamable-http", url: $url,
                 headers: [{name: "X-API-Key", description: "API key", isSecret: true, isRequired: true}]}]}'
}

# public_doc NAME VERSION URL: a server.json with a remote that needs no credential
public_doc() {
    jq -nc --arg schema "$SCHEMA_URL" --arg name "$1" --arg version "$2" --arg url "$3" '{
      "$schema": $schema, name: $name, version: $version, description: "Public data (end-to-end check)",
      remotes: [{type: "streamable-http", url: $url}]}'
}

# exception_body SERVER: a transitional exception request, ending in 30 days
exception_body() {
    jq -nc --arg name "$1" --arg expires "$(date -u -d '+30 days' +%FT%TZ)" '{
      serverName: $name, classification: "transitional", expiresAt: $expires,
      justification: "The vendor ships OAuth next quarter",
      compensatingControls: {rotationDays: 30, keyStorage: "vault:kv/mcp/tickets", offboardingOwner: "iam-team"}}'
}

# ---------------------------------------------------------------------------------------------------------------
# Looking at the database directly, and firing requests at once
# ---------------------------------------------------------------------------------------------------------------

# sql PG_PORT QUERY: prints the rows, tab-separated (e2e/Sql.java with the registry's own PostgreSQL driver)
sql() {
    local classes=$RUN_DIR/classes jar
    jar=$(ls "$ROOT"/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar 2>/dev/null | head -1)
    [[ -n $jar ]] || fail "the PostgreSQL driver is not in target/quarkus-app/lib/main"
    if [[ ! -f $classes/Sql.class ]]; then
        mkdir -p "$classes"
        javac -d "$classes" "$E2E_DIR/Sql.java" || fail "could not compile e2e/Sql.java"
    fi
    java -cp "$classes:$jar" Sql "$(jdbc_url "$1")" "$2" || fail "query failed: $2"
}

# race NAME METHOD BODY TARGET...: sends one request per TARGET ("URL|TOKEN") all at once and waits for every answer.
# Statuses in $RACE_DIR/<n>.status, bodies in $RACE_DIR/<n>.body, the request body in $RACE_DIR/<n>.request.
# BODY may contain {n}, replaced by the request's number.
race() {
    local name=$1 method=$2 body=$3 target i=0
    shift 3
    RACE_DIR=$RUN_DIR/race-$name
    rm -rf "$RACE_DIR" && mkdir -p "$RACE_DIR"
    local pids=()
    for target in "$@"; do
        i=$((i + 1))
        printf '%s' "${body//\{n\}/$i}" >"$RACE_DIR/$i.request"
        printf '%s\n' "$target" >"$RACE_DIR/$i.target"
        curl -s -X "$method" -o "$RACE_DIR/$i.body" -w '%{http_code}\n' --max-time 60 \
            -H "Authorization: Bearer ${target#*|}" -H 'Content-Type: application/json' \
            --data-binary "@$RACE_DIR/$i.request" "${target%%|*}" >"$RACE_DIR/$i.status" 2>/dev/null &
        pids+=($!)
    done
    wait "${pids[@]}" || true
    RACE_N=$i
}

# race_count STATUS: how many answers of the last race had that status
race_count() { cat "$RACE_DIR"/*.status | grep -c "^$1\$" || true; }
race_summary() { cat "$RACE_DIR"/*.status | sort | uniq -c | awk '{printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1}'; }
