#!/usr/bin/env bash
# Every end-to-end check, sharing one Keycloak (its first start is the slowest part): run.sh, multi-instance.sh,
# resilience.sh, events.sh, in that order; stops at the first failure. .ci/run calls this after ./mvnw -B verify.
#
#   e2e/all.sh            # about 5-6 minutes on 2 cores (Keycloak's first start ~1.5-2.5 min of it)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_init

section "One Keycloak for every script"
kc_start
export E2E_KEYCLOAK_ISSUER=$KC_ISSUER

for script in run multi-instance resilience events; do
    section "e2e/$script.sh"
    started=$(date +%s)
    "$E2E_DIR/$script.sh" || fail "e2e/$script.sh failed (its output is above; logs in e2e/work/$script/)"
    printf 'e2e/%s.sh passed in %ss\n' "$script" "$(($(date +%s) - started))"
done
