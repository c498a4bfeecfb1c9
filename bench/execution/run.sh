#!/usr/bin/env bash
# Execution benchmark (issue 6): a generated notebook of CELLS small code cells executed headlessly, side by side in
# one run: by Debian's nbclient with ipykernel, by `quire run` with the same ipykernel, and the same cells in C# by
# `quire run` with Quire's C# kernel. Each round runs all three as fresh processes; medians over ROUNDS.
# Kernel start and per-cell time are separated (nbclient_run.py times its phases; quire's come from the output's
# provenance metadata).
# Usage: bench/execution/run.sh [--quick] [CELLS] [ROUNDS]     defaults: 200 5; --quick: 20 1 (checks it runs; no figures)
# Prints a Markdown table of medians and the issue's targets, ready for bench/RESULTS.md (progress on stderr).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--quick" ]; then
  shift
  set -- "${1:-20}" "${2:-1}"
fi
cells=${1:-200}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

eng/install-test-deps.sh
dotnet build src/Quire.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null

# `quire run` runs from a private copy: a build in the working tree during the run must not swap assemblies under it.
mkdir -p "$work/bin/quire"
tar -C src/Quire.Cli/bin/Release/net10.0 --exclude=./publish -cf - . | tar -C "$work/bin/quire" -xf -
/usr/bin/python3 bench/execution/make_notebooks.py "$work" "$cells"

# Kernels keep their runtime files in the temp directory; the python3 kernelspec is Debian's, from /usr/share/jupyter;
# the C# kernel is the one next to quire.dll (what `quire kernel install` would register).
export JUPYTER_DATA_DIR="$work/data" JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" IPYTHONDIR="$work/ipython"
/usr/bin/python3 -c 'import nbclient, ipykernel, jupyter_client; print(f"nbclient {nbclient.__version__}, ipykernel {ipykernel.__version__}, jupyter_client {jupyter_client.__version__}")' >&2
echo "cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/python3 bench/execution/driver.py "$work" "$work/bin/quire/quire.dll" "$rounds"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
