#!/usr/bin/env python3
"""scale_microflows.py N COUNT: COUNT batch lines `ls1<TAB>MICROFLOW`, line k a TCP SYN from
vif1 to vif2 that matches ACL (k * 7919) % N of ../shared/corpora/ovn-23.03/scale/gen-acls.py
(even ACLs are to-lport on ip4.src, odd ones from-lport on ip4.dst).
scale_microflows.py N --acl I SPORT: the microflow alone, matching ACL I (run-scale.sh's
packet is ACL N/2 with source port 4040)."""
import sys


def microflow(i, sport):
    ip = f"10.{100 + i // 65536}.{(i // 256) % 256}.{i % 256}"
    port = 1024 + i % 60000
    src, dst = (ip, "10.244.2.6") if i % 2 == 0 else ("10.244.1.4", ip)
    return (f'inport == "vif1" && eth.src == 0a:58:0a:f4:01:04 && eth.dst == 0a:58:0a:f4:02:06 && '
            f"ip4.src == {src} && ip4.dst == {dst} && ip.ttl == 64 && tcp.src == {sport} && tcp.dst == {port} && "
            "tcp.flags == 0x002")


def main():
    n = int(sys.argv[1])
    if sys.argv[2] == "--acl":
        print(microflow(int(sys.argv[3]), int(sys.argv[4])))
        return
    for k in range(int(sys.argv[2])):
        print(f"ls1\t{microflow((k * 7919) % n, 1024 + k % 60000)}")


if __name__ == "__main__":
    main()
