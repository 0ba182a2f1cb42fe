#!/usr/bin/env bash
# topology.sh - the NB of the differential test, written with ovn-nbctl into the database
# $OVN_NB_DB points at: two switches joined by a router, VIFs with IPv4 and IPv6 addresses,
# port groups, address sets, ACLs of every action on switches and port groups (one after
# the load balancer), and a load balancer on both switches.
#
#   ls1: vif11 vif12 (and ls1-lr1 -> lr1)      10.1.0.0/24  fd01::/64
#   ls2: vif21 vif22 (and ls2-lr1 -> lr1)      10.2.0.0/24  fd02::/64
#
# The addresses are also in tests/diff/topology.json, which the test reads.
set -euo pipefail

ovn-nbctl \
  -- ls-add ls1 -- ls-add ls2 -- lr-add lr1 \
  -- lrp-add lr1 lr1-ls1 0a:00:00:00:ff:01 10.1.0.1/24 fd01::1/64 \
  -- lrp-add lr1 lr1-ls2 0a:00:00:00:ff:02 10.2.0.1/24 fd02::1/64 \
  -- lsp-add ls1 ls1-lr1 -- lsp-set-type ls1-lr1 router -- lsp-set-addresses ls1-lr1 router \
  -- lsp-set-options ls1-lr1 router-port=lr1-ls1 \
  -- lsp-add ls2 ls2-lr1 -- lsp-set-type ls2-lr1 router -- lsp-set-addresses ls2-lr1 router \
  -- lsp-set-options ls2-lr1 router-port=lr1-ls2 \
  -- lsp-add ls1 vif11 -- lsp-set-addresses vif11 "0a:00:00:00:01:11 10.1.0.11 fd01::11" \
  -- lsp-add ls1 vif12 -- lsp-set-addresses vif12 "0a:00:00:00:01:12 10.1.0.12 fd01::12" \
  -- lsp-set-port-security vif12 "0a:00:00:00:01:12 10.1.0.12 fd01::12" \
  -- lsp-add ls2 vif21 -- lsp-set-addresses vif21 "0a:00:00:00:02:21 10.2.0.21 fd02::21" \
  -- lsp-add ls2 vif22 -- lsp-set-addresses vif22 "0a:00:00:00:02:22 10.2.0.22 fd02::22"

ovn-nbctl \
  -- pg-add pg_web vif12 vif22 \
  -- pg-add pg_all vif11 vif12 vif21 vif22 \
  -- create Address_Set name=as_clients 'addresses="10.1.0.11","10.2.0.21"' \
  -- create Address_Set name=as_clients6 'addresses="fd01::11","fd02::21"'

ovn-nbctl \
  -- acl-add ls1 from-lport 1000 'inport == "vif11" && tcp.dst == 22' drop \
  -- acl-add pg_web to-lport 1001 'outport == @pg_web && ip4 && tcp.dst == 80 && ip4.src == $as_clients' allow-related \
  -- acl-add pg_web to-lport 1002 'outport == @pg_web && ip6 && tcp.dst == 80 && ip6.src == $as_clients6' allow-related \
  -- acl-add pg_web to-lport 900 'outport == @pg_web && ip' drop \
  -- acl-add pg_all from-lport 800 'inport == @pg_all && udp.dst == 53' allow \
  -- acl-add pg_all from-lport 810 'inport == @pg_all && udp.dst == 5353' allow-stateless \
  -- acl-add ls2 to-lport 700 'outport == "vif21" && icmp4' reject \
  -- acl-add ls2 to-lport 701 'outport == "vif21" && tcp.dst == 443' reject \
  -- --apply-after-lb acl-add ls2 from-lport 650 'inport == "vif22" && ip4.dst == 10.1.0.12' drop \
  -- acl-add ls1 from-lport 600 'ip6 && udp' allow

ovn-nbctl \
  -- lb-add lb1 10.9.0.10:80 10.1.0.12:8080,10.2.0.22:8080 tcp \
  -- ls-lb-add ls1 lb1 -- ls-lb-add ls2 lb1
ovn-nbctl --wait=sb sync
