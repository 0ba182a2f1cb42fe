#!/usr/bin/env bash
# collect.sh - write an ovnsim bundle from live OVN Northbound/Southbound databases.
#
#   corpora/collect.sh [OPTIONS] OUTDIR
#
# Options:
#   --nb DB            NB database (default: $OVN_NB_DB, else ovn-nbctl's default)
#   --sb DB            SB database (default: $OVN_SB_DB, else ovn-sbctl's default)
#   --kubectl POD      run ovn-nbctl/ovn-sbctl inside POD with `kubectl exec`
#   -n, --namespace NS namespace of POD (default: ovn-kubernetes)
#   -c, --container C  container of POD (default: the pod's default container)
#   --no-json          skip the --format=json listings
#
# OUTDIR gets: lflows.txt (ovn-sbctl dump-flows), lflows-uuid.txt (--uuid),
# nb/<Table>.txt and .json (ovn-nbctl list), nb/show.txt, sb/<Table>.txt and .json,
# sb/count-flows.txt. Tables the database's schema does not have (Sample before OVN
# 24.09, ...) are skipped with a note on stderr. Exit status: 0 ok, 2 bad usage, other:
# the failing ovn-*ctl command's status.
set -euo pipefail

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

nb_db=${OVN_NB_DB:-}
sb_db=${OVN_SB_DB:-}
pod=""
namespace=ovn-kubernetes
container=""
json=1
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --nb) nb_db=$2; shift 2 ;;
        --sb) sb_db=$2; shift 2 ;;
        --kubectl) pod=$2; shift 2 ;;
        -n|--namespace) namespace=$2; shift 2 ;;
        -c|--container) container=$2; shift 2 ;;
        --no-json) json=0; shift ;;
        -h|--help) usage ;;
        -*) echo "collect.sh: unknown option $1" >&2; usage ;;
        *) [ -z "$out" ] || usage; out=$1; shift ;;
    esac
done
[ -n "$out" ] || usage

NB_TABLES="ACL Sample Sample_Collector Sampling_App Port_Group Address_Set Logical_Switch
Logical_Switch_Port Logical_Router Logical_Router_Port Load_Balancer Load_Balancer_Group NB_Global Meter"
SB_TABLES="Datapath_Binding Port_Binding Chassis Address_Set Port_Group Logical_Flow
Multicast_Group Load_Balancer"

# run TOOL ARGS...: ovn-nbctl/ovn-sbctl locally or in the pod.
run() {
    local tool=$1; shift
    local db_opt=()
    case "$tool" in
        ovn-nbctl) [ -n "$nb_db" ] && db_opt=(--db="$nb_db") ;;
        ovn-sbctl) [ -n "$sb_db" ] && db_opt=(--db="$sb_db") ;;
    esac
    if [ -n "$pod" ]; then
        local c=()
        [ -n "$container" ] && c=(-c "$container")
        kubectl exec -n "$namespace" "${c[@]}" "$pod" -- "$tool" "${db_opt[@]}" "$@"
    else
        "$tool" "${db_opt[@]}" "$@"
    fi
}

# list TOOL DIR TABLE: DIR/TABLE.txt (and .json), skipping tables the schema lacks.
list() {
    local tool=$1 dir=$2 table=$3 err
    if ! run "$tool" list "$table" > "$dir/$table.txt" 2> "$out/.err"; then
        err=$(cat "$out/.err")
        rm -f "$dir/$table.txt"
        case "$err" in
            *"unknown table"*|*"does not contain a table"*)
                echo "collect.sh: $tool: no table $table in this schema, skipped" >&2; return 0 ;;
            *) echo "$err" >&2; return 1 ;;
        esac
    fi
    if [ "$json" = 1 ]; then
        run "$tool" --format=json list "$table" > "$dir/$table.json"
    fi
}

mkdir -p "$out/nb" "$out/sb"
run ovn-sbctl dump-flows > "$out/lflows.txt"
run ovn-sbctl --uuid dump-flows > "$out/lflows-uuid.txt"
run ovn-sbctl count-flows > "$out/sb/count-flows.txt"
run ovn-nbctl show > "$out/nb/show.txt"
for t in $NB_TABLES; do list ovn-nbctl "$out/nb" "$t"; done
for t in $SB_TABLES; do list ovn-sbctl "$out/sb" "$t"; done
rm -f "$out/.err"
echo "collect.sh: bundle written to $out ($(grep -c '^  table=' "$out/lflows.txt" || true) logical flows)" >&2
