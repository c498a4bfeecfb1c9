"""Drive a kernel with Debian's jupyter_client (KernelManager + BlockingKernelClient) and report what it saw.

Usage: jupyter_client_drive.py KERNEL_NAME   (the kernelspec is found through JUPYTER_PATH)

Prints one JSON object: {"checks": [{"name", "ok", "details"}], "fatal": null or a traceback}. Every check runs even
when an earlier one failed, so that one report shows everything that diverges; the C# test asserts on it.
"""
import datetime
import json
import os
import sys
import time
import traceback

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 10
checks = []


def check(name, ok, **details):
    checks.append({"name": name, "ok": bool(ok), "details": details})


def run_check(name, fn):
    try:
        fn()
    except Exception:  # noqa: BLE001 - any failure becomes a failed check, not a lost report
        check(name, False, exception=traceback.format_exc())


def interactive(kc, code, **kwargs):
    outputs = []
    reply = kc.execute_interactive(code, timeout=TIMEOUT, output_hook=outputs.append, **kwargs)
    return reply, outputs


def of_type(outputs, msg_type):
    return [m for m in outputs if m["msg_type"] == msg_type]


def summary(outputs):
    return [[m["msg_type"], m["content"]] for m in outputs]


def header_ok(msg):
    header = msg["header"]
    return (
        isinstance(header.get("date"), datetime.datetime)
        and header["date"].tzinfo is not None
        and header.get("version") == "5.4"
        and bool(header.get("msg_id"))
        and bool(header.get("session"))
    )


def main(kernel_name):
    km, kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=30)
    check("started", km.is_alive(), interrupt_mode=km.kernel_spec.interrupt_mode, pid=km.provisioner.pid)
    try:
        run_check("kernel_info", lambda: kernel_info(kc))
        run_check("kernel_info_on_control", lambda: kernel_info_on_control(kc))
        run_check("execute_outputs", lambda: execute_outputs(kc))
        run_check("execute_error", lambda: execute_error(kc))
        run_check("complete_inspect_is_complete", lambda: introspection(kc))
        run_check("history_tail", lambda: history(kc))
        run_check("comm_info", lambda: comm_info(kc))
        run_check("stdin_input", lambda: stdin(kc, "input", "name?", False))
        run_check("stdin_password", lambda: stdin(kc, "password", "pw?", True))
        run_check("stdin_not_allowed", lambda: stdin_not_allowed(kc))
        run_check("interrupt", lambda: interrupt(km, kc))
        run_check("bad_signature_ignored", lambda: bad_signature(km, kc))
        run_check("restart", lambda: restart(km, kc))
    finally:
        run_check("shutdown", lambda: shutdown(km))
        kc.stop_channels()


def kernel_info(kc):
    reply = kc.kernel_info(reply=True, timeout=TIMEOUT)
    content = reply["content"]
    language = content.get("language_info", {})
    check(
        "kernel_info",
        reply["msg_type"] == "kernel_info_reply" and content.get("status") == "ok"
        and content.get("protocol_version") == "5.4" and language.get("name") == "quire-test"
        and language.get("file_extension") == ".txt" and header_ok(reply),
        content=content,
        header={k: str(v) for k, v in reply["header"].items()},
        signature_scheme=kc.session.signature_scheme,
    )


def kernel_info_on_control(kc):
    msg = kc.session.msg("kernel_info_request")
    kc.control_channel.send(msg)
    reply = kc._recv_reply(msg["header"]["msg_id"], timeout=TIMEOUT, channel="control")
    check("kernel_info_on_control", reply["msg_type"] == "kernel_info_reply", msg_type=reply["msg_type"])


def execute_outputs(kc):
    reply, outputs = interactive(kc, "print hello\nresult 42\ndisplay <x>")
    count = reply["content"].get("execution_count")
    types = [m["msg_type"] for m in outputs]
    states = [m["content"]["execution_state"] for m in of_type(outputs, "status")]
    streams = of_type(outputs, "stream")
    results = of_type(outputs, "execute_result")
    displays = of_type(outputs, "display_data")
    inputs = of_type(outputs, "execute_input")
    parents_ok = all(
        m["parent_header"].get("msg_type") == "execute_request" and m["parent_header"].get("session") == kc.session.session
        for m in outputs
    )
    check(
        "execute_outputs",
        reply["content"]["status"] == "ok" and isinstance(count, int) and count >= 1
        and types[0] == "status" and types[-1] == "status" and states == ["busy", "idle"]
        and [s["content"] for s in streams] == [{"name": "stdout", "text": "hello\n"}]
        and len(results) == 1 and results[0]["content"]["data"].get("text/plain") == "42"
        and results[0]["content"].get("execution_count") == count
        and len(displays) == 1 and displays[0]["content"]["data"].get("text/html") == "<b>&lt;x&gt;</b>"
        and len(inputs) == 1 and inputs[0]["content"].get("execution_count") == count
        and parents_ok and all(header_ok(m) for m in outputs),
        reply=reply["content"],
        outputs=summary(outputs),
    )


