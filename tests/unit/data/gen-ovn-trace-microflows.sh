#!/usr/bin/env bash
# Regenerates ovn-trace-microflows.tsv: each microflow of ovn-trace-microflows.in with what
# Debian's ovn-trace (ovn-central 23.03) makes of it, the OpenFlow flow line or the error,
# on a logical switch ls1 with ports vif1 (key 1) and vif2 (key 2).
# Usage: gen-ovn-trace-microflows.sh [SANDBOX_DIR]   (needs ../shared/tools/ovn-sandbox.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sandbox_tool=$here/../../../../shared/tools/ovn-sandbox.sh
dir=${1:-$(mktemp -d /tmp/ovnsim-microflows.XXXXXX)}
"$sandbox_tool" start "$dir" >/dev/null
trap '"$sandbox_tool" stop "$dir" >/dev/null' EXIT
eval "$("$sandbox_tool" env "$dir")"
ovn-nbctl ls-add ls1 -- lsp-add ls1 vif1 -- lsp-add ls1 vif2 \
    -- lsp-set-options vif1 requested-tnl-key=1 -- lsp-set-options vif2 requested-tnl-key=2
ovn-nbctl --wait=sb sync
while IFS= read -r microflow; do
    printf '%s\t%s\n' "$microflow" "$(ovn-trace --minimal ls1 "$microflow" 2>&1 | head -n 1)"
done < "$here/ovn-trace-microflows.in" > "$here/ovn-trace-microflows.tsv"
