#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target into fuzz/seeds/TARGET/ from the example site at
the repository root (content/ and site.yaml), so the fuzzers start from real stories.

    python3 fuzz/make_seeds.py

Inputs take the shape egiz::fuzzing expects: a story or booklet is its Kazakh file, then a NUL
byte and its Russian file; markdown_html gets bodies without front matter. Python 3, standard
library only. Rerun it when the example site changes and commit the result.
"""

import hashlib
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"
CONTENT = ROOT / "content"

# The stories print_layout starts from: the print engine is the slowest target, so fewer and
# varied ones (a bundle with a cover, results and quotes; a long text; a leaflet).
PRINTED = ["balkhash-appeals", "social-projects-contest", "zhambyl-rural-youth", "balkhash-kids-sport"]


def pairs(folder):
    """(name, kk bytes, ru bytes or None) for each NAME.kk.md or NAME/index.kk.md in folder."""
    found = []
    for kk in sorted(folder.glob("*.kk.md")) + sorted(folder.glob("*/index.kk.md")):
        name = kk.parent.name if kk.name == "index.kk.md" else kk.name[: -len(".kk.md")]
        ru = kk.with_name(kk.name.replace(".kk.md", ".ru.md"))
        found.append((name, kk.read_bytes(), ru.read_bytes() if ru.exists() else None))
    return found


def joined(kk, ru):
    return kk if ru is None else kk + b"\0" + ru


def body(text):
    """The Markdown after the front matter."""
    if text.startswith(b"---\n"):
        end = text.find(b"\n---\n", 4)
        if end >= 0:
            return text[end + 5 :]
    return text


def write(target, name, data):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:8]
    (folder / f"{name}-{digest}").write_bytes(data)


def main():
    if SEEDS.exists():
        shutil.rmtree(SEEDS)
    for name, kk, ru in pairs(CONTENT / "projects"):
        write("story", name, joined(kk, ru))
        if name in PRINTED:
            write("print_layout", name, joined(kk, ru))
    for name, kk, ru in pairs(CONTENT / "booklets"):
        write("booklet", name, joined(kk, ru))
    for md in sorted(CONTENT.rglob("*.md")):
        write("markdown_html", md.stem.replace(".", "-"), body(md.read_bytes()))
    site = (ROOT / "site.yaml").read_bytes()
    write("site_yaml", "example", site)
    # Shorter variants, so mutations reach the validation of each part sooner. The fixed site
    # of the target has stories in the districts balkhash and kegen, on the topic children.
    terms = (
        b"  district:\n    balkhash: { kk: Balqash, ru: Balkhash }\n    kegen: { kk: Kegen, ru: Kegen }\n"
        b"  topics:\n    children: { kk: Balalar, ru: Deti }\n"
    )
    write(
        "site_yaml",
        "minimal",
        b"title: { kk: Sait, ru: Sait }\nbase_url: https://example.org/\nlanguages:\n"
        b"  - { code: kk, name: Qazaqsha }\n  - { code: ru, name: Russkiy }\ntaxonomies:\n" + terms,
    )
    write(
        "site_yaml",
        "own-taxonomy",
        b"title: Sait\nbase_url: https://org.github.io/ngo-site/\n"
        b"languages: [{ code: ru, name: Russkiy }, { code: kk, name: Qazaqsha }]\ndefault_language: kk\n"
        b"missing_translation: fallback\ntaxonomy_pages: [district, donor, year]\nfeed_limit: 5\n"
        b"taxonomies:\n" + terms + b"  donor:\n    usaid: { kk: USAID }\n"
        b"taxonomy_names:\n  donor: { one: { kk: Donor }, all: { kk: Donorlar, ru: Donory } }\n"
        b"admin: { backend: gitlab, repo: org/site, app_id: abc, base_url: https://gitlab.example.org }\n"
        b"social:\n  - { url: \"https://t.me/example\" }\n",
    )
    total = sum(f.stat().st_size for f in SEEDS.rglob("*") if f.is_file())
    print(f"{sum(1 for f in SEEDS.rglob('*') if f.is_file())} seeds, {total // 1024} KB in {SEEDS}")


main()
