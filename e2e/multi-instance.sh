#!/usr/bin/env bash
# Several instances, one database: two registry instances (the packaged jar, prod profile) on different ports against
# one PostgreSQL, tokens from Keycloak. A change made through one instance is what the other answers on its next
# read; concurrent writes of the same thing across the instances leave exactly one result. Needs target/quarkus-app.
#
#   e2e/multi-instance.sh     # about 1-2 minutes with a running Keycloak (E2E_KEYCLOAK_ISSUER), 2-3 without
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init

section "Start PostgreSQL, Keycloak and two registry instances"
pg_install
free_port pg_port
step "PostgreSQL: a new cluster, port $pg_port"
pg_init "$RUN_DIR/pgdata"
pg_start "$RUN_DIR/pgdata" "$pg_port"
ok "PostgreSQL accepts connections"
use_or_start_keycloak

free_port a_port
free_port b_port
A=http://127.0.0.1:$a_port
B=http://127.0.0.1:$b_port
step "registry A (port $a_port) and B (port $b_port) start at the same time on the empty database (both migrate)"
registry_spawn A "$a_port" "$pg_port"
A_PID=$REG_PID
registry_spawn B "$b_port" "$pg_port"
B_PID=$REG_PID
registry_wait A "$A" "$A_PID"
registry_wait B "$B" "$B_PID"
step "Flyway applied each migration once, under its lock"
sql "$pg_port" "SELECT version, count(*), bool_and(success) FROM flyway_schema_history WHERE version IS NOT NULL
    GROUP BY version ORDER BY version" >"$RUN_DIR/flyway.tsv"
[[ -s $RUN_DIR/flyway.tsv ]] || fail "flyway_schema_history lists no migration"
awk -F'\t' '$2 != 1 || $3 != "t" {bad = 1} END {exit bad}' "$RUN_DIR/flyway.tsv" ||
    fail "flyway_schema_history: $(cat "$RUN_DIR/flyway.tsv")"
ok "$(wc -l <"$RUN_DIR/flyway.tsv") migrations, each applied once and successfully: $(cut -f1 "$RUN_DIR/flyway.tsv" | tr '\n' ' ')"

ADA=$(token ada) || fail "no token for ada"
PAT=$(token pat) || fail "no token for pat"
PAM=$(token pam) || fail "no token for pam"
REY=$(token rey) || fail "no token for rey"
RAY=$(token ray) || fail "no token for ray"
AUD=$(token aud) || fail "no token for aud"
AGENT=$(token agent) || fail "no token for the agent"

NS=io.e2e.multi
OAUTH=$NS/forecast
KEYED=$NS/tickets
O=$(urlenc "$OAUTH")
K=$(urlenc "$KEYED")
OAUTH_URL=http://127.0.0.1:9/forecast/mcp   # never reached: verification is not what this script checks
KEYED_URL=http://127.0.0.1:9/tickets/mcp
gov='._meta["io.mcpgov.registry/governance"]'
official='._meta["io.modelcontextprotocol.registry/official"]'

section "What one instance writes, the other reads next"
step "ada maps $NS to team-weather on A; pat publishes on B at once (B reads A's mapping)"
call PUT "$A$EXT/namespaces/$NS" "$ADA" '{"owningTeam":"team-weather","includeSubnamespaces":true}'
expect_status 200
call POST "$B/v0.1/publish" "$PAT" "$(oauth_doc "$OAUTH" 1.0.0 "$OAUTH_URL" "$KC_ISSUER")"
expect_status 200
expect_json "$gov.owner.team == \"team-weather\""
ok "A: mapping 200; B: publish 200, owner team-weather"

step "the version published on B is read on A (agent, by name and in the list)"
call GET "$A/v0.1/servers/$O/versions/1.0.0" "$AGENT"
expect_status 200
expect_json ".server.name == \"$OAUTH\" and .server.version == \"1.0.0\" and $official.isLatest == true"
call GET "$A/v0.1/servers?search=$NS" "$AGENT"
expect_status 200
expect_json "[.servers[].server.name] | unique == [\"$OAUTH\"]"
ok "A: 200 by name, listed"

step "pat publishes 1.1.0 on A; B answers 1.1.0 as latest and 1.0.0 as no longer latest"
call POST "$A/v0.1/publish" "$PAT" "$(oauth_doc "$OAUTH" 1.1.0 "$OAUTH_URL" "$KC_ISSUER")"
expect_status 200
call GET "$B/v0.1/servers/$O/versions/latest" "$AGENT"
expect_status 200
expect_json ".server.version == \"1.1.0\" and $official.isLatest == true"
call GET "$B/v0.1/servers/$O/versions/1.0.0" "$AGENT"
expect_status 200
expect_json "$official.isLatest == false"
ok "B: latest 1.1.0; 1.0.0 isLatest false"

