#!/usr/bin/python3
"""Notebooks are committed without outputs: this strips them (outputs, execution counts and
per-run metadata), or with --check lists the notebooks that still have some and exits 1.

    strip_outputs.py NOTEBOOK.ipynb...          # rewrite in place
    strip_outputs.py --check NOTEBOOK.ipynb...  # the test
"""
import argparse
import sys

import nbformat

RUN_METADATA = ("execution", "collapsed", "scrolled")


def has_outputs(notebook: nbformat.NotebookNode) -> bool:
    return any(cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
               for cell in notebook.cells)


def strip(notebook: nbformat.NotebookNode) -> None:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in RUN_METADATA:
            cell.metadata.pop(key, None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report notebooks with outputs; change nothing")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    dirty = []
    for path in args.notebooks:
        notebook = nbformat.read(path, as_version=4)
        if args.check:
            if has_outputs(notebook):
                dirty.append(path)
            continue
        strip(notebook)
        nbformat.write(notebook, path)
    for path in dirty:
        print(f"{path}: has outputs; run notebooks/strip_outputs.py {path}", file=sys.stderr)
    return 1 if dirty else 0


if __name__ == "__main__":
    sys.exit(main())
