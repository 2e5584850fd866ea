#!/usr/bin/env bash
# Starts a real Keycloak with the realm `steunpunt` (infra/keycloak/steunpunt-realm.json) on a free
# local port, in the background. The distribution comes from Maven Central through the project's
# Maven wrapper; Keycloak needs a Java 21+ runtime: set KEYCLOAK_JAVA_HOME, or one is looked for
# under /usr/lib/jvm. Prints the issuer URL; writes it, the port and the PID under the work folder.
#
#   infra/keycloak/start.sh               # a free port from 8180 up
#   KEYCLOAK_PORT=8180 infra/keycloak/start.sh
#   KEYCLOAK_APP_URL=http://localhost:8081 infra/keycloak/start.sh   # where the app runs (back-channel logout)
#   infra/keycloak/stop.sh
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VERSION=26.5.6
WORK=${KEYCLOAK_WORK_DIR:-$HERE/.work}
DIST=$WORK/keycloak-$VERSION

fail() { echo "keycloak: $*" >&2; exit 1; }

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

find_java() {
    if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then
        [ -x "$KEYCLOAK_JAVA_HOME/bin/java" ] || fail "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME has no bin/java"
        [ "$(java_major "$KEYCLOAK_JAVA_HOME")" -ge 21 ] || fail "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME is older than Java 21"
        echo "$KEYCLOAK_JAVA_HOME"; return
    fi
    for candidate in /usr/lib/jvm/*; do
        if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate" || echo 0)" -ge 21 ] 2>/dev/null; then
            echo "$candidate"; return
        fi
    done
    fail "Keycloak $VERSION needs Java 21 or newer. Install one (e.g. Temurin 21: apt-get install temurin-21-jdk, or any JDK 21+) and set KEYCLOAK_JAVA_HOME to its folder."
}

port_free() { ! { (exec 3<>"/dev/tcp/127.0.0.1/$1"); } 2>/dev/null; }

http_ok() {
    # A plain HTTP GET through bash, so nothing beyond bash is needed; true on status 200.
    local port=$1 path=$2 line
    { exec 4<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost:%s\r\n\r\n' "$path" "$port" >&4
    IFS= read -r line <&4 || true
    exec 4>&- 4<&-
    [[ "$line" == *" 200 "* ]]
}

JAVA=$(find_java)
mkdir -p "$WORK"

if [ -f "$WORK/keycloak.pid" ] && kill -0 "$(cat "$WORK/keycloak.pid")" 2>/dev/null; then
    fail "already running (PID $(cat "$WORK/keycloak.pid"), $(cat "$WORK/issuer" 2>/dev/null)); stop it with infra/keycloak/stop.sh"
fi

if [ ! -x "$DIST/bin/kc.sh" ]; then
    echo "keycloak: fetching org.keycloak:keycloak-quarkus-dist:$VERSION:zip through Maven" >&2
    "$ROOT/mvnw" -q -f "$ROOT/pom.xml" -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
        -DoutputDirectory="$WORK" -Dmdep.overWriteIfNewer=true >&2 || fail "could not fetch the distribution from Maven"
    (cd "$WORK" && "$JAVA/bin/jar" xf "keycloak-quarkus-dist-$VERSION.zip")
    chmod +x "$DIST"/bin/*.sh
fi

mkdir -p "$DIST/data/import"
# The app's address, for back-channel logout (Keycloak calls the app when a session ends there).
APP_URL=${KEYCLOAK_APP_URL:-http://localhost:8080}
sed "s#http://localhost:8080/logout/connect/back-channel#$APP_URL/logout/connect/back-channel#" \
    "$HERE/steunpunt-realm.json" >"$DIST/data/import/steunpunt-realm.json"

PORT=${KEYCLOAK_PORT:-}
if [ -z "$PORT" ]; then
    PORT=8180
    while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
elif ! port_free "$PORT"; then
    fail "port $PORT is in use"
fi

echo "keycloak: starting on port $PORT with $JAVA" >&2
(
    cd "$DIST"
    JAVA_HOME="$JAVA" KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN_USER:-admin}" \
        KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
        nohup bin/kc.sh start-dev --http-port="$PORT" --import-realm --cache=local >"$WORK/keycloak.log" 2>&1 &
    echo $! >"$WORK/keycloak.pid"
)
ISSUER="http://localhost:$PORT/realms/steunpunt"
for _ in $(seq 1 180); do
    if http_ok "$PORT" /realms/steunpunt/.well-known/openid-configuration; then
        echo "$PORT" >"$WORK/port"
        echo "$ISSUER" >"$WORK/issuer"
        echo "keycloak: up — admin console http://localhost:$PORT/admin (admin/admin), issuer:" >&2
        echo "$ISSUER"
        exit 0
    fi
    kill -0 "$(cat "$WORK/keycloak.pid")" 2>/dev/null || { tail -40 "$WORK/keycloak.log" >&2; fail "Keycloak stopped while starting (log: $WORK/keycloak.log)"; }
    sleep 1
done
tail -40 "$WORK/keycloak.log" >&2
fail "not up after 180 s (log: $WORK/keycloak.log)"
