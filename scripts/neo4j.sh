#!/usr/bin/env bash
# Local Neo4j 5.26 Community for development and CI, without Docker.
#
#   bash scripts/neo4j.sh install   download the jars (Maven Central, first time only) and write the config
#   bash scripts/neo4j.sh start     install if needed, start in the background, wait until Bolt answers
#   bash scripts/neo4j.sh stop      stop it (SIGTERM, then SIGKILL after NEO4J_STOP_TIMEOUT seconds)
#   bash scripts/neo4j.sh status    exit 0 when running, 3 when stopped
#   bash scripts/neo4j.sh reset     stop and delete the database (data/ and logs/), keeping the jars
#
# Everything lives in .neo4j/ at the project root (git-ignored):
#   .neo4j/pom.xml   generated; its only dependency is org.neo4j:neo4j:$NEO4J_VERSION
#   .neo4j/m2/       Maven's local repository (download cache)
#   .neo4j/lib/      the server's classpath (mvn dependency:copy-dependencies)
#   .neo4j/home/     NEO4J_HOME: conf/neo4j.conf, data/, logs/, run/, plugins/, import/
#   .neo4j/neo4j.pid, .neo4j/neo4j.port, .neo4j/neo4j.log   the server JVM's pid, Bolt port, output
#   .neo4j/neo4j.launcher.pid   the bootloader that started it (stopped with it)
#
# Several instances can run side by side, sharing the jars: NEO4J_HOME_NAME=<name> gives an
# instance its own home .neo4j/<name>/ and its own .neo4j/<name>.pid/.port/.log. `npm test` runs
# its own instance this way (NEO4J_HOME_NAME=test, port 7688), so the tests never touch the
# database a developer serves from (the default instance, .neo4j/home, port 7687).
#
# Settings (environment):
#   NEO4J_VERSION      Neo4j version to provision (default below)
#   NEO4J_HOME_NAME    which instance: its home folder under .neo4j/ (default home; letters, digits, - and _)
#   NEO4J_BOLT_PORT    Bolt port on 127.0.0.1 (default 7687)
#   NEO4J_PASSWORD     password of user neo4j, applied when the database is first created
#                      (default kizuna-dev-password; at least 8 characters)
#   NEO4J_HEAP         JVM heap (default 512m initial, 1g max); NEO4J_PAGECACHE page cache (default 256m)
#   NEO4J_START_TIMEOUT seconds to wait for Bolt (default 120); NEO4J_STOP_TIMEOUT (default 60)
#
# Needs Java 17 or newer (java on PATH or JAVA_HOME) and, for `install`, Maven.
# Only `install` (also run by `start` when the jars are missing) touches the network.

set -euo pipefail

# Newest 5.26 LTS patch release that resolves from Maven Central with all its dependencies.
DEFAULT_NEO4J_VERSION="5.26.30"
NEO4J_VERSION="${NEO4J_VERSION:-$DEFAULT_NEO4J_VERSION}"

BOLT_HOST="127.0.0.1"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
NEO4J_USER_NAME="neo4j"
PASSWORD="${NEO4J_PASSWORD:-kizuna-dev-password}"
HEAP_MAX="${NEO4J_HEAP:-1g}"
HEAP_INITIAL="${NEO4J_HEAP:-512m}"
PAGECACHE="${NEO4J_PAGECACHE:-256m}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-120}"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="$ROOT/.neo4j"
LIB="$BASE/lib"
M2="$BASE/m2"
HOME_NAME="${NEO4J_HOME_NAME:-home}"
if ! [[ "$HOME_NAME" =~ ^[A-Za-z0-9_-]+$ && "$HOME_NAME" != lib && "$HOME_NAME" != m2 ]]; then
  printf 'neo4j.sh: NEO4J_HOME_NAME=%s is not a usable instance name (letters, digits, - and _; not lib or m2)\n' "$HOME_NAME" >&2
  exit 2
