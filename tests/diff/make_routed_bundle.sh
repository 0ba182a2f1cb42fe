#!/usr/bin/env bash
# make_routed_bundle.sh OUTDIR - the differential test's topology (tests/diff/topology.sh)
# compiled by Debian's ovn-northd in a sandbox and collected with corpora/collect.sh.
# tests/unit/data/routed-23.03 was made with it (then lflows.txt and the text listings that
# have a JSON twin were removed: the loader prefers lflows-uuid.txt and JSON).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1
dir=$(mktemp -d /tmp/ovnsim-routed.XXXXXX)
"$here/../tools/ovn-sandbox.sh" start "$dir" >/dev/null
trap '"$here/../tools/ovn-sandbox.sh" stop "$dir" >/dev/null; rm -rf "$dir"' EXIT
eval "$("$here/../tools/ovn-sandbox.sh" env "$dir")"
bash "$here/topology.sh" >/dev/null
bash "$here/../../corpora/collect.sh" "$out"