step "pat deprecates 1.0.0 on B; A shows it deprecated with the message"
call PATCH "$B/v0.1/servers/$O/versions/1.0.0/status" "$PAT" '{"status":"deprecated","statusMessage":"use 1.1.0"}'
expect_status 200
call GET "$A/v0.1/servers/$O/versions/1.0.0" "$AGENT"
expect_status 200
expect_json "$official.status == \"deprecated\" and $official.statusMessage == \"use 1.1.0\""
ok "A: deprecated, \"use 1.1.0\""

step "pat publishes the API-key-only $KEYED on A: hidden on B"
call POST "$A/v0.1/publish" "$PAT" "$(apikey_doc "$KEYED" 1.0.0 "$KEYED_URL")"
expect_status 200
expect_json "$gov.listed == false"
call GET "$B/v0.1/servers/$K/versions/latest" "$AGENT"
expect_problem 404
ok "A: 200 not listed; B: 404 for the agent"

step "pat requests an exception on B; rey approves on A; B lists $KEYED on the next read"
call POST "$B$EXT/exceptions" "$PAT" "$(exception_body "$KEYED")"
expect_status 201
EXC=$(json .id)
call GET "$A$EXT/exceptions/$EXC" "$REY"
expect_status 200
expect_json '.state == "pending"'
call POST "$A$EXT/exceptions/$EXC/approve" "$REY" '{"reason":"Key in vault"}'
expect_status 200
call GET "$B/v0.1/servers/$K/versions/latest" "$AGENT"
expect_status 200
expect_json "$gov.listed == true and $gov.exception.id == \"$EXC\""
ok "B: $KEYED listed with exception $EXC"

step "ada revokes the exception on B; A hides $KEYED on the next read"
call POST "$B$EXT/exceptions/$EXC/revoke" "$ADA" '{"reason":"Key leaked"}'
expect_status 200
expect_json '.state == "revoked"'
call GET "$A/v0.1/servers/$K/versions/latest" "$AGENT"
expect_problem 404
call GET "$A/v0.1/servers?search=$NS" "$AGENT"
expect_status 200
expect_json "[.servers[].server.name] | unique == [\"$OAUTH\"]"
call GET "$A$EXT/exceptions/$EXC" "$AUD"
expect_status 200
expect_json '.state == "revoked" and .revocationReason == "Key leaked"'
ok "A: 404 by name, absent from the list, exception revoked"

step "ada remaps $NS to team-payments on A; on B pat is refused and pam may publish"
call PUT "$A$EXT/namespaces/$NS" "$ADA" '{"owningTeam":"team-payments","includeSubnamespaces":true}'
expect_status 200
call POST "$B/v0.1/publish" "$PAT" "$(public_doc "$NS/weather-public" 1.0.0 http://127.0.0.1:9/weather-public/mcp)"
expect_problem 403
call POST "$B/v0.1/publish" "$PAM" "$(public_doc "$NS/payments-public" 1.0.0 http://127.0.0.1:9/payments-public/mcp)"
expect_status 200
expect_json "$gov.owner.team == \"team-payments\""
call PUT "$B$EXT/namespaces/$NS" "$ADA" '{"owningTeam":"team-weather","includeSubnamespaces":true}'
expect_status 200
call POST "$A/v0.1/publish" "$PAT" "$(public_doc "$NS/weather-public" 1.0.0 http://127.0.0.1:9/weather-public/mcp)"
expect_status 200
ok "B: pat 403, pam 200 (team-payments); mapped back on B, A lets pat publish again"

