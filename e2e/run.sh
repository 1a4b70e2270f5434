#!/usr/bin/env bash
# End to end with real parts: PostgreSQL, Keycloak with the demo realm, the packaged registry (prod profile) and a
# small OAuth-protected resource whose authorization server is that Keycloak. Walks the governance flow as the
# demo users and asserts every answer's status and content. Needs target/quarkus-app (./mvnw package or verify).
#
#   e2e/run.sh            # about 2-3 minutes; logs in e2e/work/run/
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init

section "Start PostgreSQL, Keycloak, the protected resource and the registry"
pg_install
free_port pg_port
step "PostgreSQL from the embedded binaries: a new cluster in ${RUN_DIR#"$ROOT"/}/pgdata, port $pg_port"
pg_init "$RUN_DIR/pgdata"
pg_start "$RUN_DIR/pgdata" "$pg_port"
ok "PostgreSQL accepts connections"

use_or_start_keycloak

free_port pr_port
MCP_URL=http://127.0.0.1:$pr_port/mcp
PRM_URL=http://127.0.0.1:$pr_port/.well-known/oauth-protected-resource/mcp
step "protected resource (e2e/ProtectedResource.java) at $MCP_URL, authorization server $KC_ISSUER"
spawn protected-resource "$RUN_DIR/protected-resource.log" java "$E2E_DIR/ProtectedResource.java" "$pr_port" "$KC_ISSUER" weather.read
PR_PID=$SPAWNED_PID
wait_for "protected resource" 60 "$PR_PID" curl -s -o /dev/null --max-time 2 "$PRM_URL"
ok "listening"

free_port reg_port
R=http://127.0.0.1:$reg_port
registry_start main "$reg_port" "$pg_port"

section "The parts behave as the scenario needs"
step "Keycloak's authorization server metadata (RFC 8414 path form, as an MCP client and the verifier read it)"
call GET "$KC_BASE/.well-known/oauth-authorization-server/realms/$REALM"
expect_status 200
jq -e --arg iss "$KC_ISSUER" '.issuer == $iss and (.code_challenge_methods_supported | index("S256"))
    and .authorization_response_iss_parameter_supported == true and (.registration_endpoint | type == "string")
    and (.response_types_supported | index("code"))' "$RESP_BODY" >/dev/null ||
    fail "Keycloak's metadata lacks issuer $KC_ISSUER, S256, the iss parameter, DCR or the code flow"
ok "200; issuer $KC_ISSUER, S256, iss parameter, registration endpoint (DCR), code flow"

step "the protected resource: POST without a token"
call POST "$MCP_URL" - '{"jsonrpc":"2.0","id":1,"method":"initialize"}'
expect_status 401
www=$(header WWW-Authenticate)
[[ $www == *"resource_metadata=\"$PRM_URL\""* && $www == *'scope="weather.read"'* ]] ||
    fail "WWW-Authenticate is '$www'"
ok "401, WWW-Authenticate: $www"
step "the protected resource: POST with Authorization: Bearer invalid"
call POST "$MCP_URL" invalid '{"jsonrpc":"2.0","id":1,"method":"initialize"}'
expect_status 401
ok "401"
step "the protected resource's metadata (RFC 9728) at the challenge's URL"
call GET "$PRM_URL"
expect_status 200
jq -e --arg r "$MCP_URL" --arg iss "$KC_ISSUER" '.resource == $r and .authorization_servers == [$iss]
    and .scopes_supported == ["weather.read"] and .bearer_methods_supported == ["header"]' "$RESP_BODY" >/dev/null ||
    fail "protected resource metadata: $(cat "$RESP_BODY")"
ok "200; resource $MCP_URL, authorization_servers [$KC_ISSUER], scopes [weather.read], bearer header"

step "tokens from Keycloak carry issuer, audience, realm roles and groups"
for u in ada pat pia pam rey ray aud agnes agent; do
    token "$u" >/dev/null || fail "Keycloak gave no token for $u"
