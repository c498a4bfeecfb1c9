"""Receives a flood of signed iopub messages with jupyter_client's Session (verify, replay check, unpack); prints JSON.

Usage: jc_receive.py CONNECTION_FILE COUNT READY_FILE

The peer is Quire.Benchmarks messaging-flood; the protocol (probes, warm-up rounds, "start", COUNT timed messages,
"done") is described in bench/Quire.Benchmarks/Messaging/FloodProtocol.cs. Prints the timed part's messages, bytes,
seconds and CPU seconds, and the warm-up: its first round's messages and seconds (the cold figure), messages, rounds.
"""
import json
import os
import sys
import time

import zmq
from jupyter_client.session import Session

path, count, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
min_warm_up = count // 2  # FloodProtocol.MinWarmUp
with open(path) as f:
    info = json.load(f)
session = Session(key=info["key"].encode(), signature_scheme=info["signature_scheme"])
# Room for every signature of the run: the history is never culled (a cull sorts it, which would slow Python down).
session.digest_history_size = 10_000_000
socket = zmq.Context.instance().socket(zmq.SUB)
# libzmq's default receive high-water mark, as Quire's receiver keeps NetMQ's: at the mark a SUB socket stops reading
# from TCP (it does not drop), and the publisher's own mark is large enough to drop nothing.
socket.setsockopt(zmq.SUBSCRIBE, b"")
socket.setsockopt(zmq.RCVTIMEO, 60_000)  # report rather than hang if the flood stops short
socket.connect(f"tcp://{info['ip']}:{info['iopub_port']}")
received = size = warm_received = cold_received = rounds = 0
timed = False
start = cpu_start = cold_start = None
cold_seconds = 0.0
while True:
    _, msg = session.recv(socket, mode=0)
    kind = msg["header"]["msg_type"]
    if kind == "probe":
        if not os.path.exists(ready):
            open(ready, "w").close()
    elif kind == "round":
        if rounds == 0:
            cold_seconds = time.perf_counter() - cold_start
        rounds += 1
        # Python has no JIT to wait for: warm once the minimum is in.
        open(ready + (".warm" if warm_received >= min_warm_up else ".round"), "w").close()
    elif kind == "start":
        timed = True
        # process_time covers every thread of the process, libzmq's I/O thread included.
        cpu_start = time.process_time()
        start = time.perf_counter()
    elif kind == "done":
        seconds = time.perf_counter() - start if start else 0
        cpu_seconds = time.process_time() - cpu_start if start else 0
        open(ready + ".done", "w").close()
        print(json.dumps({"messages": received, "bytes": size, "seconds": seconds, "cpu_seconds": cpu_seconds,
                          "cold_messages": cold_received, "cold_seconds": cold_seconds,
                          "warmup_messages": warm_received, "warmup_rounds": rounds}))
        sys.exit(0 if received == count else 1)
    else:
        text = msg["content"]["text"]
        if timed:
            received += 1
            size += len(text) + 30
        else:
            if rounds == 0:
                if cold_start is None:
                    cold_start = time.perf_counter()
                cold_received += 1
            warm_received += 1