section "Concurrent writes across the instances"
ROUNDS=5
PER_ROUND=8
step "$ROUNDS rounds: $PER_ROUND publishes of one new version at once, half on A, half on B, each with its own description"
for round in $(seq 1 $ROUNDS); do
    v=2.0.$round
    doc=$(oauth_doc "$OAUTH" "$v" "$OAUTH_URL" "$KC_ISSUER" | jq -c '.description = "attempt {n}"')
    targets=()
    for i in $(seq 1 $PER_ROUND); do
        ((i % 2)) && targets+=("$A/v0.1/publish|$PAT") || targets+=("$B/v0.1/publish|$PAT")
    done
    race "publish-$v" POST "$doc" "${targets[@]}"
    n200=$(race_count 200)
    n409=$(race_count 409)
    ((n200 == 1 && n409 == PER_ROUND - 1)) || fail "publish race for $v: $(race_summary) (expected one 200, the rest 409)"
    for f in "$RACE_DIR"/*.status; do
        if [[ $(cat "$f") == 409 ]]; then
            jq -e '[.errors[].ruleId] | index("version-exists")' "${f%.status}.body" >/dev/null ||
                fail "a 409 of the race is not version-exists: $(cat "${f%.status}.body")"
        fi
    done
    winner=$(grep -l '^200$' "$RACE_DIR"/*.status)
    winner=$(basename "$winner" .status)
    call GET "$B/v0.1/servers/$O/versions/$v" "$AGENT"
    expect_status 200
    expect_json ".server.description == \"attempt $winner\""
    call GET "$A/v0.1/servers/$O/versions/$v" "$AGENT"
    expect_status 200
    expect_json ".server.description == \"attempt $winner\""
    ok "$v: $(race_summary); both instances serve the winner's document (attempt $winner)"
done
step "the database holds exactly one row and one server.published event per raced version"
rows=$(sql "$pg_port" "SELECT version || ' ' || count(*) FROM server_version WHERE name = '$OAUTH' AND version LIKE '2.0.%'
    GROUP BY version ORDER BY version")
[[ $(grep -c ' 1$' <<<"$rows") == "$ROUNDS" ]] || fail "server_version rows: $rows"
call GET "$A$EXT/audit?action=server.published&limit=1000" "$AUD"
expect_status 200
for round in $(seq 1 $ROUNDS); do
    expect_json "[.events[] | select(.target.id == \"$OAUTH@2.0.$round\")] | length == 1"
done
ok "$ROUNDS versions, 1 row and 1 audit event each"
step "exactly one version is latest, the highest (2.0.$ROUNDS), on both instances"
for R in "$A" "$B"; do
    call GET "$R/v0.1/servers/$O/versions/latest" "$AGENT"
    expect_status 200
    expect_json ".server.version == \"2.0.$ROUNDS\""
done
call GET "$A/v0.1/servers/$O/versions" "$AGENT"
expect_status 200
expect_json "[.servers[] | select($official.isLatest)] | length == 1 and .[0].server.version == \"2.0.$ROUNDS\""
ok "one latest: 2.0.$ROUNDS"

step "3 exceptions, each decided by $PER_ROUND requests at once: rey and ray, approve and reject, on A and B"
call PUT "$A$EXT/namespaces/$NS" "$ADA" '{"owningTeam":"team-weather","includeSubnamespaces":true}'
expect_status 200
for round in 1 2 3; do
    server=$NS/keyed-$round
    call POST "$A/v0.1/publish" "$PAT" "$(apikey_doc "$server" 1.0.0 "http://127.0.0.1:9/keyed-$round/mcp")"
    expect_status 200
    call POST "$B$EXT/exceptions" "$PAT" "$(exception_body "$server")"
    expect_status 201
    id=$(json .id)
    targets=()
    for i in $(seq 1 $PER_ROUND); do
        case $((i % 4)) in
            0) targets+=("$A$EXT/exceptions/$id/approve|$REY") ;;
            1) targets+=("$B$EXT/exceptions/$id/approve|$RAY") ;;
            2) targets+=("$A$EXT/exceptions/$id/reject|$RAY") ;;
            3) targets+=("$B$EXT/exceptions/$id/approve|$REY") ;;
        esac
    done
    race "decide-$round" POST '{"reason":"decision {n}"}' "${targets[@]}"
    n200=$(race_count 200)
    n409=$(race_count 409)
    ((n200 == 1 && n409 == PER_ROUND - 1)) || fail "decision race on $id: $(race_summary) (expected one 200, the rest 409)"
    winner=$(basename "$(grep -l '^200$' "$RACE_DIR"/*.status)" .status)
    wstate=$(jq -r .state "$RACE_DIR/$winner.body")
    call GET "$B$EXT/exceptions/$id" "$AUD"
    expect_status 200
    expect_json ".state == \"$wstate\" and .decisionReason == \"decision $winner\""
    call GET "$A$EXT/audit?targetType=exception&targetId=$id" "$AUD"
    expect_status 200
    expect_json '[.events[] | select(.action == "exception.approved" or .action == "exception.rejected")] | length == 1'
    expect_json "[.events[] | select(.action == \"exception.$wstate\")][0].after.decisionReason == \"decision $winner\""
    ok "$id: $(race_summary); $wstate by request $winner, the same on B; one decision event"
done

step "one approved exception, revoked by 6 requests at once across A and B (ada, rey, ray)"
server=$NS/keyed-revoke
call POST "$A/v0.1/publish" "$PAT" "$(apikey_doc "$server" 1.0.0 http://127.0.0.1:9/keyed-revoke/mcp)"
expect_status 200
call POST "$A$EXT/exceptions" "$PAT" "$(exception_body "$server")"
expect_status 201
id=$(json .id)
call POST "$B$EXT/exceptions/$id/approve" "$REY" '{"reason":"ok"}'
expect_status 200
race "revoke" POST '{"reason":"revocation {n}"}' "$A$EXT/exceptions/$id/revoke|$ADA" "$B$EXT/exceptions/$id/revoke|$REY" \
    "$A$EXT/exceptions/$id/revoke|$RAY" "$B$EXT/exceptions/$id/revoke|$ADA" "$A$EXT/exceptions/$id/revoke|$REY" \
    "$B$EXT/exceptions/$id/revoke|$RAY"
(($(race_count 200) == 1 && $(race_count 409) == 5)) || fail "revocation race: $(race_summary)"
call GET "$A$EXT/audit?targetType=exception&targetId=$id&action=exception.revoked" "$AUD"
expect_status 200
expect_json '.events | length == 1'
call GET "$B/v0.1/servers/$(urlenc "$server")/versions/latest" "$AGENT"
expect_problem 404
ok "$(race_summary); one exception.revoked event; hidden on B"

step "ada creates one new namespace mapping on A and B at once (4 requests)"
race "namespace" PUT '{"owningTeam":"team-weather","includeSubnamespaces":false}' \
    "$A$EXT/namespaces/io.e2e.race|$ADA" "$B$EXT/namespaces/io.e2e.race|$ADA" \
    "$A$EXT/namespaces/io.e2e.race|$ADA" "$B$EXT/namespaces/io.e2e.race|$ADA"
(($(race_count 500) == 0)) || fail "concurrent namespace creation answered 500: $(race_summary)"
(($(race_count 200) >= 1 && $(race_count 200) + $(race_count 409) == 4)) || fail "concurrent namespace creation: $(race_summary)"
rows=$(sql "$pg_port" "SELECT count(*) FROM namespace WHERE namespace = 'io.e2e.race'")
[[ $rows == 1 ]] || fail "namespace rows for io.e2e.race: $rows"
call GET "$B$EXT/audit?targetType=namespace&targetId=io.e2e.race&action=namespace.created" "$AUD"
expect_status 200
expect_json '.events | length == 1'
ok "$(race_summary); one mapping stored, one namespace.created event"

section "Both instances agree"
step "the agent's full list is identical on A and B"
call GET "$A/v0.1/servers?limit=100" "$AGENT"
expect_status 200
jq -S '[.servers[] | {name: .server.name, version: .server.version, meta: ._meta}]' "$RESP_BODY" >"$RUN_DIR/list-A.json"
call GET "$B/v0.1/servers?limit=100" "$AGENT"
expect_status 200
jq -S '[.servers[] | {name: .server.name, version: .server.version, meta: ._meta}]' "$RESP_BODY" >"$RUN_DIR/list-B.json"
cmp -s "$RUN_DIR/list-A.json" "$RUN_DIR/list-B.json" || fail "A and B list differently: diff $RUN_DIR/list-A.json $RUN_DIR/list-B.json"
ok "$(jq length "$RUN_DIR/list-A.json") entries, byte-for-byte the same"
step "the audit trail read through A and through B is the same"
call GET "$A$EXT/audit?limit=1000" "$AUD"
expect_status 200
jq -S .events "$RESP_BODY" >"$RUN_DIR/audit-A.json"
call GET "$B$EXT/audit?limit=1000" "$AUD"
expect_status 200
jq -S .events "$RESP_BODY" >"$RUN_DIR/audit-B.json"
cmp -s "$RUN_DIR/audit-A.json" "$RUN_DIR/audit-B.json" || fail "the audit trail differs between A and B"
ok "$(jq length "$RUN_DIR/audit-A.json") events, the same"
call GET "$B$EXT/audit/verify" "$AUD"
if ! absent "GET $EXT/audit/verify"; then
    expect_status 200
    expect_json '.intact == true and .eventsChecked > 0'
    ok "audit chain intact after concurrent writes from two instances: $(json .eventsChecked) events"
fi
step "no response carried a stack trace, no instance logged an unexpected failure"
for f in "$RUN_DIR"/http/*.body "$RUN_DIR"/race-*/*.body; do no_stack_trace "$f"; done
for inst in A B; do
    if grep -q 'Unexpected failure\|ERROR' "$RUN_DIR/registry-$inst.log"; then
        grep -n 'Unexpected failure\|ERROR' "$RUN_DIR/registry-$inst.log" | head -5 >&2
        fail "registry $inst logged errors"
    fi
done
ok "clean"
