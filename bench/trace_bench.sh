#!/usr/bin/env bash
# Prints the trace benchmark figures on ../shared/corpora/ovn-23.03/scale (N = 50 000 ACLs,
# 100 105 logical flows; see that folder's README.md):
#   (a) cold `ovnsim trace` wall time, one process per trace, against Debian's ovn-trace on
#       the same SB (sb-N50000.db.xz served by an ovn-sandbox.sh folder). Target: ovnsim at
#       least 30x faster. The headline bundle is the one a user has: written by
#       corpora/collect.sh from that sandbox (lflows.txt, every nb/ and sb/ listing including
#       the 100 000-row sb/Logical_Flow.json and the 50 000-row nb/ACL.json). Also: the dump
#       and SB tables a trace needs without Logical_Flow (xz and plain), and the whole sb.db
#       (plain and .xz, whose decompression alone costs about half a second) as the SB.
#   (b) `ovnsim trace --batch` over BENCH_BATCH (10 000) different TCP SYNs from vif1 to vif2,
#       each matching another ACL, a fresh conntrack per packet: the per-packet time,
#       (T(batch) - T(one-line batch)) / packets, for --minimal and --json, on one thread
#       (--jobs 1) and on every core (the default).
#       Target: < 50 µs per packet.
# The cold packet is run-scale.sh's: the SYN matching ACL N/2.
#
# usage: bench/trace_bench.sh [BUILD_DIR]   (default: build/ next to bench/; built if needed)
#        OVNSIM_SHARED_CORPORA=DIR overrides ../shared/corpora; BENCH_REPEAT=N (default 5)
#        BENCH_BATCH=N (default 10000); BENCH_NO_OVN_TRACE=1 skips ovn-trace (and the SB
#        listings it needs: the bundle then carries the whole sb.db).
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build}
corpora=${OVNSIM_SHARED_CORPORA:-$source_dir/../shared/corpora}
scale=$corpora/ovn-23.03/scale
repeat=${BENCH_REPEAT:-5}
batch_size=${BENCH_BATCH:-10000}
n=50000

[[ -f $scale/lflows-N$n.txt.xz ]] || { echo "absent: $scale/lflows-N$n.txt.xz (set OVNSIM_SHARED_CORPORA)" >&2; exit 2; }
if [[ ! -d $build_dir ]]; then
  cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build_dir" --target ovnsim -j2 >/dev/null
ovnsim=$build_dir/cli/ovnsim
sandbox_tool=$source_dir/tests/tools/ovn-sandbox.sh

work=$(mktemp -d /tmp/ovnsim-bench.XXXXXX)  # short: unix socket paths are limited
cleanup() {
  if [[ -f $work/db/pids ]]; then "$sandbox_tool" stop "$work/db" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# mean, min and max wall seconds of a command run $repeat times (hyperfine when present)
mean_seconds() {
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --runs "$repeat" --export-json "$work/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.4f %.4f %.4f" % (r["mean"], r["min"], r["max"]))' "$work/h.json"
  else
    python3 - "$repeat" "$@" <<'EOF'
import subprocess, sys, time
n = int(sys.argv[1]); times = []
for _ in range(n):
    t = time.monotonic(); subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, check=True); times.append(time.monotonic() - t)
print(f"{sum(times)/n:.4f} {min(times):.4f} {max(times):.4f}")
EOF
  fi
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.0f}')" "$1" "$2"; }

flow=$(python3 "$source_dir/bench/scale_microflows.py" "$n" --acl $((n / 2)) 4040)
mkdir -p "$work/xz/sb" "$work/plain/sb" "$work/sbdb" "$work/sbdb-plain"
ln -s "$scale/lflows-N$n.txt.xz" "$work/xz/lflows.txt.xz"
xz -dc "$scale/lflows-N$n.txt.xz" >"$work/plain/lflows.txt"
ln -s "$scale/lflows-N$n.txt.xz" "$work/sbdb/lflows.txt.xz"
ln -s "$scale/sb-N$n.db.xz" "$work/sbdb/sb.db.xz"
ln -s "$work/plain/lflows.txt" "$work/sbdb-plain/lflows.txt"
xz -dc "$scale/sb-N$n.db.xz" >"$work/sbdb-plain/sb.db"
echo "== cold trace, one process each: ovn-trace --minimal --ct=new --ct=new ls1 '<SYN matching ACL $((n / 2))>'"

