"""Round-trip every notebook in IN_DIR through Python's nbformat, the reference Quire must match byte for byte.

Usage: roundtrip.py IN_DIR OUT_DIR

For each file: nbformat.write(nbformat.read(path, as_version=4), OUT_DIR/name). Files Python cannot read or write are
listed in OUT_DIR/manifest.json under "skipped" (name: error); files whose cell ids Python made up at random (nbformat
1 to 3, and 4.5+ with missing or repeated ids) are listed under "random_ids", to be compared with ids masked.
One process for the whole corpus.
"""

import json
import logging
import os
import sys
import warnings

import nbformat

IN, OUT = sys.argv[1], sys.argv[2]
MANIFEST = "manifest.json"


def random_ids(path):
    """True when Python generates ids for this notebook: v1-v3 (converted), or 4.5+ with a missing or repeated id."""
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    major, minor = raw.get("nbformat", 1), raw.get("nbformat_minor", 0)
    if major in (1, 2, 3):
        return True
    if major != 4 or not isinstance(minor, int) or minor < 5:
        return False
    ids = [c.get("id") for c in raw.get("cells", []) if isinstance(c, dict)]
    return any(i is None for i in ids) or len(set(map(repr, ids))) != len(ids)


def main():
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    os.makedirs(OUT, exist_ok=True)
    skipped, randomized, written = {}, [], 0
    for name in sorted(os.listdir(IN)):
        src, dst = os.path.join(IN, name), os.path.join(OUT, name)
        if name == MANIFEST:
            continue
        try:
            nb = nbformat.read(src, as_version=4)
            nbformat.write(nb, dst)
            written += 1
            if random_ids(src):
                randomized.append(name)
        except Exception as e:  # noqa: BLE001 - any failure means "Python does not accept this file"
            skipped[name] = ("%s: %s" % (type(e).__name__, e))[:300]
            if os.path.exists(dst):
                os.remove(dst)
    with open(os.path.join(OUT, MANIFEST), "w", encoding="utf-8") as f:
        json.dump({"written": written, "skipped": skipped, "random_ids": randomized}, f, indent=1, sort_keys=True)
    print(json.dumps({"written": written, "skipped": len(skipped)}))


main()
