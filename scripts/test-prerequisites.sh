#!/usr/bin/env bash
# Makes sure what the test suite talks to is there: Chromium (Debian package) for the browser tests.
# PostgreSQL needs nothing here: the tests use the server that answers at TEST_POSTGRES_URL (or
# 127.0.0.1:5432), and start a PostgreSQL from npm themselves when none does
# (test/support/postgres-server.ts).
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test prerequisites: installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test prerequisites: Chromium is missing; install it (sudo apt-get install chromium) and run the tests again" >&2
    exit 1
  fi
fi
