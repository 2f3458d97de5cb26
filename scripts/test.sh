#!/usr/bin/env bash
# One command for the whole test suite: install Pantau and the services it needs, then run
# every test on SQLite and again on PostgreSQL. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
eval "$(./scripts/services.sh)"
.venv/bin/ruff check src tests benchmarks
.venv/bin/ruff format --check src tests benchmarks
echo "== tests on SQLite =="
.venv/bin/python -m pytest "$@"
echo "== tests on PostgreSQL =="
# The database-free parts (core, demo generator, detection CLI) ran above; the rest runs again here.
DATABASE_URL="$PANTAU_TEST_POSTGRES_URL" .venv/bin/python -m pytest \
  --ignore=tests/core --ignore=tests/demo --ignore=tests/cli/test_detection_cli.py "$@"
