#!/usr/bin/env bash
# Messaging benchmark: Quire's client vs Debian's jupyter_client, side by side in one run.
#  1. execute round trip of `pass` against ONE ipykernel (both clients, interleaved rounds): p50 and p99;
#  2. receive throughput of signed iopub stream messages from a peer flooding as fast as ZeroMQ allows, after a
#     warm-up (bench/Quire.Benchmarks/Messaging/FloodProtocol.cs); both receivers also report CPU time per message.
# Usage: bench/messaging/run.sh [EXECUTES] [FLOOD_MESSAGES] [TEXT_BYTES]   (defaults 2000 200000 200)
set -euo pipefail
cd "$(dirname "$0")/../.."
executes=${1:-2000}
flood=${2:-200000}
size=${3:-200}
work=$(mktemp -d)
kernel_pid=""
cleanup() { [ -n "$kernel_pid" ] && kill "$kernel_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

eng/install-test-deps.sh
dotnet build bench/Quire.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
bench=bench/Quire.Benchmarks/bin/Release/net10.0/Quire.Benchmarks.dll
connection() { /usr/bin/python3 -c "import uuid; from jupyter_client.connect import write_connection_file as w; w('$1', ip='127.0.0.1', key=uuid.uuid4().hex.encode())"; }

connection "$work/kernel.json"
/usr/bin/python3 -m ipykernel_launcher -f "$work/kernel.json" >/dev/null 2>&1 &
kernel_pid=$!
# Wait until the kernel answers kernel_info (a client that looks before it has bound sees no heartbeat).
/usr/bin/python3 - "$work/kernel.json" <<'PY'
import sys, time
from jupyter_client import BlockingKernelClient
deadline = time.monotonic() + 60
while True:
    kc = BlockingKernelClient(); kc.load_connection_file(sys.argv[1]); kc.start_channels()
    try:
        kc.kernel_info(reply=True, timeout=5); break
    except Exception:
        if time.monotonic() > deadline: raise
    finally:
        kc.stop_channels()
PY
py_rt=(); q_rt=()
for round in 1 2 3; do
  py_rt+=("$(/usr/bin/python3 bench/messaging/jc_roundtrip.py "$work/kernel.json" "$executes")")
  q_rt+=("$(dotnet "$bench" messaging-roundtrip "$work/kernel.json" "$executes")")
done
kill "$kernel_pid"; kernel_pid=""

py_rx=(); q_rx=(); wire=0
for round in 1 2 3; do
  connection "$work/flood.json"
  rm -f "$work"/ready*
  /usr/bin/python3 bench/messaging/jc_receive.py "$work/flood.json" "$flood" "$work/ready" > "$work/py.json" &
  receiver=$!
  wire=$(dotnet "$bench" messaging-flood "$work/flood.json" "$flood" "$size" "$work/ready")
  wait "$receiver" || echo "warning: the jupyter_client receiver got fewer messages than sent" >&2; py_rx+=("$(cat "$work/py.json")")
  connection "$work/flood.json"
  rm -f "$work"/ready*
  dotnet "$bench" messaging-receive "$work/flood.json" "$flood" "$work/ready" > "$work/q.json" &
  receiver=$!
  dotnet "$bench" messaging-flood "$work/flood.json" "$flood" "$size" "$work/ready" >/dev/null
  wait "$receiver" || echo "warning: the Quire receiver got fewer messages than sent" >&2; q_rx+=("$(cat "$work/q.json")")
done

/usr/bin/python3 - "$wire" "${py_rt[@]}" -- "${q_rt[@]}" -- "${py_rx[@]}" -- "${q_rx[@]}" <<'PY'
import json, statistics, sys
wire = int(sys.argv[1]); rest = sys.argv[2:]
groups, cur = [], []
for a in rest:
    if a == "--": groups.append(cur); cur = []
    else: cur.append(json.loads(a))
groups.append(cur)
py_rt, q_rt, py_rx, q_rx = groups
def pct(xs, p):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(p / 100 * len(xs)))]
pl = [x for r in py_rt for x in r]; ql = [x for r in q_rt for x in r]
print(f"Round trip: {len(pl)} executes of `pass` per client against one ipykernel, 3 interleaved rounds\n")
print("| client | p50 | p99 | executes/s |")
print("|---|---|---|---|")
print(f"| jupyter_client | {pct(pl,50)*1000:.2f} ms | {pct(pl,99)*1000:.2f} ms | {1/statistics.mean(pl):.0f} |")
print(f"| Quire | {pct(ql,50)*1000:.2f} ms | {pct(ql,99)*1000:.2f} ms | {1/statistics.mean(ql):.0f} |")
print(f"| ratio (jupyter_client ÷ Quire) | {pct(pl,50)/pct(ql,50):.2f}× | {pct(pl,99)/pct(ql,99):.2f}× | |\n")
def rate(runs): return statistics.median([r["messages"] / r["seconds"] for r in runs])
def cpu(runs): return statistics.median([r["cpu_seconds"] / r["messages"] * 1e6 for r in runs])
def cold(runs): return statistics.median([r["cold_messages"] / r["cold_seconds"] for r in runs])
pr, qr = rate(py_rx), rate(q_rx)
pc, qc = cpu(py_rx), cpu(q_rx)
n = py_rx[0]["messages"]
rounds = "; ".join(f"{p['messages'] / p['seconds']:,.0f} vs {q['messages'] / q['seconds']:,.0f}" for p, q in zip(py_rx, q_rx))
print(f"Receive: {n} signed stream messages of {wire} wire bytes each, verified and unpacked, after a warm-up; "
      f"median of 3 rounds (messages/s, jupyter_client vs Quire: {rounds})\n")
print("| receiver | messages/s | MB/s | CPU per message (all threads) | cold: first 10,000 messages/s |")
print("|---|---|---|---|---|")
print(f"| jupyter_client Session | {pr:,.0f} | {pr*wire/1e6:.1f} | {pc:.1f} µs | {cold(py_rx):,.0f} |")
print(f"| Quire | {qr:,.0f} | {qr*wire/1e6:.1f} | {qc:.1f} µs | {cold(q_rx):,.0f} |")
print(f"| ratio (Quire ÷ jupyter_client) | **{qr/pr:.1f}×** | | {pc/qc:.1f}× less | {cold(q_rx)/cold(py_rx):.1f}× |")
jit = statistics.median([r["jit_methods"] for r in q_rx]); gc = statistics.median([r["gc_pause_seconds"] / r["seconds"] * 100 for r in q_rx])
warm = statistics.median([r["warmup_messages"] for r in q_rx])
print(f"\nQuire's timed part: median {jit:.0f} methods JIT-compiled, {gc:.1f}% of the time in GC pauses; "
      f"warm-up {warm:,.0f} messages (jupyter_client: {py_rx[0]['warmup_messages']:,})")
PY
