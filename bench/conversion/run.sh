#!/usr/bin/env bash
# Conversion benchmark (issue 6): `quire convert --to html` vs Debian's `jupyter nbconvert --to html` (6.5, lab
# template) on the same generated notebook (bench/server/make_notebook.py: markdown, code, streams, HTML tables and a
# PNG every fourth cell), side by side in interleaved rounds; each run is a fresh process, timed from start to exit.
# Also times quire with each highlighter (the measurement that chose the default: ColorCode where it has the language).
# Usage: bench/conversion/run.sh [SIZE_KIB] [ROUNDS]   (defaults: 51200 5)
# Prints a Markdown table of medians and the ratio, ready for bench/RESULTS.md (progress on stderr).
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-51200}
rounds=${2:-5}
for tool in /usr/bin/python3 /usr/bin/jupyter-nbconvert; do
  [ -x "$tool" ] || { echo "bench/conversion: $tool is missing (eng/install-test-deps.sh installs it)" >&2; exit 3; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load_before=$(uptime | sed 's/.*load average: //')

dotnet build src/Quire.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
quire=(dotnet src/Quire.Cli/bin/Release/net10.0/quire.dll)
/usr/bin/python3 bench/server/make_notebook.py "$work/nb.ipynb" "$size"
bytes=$(stat -c %s "$work/nb.ipynb")

# "WALL,CPU" seconds that a command takes (CPU = user + system, which load on a shared machine inflates far less than
# wall time), output discarded.
time_it() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || { echo "bench/conversion: failed: $*" >&2; exit 1; }
  awk '{ printf "%.2f,%.2f", $1, $2 + $3 }' "$work/time"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A times
names=(quire nbconvert quire-textmate quire-colorcode quire-nohighlight)
for round in $(seq 1 "$rounds"); do
  times[quire]+="$(time_it "${quire[@]}" convert "$work/nb.ipynb" --to html -o "$work/quire.html") "
  times[nbconvert]+="$(time_it /usr/bin/jupyter-nbconvert --to html "$work/nb.ipynb" --output nbconvert --output-dir "$work") "
  times[quire-textmate]+="$(time_it "${quire[@]}" convert "$work/nb.ipynb" --to html -o "$work/tm.html" --highlighter textmate) "
  times[quire-colorcode]+="$(time_it "${quire[@]}" convert "$work/nb.ipynb" --to html -o "$work/cc.html" --highlighter colorcode) "
  times[quire-nohighlight]+="$(time_it "${quire[@]}" convert "$work/nb.ipynb" --to html -o "$work/none.html" --highlighter none) "
  echo "round $round done: quire ${times[quire]}| nbconvert ${times[nbconvert]}" >&2
done

declare -A med cpu
for name in "${names[@]}"; do
  med[$name]=$(echo "${times[$name]}" | tr ' ' '\n' | grep -v '^$' | cut -d, -f1 | median)
  cpu[$name]=$(echo "${times[$name]}" | tr ' ' '\n' | grep -v '^$' | cut -d, -f2 | median)
done
ratio=$(awk -v a="${med[nbconvert]}" -v b="${med[quire]}" 'BEGIN { printf "%.1f", a / b }')
cpu_ratio=$(awk -v a="${cpu[nbconvert]}" -v b="${cpu[quire]}" 'BEGIN { printf "%.1f", a / b }')
met=$(awk -v r="$ratio" 'BEGIN { print (r >= 10 ? "met" : "not met") }')

echo "Notebook: $((bytes / 1024 / 1024)) MiB ($bytes bytes), $rounds interleaved rounds; load before: $load_before"
echo
echo "| run | median wall (s) | median CPU (s) | all rounds (wall,CPU s) |"
echo "|---|---|---|---|"
echo "| \`jupyter nbconvert --to html\` (Debian 6.5) | ${med[nbconvert]} | ${cpu[nbconvert]} | ${times[nbconvert]% } |"
echo "| \`quire convert --to html\` (default highlighter) | ${med[quire]} | ${cpu[quire]} | ${times[quire]% } |"
echo "| quire, \`--highlighter colorcode\` | ${med[quire-colorcode]} | ${cpu[quire-colorcode]} | ${times[quire-colorcode]% } |"
echo "| quire, \`--highlighter textmate\` | ${med[quire-textmate]} | ${cpu[quire-textmate]} | ${times[quire-textmate]% } |"
echo "| quire, \`--highlighter none\` | ${med[quire-nohighlight]} | ${cpu[quire-nohighlight]} | ${times[quire-nohighlight]% } |"
echo
echo "Ratio nbconvert / quire (medians): wall ${ratio}×, CPU ${cpu_ratio}× — target ≥ 10× (wall): $met. Output sizes: quire $(stat -c %s "$work/quire.html") bytes, nbconvert $(stat -c %s "$work/nbconvert.html") bytes."
echo "Load after: $(uptime | sed 's/.*load average: //')"
