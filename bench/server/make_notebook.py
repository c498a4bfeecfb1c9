"""Writes a realistic notebook of about SIZE_KIB KiB with Python's nbformat: markdown cells, code cells with stream
output, HTML tables and, every fourth cell, a base64 PNG (smaller for small notebooks, so that even 10 KiB has one).

Usage: make_notebook.py OUT.ipynb SIZE_KIB
"""
import base64
import copy
import json
import random
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from nbformat.v4.rwbase import split_lines

out = sys.argv[1]
target = int(float(sys.argv[2]) * 1024)
rng = random.Random(42)
image_bytes = max(512, min(90_000, target // 12))


def written_size(cell):
    # What the cell adds to the file as nbformat.write lays it out: lines split, indent 1, nested two levels deep.
    split = split_lines(nbformat.from_dict({"cells": [copy.deepcopy(cell)]})).cells[0]
    text = json.dumps(split, sort_keys=True, indent=1, ensure_ascii=False)
    return len(text.encode("utf-8")) + 2 * (text.count("\n") + 1) + 2


nb = new_notebook()
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python", "version": "3.11.2"}
size = len(nbformat.writes(nb).encode("utf-8"))
i = 0
while size < target:
    i += 1
    markdown = new_markdown_cell(f"## Step {i}\nSome *notes* about step {i}: α β γ, see [the docs](https://example.org/{i}).")
    source = "\n".join(f"x_{i}_{j} = compute({j}, scale={rng.random():.6f})  # step {j} – résumé" for j in range(8))
    outputs = [new_output("stream", name="stdout", text="".join(f"iteration {k}: loss={rng.random():.8f}\n" for k in range(20)))]
    if i % 4 == 1:
        png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + rng.randbytes(image_bytes)).decode("ascii")
        outputs.append(new_output("display_data", data={"image/png": png, "text/plain": "<Figure size 640x480 with 1 Axes>"},
                                  metadata={"image/png": {"width": 640, "height": 480}}))
    rows = "".join(f"<tr><td>{r}</td><td>{rng.random():.5f}</td></tr>\n" for r in range(15))
    outputs.append(new_output("execute_result", execution_count=i,
                              data={"text/plain": f"   value\n{rng.random()}", "text/html": f"<table>\n{rows}</table>"}))
    code = new_code_cell(source, execution_count=i, outputs=outputs)
    for cell in (markdown, code):
        nb.cells.append(cell)
        size += written_size(cell)

nbformat.write(nb, out)
