"""Writes the benchmark's notebooks: CELLS small code cells in Python and the same cells in C#.

Each cell assigns a variable from the previous one; every tenth prints it, so that outputs travel too.
Usage: make_notebooks.py DIR [CELLS]
"""
import os
import sys

import nbformat


def notebook(kernel, language, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": language}
    nb.cells = cells
    return nb


def main(directory, count):
    python, csharp = [nbformat.v4.new_code_cell("x0 = 1")], [nbformat.v4.new_code_cell("var x0 = 1;")]
    for i in range(1, count):
        if i % 10 == 0:
            python.append(nbformat.v4.new_code_cell(f"x{i} = x{i - 1} + {i}\nprint(x{i})"))
            csharp.append(nbformat.v4.new_code_cell(f"var x{i} = x{i - 1} + {i};\nConsole.WriteLine(x{i});"))
        else:
            python.append(nbformat.v4.new_code_cell(f"x{i} = x{i - 1} + {i}"))
            csharp.append(nbformat.v4.new_code_cell(f"var x{i} = x{i - 1} + {i};"))
    nbformat.write(notebook("python3", "python", python), os.path.join(directory, "python.ipynb"))
    nbformat.write(notebook("csharp", "csharp", csharp), os.path.join(directory, "csharp.ipynb"))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
