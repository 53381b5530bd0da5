#!/usr/bin/env python3
"""Build benchmark: egiz against Hugo and the floor program on the same generated sites.

usage: run.py [--sizes 1000,10000] [--runs 5] [--egiz target/release/egiz] [--hugo hugo]
              [--floor PATH] [--time /usr/bin/time] [--sites DIR] [--tmp /dev/shm] [--json FILE]

For each size N, gen.py writes an egiz site and the equivalent Hugo site with N bilingual stories
(kept in --sites, bench/sites by default, and written again only when the generator, the Hugo
skeleton or N change). Then, RUNS rounds, each building every size with every tool one after the
other (the tool that starts a round rotates), output in a fresh folder on tmpfs (--tmp):

- egiz:  `egiz build --site SITE --output OUT`
- Hugo:  `hugo --minify=false --quiet -d OUT` in the Hugo site, with an empty HUGO_CACHEDIR
- floor: `floor SITE/content OUT` (bench/floor: read the stories, Markdown to HTML, write them)

Before the rounds, one egiz build per size fills the site's cache of share cards (see warm());
it is not counted.
Each run's wall time and CPU time (user + sys) are those of the child process (from wait4), its
peak RSS that of the build program (reported by GNU time, see measure()), with the CPU time other
processes used meanwhile (from /proc/stat) to show interference.
Prints medians per tool and size, the ratios egiz/Hugo and egiz/floor, the growth from the
smallest to the largest size, and what each tool wrote (count.py). --json saves all of it.
The machine is shared: alternating the tools is what makes their figures comparable.
Not part of `cargo test`.
"""
import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import count
import gen

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FLOOR_MANIFEST = os.path.join(HERE, "floor", "Cargo.toml")
FLOOR_BIN = os.path.join(HERE, "floor", "target", "release", "floor")
TOOLS = ("egiz", "hugo", "floor")
NAMES = {"egiz": "egiz", "hugo": "Hugo", "floor": "floor"}
MIB = 2**20


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="stories per site, comma-separated")
    ap.add_argument("--runs", type=int, default=5, help="builds per tool and size")
    ap.add_argument("--egiz", default=os.path.join(ROOT, "target", "release", "egiz"))
    ap.add_argument("--hugo", default="hugo")
    ap.add_argument("--floor", help="the floor program (default: build bench/floor with cargo)")
    ap.add_argument("--time", default="/usr/bin/time", help="GNU time, for peak RSS")
    ap.add_argument("--sites", default=gen.DEFAULT_OUT, help="where generated sites are kept")
    ap.add_argument("--tmp", default="/dev/shm", help="where the builds write (tmpfs)")
    ap.add_argument("--json", help="save the settings, every run and the summary here")
    a = ap.parse_args(argv)
    a.sizes = [int(s) for s in a.sizes.split(",")]
    a.sites = os.path.abspath(a.sites)
    if a.runs < 1 or not a.sizes or min(a.sizes) < 2:
        ap.error("--runs must be at least 1 and every size at least 2")
    return a


def tool_paths(a):
    """{tool: program}, checked; the floor program is built (quietly) unless given."""
    egiz = shutil.which(a.egiz) or sys.exit(f"no egiz program at {a.egiz} (cargo build --release)")
    hugo = shutil.which(a.hugo) or sys.exit(f"no Hugo program {a.hugo!r}")
    floor = a.floor
    if not floor:
        cmd = ["cargo", "build", "--release", "--quiet", "--manifest-path", FLOOR_MANIFEST]
        if subprocess.run(cmd).returncode != 0:
            sys.exit("building the floor program failed: " + " ".join(cmd))
        floor = FLOOR_BIN
    floor = shutil.which(floor) or sys.exit(f"no floor program at {floor}")
    gnu_time = shutil.which(a.time) or sys.exit(f"no GNU time at {a.time} (Debian package time)")
    return {"egiz": os.path.abspath(egiz), "hugo": hugo, "floor": os.path.abspath(floor),
            "time": gnu_time}


def version(program, *args):
    out = subprocess.run([program, *args], capture_output=True, text=True)
    return (out.stdout or out.stderr).strip().split("\n")[0]


def command(tool, program, sites, out, cache):
    """(argv, working folder, environment) of one build."""
    if tool == "egiz":
        return [program, "build", "--site", sites["egiz"], "--output", out], None, None
    if tool == "hugo":
        env = dict(os.environ, HUGO_CACHEDIR=cache)
        return [program, "--minify=false", "--quiet", "-d", out], sites["hugo"], env
    return [program, os.path.join(sites["egiz"], "content"), out], None, None