def execute_error(kc):
    reply, outputs = interactive(kc, "error ValueError bad value")
    content = reply["content"]
    errors = of_type(outputs, "error")
    check(
        "execute_error",
        content["status"] == "error" and content.get("ename") == "ValueError" and content.get("evalue") == "bad value"
        and isinstance(content.get("traceback"), list)
        and len(errors) == 1 and errors[0]["content"]["ename"] == "ValueError"
        and isinstance(errors[0]["content"].get("traceback"), list) and len(errors[0]["content"]["traceback"]) > 0,
        reply=content,
        outputs=summary(outputs),
    )


def introspection(kc):
    complete = kc.complete("pri", 3, reply=True, timeout=TIMEOUT)["content"]
    inspect = kc.inspect("print", 5, reply=True, timeout=TIMEOUT)["content"]
    verdicts = {
        code: kc._recv_reply(kc.is_complete(code), timeout=TIMEOUT)["content"]
        for code in ("print x", "print x\\", "!!bad")
    }
    check(
        "complete_inspect_is_complete",
        complete.get("status") == "ok" and "print" in complete.get("matches", [])
        and complete.get("cursor_start") == 0 and complete.get("cursor_end") == 3
        and inspect.get("status") == "ok" and inspect.get("found") is True and "text/plain" in inspect.get("data", {})
        and verdicts["print x"].get("status") == "complete"
        and verdicts["print x\\"].get("status") == "incomplete" and verdicts["print x\\"].get("indent") == "  "
        and verdicts["!!bad"].get("status") == "invalid",
        complete=complete,
        inspect=inspect,
        is_complete=verdicts,
    )


def history(kc):
    content = kc.history(hist_access_type="tail", n=10, output=False, raw=True, reply=True, timeout=TIMEOUT)["content"]
    entries = content.get("history", [])
    check(
        "history_tail",
        content.get("status") == "ok"
        and any(len(e) == 3 and e[2] == "print hello\nresult 42\ndisplay <x>" and isinstance(e[1], int) for e in entries),
        history=entries,
    )


def comm_info(kc):
    content = kc.comm_info(reply=True, timeout=TIMEOUT)["content"]
    check("comm_info", content.get("status") == "ok" and content.get("comms") == {}, content=content)


def stdin(kc, command, prompt, password):
    """input_request on stdin, answered with kc.input(), which (like ipykernel expects) sends an input_reply with an
    empty parent_header. Should the kernel ignore that, an input_reply parented by the request (as JupyterLab sends)
    is tried so that the cell ends and the remaining checks still run."""
    msg_id = kc.execute(f"{command} {prompt}", allow_stdin=True)
    requests, outputs, reply = [], [], None
    deadline = time.monotonic() + TIMEOUT
    answered_at = None
    parented_fallback = False
    while time.monotonic() < deadline and (reply is None or not idle(outputs)):
        for name, get in (("stdin", kc.get_stdin_msg), ("iopub", kc.get_iopub_msg), ("shell", kc.get_shell_msg)):
            try:
                msg = get(timeout=0.05)
            except Exception:  # queue.Empty
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if name == "stdin":
                requests.append(msg)
                kc.input("alice")
                answered_at = time.monotonic()
            elif name == "iopub":
                outputs.append(msg)
            else:
                reply = msg
        if answered_at is not None and not of_type(outputs, "stream") and time.monotonic() - answered_at > 3 and not parented_fallback:
            parented_fallback = True
            kc.stdin_channel.send(kc.session.msg("input_reply", {"value": "alice"}, parent=requests[-1]["header"]))
    streams = [m["content"]["text"] for m in of_type(outputs, "stream")]
    request = requests[0] if requests else None
    check(
        f"stdin_{command}",
        reply is not None and reply["content"]["status"] == "ok" and len(requests) == 1
        and request["content"].get("prompt") == prompt and request["content"].get("password") is password
        and streams == ["got: alice\n"],
        input_requests=[[r["msg_type"], r["content"]] for r in requests],
        reply=None if reply is None else reply["content"],
        outputs=summary(outputs),
    )
    check(
        f"stdin_{command}_reply_without_parent",
        request is not None and not parented_fallback and streams == ["got: alice\n"],
        explanation="jupyter_client's KernelClient.input() sends input_reply with an empty parent_header; ipykernel "
        "takes the next input_reply on stdin whatever its parent",
        needed_parented_reply=parented_fallback,
        outputs=summary(outputs),
    )


def idle(outputs):
    return any(m["msg_type"] == "status" and m["content"]["execution_state"] == "idle" for m in outputs)


def stdin_not_allowed(kc):
    reply, outputs = interactive(kc, "input name?", allow_stdin=False)
    check(
        "stdin_not_allowed",
        reply["content"]["status"] == "error" and reply["content"].get("ename") == "StdinNotImplementedError",
        reply=reply["content"],
        outputs=summary(outputs),
    )


