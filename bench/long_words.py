#!/usr/bin/env python3
"""Print benchmark for issue 15: a printed story whose body is one 1 MB paragraph of ordinary
Kazakh words, and one whose body is a single 1 MB word (no space at all), built with `egiz build`.
Before the fix the print engine was quadratic in a word's length (36,000 letters: 17.7 s, 6 GB).

usage: long_words.py [--egiz target/release/egiz] [--time /usr/bin/time] [--bytes 1000000]

Writes each site into a temporary folder, builds it once and prints wall time and peak RSS
(from GNU time). Not part of `cargo test`; the bound that is tested is in
`src/print/inline/tests.rs` (a 50,000-letter word in a debug build).
"""
import argparse
import os
import re
import subprocess
import tempfile

SITE = """title: { kk: Бенчмарк }
base_url: https://example.org/
languages:
  - { code: kk, name: Қазақша }
default_language: kk
"""
WORDS = "Ауыл тұрғындары жобаның барлық кезеңіне белсенді қатысып өз ұсыныстарын айтты "
LETTERS = "қазақстанныңауылдарындағы"


def body(kind, size):
    unit = WORDS if kind == "paragraph" else LETTERS
    text = unit * (size // len(unit.encode()) + 1)
    return text.encode()[:size].decode(errors="ignore")


def run(egiz, time, kind, size):
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        os.makedirs(os.path.join(site, "content", "projects"))
        with open(os.path.join(site, "site.yaml"), "w") as f:
            f.write(SITE)
        with open(os.path.join(site, "content", "projects", "long.kk.md"), "w") as f:
            f.write("---\ntitle: Ұзын\ndate: 2024-01-01\nbooklet: true\n---\n\n")
            f.write(body(kind, size) + "\n")
        out = os.path.join(tmp, "out")
        cmd = [time, "-f", "%e %M", egiz, "build", "--site", site, "--output", out]
        done = subprocess.run(cmd, capture_output=True, text=True)
        last = done.stderr.strip().splitlines()[-1]
        m = re.match(r"([\d.]+) (\d+)", last)
        wall, rss = (float(m.group(1)), int(m.group(2)) / 1024) if m else (None, None)
        print(f"{kind:10} {size:>9} bytes  exit {done.returncode}  {wall} s  {rss:.0f} MB")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--egiz", default="target/release/egiz")
    parser.add_argument("--time", default="/usr/bin/time")
    parser.add_argument("--bytes", type=int, default=1_000_000)
    args = parser.parse_args()
    for kind in ("paragraph", "word"):
        run(args.egiz, args.time, kind, args.bytes)


if __name__ == "__main__":
    main()
