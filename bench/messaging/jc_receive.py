"""Receives a flood of signed iopub messages with jupyter_client's Session (verify, replay check, unpack); prints JSON.

Usage: jc_receive.py CONNECTION_FILE COUNT READY_FILE
"""
import json
import os
import sys
import time

import zmq
from jupyter_client.session import Session

path, count, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path) as f:
    info = json.load(f)
session = Session(key=info["key"].encode(), signature_scheme=info["signature_scheme"])
session.digest_history_size = count + 1024
socket = zmq.Context.instance().socket(zmq.SUB)
socket.setsockopt(zmq.RCVHWM, 10_000_000)
socket.setsockopt(zmq.SUBSCRIBE, b"")
socket.setsockopt(zmq.RCVTIMEO, 60_000)  # report rather than hang if the flood stops short
socket.connect(f"tcp://{info['ip']}:{info['iopub_port']}")
received = size = 0
start = None
while True:
    _, msg = session.recv(socket, mode=0)
    kind = msg["header"]["msg_type"]
    if kind == "probe":
        if not os.path.exists(ready):
            open(ready, "w").close()
    elif kind == "done":
        open(ready + ".done", "w").close()
        seconds = time.perf_counter() - start if start else 0
        print(json.dumps({"messages": received, "bytes": size, "seconds": seconds}))
        sys.exit(0 if received == count else 1)
    else:
        if start is None:
            start = time.perf_counter()
        _ = msg["content"]["text"]
        received += 1
        size += len(msg["content"]["text"]) + 30
