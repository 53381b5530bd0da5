#!/usr/bin/env python3
"""Classify and count the files of built benchmark sites, to show that two builds (egiz, Hugo,
the floor program) made comparable sets of pages.

usage: count.py OUTPUT_DIR...

Prints one column per folder: how many files of each kind (story pages, home pages, the project
list and its pages, taxonomy indexes, term pages and their pages, redirects, other pages, feeds,
sitemaps, other files), HTML files, all files and their total size. Kinds are told apart by
address, so the Hugo layout (kk at the root, tags/, page/N/) and the egiz one (/kk/, /ru/,
district/, topics/, year/) land in the same rows.
"""
import os
import re
import sys
from collections import Counter

LANG = r"(?:(?:kk|ru)/)?"
TAXONOMY = r"(?:tags|district|topics|year)"
PAGED = r"(?:page/\d+/)?"
KINDS = [  # (kind, address pattern) for HTML files, the first that matches
    ("story", rf"{LANG}projects/project-\d+(?:/index|\.\w+)\.html"),
    ("home", rf"{LANG}index\.html"),
    ("project list", rf"{LANG}projects/{PAGED}index\.html"),
    ("taxonomy index", rf"{LANG}{TAXONOMY}/index\.html"),
    ("term page", rf"{LANG}{TAXONOMY}/[^/]+/{PAGED}index\.html"),
]
ORDER = [k for k, _ in KINDS] + ["redirect", "other page", "feed", "sitemap", "other file"]


def is_redirect(path):
    with open(path, "rb") as f:
        head = f.read(2000)
    return b'http-equiv="refresh"' in head or b"<title>Redirect" in head


def classify(rel, path):
    """The kind of one output file; rel is its path inside the output folder, with `/`."""
    if rel.endswith(".xml"):
        return "sitemap" if "sitemap" in rel else "feed"
    if not rel.endswith(".html"):
        return "other file"
    if is_redirect(path):
        return "redirect"
    return next((kind for kind, pattern in KINDS if re.fullmatch(pattern, rel)), "other page")


def count(out):
    """{"kinds": {kind: files}, "html": HTML files, "files": all files, "bytes": their size}."""
    kinds = Counter()
    html = size = 0
    for root, _, names in os.walk(out):
        for name in names:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, out).replace(os.sep, "/")
            kinds[classify(rel, path)] += 1
            html += name.endswith(".html")
            size += os.path.getsize(path)
    return {"kinds": dict(kinds), "html": html, "files": sum(kinds.values()), "bytes": size}


def table(columns):
    """Text table of counts: columns is [(heading, count(...))]."""
    rows = [("", *(heading for heading, _ in columns))]
    for kind in ORDER:
        if any(c["kinds"].get(kind) for _, c in columns):
            rows.append((kind, *(f"{c['kinds'].get(kind, 0):,}" for _, c in columns)))
    for key, name in (("html", "HTML files"), ("files", "all files")):
        rows.append((name, *(f"{c[key]:,}" for _, c in columns)))
    rows.append(("size MiB", *(f"{c['bytes'] / 2**20:.1f}" for _, c in columns)))
    return text_table(rows)


def text_table(rows):
    """Rows of strings as aligned text: the first column to the left, the others to the right."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(w) if i else cell.ljust(w)
                               for i, (cell, w) in enumerate(zip(r, widths))).rstrip()
                     for r in rows)


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__.split("\n\n")[1])
    print(table([(out, count(out)) for out in sys.argv[1:]]))


if __name__ == "__main__":
    main()
