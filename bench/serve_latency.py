#!/usr/bin/env python3
"""Time from saving a story to the rebuilt page being served by `egiz serve`.

usage: serve_latency.py SITE_DIR [--generate N] [--egiz target/release/egiz] [--runs 20]
                        [--story NAME] [--log]

With --generate N, first writes SITE_DIR as an egiz site with N stories (the benchmark generator,
gen.py beside this file; the same site as serve_site.py N SITE_DIR). Otherwise SITE_DIR must exist.
Starts `egiz serve --port 0` on SITE_DIR, then, RUNS times:
writes a new title into the story's Kazakh file and polls its page over HTTP until the new title
is served. Prints each latency and the median, min and max, and the server's own rebuild lines.
The story file is restored at the end.
"""
import argparse
import http.client
import os
import statistics
import subprocess
import threading
import time

import gen


def fetch(host, port, path):
    conn = http.client.HTTPConnection(host, port, timeout=5)
    conn.request("GET", path)
    body = conn.getresponse().read().decode("utf-8", "replace")
    conn.close()
    return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--egiz", default="target/release/egiz")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--story", default="project-00500")
    ap.add_argument("--log", action="store_true", help="print the server's whole log")
    ap.add_argument("--generate", type=int, metavar="N",
                    help="first write SITE_DIR with N stories (replacing it)")
    a = ap.parse_args()
    if a.generate:
        gen.write_egiz_site(a.generate, a.site)
    story = os.path.join(a.site, "content", "projects", f"{a.story}.kk.md")
    with open(story, encoding="utf-8") as f:
        original = f.read()
    server = subprocess.Popen([a.egiz, "serve", "--port", "0", "--site", a.site],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = []
    ready = threading.Event()
    url = []

    def read():
        for line in server.stdout:
            log.append(line.rstrip())
            if line.startswith("serving "):
                url.append(line.split()[1])
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not ready.wait(120):
            raise SystemExit("egiz serve did not start:\n" + "\n".join(log))
        hostport, _, base = url[0][len("http://"):].partition("/")
        host, port = hostport.rsplit(":", 1)
        path = f"/{base}kk/projects/{a.story}/"
        assert a.story in path and fetch(host, port, path)
        latencies = []
        for run in range(a.runs):
            marker = f"Өзгертілген {run} {time.time_ns()}"
            text = "\n".join(f"title: {marker}" if l.startswith("title:") else l
                             for l in original.split("\n"))
            time.sleep(0.3)  # let the previous rebuild settle
            with open(story, "w", encoding="utf-8") as f:
                f.write(text)
            saved = time.perf_counter()
            while marker not in fetch(host, port, path):
                time.sleep(0.001)  # poll every millisecond without starving the server
                if time.perf_counter() - saved > 10:
                    raise SystemExit("the edit was not served within 10 s:\n" + "\n".join(log))
            latencies.append((time.perf_counter() - saved) * 1000)
            print(f"run {run + 1}: {latencies[-1]:.1f} ms")
        print(f"save → served, {a.runs} runs: median {statistics.median(latencies):.1f} ms, "
              f"min {min(latencies):.1f} ms, max {max(latencies):.1f} ms")
        time.sleep(0.2)
        print("server log (first build and last rebuilds):")
        for line in log if a.log else log[:2] + log[-3:]:
            print("  " + line)
    finally:
        with open(story, "w", encoding="utf-8") as f:
            f.write(original)
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
