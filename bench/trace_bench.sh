#!/usr/bin/env bash
# Prints the trace benchmark figures on ../shared/corpora/ovn-23.03/scale (N = 50 000 ACLs,
# 100 105 logical flows; see that folder's README.md):
#   (a) cold `ovnsim trace` wall time, one process per trace, reading lflows-N50000.txt.xz
#       directly (and the same dump decompressed), against Debian's ovn-trace on the same SB
#       (sb-N50000.db.xz in an ovn-sandbox.sh folder). Target: ovnsim at least 30x faster.
#   (b) `ovnsim trace --batch` over BENCH_BATCH (10 000) different TCP SYNs, each matching a
#       different ACL: the per-packet time, (T(batch) - T(one-line batch)) / packets.
#       Target: < 50 µs per packet.
# The packet is run-scale.sh's: a SYN from vif1 to vif2 matching ACL N/2.
#
# usage: bench/trace_bench.sh [BUILD_DIR]   (default: build/ next to bench/; built if needed)
#        OVNSIM_SHARED_CORPORA=DIR overrides ../shared/corpora; BENCH_REPEAT=N (default 5)
#        BENCH_BATCH=N (default 10000); BENCH_NO_OVN_TRACE=1 skips ovn-trace.
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

work=$(mktemp -d /tmp/ovnsim-bench.XXXXXX)  # short: unix socket paths are limited
sandbox_tool=$source_dir/tests/tools/ovn-sandbox.sh
cleanup() {
  [[ -f $work/db/pids ]] && "$sandbox_tool" stop "$work/db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

flow=$(python3 "$source_dir/bench/scale_microflows.py" "$n" --acl $((n / 2)) 4040)
xz -dc "$scale/lflows-N$n.txt.xz" >"$work/lflows-N$n.txt"

# mean wall seconds of a command run $repeat times (hyperfine when present)
mean_seconds() {
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --runs "$repeat" --export-json "$work/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(f"{r[\"mean\"]:.4f} {r[\"min\"]:.4f} {r[\"max\"]:.4f}")' "$work/h.json"
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

echo "== cold trace: ovn-trace --minimal --ct=new --ct=new ls1 '<SYN matching ACL $((n / 2))>'"
"$ovnsim" trace --minimal --ct=new --ct=new "$scale/lflows-N$n.txt.xz" ls1 "$flow" >"$work/ovnsim.txt"
read -r cold_xz cold_xz_min cold_xz_max < <(mean_seconds "$ovnsim" trace --minimal --ct=new --ct=new "$scale/lflows-N$n.txt.xz" ls1 "$flow")
read -r cold_txt cold_txt_min cold_txt_max < <(mean_seconds "$ovnsim" trace --minimal --ct=new --ct=new "$work/lflows-N$n.txt" ls1 "$flow")
printf 'ovnsim, lflows-N%s.txt.xz     %8.3f s  (min %.3f, max %.3f, %s runs)\n' "$n" "$cold_xz" "$cold_xz_min" "$cold_xz_max" "$repeat"
printf 'ovnsim, the dump decompressed %8.3f s  (min %.3f, max %.3f)\n' "$cold_txt" "$cold_txt_min" "$cold_txt_max"

if [[ ${BENCH_NO_OVN_TRACE:-0} != 1 ]] && command -v ovn-trace >/dev/null && command -v ovn-northd >/dev/null; then
  mkdir -p "$work/db"
  xz -dc "$scale/nb-N$n.db.xz" >"$work/db/nb.db"
  xz -dc "$scale/sb-N$n.db.xz" >"$work/db/sb.db"
  start=$(date +%s.%N)
  OVN_SANDBOX_TIMEOUT=600 "$sandbox_tool" start "$work/db" >/dev/null
  printf 'sandbox with the N=%s databases started in %.1f s\n' "$n" "$(echo "$(date +%s.%N) - $start" | bc)"
  eval "$("$sandbox_tool" env "$work/db")"
  ovn-trace --minimal --ct=new --ct=new ls1 "$flow" >"$work/ovn-trace.txt"
  ovn_repeat=$((repeat < 3 ? repeat : 3))
  read -r ovn ovn_min ovn_max < <(repeat=$ovn_repeat mean_seconds env OVN_SB_DB="$OVN_SB_DB" ovn-trace --minimal --ct=new --ct=new ls1 "$flow")
  printf 'ovn-trace 23.03 (live SB)     %8.3f s  (min %.3f, max %.3f, %s runs)\n' "$ovn" "$ovn_min" "$ovn_max" "$ovn_repeat"
  printf 'speed-up: %.0fx reading the .xz, %.0fx the plain dump (target >= 30x)\n' \
    "$(echo "$ovn / $cold_xz" | bc -l)" "$(echo "$ovn / $cold_txt" | bc -l)"
  if diff <(grep -v '^#' "$work/ovn-trace.txt") <(grep -v '^#' "$work/ovnsim.txt") >/dev/null; then
    echo "same --minimal trace from both"
  else
    echo "the --minimal traces differ (ovnsim adds samples and facts; see below):"
    diff <(grep -v '^#' "$work/ovn-trace.txt") <(grep -v '^#' "$work/ovnsim.txt") | head -20 || true
  fi
  "$sandbox_tool" stop "$work/db" >/dev/null
else
  echo "ovn-trace: skipped (BENCH_NO_OVN_TRACE=1 or Debian's ovn-central not installed)"
fi

echo "== batch: $batch_size SYNs, each matching another ACL, fresh conntrack per packet"
python3 "$source_dir/bench/scale_microflows.py" "$n" "$batch_size" >"$work/batch.txt"
head -n 1 "$work/batch.txt" >"$work/batch1.txt"
for style in minimal json; do
  read -r one _ < <(mean_seconds "$ovnsim" trace "--$style" --batch "$work/batch1.txt" "$work/lflows-N$n.txt")
  read -r all _ < <(repeat=$((repeat < 3 ? repeat : 3)) mean_seconds "$ovnsim" trace "--$style" --batch "$work/batch.txt" "$work/lflows-N$n.txt")
  printf 'ovnsim --batch --%-8s %d packets in %.3f s, one-line batch %.3f s: %.1f µs per packet (target < 50 µs)\n' \
    "$style" "$batch_size" "$all" "$one" "$(echo "($all - $one) * 1000000 / $batch_size" | bc -l)"
done
