#!/usr/bin/env bash
# Creates .venv with the locked dependencies and Pantau installed in it (idempotent).
# pip's own output goes to var/log/install.log; its path and last lines are printed if it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Pantau needs Python 3.11 or newer (found: $("$PY" --version 2>&1))" >&2
  exit 1
fi
stamp=.venv/.pantau-lock-$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-16)
[ -e "$stamp" ] && exit 0

mkdir -p var/log
log=var/log/install.log
: >"$log"
step() {
  echo "$1" >>"$log"
  if ! "${@:2}" >>"$log" 2>&1; then
    echo "Pantau: installation failed at: $1" >&2
    echo "Pantau: full log in $(pwd)/$log; its last lines:" >&2
    tail -n 15 "$log" | sed 's/^/  | /' >&2
    exit 1
  fi
}
echo "Pantau: installing into .venv (first run, a few minutes; log: $log)" >&2
if [ ! -x .venv/bin/python ]; then
  step "creating .venv" "$PY" -m venv .venv
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
step "upgrading pip" .venv/bin/python -m pip install --upgrade pip
step "installing the locked dependencies" .venv/bin/python -m pip install -r requirements.lock
step "installing Pantau" .venv/bin/python -m pip install --no-deps -e .
rm -f .venv/.pantau-lock-*
touch "$stamp"
echo "Pantau: installed" >&2