def busy_cpu():
    """Seconds of CPU time the whole machine has spent busy (user, nice, system, irq, softirq,
    steal), from the first line of /proc/stat."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    ticks = sum(int(fields[i]) for i in (1, 2, 3, 6, 7, 8))
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(argv, cwd, env, gnu_time):
    """Run argv to its end: (exit code, stderr text, figures).

    Wall and CPU time come from wait4 on the child. Its peak RSS does not: a child Python starts
    shares the script's memory until it executes the program (vfork), and the kernel counts that
    in the child's ru_maxrss, so a 3 MB program would show the script's 20 MB or more. GNU time,
    a small process, starts the program itself and reports the program's own ru_maxrss."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        busy = busy_cpu()
        start = time.perf_counter()
        proc = subprocess.Popen([gnu_time, "-f", "%M", "-o", rss.name, "--", *argv], cwd=cwd,
                                env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        busy = busy_cpu() - busy
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        peak_kb = int(rss.read().split()[-1])  # after "Command exited with non-zero status N"
    cpu = usage.ru_utime + usage.ru_stime
    figures = {"wall_s": wall, "user_s": usage.ru_utime, "sys_s": usage.ru_stime, "cpu_s": cpu,
               "peak_rss_kb": peak_kb, "others_cpu_s": max(0.0, busy - cpu)}
    return proc.returncode, stderr, figures


def build(tool, programs, sites, out):
    """One clean build into out (emptied first); the figures, or the end of the script."""
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="hugo-cache-") as cache:
        argv, cwd, env = command(tool, programs[tool], sites, out, cache)
        code, stderr, figures = measure(argv, cwd, env, programs["time"])
    if code != 0:
        sys.stderr.write(f"{NAMES[tool]} failed (exit code {code}): {' '.join(argv)}\n{stderr}")
        sys.exit(1)
    return figures


def warm(programs, sites, tmp):
    """One egiz build per size before the timed ones, not counted: it fills the site's
    .egiz-cache with the share cards (PNG pictures Hugo does not make), as any build after a
    site's first finds them. Each timed build still starts from an empty output folder."""
    for n, site in sites.items():
        f = build("egiz", programs, site, os.path.join(tmp, f"warm-{n}"))
        print(f"warm-up  N={n:<6} egiz  {f['wall_s']:7.2f} s (not counted)", file=sys.stderr)


def progress(r, runs, n, tool, f):
    print(f"round {r}/{runs}  N={n:<6} {NAMES[tool]:<5} {f['wall_s']:7.2f} s"
          f"  {mib(f['peak_rss_kb']):>6} MiB  (others used {f['others_cpu_s']:.1f} s CPU)",
          file=sys.stderr)


def rounds(a, programs, sites, tmp):
    """All the runs, alternating tools; and what each tool wrote for each size (first run)."""
    runs, outputs = [], {}
    for r in range(a.runs):
        order = TOOLS[r % len(TOOLS):] + TOOLS[:r % len(TOOLS)]
        for n in a.sizes:
            for tool in order:
                out = os.path.join(tmp, f"{tool}-{n}")
                figures = build(tool, programs, sites[n], out)
                runs.append({"tool": tool, "n": n, "round": r + 1, **figures})
                if (tool, n) not in outputs:
                    outputs[tool, n] = count.count(out)
                shutil.rmtree(out)
                progress(r + 1, a.runs, n, tool, figures)
    return runs, outputs


def summarise(runs, outputs, sizes):
    """{n: {tool: medians, spread and output counts}}."""
    summary = {}
    for n in sizes:
        summary[n] = {}
        for tool in TOOLS:
            mine = [r for r in runs if r["tool"] == tool and r["n"] == n]
            walls = [r["wall_s"] for r in mine]
            med = {k: statistics.median(r[k] for r in mine)
                   for k in ("wall_s", "cpu_s", "peak_rss_kb", "others_cpu_s")}
            summary[n][tool] = {**med, "wall_min_s": min(walls), "wall_max_s": max(walls),
                                "runs": len(mine), "output": outputs[tool, n]}
    return summary


def mib(kb):
    mebibytes = kb / 1024
    return f"{mebibytes:.1f}" if mebibytes < 100 else f"{mebibytes:.0f}"