ovn=""
if [[ ${BENCH_NO_OVN_TRACE:-0} != 1 ]] && command -v ovn-trace >/dev/null && command -v ovn-northd >/dev/null; then
  mkdir -p "$work/db"
  xz -dc "$scale/nb-N$n.db.xz" >"$work/db/nb.db"
  xz -dc "$scale/sb-N$n.db.xz" >"$work/db/sb.db"
  start=$(date +%s.%N)
  OVN_SANDBOX_TIMEOUT=600 "$sandbox_tool" start "$work/db" >/dev/null
  printf 'sandbox with the N=%s databases up in %.1f s\n' "$n" "$(python3 -c "import sys,time; print(time.time() - float(sys.argv[1]))" "$start")"
  eval "$("$sandbox_tool" env "$work/db")"
  for t in Datapath_Binding Port_Binding Port_Group Multicast_Group Address_Set Chassis Load_Balancer; do
    ovn-sbctl --format=json list "$t" >"$work/xz/sb/$t.json"
    cp "$work/xz/sb/$t.json" "$work/plain/sb/$t.json"
  done
  start=$(date +%s.%N)
  bash "$source_dir/corpora/collect.sh" "$work/collected" >/dev/null 2>&1
  printf 'corpora/collect.sh wrote the user bundle in %.1f s (%s)\n' \
    "$(python3 -c "import sys,time; print(time.time() - float(sys.argv[1]))" "$start")" "$(du -sh "$work/collected" | cut -f1)"
  ovn-trace --minimal --ct=new --ct=new ls1 "$flow" >"$work/ovn-trace.txt"
  ovn_repeat=$((repeat < 3 ? repeat : 3))
  read -r ovn ovn_min ovn_max < <(repeat=$ovn_repeat mean_seconds env OVN_SB_DB="$OVN_SB_DB" ovn-trace --minimal --ct=new --ct=new ls1 "$flow")
  printf 'ovn-trace 23.03, live SB                     %7.3f s  (min %.3f, max %.3f, %s runs)\n' "$ovn" "$ovn_min" "$ovn_max" "$ovn_repeat"
  "$sandbox_tool" stop "$work/db" >/dev/null
else
  echo "ovn-trace: skipped (BENCH_NO_OVN_TRACE=1 or Debian's ovn-central not installed)"
fi

cold() {  # cold LABEL BUNDLE
  "$ovnsim" trace --minimal --ct=new --ct=new "$2" ls1 "$flow" >"$work/ovnsim.txt"
  read -r mean min max < <(mean_seconds "$ovnsim" trace --minimal --ct=new --ct=new "$2" ls1 "$flow")
  printf 'ovnsim, %-36s %7.3f s  (min %.3f, max %.3f, %s runs)' "$1" "$mean" "$min" "$max" "$repeat"
  if [[ -n $ovn ]]; then printf ': %sx faster than ovn-trace' "$(ratio "$ovn" "$mean")"; fi
  echo
}
same_as_ovn_trace() {
  if diff <(grep -v '^#' "$work/ovn-trace.txt") <(grep -v '^#' "$work/ovnsim.txt") >/dev/null; then
    echo "(the same --minimal trace as ovn-trace's)"
  else
    echo "the --minimal traces differ:"; diff <(grep -v '^#' "$work/ovn-trace.txt") <(grep -v '^#' "$work/ovnsim.txt") || true
  fi
}
if [[ -n $ovn ]]; then
  cold "the collect.sh bundle (all listings)" "$work/collected"
  same_as_ovn_trace
  cold "lflows-N$n.txt.xz + SB listings" "$work/xz"
  cold "the dump decompressed + SB listings" "$work/plain"
  same_as_ovn_trace
fi
cold "lflows-N$n.txt.xz + the whole sb.db.xz" "$work/sbdb"
cold "the dump + the whole sb.db, plain" "$work/sbdb-plain"

bundle=$work/collected
[[ -n $ovn ]] || bundle=$work/sbdb
echo "== batch: $batch_size SYNs, each matching another ACL, a fresh conntrack per packet ($(basename "$bundle") bundle)"
python3 "$source_dir/bench/scale_microflows.py" "$n" "$batch_size" >"$work/batch.txt"
head -n 1 "$work/batch.txt" >"$work/batch1.txt"
for style in minimal json; do
  for jobs in 1 "$(nproc)"; do
    read -r one _ < <(mean_seconds "$ovnsim" trace "--$style" --jobs "$jobs" --batch "$work/batch1.txt" "$bundle")
    read -r all _ < <(repeat=$((repeat < 3 ? repeat : 3)) mean_seconds "$ovnsim" trace "--$style" --jobs "$jobs" --batch "$work/batch.txt" "$bundle")
    printf 'ovnsim --batch --%-8s --jobs %-2s %d packets in %.3f s, one-line batch %.3f s: %.1f µs per packet (target < 50 µs)\n' \
      "$style" "$jobs" "$batch_size" "$all" "$one" "$(python3 -c "import sys; print((float(sys.argv[1]) - float(sys.argv[2])) * 1e6 / int(sys.argv[3]))" "$all" "$one" "$batch_size")"
  done
done
echo "(load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores: wall times grow with it)"