fi
HOME_DIR="$BASE/$HOME_NAME"
CONF_DIR="$HOME_DIR/conf"
# The default instance keeps the file names it always had.
if [[ "$HOME_NAME" == home ]]; then RUN_BASE="$BASE/neo4j"; else RUN_BASE="$BASE/$HOME_NAME"; fi
PID_FILE="$RUN_BASE.pid"
LAUNCHER_PID_FILE="$RUN_BASE.launcher.pid"
PORT_FILE="$RUN_BASE.port"
LOG_FILE="$RUN_BASE.log"
if [[ "$HOME_NAME" == home ]]; then
  WHAT="Neo4j"; STOP_HINT="bash scripts/neo4j.sh stop"
else
  WHAT="Neo4j (instance $HOME_NAME)"; STOP_HINT="NEO4J_HOME_NAME=$HOME_NAME bash scripts/neo4j.sh stop"
fi
LIB_MARKER="$LIB/.complete"
PASSWORD_MARKER="$HOME_DIR/.initial-password.sha256"

# Never let a system-wide Neo4j installation's settings leak in.
export NEO4J_HOME="$HOME_DIR"
export NEO4J_CONF="$CONF_DIR"

DEBUG_LOG_OFFSET=0

say() { printf 'neo4j.sh: %s\n' "$*"; }
die() { printf 'neo4j.sh: %s\n' "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------- prerequisites

JAVA=""
find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    JAVA="${JAVA_HOME}/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    die "Neo4j needs Java 17 or newer and no java was found: install openjdk-17-jre-headless (apt-get install openjdk-17-jre-headless) or set JAVA_HOME."
  fi
  local line major
  line="$("$JAVA" -version 2>&1 | grep -m1 -E 'version "[^"]+"' || true)"
  # 'openjdk version "17.0.15" ...', 'java version "1.8.0_392"', 'openjdk version "21" ...'
  major="$(sed -E 's/.*version "([^"]+)".*/\1/' <<<"$line")"
  if [[ "$major" == 1.* ]]; then major="${major#1.}"; fi
  major="${major%%[.+-]*}"
  if ! [[ "$major" =~ ^[0-9]+$ ]]; then
    die "Could not read the Java version from '$JAVA -version'; Neo4j needs Java 17 or newer: install openjdk-17-jre-headless (apt-get install openjdk-17-jre-headless)."
  fi
  if (( major < 17 )); then
    die "Neo4j needs Java 17 or newer but $JAVA is Java $major: install openjdk-17-jre-headless (apt-get install openjdk-17-jre-headless) or set JAVA_HOME to a Java 17+ installation."
  fi
  # The server process is forked by Neo4j's bootloader, which looks at JAVA_HOME first.
  export JAVA_HOME="$(cd "$(dirname "$(readlink -f "$JAVA")")/.." && pwd)"
}

require_maven() {
  command -v mvn >/dev/null 2>&1 ||
    die "Downloading Neo4j needs Maven: install it (apt-get install maven) and run this again."
}

# ---------------------------------------------------------------- install

write_pom() {
  cat >"$BASE/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/neo4j.sh: only used to download Neo4j's jars. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kizuna.local</groupId>
  <artifactId>neo4j-server-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.neo4j</groupId>
      <artifactId>neo4j</artifactId>
      <version>${NEO4J_VERSION}</version>
    </dependency>
  </dependencies>
</project>
EOF
}

lib_complete() {
  [[ -f "$LIB_MARKER" && "$(cat "$LIB_MARKER")" == "$NEO4J_VERSION" ]]
}

download_jars() {
  if lib_complete; then
    say "Neo4j $NEO4J_VERSION jars already in .neo4j/lib ($(find "$LIB" -name '*.jar' | wc -l) jars)"
    return
  fi
  require_maven
  mkdir -p "$BASE" "$M2"
  write_pom
  say "downloading Neo4j $NEO4J_VERSION Community from Maven Central into .neo4j/lib (first time only) ..."
  local t0 tmp
  t0="$(now)"
  tmp="$BASE/lib.partial"
  rm -rf "$tmp"
  # Debian's Maven 3.8 prints colour codes even with -q: keep its output in a file, show it on failure.
  if ! (cd "$BASE" && mvn -q -B -f "$BASE/pom.xml" \
          "-Dmaven.repo.local=$M2" \
          dependency:copy-dependencies \
          "-DoutputDirectory=$tmp" -DincludeScope=runtime) >"$BASE/mvn.log" 2>&1; then
    sed -e 's/\x1b\[[0-9;]*m//g' "$BASE/mvn.log" | grep -v '^$' | tail -n 40 >&2
    rm -rf "$tmp"
    die "Maven could not download org.neo4j:neo4j:$NEO4J_VERSION (see above); check NEO4J_VERSION and that Maven Central is reachable."
  fi
  if ! ls "$tmp"/neo4j-"$NEO4J_VERSION".jar >/dev/null 2>&1; then
    rm -rf "$tmp"
    die "Maven finished but neo4j-$NEO4J_VERSION.jar is missing from the download."
  fi
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  printf '%s\n' "$NEO4J_VERSION" >"$LIB_MARKER"
  say "downloaded $(find "$LIB" -name '*.jar' | wc -l) jars ($(du -sh "$LIB" | cut -f1)) in $(elapsed "$t0") s"
}

write_conf() {
  mkdir -p "$CONF_DIR" "$HOME_DIR/data" "$HOME_DIR/logs" "$HOME_DIR/run" "$HOME_DIR/plugins" "$HOME_DIR/import"
  cat >"$CONF_DIR/neo4j.conf" <<EOF
# Generated by scripts/neo4j.sh on every install/start: edit the script, not this file.
# Neo4j 5.x refuses to start on unknown keys (server.config.strict_validation.enabled).

# Directories: the jars stay in .neo4j/lib, everything else under .neo4j/$HOME_NAME.
server.directories.lib=$LIB
server.directories.data=$HOME_DIR/data
server.directories.logs=$HOME_DIR/logs
server.directories.run=$HOME_DIR/run
server.directories.plugins=$HOME_DIR/plugins
server.directories.import=$HOME_DIR/import

# Network: Bolt on loopback only; no HTTP/HTTPS (no Browser, no HTTP API).
server.default_listen_address=$BOLT_HOST
server.default_advertised_address=$BOLT_HOST
server.bolt.enabled=true
server.bolt.listen_address=$BOLT_HOST:$BOLT_PORT
server.bolt.advertised_address=$BOLT_HOST:$BOLT_PORT
server.bolt.tls_level=DISABLED
server.http.enabled=false
server.https.enabled=false

# Security: authentication on, password set before the first start.
dbms.security.auth_enabled=true

# Memory: small footprint for a 2-core development machine.
server.memory.heap.initial_size=$HEAP_INITIAL
server.memory.heap.max_size=$HEAP_MAX
server.memory.pagecache.size=$PAGECACHE

# Keep transaction logs small on a development machine (by default each database preallocates
# 256 MiB log files and keeps two days of them).
db.tx_log.rotation.size=32M
db.tx_log.preallocate=false
db.tx_log.rotation.retention_policy=100M size

# No usage reporting (there is no internet here anyway).
dbms.usage_report.enabled=false

# Stop in ~1 s instead of ~10 s: Bolt otherwise waits 5 s for its worker pool and 5 s for its
# connections when shutting down (internal settings of 5.26, validated like the others).
internal.server.bolt.thread_pool_shutdown_wait_time=1s
internal.server.bolt.connection_shutdown_wait_time=1s

# JVM options of the stock neo4j.conf (minus -XX:+AlwaysPreTouch, which only slows a dev start).
server.jvm.additional=-XX:+UseG1GC
server.jvm.additional=-XX:-OmitStackTraceInFastThrow
server.jvm.additional=-XX:+UnlockExperimentalVMOptions
server.jvm.additional=-XX:+TrustFinalNonStaticFields
server.jvm.additional=-XX:+DisableExplicitGC
server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024
server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true
server.jvm.additional=-Djdk.tls.ephemeralDHKeySize=2048
server.jvm.additional=-Djdk.tls.rejectClientInitiatedRenegotiation=true
server.jvm.additional=-XX:FlightRecorderOptions=stackdepth=256
server.jvm.additional=-XX:+UnlockDiagnosticVMOptions
server.jvm.additional=-XX:+DebugNonSafepoints
server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
server.jvm.additional=--enable-native-access=ALL-UNNAMED
server.jvm.additional=-Dlog4j2.disable.jmx=true
server.jvm.additional=-Dlog4j.layout.jsonTemplate.maxStringLength=32768
EOF
}

password_hash() { printf '%s' "$PASSWORD" | sha256sum | cut -d' ' -f1; }

set_initial_password() {
  # Already staged for the first start (set-initial-password writes data/dbms/auth.ini)?
  if [[ ! -d "$HOME_DIR/data/databases/system" && -f "$HOME_DIR/data/dbms/auth.ini" &&
        -f "$PASSWORD_MARKER" && "$(cat "$PASSWORD_MARKER")" == "$(password_hash)" ]]; then
    return
  fi
  if [[ -d "$HOME_DIR/data/databases/system" ]]; then
    # The password only applies to a new database: warn when it no longer matches.
    if [[ -f "$PASSWORD_MARKER" && "$(cat "$PASSWORD_MARKER")" != "$(password_hash)" ]]; then
      say "WARNING: NEO4J_PASSWORD differs from the password this database was created with;" \
          "run 'bash scripts/neo4j.sh reset' to recreate the database with the new one."
    fi
    return
  fi
  if (( ${#PASSWORD} < 8 )); then
    die "NEO4J_PASSWORD must have at least 8 characters (Neo4j's minimum)."
  fi
  (cd "$ROOT" && "$JAVA" -Xmx256m -cp "$LIB/*" "-Dbasedir=$HOME_DIR" \
      org.neo4j.server.startup.Neo4jAdminCommand dbms set-initial-password "$PASSWORD" >/dev/null) ||
    die "could not set the initial password (neo4j-admin dbms set-initial-password failed)."
  password_hash >"$PASSWORD_MARKER"
  say "initial password set for user $NEO4J_USER_NAME"
}

cmd_install() {
  find_java
  local t0
  t0="$(now)"
  download_jars
  write_conf
  set_initial_password
  say "Neo4j $NEO4J_VERSION installed in .neo4j/ ($(elapsed "$t0") s)"
}

# ---------------------------------------------------------------- run

# The pid file holds the server JVM itself (not its bootloader), so that signalling that pid,
# even with SIGKILL, stops the process that serves Bolt.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # Guard against a reused pid: it must be our Neo4j (a pid file of an older script names the bootloader).
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE "CommunityEntryPoint|Neo4jCommand" || return 1
  printf '%s\n' "$pid"
}

# The bootloader's pid, when it still runs.
launcher_pid() {
  local pid
  pid="$(cat "$LAUNCHER_PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "Neo4jCommand" || return 1
  printf '%s\n' "$pid"
}

# Server JVMs of this home, with or without their bootloader (which may have been killed with SIGKILL).
orphan_server_pids() {
  local f pid args
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    args="$({ tr '\0' '\n' <"$f"; } 2>/dev/null)" || continue
    if grep -qxF "org.neo4j.server.CommunityEntryPoint" <<<"$args" &&
       grep -qxF -- "--home-dir=$HOME_DIR" <<<"$args"; then
      printf '%s\n' "$pid"
    fi
  done
}

stop_orphans() {
  local pids p i
  pids="$(orphan_server_pids)"
  [[ -n "$pids" ]] || return 0
  say "stopping a Neo4j server left without its launcher (pid $(echo $pids))"
  kill -TERM $pids 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 2; i++)); do
    sleep 0.5
    for p in $pids; do kill -0 "$p" 2>/dev/null && continue 2; done
    return 0
  done
  kill -KILL $pids 2>/dev/null || true
}

port_open() { (exec 3<>"/dev/tcp/$BOLT_HOST/${1:-$BOLT_PORT}") 2>/dev/null; }

# Bolt port of the running server (it may differ from the current NEO4J_BOLT_PORT).
running_port() { cat "$PORT_FILE" 2>/dev/null || echo "$BOLT_PORT"; }

# Succeeds once the server runs a query over Bolt; exits 2 on wrong credentials.
bolt_query_ok() {
  [[ -d "$ROOT/node_modules/neo4j-driver" ]] || return 0 # TCP check only
  (cd "$ROOT" && NEO4J_CHECK_URI="bolt://$BOLT_HOST:$BOLT_PORT" NEO4J_CHECK_USER="$NEO4J_USER_NAME" \
     NEO4J_CHECK_PASSWORD="$PASSWORD" node -e '
const neo4j = require("neo4j-driver");
const env = process.env;
const driver = neo4j.driver(env.NEO4J_CHECK_URI, neo4j.auth.basic(env.NEO4J_CHECK_USER, env.NEO4J_CHECK_PASSWORD),
  { connectionTimeout: 5000, maxConnectionPoolSize: 1, logging: { level: "error", logger: () => {} } });
driver.executeQuery("RETURN 1 AS ok")
  .then(() => driver.close().then(() => process.exit(0)))
  .catch((e) => {
    const auth = /Unauthorized|authentication|credentials/i.test(String(e.code) + " " + e.message);
    if (auth) console.error("neo4j.sh: Bolt rejected user " + env.NEO4J_CHECK_USER + ": " + e.message);
    driver.close().finally(() => process.exit(auth ? 2 : 1));
  });' 2>>"$LOG_FILE.check")
}

show_log_tail() {
  printf -- '--- last lines of %s ---\n' "${LOG_FILE#"$ROOT/"}" >&2
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
  local debug="$HOME_DIR/logs/debug.log"
  if [[ -f "$debug" ]] && (( $(stat -c %s "$debug") > DEBUG_LOG_OFFSET )); then
    printf -- '--- errors in %s since this start ---\n' "${debug#"$ROOT/"}" >&2
    tail -c +$((DEBUG_LOG_OFFSET + 1)) "$debug" | grep -E ' (ERROR|WARN) ' | tail -n 15 >&2 || true
  fi
}

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    say "$WHAT is already running (pid $pid) at bolt://$BOLT_HOST:$(running_port)"
    if [[ "$(running_port)" != "$BOLT_PORT" ]]; then
      say "WARNING: it listens on port $(running_port), not NEO4J_BOLT_PORT=$BOLT_PORT; stop it first to change the port."
    fi
    return 0
  fi
  rm -f "$PID_FILE" "$PORT_FILE" "$LAUNCHER_PID_FILE"
  stop_orphans
  find_java
  download_jars
  write_conf
  set_initial_password
  if port_open; then
    die "port $BOLT_PORT on $BOLT_HOST is already in use by another program; stop it or set NEO4J_BOLT_PORT."
  fi

  local t0
  t0="$(now)"
  : >"$LOG_FILE"
  DEBUG_LOG_OFFSET="$(stat -c %s "$HOME_DIR/logs/debug.log" 2>/dev/null || echo 0)"
  rm -f "$LOG_FILE.check"
  # Own session (setsid): Ctrl-C or closing the terminal that ran `start` does not reach the server.
  local SETSID=""
  if command -v setsid >/dev/null 2>&1; then SETSID="setsid"; fi
  # Neo4jCommand is the bootloader of bin/neo4j: it reads neo4j.conf and runs the server JVM
  # (heap, server.jvm.additional) as its child, stopping it when it receives SIGTERM.
  (cd "$ROOT" && exec $SETSID nohup "$JAVA" -Xmx128m -cp "$LIB/*" "-Dbasedir=$HOME_DIR" \
      org.neo4j.server.startup.Neo4jCommand console >>"$LOG_FILE" 2>&1 </dev/null) &
  pid=$!
  printf '%s\n' "$pid" >"$LAUNCHER_PID_FILE"
  # Until the server JVM is forked, the pid file names the bootloader (stop still works meanwhile).
  printf '%s\n' "$pid" >"$PID_FILE"
  printf '%s\n' "$BOLT_PORT" >"$PORT_FILE"
  say "starting $WHAT $NEO4J_VERSION (bootloader pid $pid, log ${LOG_FILE#"$ROOT/"}) ..."

  local deadline=$((SECONDS + START_TIMEOUT)) rc server=""
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE" "$PORT_FILE" "$LAUNCHER_PID_FILE"
      show_log_tail
      die "$WHAT exited during startup (see above and ${HOME_DIR#"$ROOT/"}/logs/)."
    fi
    if [[ -z "$server" ]]; then
      server="$(orphan_server_pids | head -n 1)"
      [[ -n "$server" ]] && printf '%s\n' "$server" >"$PID_FILE"
    fi
    if port_open; then
      rc=0
      bolt_query_ok || rc=$?
      if ((rc == 0)); then break; fi
      if ((rc == 2)); then
        cat "$LOG_FILE.check" >&2 2>/dev/null || true
        cmd_stop >/dev/null 2>&1 || true
        die "Neo4j started but rejected the password, so it was stopped again: NEO4J_PASSWORD differs from the one this database was created with (run 'bash scripts/neo4j.sh reset' to recreate it)."
      fi
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail
      cmd_stop >/dev/null 2>&1 || true
      die "Neo4j did not answer on bolt://$BOLT_HOST:$BOLT_PORT within ${START_TIMEOUT} s."
    fi
    sleep 1
  done
  rm -f "$LOG_FILE.check"
  [[ -n "$server" ]] || die "Bolt answers but the server JVM of ${HOME_DIR#"$ROOT/"} was not found; run '$STOP_HINT'."
  say "started in $(elapsed "$t0") s (server pid $server)"
  echo "$WHAT $NEO4J_VERSION ready at bolt://$BOLT_HOST:$BOLT_PORT (user $NEO4J_USER_NAME)"
}

cmd_stop() {
  local pid launcher
  launcher="$(launcher_pid || true)"
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE" "$PORT_FILE" "$LAUNCHER_PID_FILE"
    if [[ -n "$(orphan_server_pids)" ]]; then stop_orphans; fi
    if [[ -n "$launcher" ]]; then kill -TERM "$launcher" 2>/dev/null || true; return 0; fi
    [[ -n "$(orphan_server_pids)" ]] || say "$WHAT is not running"
    return 0
  fi
  local t0 children
  t0="$(now)"
  # SIGTERM to the server JVM runs Neo4j's own shutdown; its bootloader then exits by itself.
  children="$(pgrep -P "$pid" || true) $launcher"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      say "Neo4j did not stop within ${STOP_TIMEOUT} s; killing it"
      kill -KILL "$pid" $children 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  # The bootloader stops its server child; make sure none is left behind.
  local c
  for c in $children; do
    while kill -0 "$c" 2>/dev/null; do
      if ((SECONDS >= deadline)); then kill -KILL "$c" 2>/dev/null || true; break; fi
      sleep 0.5
    done
  done
  rm -f "$PID_FILE" "$PORT_FILE" "$LAUNCHER_PID_FILE"
  say "$WHAT stopped ($(elapsed "$t0") s)"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    local port
    port="$(running_port)"
    if port_open "$port"; then
      echo "$WHAT is running (pid $pid) at bolt://$BOLT_HOST:$port"
    else
      echo "$WHAT is running (pid $pid) but bolt://$BOLT_HOST:$port is not answering"
    fi
    return 0
  fi
  if [[ -n "$(orphan_server_pids)" ]]; then
    echo "$WHAT is running without its launcher (pid $(echo $(orphan_server_pids))); '$STOP_HINT' stops it"
    return 0
  fi
  echo "$WHAT is stopped"
  return 3
}

cmd_reset() {
  cmd_stop
  rm -rf "$HOME_DIR/data" "$HOME_DIR/logs" "$HOME_DIR/run" "$PASSWORD_MARKER" "$LOG_FILE"
  say "database deleted; the next start creates a new one with NEO4J_PASSWORD"
}

usage() {
  echo "usage: bash scripts/neo4j.sh start|stop|status|install|reset" >&2
  exit 2
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *) usage ;;
esac
