#!/usr/bin/env bash
# Notebook format benchmark: Quire vs Python's nbformat, side by side in one run, on the same 50 MB notebook.
# Usage: bench/notebook-format/run.sh [SIZE_MB] [REPEAT]     (defaults 50 and 7)
# Prints a Markdown table of medians and ratios, ready for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-50}
repeat=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

eng/install-test-deps.sh
dotnet build bench/Quire.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
/usr/bin/python3 bench/notebook-format/make_notebook.py "$work/big.ipynb" "$size"
bytes=$(stat -c %s "$work/big.ipynb")

# Alternate the two implementations so that machine noise hits both alike.
py_runs=() ; q_runs=()
for round in 1 2 3; do
  py_runs+=("$(/usr/bin/python3 bench/notebook-format/bench_nbformat.py "$work/big.ipynb" "$repeat")")
  q_runs+=("$(dotnet bench/Quire.Benchmarks/bin/Release/net10.0/Quire.Benchmarks.dll notebook-format "$work/big.ipynb" "$repeat")")
done

# Peak memory and cold timings of one read + validate + write, each in a fresh process (what `quire nb fmt` and a
# Python script cost).
py_mem=$(/usr/bin/python3 bench/notebook-format/bench_nbformat.py "$work/big.ipynb" 0)
q_mem=$(dotnet bench/Quire.Benchmarks/bin/Release/net10.0/Quire.Benchmarks.dll notebook-format "$work/big.ipynb" 0)

/usr/bin/python3 - "$bytes" "$py_mem" "$q_mem" "${py_runs[@]}" -- "${q_runs[@]}" <<'PY'
import json, statistics, sys
args = sys.argv[1:]
size = int(args[0]); sep = args.index("--")
py_mem, q_mem = json.loads(args[1]), json.loads(args[2])
py = [json.loads(a) for a in args[3:sep]]; q = [json.loads(a) for a in args[sep + 1:]]
def med(runs, key): return statistics.median([x for r in runs for x in r[key]])
pr, pw = med(py, "read"), med(py, "write")
qr, qv, qw = med(q, "read"), med(q, "validate"), med(q, "write")
ppeak = py_mem["peak_rss_bytes"]; qpeak = q_mem["peak_rss_bytes"]; qbase = q_mem["baseline_rss_bytes"]
n = sum(len(r["read"]) for r in q)
print(f"Notebook: {size / 1048576:.1f} MiB; steady state = medians of {n} timed passes each (after warm-up), interleaved in 3 rounds\n")
print("| step | nbformat (Python) | Quire | ratio |")
print("|---|---|---|---|")
print(f"| read + validate | {pr*1000:.0f} ms | {(qr+qv)*1000:.0f} ms (parse {qr*1000:.0f} + validate {qv*1000:.0f}) | {pr/(qr+qv):.1f}× |")
print(f"| write | {pw*1000:.0f} ms | {qw*1000:.0f} ms | {pw/qw:.1f}× |")
print(f"| read + validate + write | {(pr+pw)*1000:.0f} ms | {(qr+qv+qw)*1000:.0f} ms | **{(pr+pw)/(qr+qv+qw):.1f}×** |")
pc, qc = py_mem["cold"], q_mem["cold"]
print(f"| cold: first pass in a fresh process | {(pc[0]+pc[1])*1000:.0f} ms | {sum(qc)*1000:.0f} ms | {(pc[0]+pc[1])/sum(qc):.1f}× |")
print(f"| peak RSS, one pass in a fresh process | {ppeak/1048576:.0f} MiB ({ppeak/size:.1f}× file) | {qpeak/1048576:.0f} MiB ({qpeak/size:.1f}× file; {(qpeak-qbase)/1048576:.0f} MiB = {(qpeak-qbase)/size:.1f}× above the runtime's {qbase/1048576:.0f} MiB) | |")
PY