done
ADA=$(token ada); PAT=$(token pat); PIA=$(token pia); PAM=$(token pam); REY=$(token rey); RAY=$(token ray)
AUD=$(token aud); AGENT=$(token agent)
claims "$PAT" | jq -e --arg iss "$KC_ISSUER" '.iss == $iss and (.aud == "registry-api" or (.aud | index("registry-api")))
    and (.realm_access.roles | index("publisher")) and .groups == ["team-weather"]' >/dev/null ||
    fail "pat's token: $(claims "$PAT")"
claims "$AGENT" | jq -e '(.realm_access.roles | index("agent")) and .azp == "registry-agent" and (.groups == null)' >/dev/null ||
    fail "the agent's token: $(claims "$AGENT")"
PAT_SUB=$(claims "$PAT" | jq -r .sub)
ADA_SUB=$(claims "$ADA" | jq -r .sub)
REY_SUB=$(claims "$REY" | jq -r .sub)
ok "pat: publisher in team-weather; agent: role agent, client registry-agent; all iss $KC_ISSUER, aud registry-api"

section "Scenario"
NS=io.e2e.weather
WEATHER=$NS/forecast
TICKETS=$NS/tickets
TICKETS_URL=http://127.0.0.1:$pr_port/tickets/mcp
W=$(urlenc "$WEATHER")
T=$(urlenc "$TICKETS")

step "without a token the registry answers 401 with a Bearer challenge"
call GET "$R/v0.1/servers"
expect_problem 401
[[ $(header WWW-Authenticate) == Bearer* ]] || fail "no WWW-Authenticate: Bearer"
ok "401 problem document, WWW-Authenticate: Bearer"

step "pat cannot publish into a namespace no admin has mapped"
call POST "$R/v0.1/publish" "$PAT" "$(oauth_doc "$WEATHER" 1.0.0 "$MCP_URL" "$KC_ISSUER")"
expect_problem 403
expect_json '[.errors[].ruleId] | index("namespace-not-owned")'
ok "403 namespace-not-owned"

step "a publisher cannot map a namespace (admin only)"
call PUT "$R$EXT/namespaces/$NS" "$PAT" '{"owningTeam":"team-weather","includeSubnamespaces":true}'
expect_problem 403
ok "403"

step "admin ada maps namespace $NS to team-weather"
call PUT "$R$EXT/namespaces/$NS" "$ADA" '{"owningTeam":"team-weather","includeSubnamespaces":true}'
expect_status 200
expect_json '.namespace == "'$NS'" and .owningTeam == "team-weather" and .includeSubnamespaces == true'
ok "200; $NS -> team-weather"

step "pam (publisher of team-payments) cannot publish into it"
call POST "$R/v0.1/publish" "$PAM" "$(oauth_doc "$WEATHER" 1.0.0 "$MCP_URL" "$KC_ISSUER")"
expect_problem 403
expect_json '[.errors[].ruleId] | index("namespace-not-owned")'
ok "403 namespace-not-owned"

step "pat publishes $WEATHER 1.0.0: OAuth, metadata at the protected resource, Keycloak as authorization server"
published_at=$(date +%s)
call POST "$R/v0.1/publish" "$PAT" "$(oauth_doc "$WEATHER" 1.0.0 "$MCP_URL" "$KC_ISSUER")"
expect_status 200
expect_json '.server.name == "'$WEATHER'" and .server.version == "1.0.0"
    and ._meta["io.mcpgov.registry/governance"].listed == true
    and ._meta["io.mcpgov.registry/governance"].authType == "oauth2"
    and ._meta["io.mcpgov.registry/governance"].owner.team == "team-weather"
    and ._meta["io.mcpgov.registry/governance"].owner.accountableOwner == "'$PAT_SUB'"
    and ._meta["io.modelcontextprotocol.registry/official"].isLatest == true'
ok "200; listed, authType oauth2, owner team-weather / pat ($PAT_SUB), isLatest"

step "pat publishes $TICKETS 1.0.0: API key only"
call POST "$R/v0.1/publish" "$PAT" "$(apikey_doc "$TICKETS" 1.0.0 "$TICKETS_URL")"
expect_status 200
expect_json '._meta["io.mcpgov.registry/governance"] | .listed == false and .apiKeyOnly == true
    and .authType == "api-key" and ([.reasons[].ruleId] | index("api-key-only"))'
