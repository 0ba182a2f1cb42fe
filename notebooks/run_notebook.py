#!/usr/bin/python3
"""Execute notebooks headless (nbclient, the python3 kernel) from their own directory, so that
their `../corpora/...` paths resolve; exit 1 at the first cell that raises, printing it.
Nothing is written back: committed notebooks stay stripped.

    run_notebook.py NOTEBOOK.ipynb [--timeout SECONDS]
"""
import argparse
import os
import sys

import nbclient
import nbformat


def run(path: str, timeout: int) -> int:
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                                     resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        print(f"{path}: a cell failed\n{error}", file=sys.stderr)
        return 1
    code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    print(f"{path}: {code_cells} code cells ran")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook")
    parser.add_argument("--timeout", type=int, default=300, help="per cell, in seconds")
    args = parser.parse_args()
    return run(args.notebook, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
