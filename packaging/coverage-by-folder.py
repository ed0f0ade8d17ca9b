#!/usr/bin/python3
"""Line and branch coverage per folder of src/ from a gcovr --json-summary file.

Each folder's figures include its sub-folders (src/core = everything under it).
Used by `packaging/dev coverage`.
"""
import json
import sys
from collections import defaultdict


def main(path):
    with open(path, encoding="utf-8") as f:
        summary = json.load(f)
    totals = defaultdict(lambda: [0, 0, 0, 0])  # lines covered/total, branches covered/total
    for entry in summary["files"]:
        parts = entry["filename"].split("/")
        if parts[0] != "src" or len(parts) < 3:
            continue
        folders = ["/".join(parts[:i]) for i in range(2, len(parts))]
        for folder in folders + ["src"]:
            t = totals[folder]
            t[0] += entry["line_covered"]
            t[1] += entry["line_total"]
            t[2] += entry["branch_covered"]
            t[3] += entry["branch_total"]

    def pct(covered, total):
        return f"{100.0 * covered / total:5.1f} %" if total else "    –  "

    print(f"{'folder':<24} {'lines':>9} {'(covered/total)':>17} {'branches':>9} {'(covered/total)':>17}")
    for folder in sorted(totals, key=lambda k: (k != "src", k)):
        lc, lt, bc, bt = totals[folder]
        print(f"{folder:<24} {pct(lc, lt):>9} {f'{lc}/{lt}':>17} {pct(bc, bt):>9} {f'{bc}/{bt}':>17}")


if __name__ == "__main__":
    main(sys.argv[1])
