"""Runs the execution benchmark's rounds and prints a Markdown table of medians (progress on stderr).

Each round runs, in this order: nbclient on the Python notebook, `quire run` on the Python notebook, `quire run` on
the C# notebook, each a fresh process timed from outside (wall clock, process start to exit). Kernel start and cell
time come from inside: nbclient_run.py measures them itself; for `quire run` they come from the output's metadata
(metadata.quire.run.start_time to the first cell's metadata.papermill.start_time, and first cell start to last cell end).
Usage: driver.py WORK_DIR QUIRE_DLL ROUNDS
"""
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))


def stamp(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()


def timed(command):
    begin = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - begin
    if done.returncode != 0:
        sys.exit("%s failed (%d):\n%s\n%s" % (" ".join(command), done.returncode, done.stdout, done.stderr))
    return wall, done.stdout


def nbclient(work):
    wall, out = timed(["/usr/bin/python3", os.path.join(HERE, "nbclient_run.py"), os.path.join(work, "python.ipynb"), os.path.join(work, "nbclient-out.ipynb")])
    inner = json.loads(out.strip().splitlines()[-1])
    return {"total": wall, "start": inner["start"], "cells": inner["cells"], "count": inner["count"]}


def quire(work, dll, name):
    output = os.path.join(work, name + "-quire-out.ipynb")
    wall, _ = timed(["dotnet", dll, "run", os.path.join(work, name + ".ipynb"), output, "--save-interval", "30"])
    with open(output, encoding="utf-8") as f:
        nb = json.load(f)
    run = nb["metadata"]["quire"]["run"]
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    first, last = cells[0]["metadata"]["papermill"], cells[-1]["metadata"]["papermill"]
    return {
        "total": wall,
        "start": stamp(first["start_time"]) - stamp(run["start_time"]),
        "cells": stamp(last["end_time"]) - stamp(first["start_time"]),
        "count": len(cells),
    }


def main(work, dll, rounds):
    results = {"nbclient": [], "quire-python": [], "quire-csharp": []}
    for r in range(rounds):
        results["nbclient"].append(nbclient(work))
        results["quire-python"].append(quire(work, dll, "python"))
        results["quire-csharp"].append(quire(work, dll, "csharp"))
        print("round %d/%d: %s" % (r + 1, rounds, {k: round(v[-1]["total"], 3) for k, v in results.items()}), file=sys.stderr)

    def median(name, key):
        return statistics.median(x[key] for x in results[name])

    def per_cell_ms(name):
        return statistics.median(x["cells"] / x["count"] for x in results[name]) * 1000

    rows = [
        ("nbclient 0.7.2 + ipykernel (Python)", "nbclient"),
        ("quire run + ipykernel (Python)", "quire-python"),
        ("quire run + Quire C# kernel (C#)", "quire-csharp"),
    ]
    count = results["nbclient"][0]["count"]
    print("| %d cells, median of %d rounds | total (process) | kernel start | all cells | per cell |" % (count, rounds))
    print("|---|---:|---:|---:|---:|")
    for label, key in rows:
        print("| %s | %.2f s | %.2f s | %.2f s | %.2f ms |" % (label, median(key, "total"), median(key, "start"), median(key, "cells"), per_cell_ms(key)))
    print()
    nb_total, q_total, cs_total = median("nbclient", "total"), median("quire-python", "total"), median("quire-csharp", "total")
    nb_cell, q_cell, cs_cell = per_cell_ms("nbclient"), per_cell_ms("quire-python"), per_cell_ms("quire-csharp")
    print("- quire run vs nbclient, same kernel, total: %.2fx (%s)" % (nb_total / q_total, "met" if q_total <= nb_total else "NOT met"))
    print("- quire run vs nbclient, same kernel, per cell: %.2fx (%s)" % (nb_cell / q_cell, "met" if q_cell <= nb_cell else "NOT met"))
    print("- C# notebook vs Python notebook under quire run, total: %.2fx (%s)" % (q_total / cs_total, "met" if cs_total <= q_total else "NOT met"))
    print("- C# notebook vs Python notebook under quire run, per cell: %.2fx (%s)" % (q_cell / cs_cell, "met" if cs_cell <= q_cell else "NOT met"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
