#!/usr/bin/env bash
# Fresh-clone check: does a new user's `npm ci && npm test` pass on a machine with nothing extra? Clones the
# committed HEAD into an empty temporary folder (no ../shared beside it) and runs the README's commands with
# REQUIRE_* and SLACK_MANIFEST_SCHEMA_DIR unset, TEST_DATABASE_URL at a closed port (so the store suite needs its
# embedded server) and, with --no-browser, Chromium hidden (CHROMIUM_PATH=/nonexistent). Prints what was skipped
# and the totals; exits with npm's status. Takes ~9 min on 2 cores (npm ci ~5 of them), so CI does not run it.
#   scripts/fresh-clone-check.sh [--no-browser] [--keep]
set -euo pipefail
no_browser=0
keep=0
for arg in "$@"; do
  case "$arg" in
    --no-browser) no_browser=1 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--no-browser] [--keep]" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fresh-clone-XXXXXX")"
# Readable by others: run as root, the embedded PostgreSQL runs as the postgres user and must reach node_modules.
chmod 755 "$work"
if [ "$keep" = 0 ]; then trap 'rm -rf "$work"' EXIT; fi
log="$work/npm.log"

# A port nothing listens on: bound, then released.
closed_port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

echo "fresh-clone check of ${rev:0:12} in $work/clone (no ../shared beside it)"
git clone --quiet --no-local --no-hardlinks "$repo" "$work/clone"
git -C "$work/clone" checkout --quiet --detach "$rev"

run_env=(env -u REQUIRE_POSTGRES -u REQUIRE_BROWSER -u SLACK_MANIFEST_SCHEMA_DIR -u DATABASE_URL -u CHROMIUM_PATH
  "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:${closed_port}/postgres")
if [ "$no_browser" = 1 ]; then run_env+=("CHROMIUM_PATH=/nonexistent"); fi

start=$SECONDS
status=0
(cd "$work/clone" && "${run_env[@]}" bash -c 'npm ci --no-audit --no-fund && npm test') >"$log" 2>&1 || status=$?
elapsed=$((SECONDS - start))

echo "--- skipped, and why:"
grep -aoE '\[skip\][^[:cntrl:]]*' "$log" | sort -u || echo "(nothing skipped)"
grep -aoE '\[postgres\][^[:cntrl:]]*' "$log" | sort -u || true
echo "--- totals:"
sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -aE '^\s*(Test Files|Tests)\s' || true
if [ "$status" = 0 ]; then
  echo "fresh-clone check PASSED in ${elapsed}s"
else
  echo "fresh-clone check FAILED (exit $status) in ${elapsed}s; last lines of the log:"
  sed 's/\x1b\[[0-9;]*m//g' "$log" | tail -n 40
  [ "$keep" = 1 ] || echo "(rerun with --keep to inspect $work)"
fi
[ "$keep" = 1 ] && echo "kept: $work (log: $log)"
exit "$status"
