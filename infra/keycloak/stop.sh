#!/usr/bin/env bash
# Stops the Keycloak that infra/keycloak/start.sh started.
set -euo pipefail
WORK=${KEYCLOAK_WORK_DIR:-$(cd "$(dirname "$0")" && pwd)/.work}
if [ -f "$WORK/keycloak.pid" ]; then
    PID=$(cat "$WORK/keycloak.pid")
    # kc.sh starts java as a child: stop both.
    pkill -TERM -P "$PID" 2>/dev/null || true
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
    rm -f "$WORK/keycloak.pid" "$WORK/port" "$WORK/issuer"
    echo "keycloak: stopped" >&2
else
    echo "keycloak: not running" >&2
fi
