#!/usr/bin/env bash
# Resilience: while a load of publishes and reads runs against the registry (the packaged jar, prod profile), take
# PostgreSQL away, then bring it back; three times: an orderly fast shutdown, a crash (immediate stop, recovery from
# WAL), and a freeze (SIGSTOP of the server and its backends: connections stay open and nothing answers, as with a
# frozen host or a network partition). While the database is away the registry answers 503 problem documents quickly
# (never a 500, a stack trace or a hang; within 5 s while it is frozen) and reports not ready; when it returns the
# registry recovers by itself, no committed write is lost and no change is half written. Needs target/quarkus-app.
#
#   e2e/resilience.sh       # about 3 minutes with a running Keycloak (E2E_KEYCLOAK_ISSUER), 4 without
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init

MAX_REQUEST_SECONDS=$((8 * E2E_SLOW))    # no request may take longer, outage or not
FROZEN_MAX_SECONDS=$((5 * E2E_SLOW))     # ... nor, while PostgreSQL is frozen, longer than this (the documented bound)
FIRST_503_SECONDS=$((10 * E2E_SLOW))     # the registry notices the outage within this
READY_DOWN_SECONDS=$((10 * E2E_SLOW))    # /q/health/ready reports DOWN within this
RECOVERY_SECONDS=$((60 * E2E_SLOW))      # ready again within this once PostgreSQL accepts connections
OUTAGE_SECONDS=10

section "Start PostgreSQL, Keycloak and the registry"
pg_install
free_port pg_port
step "PostgreSQL: a new cluster, port $pg_port (fsync on)"
pg_init "$RUN_DIR/pgdata"
pg_start "$RUN_DIR/pgdata" "$pg_port"
ok "PostgreSQL accepts connections"
use_or_start_keycloak
free_port reg_port
R=http://127.0.0.1:$reg_port
registry_start main "$reg_port" "$pg_port"

ADA=$(token ada) || fail "no token for ada"
PAT=$(token pat) || fail "no token for pat"
AUD=$(token aud) || fail "no token for aud"
AGENT=$(token agent) || fail "no token for the agent"
NS=io.e2e.resilience
SERVER=$NS/steady
S=$(urlenc "$SERVER")

section "Before the outage"
step "ada maps $NS; pat publishes $SERVER 1.0.0"
call PUT "$R$EXT/namespaces/$NS" "$ADA" '{"owningTeam":"team-weather","includeSubnamespaces":true}'
expect_status 200
call POST "$R/v0.1/publish" "$PAT" "$(public_doc "$SERVER" 1.0.0 "http://127.0.0.1:9/steady/mcp")"
expect_status 200
ok "200, 200"

LOAD_PGIDS=()
start_load() { # ROUND
    local round=$1 dir=$RUN_DIR/load-$1
    PAT=$(token pat) || fail "no token for pat"
    AGENT=$(token agent) || fail "no token for the agent"
    mkdir -p "$dir"
    rm -f "$dir/stop"
    LOAD_PGIDS=()
    spawn "load-writer-1" "$dir/writer-1.err" "$E2E_DIR/load.sh" writer "$R" "$dir/writer-1.log" "$dir/stop" "$PAT" "$SERVER" "2.${round}1"
    LOAD_PGIDS+=("$SPAWNED_PID")
    spawn "load-writer-2" "$dir/writer-2.err" "$E2E_DIR/load.sh" writer "$R" "$dir/writer-2.log" "$dir/stop" "$PAT" "$SERVER" "2.${round}2"
    LOAD_PGIDS+=("$SPAWNED_PID")
    spawn "load-reader" "$dir/reader.err" "$E2E_DIR/load.sh" reader "$R" "$dir/reader.log" "$dir/stop" "$AGENT" "$SERVER"
    LOAD_PGIDS+=("$SPAWNED_PID")
    spawn "load-health" "$dir/health.err" "$E2E_DIR/load.sh" health "$R" "$dir/health.log" "$dir/stop" -
    LOAD_PGIDS+=("$SPAWNED_PID")
}

stop_load() { # ROUND
    local dir=$RUN_DIR/load-$1 p i
    touch "$dir/stop"
    for p in "${LOAD_PGIDS[@]}"; do
        for ((i = 0; i < 400; i++)); do
            group_alive "$p" || break
            sleep 0.1
        done
        stop_group "$p" TERM 5
        forget_group "$p"
    done
}

