#!/usr/bin/env python3
"""Write an egiz site with N bilingual stories for measuring `egiz serve`: the egiz half of the
benchmark generator (gen.py, beside this file), written to a folder of your choice.

usage: serve_site.py N OUT_DIR [--seed S]

Districts and tags become taxonomy keys (d1..d8, t0..t9) with kk and ru labels; links are egiz
addresses (/kk/projects/x/). The same N and seed give the same files as `gen.py N --only egiz`.
"""
import argparse

import gen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    gen.write_egiz_site(a.n, a.out, a.seed)
    print(f"wrote {2 * a.n} story files into {a.out}")


if __name__ == "__main__":
    main()
