#!/usr/bin/env bash
# C# kernel benchmark: Quire's C# kernel vs Debian's ipykernel, side by side in one run, both started from their
# installed kernelspecs by Quire's provisioner and kernel manager and driven by the same Quire client (interleaved
# rounds): launch to kernel_info_reply and to the first 1+1, 1+1 and other cells, completion, interrupt, a 100 MiB
# print, idle RSS.
# The C# kernelspec is the one `quire kernel install` writes (Release build, as the packed tool), into a temp prefix.
# Usage: bench/csharp-kernel/run.sh [ROUNDS] [EXECUTES_PER_ROUND] [STREAM_MIB]   (defaults 3 400 100)
#        bench/csharp-kernel/run.sh novel [ROUNDS] [CELLS]   (defaults 3 200: a fresh kernel per round runs CELLS small
#        cells it never saw, a variable, a print, an expression, a function and a query in turn, as a notebook would)
# Prints a Markdown table of medians and ratios, ready for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=session
if [ "${1:-}" = novel ]; then
  mode=novel
  shift
fi
rounds=${1:-3}
executes=${2:-400}
stream=${3:-100}
cells=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

eng/install-test-deps.sh
dotnet build src/Quire.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Quire.Benchmarks -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet src/Quire.Cli/bin/Release/net10.0/quire.dll kernel install --prefix "$work/prefix" >&2

# Jupyter's paths point into the temp directory, as the conformance tests set them: the python3 spec still comes from
# /usr/share/jupyter (the system path), the csharp one from the prefix.
export JUPYTER_PATH="$work/prefix/share/jupyter" JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime"
export JUPYTER_CONFIG_DIR="$work/config" IPYTHONDIR="$work/ipython"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
if [ "$mode" = novel ]; then
  dotnet bench/Quire.Benchmarks/bin/Release/net10.0/Quire.Benchmarks.dll csharp-novel-cells "$rounds" "$cells"
else
  dotnet bench/Quire.Benchmarks/bin/Release/net10.0/Quire.Benchmarks.dll csharp-kernel "$rounds" "$executes" "$stream"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
