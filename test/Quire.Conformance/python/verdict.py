"""Python's verdict on notebook files, for the conformance tests.

Usage: /usr/bin/python3 verdict.py PATH...   (a PATH that is a directory stands for every file in it)

Prints one JSON object mapping each file's path to {"valid": bool, "error": str}. A file is valid when
``nb = nbformat.read(path, as_version=4)`` and then ``nbformat.validate(nb)`` raise nothing; any exception
(not JSON, unsupported version, schema error, recursion, ...) makes it invalid.
"""

import json
import logging
import os
import sys
import warnings

# nbformat's own default validator (fastjsonschema), whatever the caller's environment says.
os.environ.pop("NBFORMAT_VALIDATOR", None)

import nbformat  # noqa: E402

# nbformat.read logs schema errors before validate raises them; keep stderr for real failures.
logging.disable(logging.CRITICAL)

_ERROR_LIMIT = 500


def verdict(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)
    except Exception as error:  # noqa: BLE001 - any exception is the verdict "invalid"
        message = f"{type(error).__name__}: {error}"
        return {"valid": False, "error": message[:_ERROR_LIMIT]}
    return {"valid": True, "error": ""}


def files(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for name in sorted(os.listdir(argument)):
                path = os.path.join(argument, name)
                if os.path.isfile(path):
                    yield path
        else:
            yield argument


def main(arguments):
    results = {path: verdict(path) for path in files(arguments)}
    json.dump(results, sys.stdout, ensure_ascii=True, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
