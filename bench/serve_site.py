#!/usr/bin/env python3
"""Write an egiz site with N bilingual stories from the shared benchmark generator (gen.py),
for measuring `egiz serve`: the same deterministic texts as the Hugo and Zola benchmark sites.

usage: serve_site.py N OUT_DIR [--gen PATH_TO_gen.py]

Districts and tags become taxonomy keys (d1..d8, t0..t9) with kk and ru labels; Hugo-style
links (/projects/x/ for kk) become egiz addresses (/kk/projects/x/).
"""
import argparse
import importlib.util
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GEN = os.path.join(HERE, "..", "..", "shared", "bench", "gen.py")


def load_gen(path):
    spec = importlib.util.spec_from_file_location("gen", path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


def q(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def site_yaml(gen):
    lines = [
        "title: { kk: Қала жобалары, ru: Городские проекты }",
        "description: { kk: Жобалар, ru: Проекты }",
        "base_url: https://example.org/bench/",
        "languages:",
        "  - { code: kk, name: Қазақша }",
        "  - { code: ru, name: Русский }",
        "default_language: kk",
        "taxonomies:",
        "  district:",
    ]
    for i, (kk, ru) in enumerate(gen.DISTRICTS, 1):
        lines.append(f"    d{i}: {{ kk: {q(kk)}, ru: {q(ru)} }}")
    lines.append("  topics:")
    for i, (kk, ru) in enumerate(gen.TAGS):
        lines.append(f"    t{i}: {{ kk: {q(kk)}, ru: {q(ru)} }}")
    return "\n".join(lines) + "\n"


def page(gen, p, lang):
    district = next(i for i, d in enumerate(gen.DISTRICTS, 1) if p["district"] in d)
    topics = [f"t{i}" for i, t in enumerate(gen.TAGS) for tag in p["tags"] if tag in t]
    body = p["body"]
    if lang == "kk":
        body = body.replace("](/projects/", "](/kk/projects/")
    front = [
        f"title: {q(p['title'])}",
        f"summary: {q(p['summary'])}",
        f"date: {p['date'][:10]}",
        f"district: d{district}",
        f"topics: [{', '.join(topics)}]",
    ]
    return "---\n" + "\n".join(front) + "\n---\n\n" + body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--gen", default=DEFAULT_GEN)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    gen = load_gen(a.gen)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(os.path.join(a.out, "content", "projects"))
    with open(os.path.join(a.out, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(site_yaml(gen))
    for i in range(1, a.n + 1):
        story = gen.story(i, a.n, a.seed)
        for lang in ("kk", "ru"):
            path = os.path.join(a.out, "content", "projects", f"project-{i:05d}.{lang}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(page(gen, story[lang], lang))
    print(f"wrote {2 * a.n} story files into {a.out}")


if __name__ == "__main__":
    main()
