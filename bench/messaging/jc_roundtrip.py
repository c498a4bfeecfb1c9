"""COUNT executes of `pass` with jupyter_client's BlockingKernelClient, each timed to its execute_reply; prints JSON.

Usage: jc_roundtrip.py CONNECTION_FILE COUNT
"""
import json
import sys
import time

from jupyter_client import BlockingKernelClient

path, count = sys.argv[1], int(sys.argv[2])
kc = BlockingKernelClient()
kc.load_connection_file(path)
kc.start_channels()
kc.wait_for_ready(timeout=30)
latencies = []
for i in range(count + 50):
    t = time.perf_counter()
    kc.execute("pass", reply=True, timeout=30)
    if i >= 50:  # same warm-up as Quire's side
        latencies.append(time.perf_counter() - t)
kc.stop_channels()
print(json.dumps(latencies))