ok "200; stored, not listed: api-key-only"

step "the agent (client credentials) lists $NS and sees only $WEATHER"
call GET "$R/v0.1/servers?search=$NS" "$AGENT"
expect_status 200
expect_json '[.servers[].server.name] == ["'$WEATHER'"] and .metadata.count == 1'
ok "200; [$WEATHER]"
step "the agent cannot look $TICKETS up by name"
call GET "$R/v0.1/servers/$T/versions/latest" "$AGENT"
expect_problem 404
ok "404"
step "the agent cannot publish"
call POST "$R/v0.1/publish" "$AGENT" "$(public_doc "$NS/agent-made" 1.0.0 "http://127.0.0.1:$pr_port/agent/mcp")"
expect_problem 403
ok "403"

step "the registry verifies $WEATHER's OAuth metadata against the protected resource and Keycloak (polling)"
deadline=$(($(date +%s) + 90 * E2E_SLOW))
while :; do
    call GET "$R$EXT/servers/$W/versions/1.0.0/verification" "$AGENT"
    expect_status 200
    state=$(json '.verification.state // empty')
    [[ $state == verified || $state == failed || $state == unreachable ]] && break
    (($(date +%s) < deadline)) || fail "verification still '$state' after 90s"
    sleep 1
done
[[ $state == verified ]] || fail "verification state '$state', expected verified"
ok "state verified $(($(date +%s) - published_at))s after the publish"
cp "$RESP_BODY" "$RUN_DIR/verification-detail.json"
expect_json '.remotes[0] as $r | ($r.checks | map(select(.level == "FAIL")) | length == 0)
    and ([$r.checks[] | select(.level == "PASS") | .id] as $pass
         | ["E2", "E3", "E4", "E6", "P3", "P4", "P6", "P7", "P10", "A1", "A2", "A3", "A4", "A6", "A9", "D2", "D3", "D4", "D5"]
         | all(. as $id | $pass | index($id)))' "every check of the detail"
expect_json '.remotes[0].probes | any(.purpose == "as-metadata" and .outcome == "200"
    and .url == "'"$KC_BASE/.well-known/oauth-authorization-server/realms/$REALM"'")' "the probe of Keycloak's metadata"
ok "no FAIL; E2 E3 E4 E6 P3 P4 P6 P7 P10 A1 A2 A3 A4 A6 A9 D2-D5 pass; $(json '[.remotes[0].checks[] | select(.level == "WARN") | .id] | join(" ")') warn"
ok "Keycloak's metadata was read from $KC_BASE/.well-known/oauth-authorization-server/realms/$REALM"
step "the agent's listing shows the verified claim with the summary an agent needs"
call GET "$R/v0.1/servers/$W/versions/1.0.0" "$AGENT"
expect_status 200
expect_json '._meta["io.mcpgov.registry/governance"].verification
    | .state == "verified" and (.checkedAt | type == "string")
    and (.remotes | length == 1) and .remotes[0].verdict == "verified" and .remotes[0].url == "'$MCP_URL'"
    and .remotes[0].summary.pkceS256 == true
    and .remotes[0].summary.authorizationServers == ["'$KC_ISSUER'"]
    and .remotes[0].summary.resource == "'$MCP_URL'"
    and .remotes[0].summary.metadataSource == "header"
    and .remotes[0].summary.asMetadataSource == "rfc8414"
    and .remotes[0].summary.registrationMode == "dcr"
    and (.remotes[0].summary.text | contains("pkce S256"))'
ok "verified: $(json '._meta["io.mcpgov.registry/governance"].verification.remotes[0].summary.text')"
ok "authorization servers $(json -c '._meta["io.mcpgov.registry/governance"].verification.remotes[0].summary.authorizationServers')"

step "pat requests an exception for $TICKETS"
call POST "$R$EXT/exceptions" "$PAT" "$(exception_body "$TICKETS")"
expect_status 201
expect_json '.state == "pending" and .serverName == "'$TICKETS'" and .requestedBy == "'$PAT_SUB'"
    and .owningTeam == "team-weather" and .coveredVersions == ["1.0.0"]'
EXC=$(json .id)
ok "201; exception $EXC pending, requested by pat"

