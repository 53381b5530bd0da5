#!/usr/bin/env python3
"""Incremental build benchmark: how long `egiz build` takes after each kind of edit.

usage: incremental.py SITE [--egiz target/release/egiz] [--runs 3] [--out DIR] [--time /usr/bin/time]

SITE is an egiz site, for example bench/sites/egiz-10000 as run.py leaves it (or
`python3 bench/gen.py 10000 --out DIR`). One clean build (`--clean`) first, then RUNS rounds of:

- no-op:       nothing changed;
- touch:       every story saved again unchanged (a git checkout does this);
- story edit:  a sentence added to one story's Kazakh text;
- title edit:  one story's title changed (lists, term pages and the search index show it);
- template:    story.html changed (every story page uses it; lists do not).

Each edit is undone after its round, so every round starts from the same site. Prints each
build's wall time, CPU time and peak RSS (GNU time), the pages it rendered (from its report)
and the medians per kind of edit. Not part of `cargo test`.
"""
import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def build(args, extra=()):
    """One build; returns (wall s, cpu s, peak MB, the report's first line)."""
    command = [args.time, "-f", "TIME %e %U %S %M", args.egiz, "build", "--site", args.site,
               "--output", args.out, *extra]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"egiz build failed:\n{done.stdout}\n{done.stderr}")
    wall, user, system, rss = re.search(r"TIME (\S+) (\S+) (\S+) (\d+)", done.stderr).groups()
    report = next((l for l in done.stdout.splitlines() if l.startswith(("built", "up to date"))), "")
    return float(wall), float(user) + float(system), int(rss) / 1024, report


def rendered(report):
    match = re.search(r"\((\d+) rendered", report)
    if report.startswith("up to date"):
        return "0 (not loaded)"
    return match.group(1) if match else "all"


class Edit:
    """Changes one file for a round and puts it back afterwards."""

    def __init__(self, path, change):
        self.path, self.change = path, change

    def __enter__(self):
        with open(self.path, encoding="utf-8") as f:
            self.before = f.read()
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.change(self.before))

    def __exit__(self, *_):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.before)


class Touch:
    """Saves every story again with the same bytes."""

    def __init__(self, folder):
        self.folder = folder

    def __enter__(self):
        for name in os.listdir(self.folder):
            path = os.path.join(self.folder, name)
            if os.path.isfile(path):
                os.utime(path)

    def __exit__(self, *_):
        pass


def theme_template(site):
    """The site's own story.html. A generated site has no themes/ folder and uses the theme
    built into egiz; a copy of the repository's themes/default (the same files) is put there."""
    target = os.path.join(site, "themes", "default", "templates", "story.html")
    if not os.path.exists(target):
        shutil.copytree(os.path.join(ROOT, "themes", "default"),
                        os.path.join(site, "themes", "default"), dirs_exist_ok=True)
        print(f"copied themes/default into {site}/themes/ for the template edit")
    return target


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--egiz", default=os.path.join(ROOT, "target", "release", "egiz"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="/dev/shm/egiz-incremental-out")
    parser.add_argument("--time", default="/usr/bin/time")
    args = parser.parse_args()
    projects = os.path.join(args.site, "content", "projects")
    stories = sorted(n for n in os.listdir(projects) if n.endswith(".kk.md"))
    story = os.path.join(projects, stories[len(stories) // 2])
    template = theme_template(args.site)
    edits = {
        "no-op": contextlib.nullcontext,
        "touch": lambda: Touch(projects),
        "story edit": lambda: Edit(story, lambda t: t + "\nБір сөйлем қосылды.\n"),
        "title edit": lambda: Edit(story, lambda t: re.sub(r'^title: "?', 'title: "Жаңа ',
                                                           t, count=1, flags=re.M)
                                   if 'title: "' in t else t.replace("title: ", "title: Жаңа ", 1)),
        "template": lambda: Edit(template, lambda t: t.replace(
            "{% block main %}", "{% block main %}<!-- benchmark -->", 1)),
    }
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    wall, cpu, rss, report = build(args, ["--clean"])
    print(f"clean build: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MB  ({report[:60]}...)")
    results = {kind: [] for kind in edits}
    for round_ in range(1, args.runs + 1):
        for kind, make in edits.items():
            with make():
                figures = build(args)
            # Back to the site as it was, so the next edit starts from a built site.
            build(args)
            results[kind].append(figures)
            wall, cpu, rss, report = figures
            print(f"round {round_}  {kind:<11} {wall:6.2f} s wall {cpu:6.2f} s CPU "
                  f"{rss:6.0f} MB  rendered {rendered(report)}")
    print()
    print(f"{'median':<11} {'wall':>8} {'CPU':>8} {'peak RSS':>9}  pages rendered")
    for kind, runs in results.items():
        print(f"{kind:<11} {statistics.median(r[0] for r in runs):6.2f} s "
              f"{statistics.median(r[1] for r in runs):6.2f} s "
              f"{statistics.median(r[2] for r in runs):6.0f} MB  {rendered(runs[-1][3])}")


if __name__ == "__main__":
    main()
