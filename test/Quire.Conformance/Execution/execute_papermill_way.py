"""Parameterizes a notebook the way papermill documents it, runs it with nbclient, and compares with Quire's run.

papermill is not packaged in Debian, so its rules are applied here as documented in its source:
- cli.py `_resolve_type`: "True"/"False" -> bool, "None" -> None, int(value), else float(value), else the string;
- translators.py `PythonTranslator`: strings via `translate_escaped_str` (unicode_escape, then '"' -> '\\"', in double
  quotes); bool, None, int and float as `str(value)`; the cell is "# Parameters" then "name = value" lines;
- parameterize.py: the injected cell (tagged "injected-parameters") goes right after the first "parameters" cell.
Usage: execute_papermill_way.py INPUT PAPERMILL_OUTPUT QUIRE_OUTPUT NAME VALUE [NAME VALUE ...]
"""
import os
import sys

import nbformat
from nbclient import NotebookClient


def resolve_type(value):
    if value == "True":
        return True
    if value == "False":
        return False
    if value == "None":
        return None
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def translate(value):
    if isinstance(value, str):
        return '"%s"' % value.encode("unicode_escape").decode("utf-8").replace('"', '\\"')
    return str(value)


def parameterize(notebook, parameters):
    source = "# Parameters\n" + "".join("%s = %s\n" % (name, translate(value)) for name, value in parameters.items())
    cell = nbformat.v4.new_code_cell(source=source)
    cell.metadata["tags"] = ["injected-parameters"]
    index = next(i for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", []))
    notebook.cells.insert(index + 1, cell)
    notebook.metadata["papermill"] = {"parameters": parameters}
    return source


def last_output_text(notebook):
    return "".join(o.get("text", "") for o in notebook.cells[-1].outputs)


def main(input_path, papermill_path, quire_path, pairs):
    parameters = {pairs[i]: resolve_type(pairs[i + 1]) for i in range(0, len(pairs), 2)}
    notebook = nbformat.read(input_path, as_version=4)
    source = parameterize(notebook, parameters)
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": os.path.dirname(input_path)}}).execute()
    nbformat.write(notebook, papermill_path)
    quire = nbformat.read(quire_path, as_version=4)
    quire_source = next(c.source for c in quire.cells if "injected-parameters" in c.metadata.get("tags", []))
    problems = []
    if quire_source.rstrip("\n") != source.rstrip("\n"):
        problems.append("injected sources differ:\nquire:\n%s\npapermill:\n%s" % (quire_source, source))
    if last_output_text(quire) != last_output_text(notebook):
        problems.append("kernel-side values differ:\nquire:     %s\npapermill: %s" % (last_output_text(quire), last_output_text(notebook)))
    if quire.metadata.get("papermill", {}).get("parameters") != parameters:
        problems.append("metadata.papermill.parameters differ: %r vs %r" % (quire.metadata.get("papermill"), parameters))
    if problems:
        print("\n".join(problems))
        return 1
    print("same kernel-side values for %d parameters" % len(parameters))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
