# Sourced by backup.sh and restore.sh: runs the Java side (nl.steunpunt.buddy.ui.backup.DatabaseBackup).
# Where the classes come from:
#   BUDDY_CLASSPATH  a class path (the tests pass their own), else
#   BUDDY_JAR        the application jar, default ui/target/ui-*.jar (./mvnw -pl ui -am package -DskipTests)
# Which java: JAVA, else $JAVA_HOME/bin/java, else java on the PATH.
run_backup_tool() {
  local root java main jar
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
  main=nl.steunpunt.buddy.ui.backup.DatabaseBackup
  if [ -n "${BUDDY_CLASSPATH:-}" ]; then
    exec "$java" -cp "$BUDDY_CLASSPATH" "$main" "$@"
  fi
  jar="${BUDDY_JAR:-}"
  if [ -z "$jar" ]; then
    for candidate in "$root"/ui/target/ui-*.jar; do
      case "$candidate" in *-sources.jar|*-plain.jar|*.original) ;; *) [ -f "$candidate" ] && jar="$candidate" ;; esac
    done
  fi
  if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    echo "No application jar: build it (./mvnw -pl ui -am package -DskipTests) or set BUDDY_JAR" >&2
    exit 2
  fi
  # The Spring Boot jar's own launcher puts BOOT-INF/classes and BOOT-INF/lib on the class path.
  exec "$java" -cp "$jar" -Dloader.main="$main" org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
