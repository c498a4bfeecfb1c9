"""Times Python's nbformat on one notebook: read (parse + validate) and write, REPEAT times each; prints JSON.

Usage: bench_nbformat.py NOTEBOOK REPEAT
"""
import json
import os
import resource
import sys
import tempfile
import time

import nbformat

path, repeat = sys.argv[1], int(sys.argv[2])
out = os.path.join(tempfile.mkdtemp(), "out.ipynb")
reads, writes = [], []
for _ in range(repeat):
    t = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    reads.append(time.perf_counter() - t)
    t = time.perf_counter()
    nbformat.write(nb, out)
    writes.append(time.perf_counter() - t)
os.remove(out)
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"read": reads, "write": writes, "peak_rss_bytes": peak_kib * 1024}))
