#!/usr/bin/env bash
# Reliability checks of issue 9: crashes, a frozen database and a flood, against the real portal.
#
# Usage: scripts/fault-check.sh            (about five minutes)
#
# Starts the portal (the jar, built if needed) on the embedded PostgreSQL in a temporary data
# directory, drives writes from several clients, and:
#   1. kills the JVM with kill -9 during writes and restarts it: the first restart must succeed;
#   2. kills PostgreSQL with kill -9 during writes: every device answered 201 must be in the database;
#   3. freezes PostgreSQL (SIGSTOP) for 30 s: health DOWN within 5 s, the API answers 503, and
#      everything answers again within 5 s of the thaw;
#   4. floods one tenant with 200 concurrent large exports while another tenant signs in and lists
#      its devices: their p95 within 2x of idle, and no 500.
# It prints each result and exits non-zero when a check fails. Needs java 17, python3 and psql.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="$(ls target/switchboard-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  echo "Building the jar..."
  ./mvnw -q -B -DskipTests package
  JAR="$(ls target/switchboard-*.jar | grep -v original | head -1)"
fi
exec python3 "$(dirname "$0")/fault_check.py" "$JAR"
