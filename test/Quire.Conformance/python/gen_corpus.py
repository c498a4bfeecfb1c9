"""Generate a varied corpus of notebooks for the nbformat round-trip conformance test.

Usage: gen_corpus.py OUT_DIR

Writes notebooks (and a few near-notebooks) into OUT_DIR as raw bytes, so that on-disk forms Python's own writer
would never produce (strings split in odd places, compact JSON, escapes, duplicate keys, NaN) are covered too.
Deterministic: the same files every run. Also copies real notebooks found on this machine (capped).
"""

import base64
import json
import os
import random
import shutil
import sys

from nbformat import v3

OUT = sys.argv[1]
RNG = random.Random(20240601)
FILES = {}

LINE_BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
UNICODE = [
    "日本語のテキスト 中文 한국어",
    "emoji 😀🎉👩‍👩‍👧‍👦 🏳️‍🌈 astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀋",
    "RTL: שלום עולם مرحبا بالعالم \u200f",
    "combining: e\u0301 a\u0308 \u0915\u094d\u0937 Z\u0351\u0352",
    "odd: \x7f \u00a0 \ufeff \ufffd \u200b \ue000 \uffff",
]
ANSI = "\x1b[0;31m---------------------------------------------------------------------------\x1b[0m\n\x1b[1;32mValueError\x1b[0m"


def add(name, obj=None, text=None, **dump):
    """Store a notebook: a dict dumped with json.dumps(**dump), or raw text/bytes."""
    if text is None:
        dump.setdefault("ensure_ascii", False)
        text = json.dumps(obj, **dump)
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    FILES[name + ".ipynb"] = data


def odd_split(text, rng=RNG):
    """Split text into a list of strings at arbitrary places (not at line ends)."""
    parts, i = [], 0
    while i < len(text):
        j = min(len(text), i + rng.randint(1, 9))
        parts.append(text[i:j])
        i = j
    return parts


def lines(text):
    return text.splitlines(True)


def nb(cells, minor=5, metadata=None, **extra):
    d = {"cells": cells, "metadata": metadata if metadata is not None else {}, "nbformat": 4, "nbformat_minor": minor}
    d.update(extra)
    return d


_ids = iter(range(1, 10**9))


def cell(cell_type, source, minor=5, **fields):
    c = {"cell_type": cell_type, "metadata": fields.pop("metadata", {}), "source": source}
    if minor >= 5:
        c["id"] = "c%07d" % next(_ids)
    if cell_type == "code":
        c.setdefault("execution_count", None)
        c.setdefault("outputs", [])
    c.update(fields)
    return c


def stream(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}


def rich(data, kind="display_data", count=None, metadata=None):
    o = {"output_type": kind, "data": data, "metadata": metadata or {}}
    if kind == "execute_result":
        o["execution_count"] = count
    return o


