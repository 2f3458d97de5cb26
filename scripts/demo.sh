#!/usr/bin/env bash
# One command for a newcomer: install Pantau in .venv and run the demo on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
exec .venv/bin/pantau demo "$@"
