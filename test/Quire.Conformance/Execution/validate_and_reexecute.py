"""Validates a notebook `quire run` wrote with Debian's nbformat, re-executes it with nbclient and compares outputs."""
import os
import sys

import nbformat
from nbclient import NotebookClient


def essentials(notebook):
    """What a cell showed: output types, stream names and texts, data bundles (not volatile metadata)."""
    return [
        [(o.get("output_type"), o.get("name"), o.get("text"), o.get("data"), o.get("ename")) for o in cell.get("outputs", [])]
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def main(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    before = essentials(notebook)
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": os.path.dirname(path)}}).execute()
    nbformat.validate(notebook)
    after = essentials(notebook)
    if before != after:
        print("outputs differ:\nquire:   %r\nnbclient: %r" % (before, after))
        return 1
    print("valid; re-executed %d cells; outputs match" % len(after))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
