#!/usr/bin/env python3
"""Page-flow figures of the single-language booklet PDFs in a folder (`egiz build` output's
`booklets/`), read back with poppler's `pdftotext -bbox-layout`:

- pages, blank pages (no text but a folio), notes pages (titled padding) and pages whose text
  fills less than a third of the text area's height (covers, contents and notes not counted);
- word gaps of justified body lines (lines that reach the right edge of the text area), in
  body line heights (10 pt × 1.38 = 13.8 pt, the default theme), median and 95th percentile
  per language;
- the share of body lines that end in a hyphen.

Usage: page_flow.py BOOKLETS_DIR [--json]
"""
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

NOTES = {"Жазбаларға арналған бет", "Для заметок", "Notes"}
CONTENTS = {"Мазмұны", "Содержание", "Contents"}
LINE = 13.8  # body line height in points (default theme)
BODY_H = (12.5, 14.5)  # bbox height of a body-size (10 pt) line


def pages_of(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", xml, re.S):
        lines = []
        for attrs, body in re.findall(r"<line ([^>]*)>(.*?)</line>", page, re.S):
            box = [float(v) for v in re.findall(r'"([\d.]+)"', attrs)]
            words = [([float(v) for v in re.findall(r'"([\d.]+)"', a)], w)
                     for a, w in re.findall(r"<word ([^>]*)>(.*?)</word>", body, re.S)]
            lines.append((box, words))
        pages.append(lines)
    return pages


def analyse(pdf):
    pages = pages_of(pdf)
    # Text area: the extent of body lines over the whole file.
    body = [(b, w) for p in pages for b, w in p if BODY_H[0] <= b[3] - b[1] <= BODY_H[1]]
    left = min(b[0] for b, _ in body)
    right = max(b[2] for b, _ in body)
    top = min(b[1] for b, _ in body)
    bottom = max(b[3] for b, _ in body)
    height = bottom - top
    gaps, ends, hyphens, all_lines, all_hyphens = [], 0, 0, 0, 0
    blank, thin, notes = [], [], []
    for n, lines in enumerate(pages, 1):
        inside = [(b, w) for b, w in lines if b[1] >= top - 4 and b[3] <= bottom + 2]
        # The folio (small, below the text) and the running head (above it) are outside.
        text = [(b, w) for b, w in inside if not (len(w) == 1 and w[0][1].isdigit())]
        if n == 1 or n == len(pages):
            continue  # covers
        if not text:
            blank.append(n)
            continue
        first = " ".join(w for _, w in min(text, key=lambda t: t[0][1])[1])
        if first in NOTES:
            notes.append(n)
            continue
        if first in CONTENTS:
            continue
        low = max(b[3] for b, _ in text)
        fill = (low - top) / height
        if fill < 1 / 3:
            thin.append((n, round(fill, 2), " ".join(w for _, w in text[0][1])[:40]))
        for b, w in text:
            all_lines += 1
            all_hyphens += w[-1][1].endswith("-") and len(w[-1][1]) > 1
            if not BODY_H[0] <= b[3] - b[1] <= BODY_H[1]:
                continue
            ends += 1
            if w[-1][1].endswith("-") and len(w[-1][1]) > 1:
                hyphens += 1
            if b[2] >= right - 0.5 and len(w) > 1:
                for (a, _), (c, _) in zip(w, w[1:]):
                    gaps.append((c[0] - a[2]) / LINE)
    return {
        "pages": len(pages), "bytes": pdf.stat().st_size, "blank": blank, "thin": thin,
        "notes": notes,
        "gaps": gaps, "lines": ends, "hyphens": hyphens, "all_lines": all_lines, "all_hyphens": all_hyphens,
    }


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    folder = Path(sys.argv[1])
    rows, by_lang = [], {}
    for pdf in sorted(folder.glob("*.pdf")):
        m = re.fullmatch(r"(.+)\.(kk|ru)\.pdf", pdf.name)
        if not m:
            continue
        r = analyse(pdf)
        r["name"], r["lang"] = m.group(1), m.group(2)
        rows.append(r)
        lang = by_lang.setdefault(r["lang"], {"gaps": [], "lines": 0, "hyphens": 0, "all_lines": 0, "all_hyphens": 0})
        lang["gaps"] += r["gaps"]
        lang["lines"] += r["lines"]
        lang["hyphens"] += r["hyphens"]
        lang["all_lines"] += r["all_lines"]
        lang["all_hyphens"] += r["all_hyphens"]
    if "--json" in sys.argv:
        print(json.dumps([{k: v for k, v in r.items() if k != "gaps"} for r in rows], ensure_ascii=False, indent=1))
    print(f"{'booklet':34} pages blank notes <1/3   bytes")
    for r in rows:
        print(f"{r['name'] + '.' + r['lang']:34} {r['pages']:5} {len(r['blank']):5} {len(r['notes']):5} {len(r['thin']):4} {r['bytes']:7}")
    total = lambda k: sum(len(r[k]) if isinstance(r[k], list) else r[k] for r in rows)
    print(f"{'total':34} {total('pages'):5} {total('blank'):5} {total('notes'):5} {total('thin'):4} {total('bytes'):7}")
    for lang, v in sorted(by_lang.items()):
        print(f"{lang}: word gap median {statistics.median(v['gaps']):.3f} p95 {pct(v['gaps'], 0.95):.3f} "
              f"line heights ({len(v['gaps'])} gaps); lines ending in a hyphen "
              f"{v['hyphens']}/{v['lines']} = {100 * v['hyphens'] / v['lines']:.1f} % of body lines, "
              f"{100 * v['all_hyphens'] / v['all_lines']:.1f} % of all {v['all_lines']} lines")
    for r in rows:
        for n, fill, text in r["thin"]:
            print(f"  thin {r['name']}.{r['lang']} p{n} {fill:.2f} {text}")
        for n in r["blank"]:
            print(f"  blank {r['name']}.{r['lang']} p{n}")


main()