def wait_iopub(kc, msg_id, predicate, timeout=TIMEOUT):
    """Reads iopub until a message whose parent is msg_id satisfies predicate; returns the messages read."""
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:  # queue.Empty
            break
        seen.append(msg)
        if msg["parent_header"].get("msg_id") == msg_id and predicate(msg):
            return seen, True
    return seen, False


def interrupt(km, kc):
    msg_id = kc.execute("sleep 30")
    _, started = wait_iopub(kc, msg_id, lambda m: m["msg_type"] == "execute_input")
    begun = time.monotonic()
    km.interrupt_kernel()
    reply = kc._recv_reply(msg_id, timeout=TIMEOUT)
    elapsed = time.monotonic() - begun
    wait_iopub(kc, msg_id, lambda m: m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")
    after, outputs = interactive(kc, "print still here")
    check(
        "interrupt",
        started and reply["content"]["status"] == "error" and reply["content"].get("ename") == "KeyboardInterrupt"
        and elapsed < 5 and after["content"]["status"] == "ok"
        and [m["content"]["text"] for m in of_type(outputs, "stream")] == ["still here\n"],
        started=started,
        reply=reply["content"],
        seconds=round(elapsed, 3),
        after=summary(outputs),
    )


def bad_signature(km, kc):
    sock = km.connect_shell(identity=b"quire-conformance-raw")
    try:
        wrong = Session(key=b"not-the-kernel-key", signature_scheme=km.session.signature_scheme, username="intruder")
        forged = wrong.send(sock, "kernel_info_request", {})
        # Rightly signed, then altered after signing: the signature no longer covers the content.
        tampered = km.session.msg("kernel_info_request", {})
        frames = km.session.serialize(tampered)
        frames[-1] = b'{"tampered": true}'
        sock.send_multipart(frames)
        bad_ids = {forged["header"]["msg_id"], tampered["header"]["msg_id"]}
        answered = []
        if sock.poll(2000, zmq.POLLIN):
            while sock.poll(0, zmq.POLLIN):
                _, frames = km.session.feed_identities(sock.recv_multipart())
                answered.append(km.session.deserialize(frames)["parent_header"].get("msg_id"))
        busy_for_bad = [m for m in drain_iopub(kc) if m["parent_header"].get("msg_id") in bad_ids]
        good = km.session.send(sock, "kernel_info_request", {})
        reply = None
        if sock.poll(TIMEOUT * 1000, zmq.POLLIN):
            _, frames = km.session.feed_identities(sock.recv_multipart())
            reply = km.session.deserialize(frames)
        check(
            "bad_signature_ignored",
            not answered and not busy_for_bad and km.is_alive() and reply is not None
            and reply["msg_type"] == "kernel_info_reply" and reply["parent_header"]["msg_id"] == good["header"]["msg_id"],
            replies_to_bad_messages=[a for a in answered if a in bad_ids],
            other_replies=[a for a in answered if a not in bad_ids],
            iopub_for_bad=summary(busy_for_bad),
            good_reply=None if reply is None else reply["msg_type"],
        )
    finally:
        sock.close(linger=0)


def drain_iopub(kc):
    drained = []
    while True:
        try:
            drained.append(kc.get_iopub_msg(timeout=0.2))
        except Exception:  # queue.Empty
            return drained


def restart(km, kc):
    old = km.provisioner.process
    old_pid = old.pid
    km.restart_kernel(now=False)
    new_pid = km.provisioner.pid
    kc.wait_for_ready(timeout=30)
    reply, outputs = interactive(kc, "print after restart")
    check(
        "restart",
        old.poll() == 0 and new_pid != old_pid and km.is_alive() and reply["content"]["status"] == "ok"
        and reply["content"].get("execution_count") == 1
        and [m["content"]["text"] for m in of_type(outputs, "stream")] == ["after restart\n"],
        old_exit_code=old.poll(),
        old_pid=old_pid,
        new_pid=new_pid,
        reply=reply["content"],
        outputs=summary(outputs),
    )


def shutdown(km):
    process = km.provisioner.process if km.provisioner is not None else None
    begun = time.monotonic()
    km.shutdown_kernel(now=False)
    elapsed = time.monotonic() - begun
    code = None if process is None else process.poll()
    gone = process is not None and not pid_exists(process.pid)
    # shutdown_wait_time is 5 s: an exit within it is the kernel's own, not SIGTERM's or SIGKILL's.
    check(
        "shutdown",
        not km.is_alive() and code == 0 and gone and elapsed < km.shutdown_wait_time,
        exit_code=code,
        seconds=round(elapsed, 3),
        gone=gone,
    )


def pid_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


if __name__ == "__main__":
    fatal = None
    try:
        main(sys.argv[1])
    except Exception:  # noqa: BLE001 - reported to the C# side
        fatal = traceback.format_exc()
    print(json.dumps({"checks": checks, "fatal": fatal}, default=str))
