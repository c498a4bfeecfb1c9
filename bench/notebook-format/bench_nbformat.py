"""Times Python's nbformat on one notebook: read (parse + validate) and write, REPEAT times after a warm-up; prints JSON.

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
reads, writes, cold = [], [], []
# One warm-up pass (nbformat compiles and caches its schema validator), then the timed passes.
for i in range(1 + repeat):
    t = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    read = time.perf_counter() - t
    t = time.perf_counter()
    nbformat.write(nb, out)
    write = time.perf_counter() - t
    del nb
    if i == 0:
        cold = [read, write]
    else:
        reads.append(read)
        writes.append(write)
os.remove(out)
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"read": reads, "write": writes, "cold": cold, "peak_rss_bytes": peak_kib * 1024}))