def error(ename="ValueError", evalue="bad value ü 😀"):
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": [ANSI, "\x1b[0;32m----> 1\x1b[0m raise"]}


PNG = base64.b64encode(bytes(RNG.randrange(256) for _ in range(3000))).decode()
JPEG = base64.encodebytes(bytes(RNG.randrange(256) for _ in range(2000))).decode()  # with newlines
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n <rect width="10" height="10"/>\r\n <text>ü😀</text>\n</svg>\n'


def generate_versions():
    for minor in range(6):
        text = "\n".join(UNICODE) + "\n"
        cells = [
            cell("markdown", "# Title %d\n\n" % minor + text, minor),
            cell("code", lines("import os\nprint('hi ü')\n"), minor, execution_count=1,
                 outputs=[stream("hi ü\n"), rich({"text/plain": ["'x'"]}, "execute_result", 1)]),
            cell("raw", "raw\ttext\n", minor, metadata={"format": "text/x-rst"}),
        ]
        add("v4.%d-basic" % minor, nb(cells, minor, {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}),
            indent=1, sort_keys=True)
        add("v4.%d-compact" % minor, nb(cells, minor), separators=(",", ":"))
        add("v4.%d-ascii" % minor, nb(cells, minor), indent=2, ensure_ascii=True)
    # A pre-4.5 notebook that has ids anyway (kept as they are), and a 4.5 one without ids, with duplicates.
    add("v4.4-with-ids", nb([cell("code", "x", 5), cell("markdown", "y", 5)], 4))
    add("v4.5-missing-ids", nb([cell("code", "x", 4), cell("markdown", "y", 4)], 5))
    add("v4.5-duplicate-ids", nb([dict(cell("code", "x"), id="same"), dict(cell("markdown", "y"), id="same")], 5))
    add("v4.6-future-minor", nb([cell("code", "x")], 6))
    add("v4.5-no-minor", {"cells": [cell("code", "x", 4)], "metadata": {}, "nbformat": 4})


def generate_line_breaks():
    cells = []
    for i, br in enumerate(LINE_BREAKS):
        text = "first%sseco%snd%s%slast" % (br, br, br, br)
        cells.append(cell("markdown", text))
        cells.append(cell("markdown", lines(text) if i % 2 else odd_split(text)))
        cells.append(cell("code", text, outputs=[
            stream(text), stream(odd_split(text + br), "stderr"),
            rich({"text/plain": text, "text/html": odd_split(text), "image/svg+xml": text,
                  "application/javascript": text, "text/latex": [text],
                  "application/x-custom": text, "application/x-custom-list": odd_split(text),
                  "image/png": PNG[:40] + br + PNG[40:80]}),
            {"output_type": "error", "ename": "E", "evalue": text, "traceback": [text], "text": odd_split(text)},
        ]))
    # \r\n split across list items, lone \r at the end of an item, empty items.
    crlf = ["a\r", "\nb\r", "\r\n", "", "c\r", "\n", "\r"]
    cells.append(cell("code", crlf, outputs=[stream(crlf), rich({"text/plain": crlf}, "execute_result", 3, {})], execution_count=3))
    cells.append(cell("markdown", ["no newline", "joined", "\n", "x\r\n", "y"]))
    add("line-breaks", nb(cells))
    add("line-breaks-ascii", nb(cells), ensure_ascii=True, indent=4)


def generate_outputs():
    big = "".join("line %d: %s\n" % (i, "x" * (i % 80)) for i in range(60000))
    cells = [
        cell("code", "print(big)", execution_count=7, outputs=[stream(big), stream(lines(big[:200000]), "stderr")]),
        cell("code", "", execution_count=None, outputs=[
            rich({"image/png": PNG, "text/plain": ["<Figure>"]}, metadata={"image/png": {"width": 100, "height": 50}}),
            rich({"image/png": odd_split(PNG[:200]), "image/jpeg": JPEG}),
            rich({"image/jpeg": lines(JPEG)}),
            rich({"image/svg+xml": SVG, "text/plain": "svg"}),
            rich({"image/svg+xml": lines(SVG)}),
        ]),
        cell("code", "json", execution_count=99999, outputs=[
            rich({"application/json": {"a": [1, 2.5, None, True], "ü": {"b": "c\nd"}}, "text/plain": "{}"}, "execute_result", 99999),
            rich({"application/vnd.foo+json": ["line1\n", "line2\n"], "application/vnd.bar+json": "str\nwith newline"}),
            rich({"application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0}}),
            rich({"application/x-unknown": ["a\n", "b"], "text/x-unknown": "c\nd\n", "application/pdf": "JVBERi0=\n",
                  "application/vnd.plotly.v1+json": {"data": [{"x": [1e-7, 1e16, 0.1, -0.0]}]}}),
            rich({"text/html": "", "text/plain": []}),
            rich({"text/plain": ["only"]}, "execute_result", None),
        ]),
        cell("code", "raise", execution_count=2, outputs=[error(), error("KeyError", "")]),
        cell("code", "", outputs=[{"output_type": "custom", "text": ["a\n", "b"], "data": {"text/plain": ["x\n", "y"]}},
                                  {"output_type": "stream", "name": "stdout", "text": []},
                                  {"output_type": "display_data", "data": {}, "metadata": {}, "transient": {"display_id": "d"}}]),
        cell("code", [], outputs=[]),
        cell("markdown", ""),
        cell("markdown", []),
        cell("raw", [""]),
        cell("markdown", "![img](attachment:a.png)", attachments={
            "a.png": {"image/png": PNG[:500]},
            "b.txt": {"text/plain": ["x\n", "y"], "text/markdown": "m\nn"},
            "c.svg": {"image/svg+xml": odd_split(SVG)},
        }),
    ]
    add("outputs", nb(cells))


def generate_metadata():
    widgets = {"application/vnd.jupyter.widget-state+json": {"version_major": 2, "version_minor": 0, "state": {
        "m1": {"model_name": "LayoutModel", "model_module": "@jupyter-widgets/base", "state": {"width": "50%", "_dom_classes": []}},
        "m2": {"model_name": "FloatSliderModel", "state": {"value": 0.30000000000000004, "max": 1e16, "step": 1e-7}},
    }}}
    odd = {
        "nested": {"a": {"b": {"c": [1, [2, [3, {"d": None}]]]}}},
        "floats": [1e-7, 1e16, 1e15, 0.1, -0.0, 0.0, 1.0, 2.5e-308, 5e-324, 1.7976931348623157e308, 123456789.123456789, -1.5e-5],
        "bools": [True, False, None],
        "big": 123456789012345678901234567890, "neg": -98765432109876543210,
        "ключ": "значение", "键": "值", "😀": "emoji key", "𝔘": "astral", "\uff5e": "fullwidth tilde", "\ue000": "private use",
        "": "empty key", "a\"b\\c\n": "escaped key", "\x00\x1f": "control key", "B": 1, "a": 2, "_": 3, "Z": 4, "é": 5,
    }
    cells = [
        cell("code", "x", metadata={"trusted": True, "collapsed": False, "scrolled": "auto", "tags": ["a", "ü"], "odd": odd}),
        cell("markdown", "y", metadata={"trusted": False, "jupyter": {"source_hidden": True}}),
        cell("raw", "z", unknown_field={"kept": [1, 2]}),
    ]
    md = {"widgets": widgets, "odd": odd, "signature": "sha256:abc", "orig_nbformat": 3, "orig_nbformat_minor": 0,
          "language_info": {"name": "python", "version": "3.11.2", "codemirror_mode": {"name": "ipython", "version": 3}}}
    add("metadata", nb(cells, 5, md, top_level_unknown={"x": 1}))
    add("metadata-4.2", nb([dict(cell("code", "x", 4), metadata={"trusted": True})], 2, md))


RAW_NUMBERS = """{
 "cells": [],
 "metadata": {"numbers": [-0, 0, -0.0, 1E400, -1e400, 1.0E+2, 1e-400, 10000000000000000000000000000000000000000,
   0.1000000000000000055511151231257827, 2.2250738585072014e-308, 4.9e-324, 1e22, 1e21, 123e-20, 1.5e300,
   -123456789012345678901234567890123456789, 100, 1e2, 1E-7],
   "constants": [NaN, Infinity, -Infinity, {"nan": NaN}],
   "dup": 1, "dup": {"x": 1, "x": 2}, "escapes": "\\u00e9\\u00E9\\/\\ud83d\\ude00\\u0000\\u001b\\u007f\\u2028\\b\\f\\t\\"",
   "NaN in string": "NaN Infinity -Infinity \\"NaN\\""},
 "nbformat": 4, "nbformat_minor": 5}"""


def generate_raw():
    add("raw-numbers", text=RAW_NUMBERS)
    add("raw-whitespace", text='\r\n\t {"nbformat_minor":4,"nbformat":4,"metadata":{},\r\n"cells":[{"cell_type":"markdown","metadata":{},'
        '"source":["a\\r","\\nb"]}]}\r\n\r\n')
    add("raw-empty", text='{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    add("raw-dup-cells", text='{"cells": [{"cell_type": "code"}], "cells": [], "metadata": {"a": 1}, "metadata": {}, '
        '"nbformat": 3, "nbformat": 4, "nbformat_minor": 0}')
    # Not readable by Python: must be skipped, not compared.
    add("bad-bom", text=b"\xef\xbb\xbf" + FILES["raw-empty.ipynb"])
    add("bad-utf8", text=b'{"cells": [], "metadata": {"x": "\xff"}, "nbformat": 4, "nbformat_minor": 5}')
    add("bad-syntax", text='{"cells": [], "metadata": {},\n "nbformat": 4, "nbformat_minor": 5,}')
    add("bad-version", text='{"cells": [], "metadata": {}, "nbformat": 5, "nbformat_minor": 0}')
    add("bad-lone-surrogate", text='{"cells": [], "metadata": {"x": "\\ud800"}, "nbformat": 4, "nbformat_minor": 5}')
    add("bad-float-version", text='{"cells": [], "metadata": {}, "nbformat": 4.0, "nbformat_minor": 5}')


def generate_v3():
    text = "\n".join(UNICODE)
    outputs = [
        v3.new_output("pyout", output_text="42\nü", output_html="<b>42</b>\n<i>x</i>", output_png=PNG[:100], output_jpeg=JPEG[:120],
                      output_svg=SVG, output_latex="$x$\n$y$", output_json='{"a": [1, 2.5, NaN], "b": "c"}',
                      output_javascript="alert(1);\nalert(2);", prompt_number=4, metadata={"png": {"width": 10}}),
        v3.new_output("display_data", output_text="shown", output_html="<p>\nsplit</p>"),
        v3.new_output("stream", output_text="out\nout2\n", stream="stderr"),
        v3.new_output("pyerr", ename="NameError", evalue="x", traceback=[ANSI]),
    ]
    cells = [
        v3.new_heading_cell("Title ü", level=1),
        v3.new_heading_cell("multi\nline\r\nheading\u2028x", level=3),
        v3.new_heading_cell("", level=6),
        v3.new_text_cell("markdown", source="some *markdown*\n" + text, rendered="<p>r</p>"),
        v3.new_text_cell("raw", source="raw\n"),
        v3.new_code_cell(input="print(1)\nprint(2)", prompt_number=4, outputs=outputs, collapsed=True, metadata={"trusted": True}),
        v3.new_code_cell(input="", outputs=[]),
    ]
    notebook = v3.new_notebook(name="old ü", worksheets=[v3.new_worksheet(cells=cells),
                               v3.new_worksheet(cells=[v3.new_code_cell(input="second ws")])],
                               metadata=v3.new_metadata(name="old ü", authors=[v3.new_author(name="A")]))
    notebook.metadata["signature"] = "sha256:x"
    notebook.metadata["kernel_info"] = {"name": "python2"}
    add("v3-basic", text=v3.writes_json(notebook))
    add("v3-unsplit", text=v3.writes_json(notebook, split_lines=False))
    # Hand-written v3: lists whose first line has no newline (joined with "\n"), short mime keys and mime keys both,
    # a stream without "stream", an html cell, unknown fields, heading without level.
    raw = {
        "nbformat": 3, "nbformat_minor": 0, "orig_nbformat": 2, "metadata": {"name": "x"},
        "worksheets": [{"metadata": {}, "cells": [
            {"cell_type": "code", "language": "python", "input": ["a = 1", "b = 2"], "prompt_number": 1, "metadata": {},
             "collapsed": False, "outputs": [
                 {"output_type": "stream", "text": ["x", "y"], "name": "ignored"},
                 {"output_type": "pyout", "prompt_number": 1, "text": ["1\n", "2"], "text/plain": "overwritten", "metadata": {}},
                 {"output_type": "display_data", "png": PNG[:60], "pdf": "unknown alias", "execution_count": 5},
                 {"output_type": "unknown_v3", "text": ["p", "q"]},
             ]},
            {"cell_type": "heading", "source": ["Head", "ing"]},
            {"cell_type": "heading", "source": "Level 0", "level": 0},
            {"cell_type": "html", "source": "<b>x</b>", "metadata": {"k": 1}},
            {"cell_type": "markdown", "source": ["x\r", "y"], "trusted": True, "extra": None},
        ]}],
    }
    add("v3-handwritten", raw, indent=2)
    add("v3-empty", {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []})
    add("v3-no-worksheets", {"nbformat": 3, "nbformat_minor": 0, "metadata": {}})


def generate_legacy():
    """nbformat 1 and 2 (and no "nbformat" at all, which Python reads as 1)."""
    add("v1-explicit", {"nbformat": 1, "cells": [
        {"cell_type": "code", "code": "print('ü')\nx = 1", "prompt_number": 3, "extra": "dropped"},
        {"cell_type": "text", "text": "Some *text* 😀\r\nmore"},
        {"cell_type": "code", "prompt_number": 2.7},
        {"cell_type": "code", "code": 42, "prompt_number": "7"},
        {"cell_type": "text"},
    ], "metadata": {"dropped": True}})
    add("v1-missing-nbformat", {"cells": [], "metadata": {"x": 1}, "nbformat_minor": 5})
    add("v2-basic", {"nbformat": 2, "metadata": {"name": "v2 ü"}, "worksheets": [{"cells": [
        {"cell_type": "code", "input": ["a = 1", "b = 2\n", ""], "language": "python", "prompt_number": 1, "collapsed": True,
         "outputs": [{"output_type": "pyout", "prompt_number": 1, "text": ["1", "2"], "png": PNG[:40], "html": "<b>h</b>"},
                     {"output_type": "stream", "stream": "stdout", "text": ["x", "y\n"]},
                     {"output_type": "pyerr", "ename": "E", "evalue": "v", "traceback": []}]},
        {"cell_type": "markdown", "source": ["# x", "y"], "rendered": ["<h1>x</h1>"]},
        {"cell_type": "heading", "source": "Head", "level": 2},
    ]}]})


def copy_real(limit=200):
    roots = ["/usr/lib/python3/dist-packages/nbformat/corpus", "/usr/share", "/usr/lib/python3/dist-packages"]
    seen = set()
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for f in sorted(filenames):
                if not f.endswith(".ipynb"):
                    continue
                path = os.path.realpath(os.path.join(dirpath, f))
                if path in seen or len(seen) >= limit:
                    continue
                seen.add(path)
                safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in f)
                shutil.copyfile(path, os.path.join(OUT, "real-%03d-%s" % (len(seen), safe)))
    return len(seen)


def main():
    os.makedirs(OUT, exist_ok=True)
    generate_versions()
    generate_line_breaks()
    generate_outputs()
    generate_metadata()
    generate_raw()
    generate_v3()
    generate_legacy()
    for name, data in FILES.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    real = copy_real()
    print(json.dumps({"generated": len(FILES), "real": real}))


main()
