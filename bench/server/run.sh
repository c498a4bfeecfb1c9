#!/usr/bin/env bash
# Server benchmark (issue 5): `quire serve` vs Debian's jupyter_server 1.23, side by side in one run, each in its own
# process on its own copy of the same generated notebooks, driven by one .NET client (the same HttpClient and
# ClientWebSocket code for both) in interleaved rounds:
#  1. GET (with content) and PUT (save) of notebooks of each size;
#  2. concurrent GETs of a 10 KiB notebook by WORKERS clients for SECONDS (requests/s);
#  3. KERNELS python3 kernels (Debian's ipykernel) POSTed at once until each one's WebSocket answered kernel_info and
#     GET /api/kernels/{id} says idle; then deleted at once;
#  4. `1+1` round trips from send to execute_reply over the legacy and the v1 WebSocket protocol, and over ZeroMQ
#     straight to the same kernel (Quire's client), p50/p99.
# Usage: bench/server/run.sh [--quick] [SIZES_KIB] [ROUNDS] [PASSES] [WORKERS] [SECONDS] [KERNELS] [EXECUTES]
#   defaults: 100,5120,51200 3 5 16 10 20 1000 (EXECUTES: timed executes per server and path, over all rounds)
#   --quick:  100,1024 1 2 4 2 3 60 — checks that everything runs end to end against both servers; not for figures.
# Prints a Markdown table of medians, ratios and the issue's targets, ready for bench/RESULTS.md (progress on stderr).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--quick" ]; then
  shift
  set -- "${1:-100,1024}" "${2:-1}" "${3:-2}" "${4:-4}" "${5:-2}" "${6:-3}" "${7:-60}"
fi
sizes=${1:-100,5120,51200}
rounds=${2:-3}
passes=${3:-5}
workers=${4:-16}
seconds=${5:-10}
kernels=${6:-20}
executes=${7:-1000}
work=$(mktemp -d)
cleanup() {
  # Servers the benchmark could not stop itself (interrupted): by the process ids it recorded; they stop their kernels.
  for pid_file in "$work"/*/state/server.pid; do
    if [ -f "$pid_file" ]; then kill -TERM "$(cat "$pid_file")" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

eng/install-test-deps.sh
dotnet build src/Quire.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Quire.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null

# Both run from private copies: a build in the working tree during the run (another change, a test run) must not swap
# assemblies under a running server.
mkdir -p "$work/bin/quire" "$work/bin/client"
tar -C src/Quire.Cli/bin/Release/net10.0 --exclude=./publish -cf - . | tar -C "$work/bin/quire" -xf -
cp -r bench/Quire.Benchmarks/bin/Release/net10.0/. "$work/bin/client"

mkdir -p "$work/notebooks"
for kib in ${sizes//,/ }; do
  /usr/bin/python3 bench/server/make_notebook.py "$work/notebooks/contents-${kib}KiB.ipynb" "$kib"
done
/usr/bin/python3 bench/server/make_notebook.py "$work/notebooks/concurrent.ipynb" 10

# The benchmark's own kernel (the kernel-alone baseline) keeps its files in the temp directory; each server gets its
# own Jupyter directories from the benchmark. The python3 kernelspec is Debian's, from /usr/share/jupyter.
export JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" IPYTHONDIR="$work/ipython"
/usr/bin/python3 -c 'import jupyter_server, ipykernel, tornado, zmq; print(f"jupyter_server {jupyter_server.__version__}, ipykernel {ipykernel.__version__}, tornado {tornado.version}, pyzmq {zmq.__version__}")' >&2
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet "$work/bin/client/Quire.Benchmarks.dll" server "$work/bin/quire/quire.dll" \
  "$work/notebooks" "$work" "$rounds" "$passes" "$workers" "$seconds" "$kernels" "$executes"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
