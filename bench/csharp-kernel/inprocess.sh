#!/usr/bin/env bash
# The C# kernel's per-cell cost without messaging: ScriptRunner in one process (InProcess/), on the kernel's
# ReadyToRun images as the installed kernel runs, process CPU and wall per cell.
# Usage: bench/csharp-kernel/inprocess.sh [novel|chain] [CELLS] [RUNS] [phases|editor]   (defaults novel 200 3)
#   novel: bench/Quire.Benchmarks' five kinds of novel cells; chain: bench/execution's notebook (`var x17 = x16 + 17;`).
#   phases: CPU per compile phase of a chained submission instead; editor: the editor services' warm-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
kind=${1:-novel}
cells=${2:-200}
runs=${3:-3}
dotnet build bench/csharp-kernel/InProcess -c Release -nologo -clp:ErrorsOnly >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=bench/csharp-kernel/InProcess/bin/Release/net10.0
cp -r "$bin"/. "$work"/
# The kernel's ReadyToRun images (src/Quire.Kernel.CSharp/ReadyToRun.targets) over the IL ones, assemblies only.
for image in "$bin"/csharp-kernel/*.dll; do
  cp "$image" "$work/$(basename "$image")"
done
for run in $(seq "$runs"); do
  echo "run $run/$runs, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  dotnet "$work/Quire.Kernel.CSharp.InProcess.dll" "$kind" "$cells" ${4:+"$4"}
done
