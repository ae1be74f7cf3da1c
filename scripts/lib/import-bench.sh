# Shared by the import benchmarks (scripts/import-benchmark.sh, scripts/user-import-benchmark.sh); sourced, not run.
# Builds the jar if needed (or takes SWITCHBOARD_JAR), starts the portal on a fresh embedded database in a temporary
# directory with a benchmark admin, and sets PORT, PG_PORT, WORK and PGPASSWORD; start_app/stop_app restart it.
# bench_python runs a phase written in Python with the helpers of scripts/lib/import_bench.py importable.

JAR="${SWITCHBOARD_JAR:-$(ls target/switchboard-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
if [ -z "${SWITCHBOARD_JAR:-}" ] && { [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; }; then
  echo "Building the jar..."
  ./mvnw -q -B -DskipTests package
  JAR="$(ls target/switchboard-*.jar | grep -v original | head -1)"
fi

WORK="$(mktemp -d -t switchboard-bench-XXXXXX)"
APP_PID=""
stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
cleanup() {
  stop_app
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
export SWITCHBOARD_DATA_DIR="$WORK/postgres"
export SWITCHBOARD_ADMIN_EMAIL="bench@switchboard.test"
export SWITCHBOARD_ADMIN_PASSWORD="bench-password-1"
export SERVER_PORT="$PORT"

start_app() {
  local heap_opts="$1" log="$2"
  # shellcheck disable=SC2086
  java $heap_opts -jar "$JAR" >"$log" 2>&1 &
  APP_PID=$!
  # Up to 300 s: a shared machine under load starts it slowly.
  for _ in $(seq 1 600); do
    if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The application did not start; see its log:" >&2
      tail -50 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "The application did not answer in 300 s" >&2
  exit 1
}

echo "Starting the application (data in $WORK)..."
start_app "" "$WORK/app.log"
PG_PORT="$(grep -o 'Embedded PostgreSQL .* started on port [0-9]*' "$WORK/app.log" | grep -o '[0-9]*$' | head -1)"
# The embedded server wants a password: the superuser's is kept, owner read-only, in its data directory.
export PGPASSWORD="$(cat "$SWITCHBOARD_DATA_DIR/switchboard-superuser.password")"


BENCH_LIB="$(pwd)/scripts/lib"
# A phase in Python (the script on standard input): python3 - phase port pg_port rows work
bench_python() {
  PYTHONPATH="$BENCH_LIB${PYTHONPATH:+:$PYTHONPATH}" python3 - "$@"
}
