#!/bin/sh
# Median of 5 runs of `egiz booklet NAME` per example booklet (hyperfine, one warm-up run),
# for the binary given as $1 (a release build), output into a temporary folder.
# Usage: bench/booklet_times.sh target/release/egiz > bench/results/booklet-times.txt
set -e
bin=$(realpath "$1")
out=$(mktemp -d)
for name in almaty-region-report appeals-guide medical-standards social-project-success \
    zhambyl-development-plans zhambyl-rural-youth; do
    hyperfine --runs 5 --warmup 1 --export-json "$out/$name.json" \
        "$bin booklet $name --output $out/site" >/dev/null 2>&1
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{sys.argv[2]:28} median {r['median']*1000:7.0f} ms  (min {r['min']*1000:.0f}, max {r['max']*1000:.0f})\")" "$out/$name.json" "$name"
done
rm -rf "$out"
