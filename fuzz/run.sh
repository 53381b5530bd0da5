#!/bin/sh
# Runs one fuzz target for a time, from its seeds, growing its corpus in fuzz/corpus/TARGET/:
#   fuzz/run.sh TARGET [SECONDS]      (default 900: 15 minutes)
# A crash, a hang (10 s on one input) or 4 GB of memory stops it with the input saved in
# fuzz/artifacts/TARGET/. Rayon gets one thread: libFuzzer runs one input at a time anyway.
set -eu
target=$1
seconds=${2:-900}
cd "$(dirname "$0")/.."
case $target in
  site_yaml) dict=fuzz/dicts/site_yaml.dict ;;
  *) dict=fuzz/dicts/content.dict ;;
esac
mkdir -p "fuzz/corpus/$target"
# Leak detection is off: the print engine and the scratch site are made once and kept on
# purpose, and checking each input for leaks took a sixth of the time.
RAYON_NUM_THREADS=1 exec cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
  -dict="$dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
  -print_final_stats=1
