#!/bin/sh
# Downloads the egiz release named in EGIZ_VERSION (netlify.toml sets it) into .egiz-bin/ and
# checks its SHA-256 sum. Any Linux build machine can use it: EGIZ_VERSION=0.1.0 sh install-egiz.sh
set -eu
: "${EGIZ_VERSION:?set EGIZ_VERSION, e.g. EGIZ_VERSION={{EGIZ_VERSION}}}"
: "${EGIZ_RELEASES:=https://github.com/{{EGIZ_REPO}}/releases/download}"
name="egiz-v${EGIZ_VERSION}-x86_64-unknown-linux-musl"
mkdir -p .egiz-bin
cd .egiz-bin
if [ ! -x egiz ]; then
  curl -fsSLO "${EGIZ_RELEASES}/v${EGIZ_VERSION}/${name}.tar.gz"
  curl -fsSLO "${EGIZ_RELEASES}/v${EGIZ_VERSION}/SHA256SUMS.txt"
  grep " ${name}.tar.gz\$" SHA256SUMS.txt | sha256sum -c -
  tar -xzf "${name}.tar.gz"
  mv "${name}/egiz" egiz
fi
./egiz --version
