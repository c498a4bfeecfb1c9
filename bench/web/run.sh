#!/usr/bin/env bash
# The web UI in Chromium (issue 7): time to open and render a 500-cell notebook with 5 MB of outputs, and
# keystroke-to-paint latency while typing in it. Runs the built `quire serve` (build src/Quire.Cli -c Release first)
# on a random port over a temporary root. Usage: bench/web/run.sh [REPS=5]
# QUIRE_DLL=path/to/quire.dll runs another build (a copy whose wwwroot/ holds an earlier UI, for a before/after).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
reps="${1:-5}"
quire="${QUIRE_DLL:-$repo/src/Quire.Cli/bin/Release/net10.0/quire.dll}"
[ -f "$quire" ] || { echo "error: $quire is missing: dotnet build src/Quire.Cli -c Release" >&2; exit 1; }
[ -d "$repo/web/node_modules/playwright-core" ] || { echo "error: web/node_modules is missing: build src/Quire.Server (it runs npm ci)" >&2; exit 1; }

root="$(mktemp -d)"
log="$root.log"
token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() { [ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$root" "$log"; }
trap cleanup EXIT
node "$here/make-notebook.mjs" "$root/bench.ipynb"
dotnet "$quire" serve --root "$root" --ip 127.0.0.1 --port 0 --token "$token" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  url="$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$url" ] || { echo "error: quire serve did not print its URL" >&2; cat "$log" >&2; exit 1; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
cd "$repo/web"
JUPYTER_TOKEN="$token" node "$here/bench.mjs" "$url" bench.ipynb "$reps"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
