"""Jupyter's notary (nbformat.sign) driven for Quire's trust interop tests.

usage: notary.py DATA_DIR COMMAND FILE...
  COMMAND: sign | unsign | check | digest
Prints one JSON object per file: {"file", "signature", "trusted"}; "trusted" is the check made after the command.

JUPYTER_DATA_DIR is set to DATA_DIR before nbformat is imported and the notary is built with no paths at all, so
Jupyter's own default rule finds notebook_secret and nbsignatures.db there: the same files the test hands to Quire.
"""

import json
import os
import sys


def main(argv):
    data_dir, command, files = argv[1], argv[2], argv[3:]
    os.environ["JUPYTER_DATA_DIR"] = data_dir

    import nbformat
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary()
    if os.path.realpath(notary.data_dir) != os.path.realpath(data_dir):
        print(f"notary data_dir {notary.data_dir!r} is not {data_dir!r}", file=sys.stderr)
        return 2

    try:
        for path in files:
            with open(path, encoding="utf8") as f:
                nb = nbformat.read(f, as_version=4)
            if command == "sign":
                notary.sign(nb)
            elif command == "unsign":
                notary.unsign(nb)
            elif command not in ("check", "digest"):
                print(f"unknown command {command!r}", file=sys.stderr)
                return 2
            signature = notary.compute_signature(nb)
            trusted = notary.check_signature(nb) if command != "digest" else None
            print(json.dumps({"file": path, "signature": signature, "trusted": trusted}))
    finally:
        notary.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
