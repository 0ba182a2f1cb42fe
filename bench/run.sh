#!/usr/bin/env bash
# Prints wall time, MB/s and peak RSS of
#   (a) reading an lflow dump and computing its flow counts (`ovnsim stats`), target >= 300 MB/s
#   (b) parsing every match and action of the dump into ASTs, target >= 60 MB/s
# for ../shared/corpora/ovn-23.03/scale/lflows-N50000.txt.xz (16.8 MB) and, when present,
# ovn-26.03/bigcluster-xl (83 MB), each decompressed to a temp file. Peak RSS target: < 10x
# the dump. Each job runs in its own process, pinned to one core when taskset exists.
#
# usage: bench/run.sh [BUILD_DIR]    (default: build/ next to bench/; built if needed)
#        OVNSIM_SHARED_CORPORA=DIR overrides ../shared/corpora; BENCH_REPEAT=N (default 5)
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build}
corpora=${OVNSIM_SHARED_CORPORA:-$source_dir/../shared/corpora}
repeat=${BENCH_REPEAT:-5}
bench=$build_dir/bench/ovnsim_bench_lflow

if [[ ! -d $build_dir ]]; then
  cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build_dir" --target ovnsim_bench_lflow -j2 >/dev/null

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

found=0
for xz in "$corpora/ovn-23.03/scale/lflows-N50000.txt.xz" "$corpora/ovn-26.03/bigcluster-xl/lflows.txt.xz"; do
  [[ -f $xz ]] || { echo "absent: $xz"; continue; }
  found=1
  dump=$work/$(basename "$(dirname "$xz")")-$(basename "${xz%.xz}")
  xz -dc "$xz" >"$dump"
  echo "== $dump ($(wc -c <"$dump") bytes)"
  "${pin[@]}" "$bench" stats "$dump" "$repeat"
  "${pin[@]}" "$bench" full-parse "$dump" "$repeat"
done
if [[ $found == 0 ]]; then
  echo "no benchmark dump found under $corpora (set OVNSIM_SHARED_CORPORA)" >&2
  exit 2
fi
