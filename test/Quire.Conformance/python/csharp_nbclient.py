"""Executes a small C# notebook with Debian's nbclient and the `csharp` kernelspec; prints each cell's outputs as JSON.

Usage: csharp_nbclient.py  (JUPYTER_PATH must hold kernels/csharp)
"""

import json
import sys

import nbformat
from nbclient import NotebookClient

CELLS = [
    "var greeting = \"hello\";",
    "int Square(int x) => x * x;",
    "Console.WriteLine($\"{greeting}, {Square(7)}\");",
    "Square(6) + greeting.Length",
    "Display(Html(\"<b>bold</b>\"));",
    "Console.Error.WriteLine(\"warned\");",
]


def main():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "csharp", "display_name": "C#", "language": "csharp"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    client = NotebookClient(nb, kernel_name="csharp", timeout=120, startup_timeout=60)
    client.execute()
    report = {
        "language": nb.metadata.get("language_info", {}).get("name"),
        "cells": [{"execution_count": c.execution_count, "outputs": c.outputs} for c in nb.cells],
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
