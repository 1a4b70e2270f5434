#!/usr/bin/env bash
# Governance events end to end: a webhook receiver written the way receivers should be (e2e/Receiver.java checks every
# signature and refuses stale timestamps) is down while changes happen; the registry is then killed (no orderly
# shutdown) after those changes committed and before any delivery succeeded; once both are back, every event arrives,
# signed and in order. Then a revocation reaches the receiver within seconds. Needs target/quarkus-app.
#
#   e2e/events.sh       # about 1 minute with a running Keycloak (E2E_KEYCLOAK_ISSUER), 2-3 without
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init

DELIVERY_SECONDS=$((30 * E2E_SLOW))

section "Start PostgreSQL, Keycloak and the registry"
pg_install
free_port pg_port
pg_init "$RUN_DIR/pgdata"
pg_start "$RUN_DIR/pgdata" "$pg_port"
ok "PostgreSQL accepts connections"
use_or_start_keycloak
free_port reg_port
free_port recv_port
R=http://127.0.0.1:$reg_port
REGISTRY_ENV=(REGISTRY_EVENTS_BACKOFF_BASE=1s REGISTRY_EVENTS_BACKOFF_MAX=2s REGISTRY_EVENTS_DISPATCH_EVERY=1s REGISTRY_EVENTS_REQUEST_TIMEOUT=3s)
registry_start main "$reg_port" "$pg_port" "${REGISTRY_ENV[@]}"

ADA=$(token ada) || fail "no token for ada"
PAT=$(token pat) || fail "no token for pat"
REY=$(token rey) || fail "no token for rey"
AUD=$(token aud) || fail "no token for aud"
NS=io.e2e.events
SERVER=$NS/tickets
RECEIVED=$RUN_DIR/received.log
: >"$RECEIVED"

section "Changes while the receiver is down"
call PUT "$R$EXT/namespaces/$NS" "$ADA" '{"owningTeam":"team-weather"}'
expect_status 200
step "ada subscribes http://127.0.0.1:$recv_port/hook (nothing listens there yet) to $NS"
call POST "$R$EXT/webhooks" "$ADA" "$(jq -nc --arg url "http://127.0.0.1:$recv_port/hook" --arg ns "$NS" '{url: $url, namespaces: [$ns]}')"
expect_status 201
expect_json '(.secret | length) > 20' "the signing secret, shown once"
SECRET=$(json .secret)
HOOK=$(json .id)
call GET "$R$EXT/webhooks" "$ADA"
expect_json "all(.[]; .secret == null)" "the secret is never shown again"
ok "subscribed; the secret is shown once"

step "pat publishes an API-key-only server; pat requests an exception; rey approves it"
call POST "$R/v0.1/publish" "$PAT" "$(apikey_doc "$SERVER" 1.0.0 "https://tickets.e2e.invalid/mcp")"
expect_status 200
call POST "$R$EXT/exceptions" "$PAT" "$(exception_body "$SERVER")"
expect_status 201
EXC=$(json .id)
call POST "$R$EXT/exceptions/$EXC/approve" "$REY" '{"reason":"Key in vault, rotated monthly"}'
expect_status 200
ok "three changes committed: entry hidden, exception approved, entry listed"

step "deliveries fail (nothing listens) and are kept"
attempted() {
    call GET "$R$EXT/webhooks/$HOOK/deliveries" "$ADA"
    [[ $STATUS == 200 ]] && jq -e 'length == 3 and all(.[]; .state == "pending") and any(.[]; .attempts >= 1)' "$RESP_BODY" >/dev/null
}
wait_for "a failed first attempt" "$DELIVERY_SECONDS" "$REG_PID" attempted
expect_json 'map(.type) == ["io.mcpgov.registry.entry.hidden","io.mcpgov.registry.exception.approved","io.mcpgov.registry.entry.listed"]' "the pending deliveries, in order"
ok "3 pending deliveries after a refused connection: $(json '[.[].lastError][0]')"

section "Kill the registry before any delivery, then bring back the receiver and the registry"
stop_group "$REG_PID" KILL 5
forget_group "$REG_PID"
ok "registry killed (SIGKILL): no orderly shutdown"
spawn receiver "$RUN_DIR/receiver.out" java "$E2E_DIR/Receiver.java" "$recv_port" "$SECRET" "$RECEIVED"
RECV_PID=$SPAWNED_PID
receiving() { grep -q "receiving" "$RUN_DIR/receiver.out"; }
wait_for "the receiver" 60 "$RECV_PID" receiving
registry_start main "$reg_port" "$pg_port" "${REGISTRY_ENV[@]}"

delivered() { (($(grep -c '^ok ' "$RECEIVED") >= $1)); }
wait_for "the three events at the receiver" "$DELIVERY_SECONDS" "$REG_PID" delivered 3
grep -q '^refused' "$RECEIVED" && fail "the receiver refused a delivery: $(grep '^refused' "$RECEIVED" | head -1)"
types=$(grep '^ok ' "$RECEIVED" | cut -d' ' -f3- | jq -rs 'map(.type) | join(",")')
[[ $types == io.mcpgov.registry.entry.hidden,io.mcpgov.registry.exception.approved,io.mcpgov.registry.entry.listed ]] \
    || fail "events out of order or missing: $types"
grep '^ok ' "$RECEIVED" | cut -d' ' -f3- | jq -se 'all(.[]; .specversion == "1.0" and .subject == "'"$SERVER"'")' >/dev/null \
    || fail "the deliveries are not CloudEvents about $SERVER"
ok "nothing lost across the kill: $types, every signature valid"

section "A revocation reaches the receiver within seconds"
revoked_at=$(date +%s%N)
call POST "$R$EXT/exceptions/$EXC/revoke" "$ADA" '{"reason":"The key leaked"}'
expect_status 200
wait_for "the revocation at the receiver" "$DELIVERY_SECONDS" "$REG_PID" delivered 5
took_ms=$((($(date +%s%N) - revoked_at) / 1000000))
grep -q '^refused' "$RECEIVED" && fail "the receiver refused a delivery: $(grep '^refused' "$RECEIVED" | head -1)"
tail -2 "$RECEIVED" | cut -d' ' -f3- | jq -se 'map(.type) == ["io.mcpgov.registry.exception.revoked","io.mcpgov.registry.entry.hidden"]' >/dev/null \
    || fail "expected exception.revoked then entry.hidden, got: $(tail -2 "$RECEIVED" | cut -c1-200)"
ok "exception.revoked and entry.hidden delivered, signed, ${took_ms} ms after the revocation"

section "The feed holds the same events"
call GET "$R$EXT/events?limit=100" "$AUD"
expect_status 200
expect_json '[.events[] | select(.subject == "'"$SERVER"'") | .type] == ["io.mcpgov.registry.entry.hidden","io.mcpgov.registry.exception.approved","io.mcpgov.registry.entry.listed","io.mcpgov.registry.exception.revoked","io.mcpgov.registry.entry.hidden"]' "the feed"
call GET "$R$EXT/webhooks/$HOOK/deliveries?state=delivered" "$ADA"
expect_json 'length == 5' "five delivered deliveries"
ok "feed and delivery records agree"