# lines of the round's load logs, as "ms kind status seconds content-type detail"
load_lines() { cat "$RUN_DIR/load-$1"/{writer-1,writer-2,reader,health}.log 2>/dev/null | sort -n; }

outage() { # ROUND MODE (fast, immediate: PostgreSQL stops; frozen: it stops answering)
    local round=$1 mode=$2 t0 t_first503 t_up t_ready i dir=$RUN_DIR/load-$1 max=$MAX_REQUEST_SECONDS
    [[ $mode == frozen ]] && max=$FROZEN_MAX_SECONDS
    section "Outage $round: PostgreSQL $([[ $mode == frozen ]] && echo "frozen" || echo "stopped ($mode)") under load"
    step "load: two publishers (versions 2.${round}1.n, 2.${round}2.n), one reader (list and latest), one health poller"
    start_load "$round"
    sleep 6
    local before
    before=$(load_lines "$round" | awk '$2 != "live" && $2 != "ready"' | wc -l)
    ((before > 10)) || fail "the load made only $before requests in 6 s"
    load_lines "$round" | awk '$3 != 200 {bad++} END {exit bad > 0}' ||
        fail "requests failed before the outage: $(load_lines "$round" | awk '$3 != 200' | head -5)"
    ok "$before requests in 6 s, all 200"

    t0=$(date +%s%3N)
    if [[ $mode == frozen ]]; then
        step "PostgreSQL freezes (SIGSTOP of the postmaster and its backends)"
        pg_freeze
        ok "${#PG_FROZEN[@]} processes stopped"
    else
        step "PostgreSQL stops ($mode)"
        pg_stop "$mode"
        ok "stopped after $(($(date +%s%3N) - t0)) ms"
    fi

    step "a read answers 503 within ${FIRST_503_SECONDS}s; no answer takes ${max}s or more"
    t_first503=
    while :; do
        call GET "$R/v0.1/servers/$S/versions/1.0.0" "$AGENT"
        answered_within "$max" "a read during the outage"
        if [[ $STATUS == 503 ]]; then
            t_first503=$(($(date +%s%3N) - t0))
            break
        fi
        [[ $STATUS == 200 ]] || fail "a read during the outage answered $STATUS"
        (($(date +%s%3N) - t0 < FIRST_503_SECONDS * 1000)) || fail "still no 503 ${FIRST_503_SECONDS}s after the stop"
        sleep 0.2
    done
    expect_problem 503
    [[ -n $(header Retry-After) ]] || fail "503 without Retry-After"
    ok "503 problem document with Retry-After $(header Retry-After), $t_first503 ms after the stop (answered in ${TIME}s)"

    step "during the outage: publish, a list no one asked for before, exception list, audit: each a 503 problem document, in less than ${max}s"
    local took=()
    call POST "$R/v0.1/publish" "$PAT" "$(public_doc "$SERVER" "9.${round}.0" "http://127.0.0.1:9/steady/mcp")"
    expect_problem 503
    answered_within "$max" "publish"
    took+=("publish ${TIME}s")
    call GET "$R/v0.1/servers?search=$NS&limit=$((10 + round))" "$AGENT"
    expect_problem 503
    answered_within "$max" "a list missing the read cache"
    took+=("list ${TIME}s")
    call GET "$R$EXT/exceptions" "$AUD"
    expect_problem 503
    answered_within "$max" "the exception list"
    took+=("exceptions ${TIME}s")
    call GET "$R$EXT/audit" "$AUD"
    expect_problem 503
    answered_within "$max" "the audit query"
    took+=("audit ${TIME}s")
    ok "503 problem documents: ${took[*]}"

    step "/q/health/ready reports DOWN, /q/health/live stays UP (when the health poller first saw DOWN is checked below)"
    while :; do
        call GET "$R/q/health/ready"
        [[ $STATUS == 503 ]] && break
        (($(date +%s%3N) - t0 < READY_DOWN_SECONDS * 1000)) || fail "ready still $STATUS ${READY_DOWN_SECONDS}s after the stop"
        sleep 0.2
    done
    expect_json '.status == "DOWN"'
    answered_within "$max" "the readiness check"
    call GET "$R/q/health/live"
    expect_status 200
    expect_json '.status == "UP"'
    ok "ready 503 DOWN, answered in ${TIME}s; live 200 UP"

    while (($(date +%s%3N) - t0 < OUTAGE_SECONDS * 1000)); do sleep 0.5; done
    if [[ $mode == frozen ]]; then
        step "PostgreSQL runs again (SIGCONT) after $(( ($(date +%s%3N) - t0) / 1000 ))s"
        pg_thaw
        t_up=$(date +%s%3N)
        ok "continued"
    else
        step "PostgreSQL starts again on the same data and port after $(( ($(date +%s%3N) - t0) / 1000 ))s"
        pg_start "$RUN_DIR/pgdata" "$pg_port"
        t_up=$(date +%s%3N)
        if [[ $mode == immediate ]]; then
            grep -q 'database system was not properly shut down\|automatic recovery\|redo' "$RUN_DIR/postgres-$PG_STARTS.log" ||
                fail "PostgreSQL's log shows no recovery from its WAL after the crash"
            ok "PostgreSQL recovered from its WAL"
        fi
        ok "accepting connections"
    fi

    step "the registry recovers by itself: ready UP within ${RECOVERY_SECONDS}s, then a publish succeeds"
    wait_for "registry ready again" "$RECOVERY_SECONDS" - registry_ready "$R"
    t_ready=$(($(date +%s%3N) - t_up))
    call POST "$R/v0.1/publish" "$PAT" "$(public_doc "$SERVER" "9.${round}.1" "http://127.0.0.1:9/steady/mcp")"
    expect_status 200
    call GET "$R/v0.1/servers/$S/versions/9.${round}.1" "$AGENT"
    expect_status 200
    ok "ready $t_ready ms after PostgreSQL came back; publish 200 and read back"

    sleep 5
    stop_load "$round"
    local t_back=$((t_up + t_ready))

    step "what the load saw"
    load_lines "$round" >"$dir/all.log"
    awk -v t0="$t0" -v back="$t_back" '
        { n[$2]++; s[$2" "$3]++; if ($4 > max) max = $4 }
        END {
          for (k in s) printf "%s x%d; ", k, s[k]
          printf "max %.2fs\n", max
        }' "$dir/all.log" | sed 's/^/    ..  /'
    awk -v lim="$max" '$4 + 0 >= lim {print; bad = 1} END {exit bad}' "$dir/all.log" ||
        fail "requests of the load took ${max}s or more (above)"
    awk '($2 == "live" && $3 != 200) || ($2 != "live" && $3 != 200 && $3 != 503) {print; bad = 1} END {exit bad}' \
        "$dir/all.log" || fail "the load got answers other than 200 and 503 (above; bodies in $dir/*-bodies)"
    awk '$3 == 503 && $2 != "ready" && $5 !~ /^application\/problem\+json/ {print; bad = 1} END {exit bad}' "$dir/all.log" ||
        fail "503 answers that are not problem documents (above)"
    awk -v t0="$t0" '$1 < t0 && $3 != 200 {print; bad = 1} END {exit bad}' "$dir/all.log" ||
        fail "failures before the stop (above)"
    awk -v back="$t_back" '$1 > back + 2000 && $3 != 200 {print; bad = 1} END {exit bad}' "$dir/all.log" ||
        fail "failures more than 2 s after the registry was ready again (above)"
    local first_down
    first_down=$(awk -v t0="$t0" '$2 == "ready" && $3 == 503 && $1 > t0 {print $1 - t0; exit}' "$dir/all.log")
    [[ -n $first_down ]] || fail "the health poller never saw /q/health/ready DOWN during the outage"
    ((first_down < READY_DOWN_SECONDS * 1000)) ||
        fail "/q/health/ready was first DOWN ${first_down} ms after the outage began (limit ${READY_DOWN_SECONDS}s)"
    local during
    during=$(awk -v t0="$t0" -v back="$t_back" '$1 > t0 && $1 < back && $3 == 503 && $2 != "ready"' "$dir/all.log" | wc -l)
    ((during > 0)) || fail "the load saw no 503 during the outage"
    for f in "$dir"/*-bodies/*; do
        [[ -e $f ]] || continue
        no_stack_trace "$f"
    done
    ok "only 200 and 503 (problem documents), none slower than ${max}s, $during 503s during the outage,"
    ok "readiness DOWN ${first_down} ms after the outage began,"
    ok "all 200 before the stop and from 2 s after ready; live always 200; no stack trace in any body"

    step "no committed write lost: every publish answered 200 is in the database and readable"
    awk '$2 == "publish" && $3 == 200 {print $6}' "$dir/all.log" | sort >"$dir/committed.txt"
    awk '$2 == "publish" && $3 != 200 {print $6}' "$dir/all.log" | sort >"$dir/refused.txt"
    sql "$pg_port" "SELECT version FROM server_version WHERE name = '$SERVER' AND version LIKE '2.${round}_.%'" |
        sort >"$dir/stored.txt"
    local lost
    lost=$(comm -23 "$dir/committed.txt" "$dir/stored.txt")
    [[ -z $lost ]] || fail "versions answered 200 but not stored: $lost"
    call GET "$R/v0.1/servers/$S/versions" "$AGENT"
    expect_status 200
    jq -r '.servers[].server.version' "$RESP_BODY" | sort >"$dir/readable.txt"
    lost=$(comm -23 "$dir/committed.txt" "$dir/readable.txt")
    [[ -z $lost ]] || fail "versions answered 200 but not readable: $lost"
    local ambiguous
    ambiguous=$(comm -12 "$dir/refused.txt" "$dir/stored.txt" | wc -l)
    ok "$(wc -l <"$dir/committed.txt") publishes answered 200: all stored and readable; $(wc -l <"$dir/refused.txt") answered 503 ($ambiguous of them committed nonetheless)"
}

outage 1 fast
outage 2 immediate
outage 3 frozen

section "No half-written change"
step "every stored version has exactly one server.published event, and every such event its version"
orphans=$(sql "$pg_port" "
    SELECT 'version without event: ' || v.name || '@' || v.version FROM server_version v
     WHERE (SELECT count(*) FROM audit_event a WHERE a.action = 'server.published'
              AND a.target_id = v.name || '@' || v.version) <> 1
    UNION ALL
    SELECT 'event without version: ' || a.target_id FROM audit_event a
     WHERE a.action = 'server.published'
       AND NOT EXISTS (SELECT 1 FROM server_version v WHERE v.name || '@' || v.version = a.target_id)")
[[ -z $orphans ]] || fail "half-written changes: $orphans"
n_versions=$(sql "$pg_port" "SELECT count(*) FROM server_version WHERE name = '$SERVER'")
ok "$n_versions versions of $SERVER, each with its one event"
step "exactly one latest version"
latest=$(sql "$pg_port" "SELECT count(*) FROM server_version WHERE name = '$SERVER' AND is_latest")
[[ $latest == 1 ]] || fail "$latest versions marked latest"
call GET "$R/v0.1/servers/$S/versions/latest" "$AGENT"
expect_status 200
ok "one: $(json .server.version)"
step "the audit trail through the API matches the database"
call GET "$R$EXT/audit?action=server.published&targetType=server-version&limit=1000" "$AUD"
expect_status 200
api_events=$(jq '[.events[] | select(.target.id | startswith("'$SERVER'@"))] | length' "$RESP_BODY")
[[ $api_events == "$n_versions" ]] || fail "the audit API lists $api_events server.published events for $n_versions versions"
ok "$api_events events"
call GET "$R$EXT/audit/verify" "$AUD"
if ! absent "GET $EXT/audit/verify"; then
    expect_status 200
    expect_json '.intact == true and .eventsChecked > 0'
    ok "audit chain intact after three outages: $(json .eventsChecked) events"
fi

step "the registry logged no unexpected failure (500) in any outage"
if grep -q 'Unexpected failure' "$RUN_DIR/registry-main.log"; then
    grep -n -A3 'Unexpected failure' "$RUN_DIR/registry-main.log" | head -20 >&2
    fail "the registry logged unexpected failures"
fi
ok "$(grep -c 'Database unavailable' "$RUN_DIR/registry-main.log" || true) 'Database unavailable' warnings, no unexpected failure"
