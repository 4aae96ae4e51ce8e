# Shared by ./lectavera and dev/stack (sourced, not run).

LV_ROOT=${LV_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
LV_DEV="$LV_ROOT/.dev"       # infrastructure data, logs, pids (git-ignored)
LV_RUN="$LV_ROOT/.run"       # service logs and pids (git-ignored)
# One database trio (lv_X, lv_X_test, lv_X_it) per name; "outbox" is libs/outbox's own test database.
LV_DB_SERVICES="auth document study quiz analytics outbox"

say()  { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for <seconds> <description> <command...>
wait_for() {
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || die "$what did not come up within ${limit}s"
    sleep 0.3
  done
}

# The services' garbage collector (./lectavera start, the bench's own service instances). SerialGC: the
# smallest footprint and no GC threads competing for a small machine's cores; LV_GC=-XX:+UseZGC trades
# some throughput and memory for pauses under a millisecond (docs/PERFORMANCE.md compares them).
LV_GC=${LV_GC:--XX:+UseSerialGC}

# Exports JAVA_HOME for a JDK 21+ (with javac): $JAVA_HOME, then the java on PATH, then /usr/lib/jvm/*.
lv_find_jdk() {
  local cand version
  local on_path=""
  command -v javac >/dev/null 2>&1 && on_path=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  for cand in "${JAVA_HOME:-}" "$on_path" /usr/lib/jvm/*; do
    [ -n "$cand" ] && [ -x "$cand/bin/java" ] && [ -x "$cand/bin/javac" ] || continue
    version=$("$cand/bin/java" -XshowSettings:properties -version 2>&1 \
      | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$cand"
      export PATH="$JAVA_HOME/bin:$PATH"
      LV_JAVA_MAJOR=${version%%.*}
      # Flags for every JVM the project runs: an OutOfMemoryError ends the process (./lectavera status shows it
      # DIED, start brings it back) instead of leaving it running half-dead; thread-local reset needs java.lang
      # opened on JDK 24+, and Netty's off-heap access warns on JDK 24+ unless allowed.
      LV_JAVA_RUN_OPTS="-XX:+ExitOnOutOfMemoryError --add-opens java.base/java.lang=ALL-UNNAMED"
      [ "$LV_JAVA_MAJOR" -ge 24 ] && LV_JAVA_RUN_OPTS+=" --sun-misc-unsafe-memory-access=allow"
      return 0
    fi
  done
  die "no JDK 21 or newer found (looked at \$JAVA_HOME, the java on PATH and /usr/lib/jvm/*); install one, e.g. apt-get install openjdk-21-jdk-headless or Temurin 21+"
}

# Installs Debian packages, refreshing the index only when the first try fails.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  command -v apt-get >/dev/null || die "$* missing and no apt-get here: install it, or run it yourself (or use docker compose up)"
  say "  installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "$@" >/dev/null; } \
    || die "apt-get install $* failed"
}