step "pat cannot approve the exception pat requested"
call POST "$R$EXT/exceptions/$EXC/approve" "$PAT" '{"reason":"I approve my own"}'
expect_problem 403
ok "403"
step "pia (same team, publisher, not a reviewer) cannot approve it"
call POST "$R$EXT/exceptions/$EXC/approve" "$PIA" '{"reason":"Looks fine to me"}'
expect_problem 403
ok "403"
step "the agent cannot approve it"
call POST "$R$EXT/exceptions/$EXC/approve" "$AGENT" '{"reason":"yes"}'
expect_problem 403
ok "403"
step "still pending, still hidden from the agent"
call GET "$R$EXT/exceptions/$EXC" "$REY"
expect_status 200
expect_json '.state == "pending" and (.decidedBy == null)'
call GET "$R/v0.1/servers/$T/versions/latest" "$AGENT"
expect_problem 404
ok "pending; 404 for the agent"

step "reviewer rey approves"
call POST "$R$EXT/exceptions/$EXC/approve" "$REY" '{"reason":"Key in vault, rotated monthly"}'
expect_status 200
expect_json '.state == "approved" and .decidedBy == "'$REY_SUB'" and .decisionReason == "Key in vault, rotated monthly"'
ok "200; approved by rey"
step "the decision is taken: reviewer ray cannot decide it again"
call POST "$R$EXT/exceptions/$EXC/reject" "$RAY" '{"reason":"too late"}'
expect_problem 409
expect_json '[.errors[].ruleId] | index("exception-not-pending")'
ok "409 exception-not-pending"

step "the agent now finds $TICKETS, with the exception in _meta"
call GET "$R/v0.1/servers?search=$NS" "$AGENT"
expect_status 200
expect_json '[.servers[].server.name] == ["'$TICKETS'", "'$WEATHER'"] or [.servers[].server.name] == ["'$WEATHER'", "'$TICKETS'"]'
expect_json '.servers[] | select(.server.name == "'$TICKETS'") | ._meta["io.mcpgov.registry/governance"]
    | .listed == true and .exception.id == "'$EXC'" and .exception.classification == "transitional"
    and (.exception.expiresAt | type == "string")'
call GET "$R/v0.1/servers/$T/versions/latest" "$AGENT"
expect_status 200
expect_json '._meta["io.mcpgov.registry/governance"].exception.id == "'$EXC'"'
ok "both listed; $TICKETS carries exception $EXC (transitional)"

section "Verification notices broken metadata (and recovers)"
step "the protected resource's metadata now names another resource; pat asks for a check"
curl -sf -X POST --max-time 5 "http://127.0.0.1:$pr_port/control/metadata?mode=wrong-resource" >/dev/null ||
    fail "could not switch the protected resource"
call POST "$R$EXT/servers/$W/versions/1.0.0/verification" "$PAT"
expect_status 200
call GET "$R/v0.1/servers/$W/versions/1.0.0" "$PAT"
expect_status 200
expect_json '._meta["io.mcpgov.registry/governance"] | .verification.state == "failed"
    and (.verification.remotes[0].failedChecks | index("P6"))
    and .listed == false and ([.reasons[].ruleId] | index("oauth-verification-failed"))'
ok "failed with checks $(json -c '._meta["io.mcpgov.registry/governance"].verification.remotes[0].failedChecks'); hidden: oauth-verification-failed"
call GET "$R/v0.1/servers/$W/versions/1.0.0" "$AGENT"
expect_problem 404
ok "the agent gets 404"
step "metadata restored; reviewer rey asks for a check"
curl -sf -X POST --max-time 5 "http://127.0.0.1:$pr_port/control/metadata?mode=correct" >/dev/null ||
    fail "could not switch the protected resource back"
call POST "$R$EXT/servers/$W/versions/1.0.0/verification" "$REY"
expect_status 200
call GET "$R/v0.1/servers/$W/versions/1.0.0" "$AGENT"
expect_status 200
expect_json '._meta["io.mcpgov.registry/governance"].verification.state == "verified"'
ok "verified again; listed for the agent"

