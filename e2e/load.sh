#!/usr/bin/env bash
# A steady load against one registry, for e2e/resilience.sh (which starts it in its own process group and stops it by
# creating the stop file). One line per request in OUT: epoch-ms kind status seconds content-type detail.
#
#   load.sh writer URL OUT STOPFILE TOKEN SERVER-NAME VERSION-PREFIX   # publishes SERVER-NAME at PREFIX.1, PREFIX.2, ...
#   load.sh reader URL OUT STOPFILE TOKEN SERVER-NAME                  # lists and reads by name
#   load.sh health URL OUT STOPFILE                                    # /q/health/ready and /q/health/live
set -uo pipefail

kind=$1 url=$2 out=$3 stop=$4
bodies=${out%.*}-bodies
mkdir -p "$bodies"
n=0

# req KIND DETAIL CURL-ARGS...: one request, one line
req() {
    local what=$1 detail=$2 result
    shift 2
    n=$((n + 1))
    result=$(curl -s -o "$bodies/$n" -w '%{http_code} %{time_total} %{content_type}' --max-time 30 "$@" 2>/dev/null)
    [[ -n $result ]] || result="000 30 -"
    set -- $result
    printf '%s %s %s %s %s %s\n' "$(date +%s%3N)" "$what" "$1" "$2" "${3:--}" "$detail" >>"$out"
    [[ $1 == 200 ]] && rm -f "$bodies/$n" || mv "$bodies/$n" "$bodies/$n-$what-$1" 2>/dev/null
    return 0
}

case $kind in
    writer)
        token=$5 name=$6 prefix=$7 i=0
        schema=https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json
        while [[ ! -e $stop ]]; do
            i=$((i + 1))
            v=$prefix.$i
            body=$(printf '{"$schema":"%s","name":"%s","version":"%s","description":"load %s","remotes":[{"type":"streamable-http","url":"http://127.0.0.1:9/%s/mcp"}]}' \
                "$schema" "$name" "$v" "$v" "${name#*/}")
            req publish "$v" -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
                --data-binary "$body" "$url/v0.1/publish"
            sleep 0.1
        done
        ;;
    reader)
        token=$5 name=$6
        enc=$(jq -rn --arg s "$name" '$s | @uri')
        while [[ ! -e $stop ]]; do
            req list - -H "Authorization: Bearer $token" "$url/v0.1/servers?search=${name%%/*}&limit=50"
            req get - -H "Authorization: Bearer $token" "$url/v0.1/servers/$enc/versions/latest"
            sleep 0.1
        done
        ;;
    health)
        while [[ ! -e $stop ]]; do
            req ready - "$url/q/health/ready"
            req live - "$url/q/health/live"
            sleep 0.25
        done
        ;;
    *)
        echo "unknown kind $kind" >&2
        exit 2
        ;;
esac
