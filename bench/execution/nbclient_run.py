"""Executes a notebook with Debian's nbclient as `jupyter nbconvert --execute` does, timing the phases.

Prints one JSON line: kernel start (NotebookClient.setup_kernel up to a ready client), the cells (execute_cell for
each), and everything from before the client is created to after the kernel is shut down and the output written.
Usage: nbclient_run.py INPUT OUTPUT
"""
import json
import sys
import time

import nbformat
from nbclient import NotebookClient


def main(input_path, output_path):
    begin = time.perf_counter()
    nb = nbformat.read(input_path, as_version=4)
    client = NotebookClient(nb, kernel_name=nb.metadata["kernelspec"]["name"])
    with client.setup_kernel():
        ready = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        cells_done = time.perf_counter()
    nbformat.write(nb, output_path)
    end = time.perf_counter()
    print(json.dumps({"start": ready - begin, "cells": cells_done - ready, "count": len(nb.cells), "inner_total": end - begin}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