section "The audit trail"
step "the agent cannot read it"
call GET "$R$EXT/audit" "$AGENT"
expect_problem 403
ok "403"
step "auditor aud reads it"
call GET "$R$EXT/audit?limit=1000" "$AUD"
expect_status 200
cp "$RESP_BODY" "$RUN_DIR/audit.json"
audit_has() { # ACTION TARGET_ID ACTOR_SUB
    jq -e --arg a "$1" --arg t "$2" --arg s "$3" \
        '[.events[] | select(.action == $a and .target.id == $t and .actor.subject == $s)] | length == 1' \
        "$RUN_DIR/audit.json" >/dev/null || fail "audit: expected exactly one $1 on $2 by $3"
    ok "one $1 on $2 by $4"
}
audit_has namespace.created "$NS" "$ADA_SUB" ada
audit_has server.published "$WEATHER@1.0.0" "$PAT_SUB" pat
audit_has server.published "$TICKETS@1.0.0" "$PAT_SUB" pat
audit_has exception.requested "$EXC" "$PAT_SUB" pat
audit_has exception.approved "$EXC" "$REY_SUB" rey
jq -e '[.events[] | select(.action == "exception.approved")][0]
    | .before.state == "pending" and .after.state == "approved" and (.requestId | type == "string")
    and (.occurredAt | type == "string") and (.actor.roles | index("reviewer"))' "$RUN_DIR/audit.json" >/dev/null ||
    fail "the approval event lacks before/after, request id, time or roles"
ok "the approval event carries before (pending), after (approved), request id, time and the actor's roles"
jq -e '[.events[] | select(.action == "exception.approved" or .action == "exception.rejected")] | length == 1' \
    "$RUN_DIR/audit.json" >/dev/null || fail "refused decisions left decision events"
ok "refused decisions (pat, pia, agent, ray) changed nothing: one decision event"

step "export (JSON lines) and chain verification"
ACCEPT="application/x-ndjson, application/problem+json" call GET "$R$EXT/audit/export" "$AUD"
if ! absent "GET $EXT/audit/export"; then
    expect_status 200
    grep -qi '^content-type: application/x-ndjson' "$RESP_HEADERS" || fail "export is not application/x-ndjson"
    jq -e -s 'length > 0 and all(.[]; (.id | type == "number") and (.action | type == "string"))' "$RESP_BODY" >/dev/null ||
        fail "export lines are not audit events"
    exported=$(jq -s 'length' "$RESP_BODY")
    listed=$(jq '.events | length' "$RUN_DIR/audit.json")
    ((exported >= listed)) || fail "export has $exported events, the query $listed"
    jq -e -s '[.[] | select(.action == "exception.approved" and .target.id == "'$EXC'")] | length == 1' "$RESP_BODY" >/dev/null ||
        fail "the export lacks the approval"
    ok "200 application/x-ndjson, $exported events (the query returned $listed), the approval among them"
fi
call GET "$R$EXT/audit/verify" "$AUD"
if ! absent "GET $EXT/audit/verify"; then
    expect_status 200
    expect_json '.intact == true and .eventsChecked > 0 and (.firstBroken == null)'
    ok "chain intact: $(json .eventsChecked) events checked, head $(json .head.id)"
fi

step "no response of this run carried a stack trace"
for f in "$RUN_DIR"/http/*.body; do no_stack_trace "$f"; done
ok "$(ls "$RUN_DIR"/http/*.body | wc -l) responses checked"
step "an orderly stop (TERM) ends the registry within 30 s"
stopping=$(date +%s)
stop_group "$REG_PID" TERM 30
forget_group "$REG_PID"
grep -q 'stopped in' "$RUN_DIR/registry-main.log" || fail "the registry did not stop in order (no 'stopped in' in its log)"
ok "stopped in $(($(date +%s) - stopping)) s"
step "the registry logged no unexpected failure, running or stopping"
if grep -n 'Unexpected failure\|ERROR\|After Shutdown' "$RUN_DIR/registry-main.log" >/dev/null; then
    grep -n 'Unexpected failure\|ERROR\|After Shutdown' "$RUN_DIR/registry-main.log" | head -5 >&2
    fail "the registry logged errors"
fi
ok "no ERROR in the registry's log"
