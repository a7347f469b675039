#!/usr/bin/env bash
# The README's first command on a fresh clone: `make run` must install, migrate, load the
# demo and serve the login page. Started from a clean clone of this commit, stopped after.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port="${MAKE_RUN_PORT:-8765}"
git clone -q "$repo" "$work/teilhabe"
cd "$work/teilhabe"
setsid make run PORT="$port" >"$work/run.log" 2>&1 &
leader=$!
cleanup() { kill -- "-$leader" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/konto/anmelden/" -o "$work/login.html" 2>/dev/null; then
    if grep -q "Anmelden" "$work/login.html"; then
      echo "make run: login page served after a fresh clone"
      grep -m1 -i "passwort" "$work/run.log" || true
      exit 0
    fi
  fi
  if ! kill -0 "$leader" 2>/dev/null; then
    echo "make run stopped:"; tail -40 "$work/run.log"; exit 1
  fi
  sleep 1
done
echo "make run did not serve the login page within 10 minutes:"; tail -40 "$work/run.log"
exit 1