def size_report(n, by_tool, runs):
    rows = [("", "wall s", "min-max s", "CPU s", "peak RSS MiB", "HTML files", "output MiB",
             "others' CPU s")]
    for tool in TOOLS:
        s = by_tool[tool]
        spread = f"{s['wall_min_s']:.2f}-{s['wall_max_s']:.2f}"
        rows.append((NAMES[tool], f"{s['wall_s']:.2f}", spread,
                     f"{s['cpu_s']:.2f}", mib(s["peak_rss_kb"]),
                     f"{s['output']['html']:,}", f"{s['output']['bytes'] / MIB:.1f}",
                     f"{s['others_cpu_s']:.1f}"))
    lines = [f"N = {n:,} stories ({2 * n:,} story files), medians of {runs} runs",
             count.text_table(rows)]
    egiz = by_tool["egiz"]
    for other in ("hugo", "floor"):
        o = by_tool[other]
        lines.append(f"egiz / {NAMES[other]}: wall {egiz['wall_s'] / o['wall_s']:.2f}x, "
                     f"CPU {egiz['cpu_s'] / o['cpu_s']:.2f}x, "
                     f"peak RSS {egiz['peak_rss_kb'] / o['peak_rss_kb']:.2f}x")
    return "\n".join(lines)


def growth_report(summary, sizes):
    lo, hi = min(sizes), max(sizes)
    rows = [("", "wall", "CPU", "peak RSS")]
    for tool in TOOLS:
        a, b = summary[lo][tool], summary[hi][tool]
        keys = ("wall_s", "cpu_s", "peak_rss_kb")
        rows.append((NAMES[tool], *(f"{b[k] / a[k]:.1f}x" for k in keys)))
    heading = f"Growth from {lo:,} to {hi:,} stories ({hi / lo:g}x the stories)"
    return heading + "\n" + count.text_table(rows)


def pages_report(summary, sizes):
    parts = []
    for n in sizes:
        columns = [(f"{NAMES[t]} {n:,}", summary[n][t]["output"]) for t in TOOLS]
        parts.append(count.table(columns))
        stories = {t: summary[n][t]["output"]["kinds"].get("story", 0) for t in TOOLS}
        if set(stories.values()) != {2 * n}:
            parts.append(f"WARNING: story pages differ from {2 * n:,}: {stories}")
    return "What each tool wrote (count.py)\n" + "\n\n".join(parts)


def report(summary, sizes, runs):
    parts = [size_report(n, summary[n], runs) for n in sizes]
    if len(sizes) > 1:
        parts.append(growth_report(summary, sizes))
    parts.append(pages_report(summary, sizes))
    return "\n\n".join(parts)


def bench_commit():
    """The commit this script is at, with "+changes" when bench/ has uncommitted changes."""
    git = ["git", "-C", HERE]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    status = [*git, "status", "--porcelain", "--", ".", ":!results"]
    dirty = subprocess.run(status, capture_output=True, text=True).stdout.strip()
    return head.stdout.strip() + ("+changes" if dirty else "")


def settings(a, programs):
    return {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "bench_commit": bench_commit(),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
            "sizes": a.sizes, "runs": a.runs, "tmp": a.tmp, "programs": programs,
            "versions": {"egiz": version(programs["egiz"], "--version"),
                         "hugo": version(programs["hugo"], "version")}}


def save(path, meta, runs, summary):
    data = {"settings": meta, "runs": runs, "summary": {str(n): s for n, s in summary.items()}}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    a = parse_args()
    programs = tool_paths(a)
    meta = settings(a, programs)
    print(f"egiz: {programs['egiz']} ({meta['versions']['egiz']}); {meta['versions']['hugo']}",
          file=sys.stderr)
    sites = {}
    for n in a.sizes:
        print(f"sites for N={n:,} in {a.sites}", file=sys.stderr)
        sites[n] = gen.ensure(n, a.sites)
    with tempfile.TemporaryDirectory(prefix="egiz-bench-", dir=a.tmp) as tmp:
        warm(programs, sites, tmp)
        runs, outputs = rounds(a, programs, sites, tmp)
    summary = summarise(runs, outputs, a.sizes)
    print(report(summary, a.sizes, a.runs))
    if a.json:
        save(a.json, meta, runs, summary)


if __name__ == "__main__":
    main()
