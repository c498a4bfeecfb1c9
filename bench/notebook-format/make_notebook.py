"""Writes a large, realistic notebook with Python's nbformat: many cells, long streams, HTML tables, base64 images.

Usage: make_notebook.py OUT.ipynb [SIZE_MB]
"""
import base64
import random
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

out = sys.argv[1]
target = int(float(sys.argv[2] if len(sys.argv) > 2 else 50) * 1024 * 1024)
rng = random.Random(42)

nb = new_notebook()
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python", "version": "3.11.2"}
size = 0
i = 0
while size < target:
    i += 1
    source = "\n".join(f"x_{i}_{j} = compute({j}, scale={rng.random():.6f})  # step {j} – résumé" for j in range(12))
    outputs = [new_output("stream", name="stdout", text="".join(f"iteration {k}: loss={rng.random():.8f}\n" for k in range(60)))]
    if i % 4 == 0:
        png = base64.b64encode(rng.randbytes(90_000)).decode("ascii")
        outputs.append(new_output("display_data", data={"image/png": png, "text/plain": "<Figure size 640x480 with 1 Axes>"},
                                  metadata={"image/png": {"width": 640, "height": 480}}))
        size += len(png)
    rows = "".join(f"<tr><td>{r}</td><td>{rng.random():.5f}</td></tr>\n" for r in range(40))
    outputs.append(new_output("execute_result", execution_count=i,
                              data={"text/plain": f"   value\n{rng.random()}", "text/html": f"<table>\n{rows}</table>"}))
    nb.cells.append(new_markdown_cell(f"## Step {i}\nSome *notes* about step {i}: α β γ"))
    nb.cells.append(new_code_cell(source, execution_count=i, outputs=outputs))
    size += len(source) + 60 * 32 + len(rows) + 200

nbformat.write(nb, out)
