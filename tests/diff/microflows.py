"""Random microflows over a bundle's topology, for the differential test: every VIF sends
ARP requests, IPv4 and IPv6 TCP/UDP/ICMP (and IPv6 neighbour solicitations) to the other
VIFs, to the router's addresses, to the load balancer VIPs and to addresses nobody has,
with the destination MAC a real sender would use (the VIF's on the same switch, else the
gateway router port's), sometimes a spoofed source, sometimes a TTL about to expire.
The ports come from the bundle's NB JSON listings (as corpora/collect.sh writes them)."""
import ipaddress
import json
import os


def _cell(value):
    """An OVSDB JSON cell as Python: sets to lists, maps to dicts, uuids to strings."""
    if isinstance(value, list) and len(value) == 2 and value[0] in ("set", "map", "uuid", "named-uuid"):
        kind, body = value
        if kind == "set":
            return [_cell(v) for v in body]
        if kind == "map":
            return {_cell(k): _cell(v) for k, v in body}
        return body
    return value


def read_table(bundle, side, table):
    path = os.path.join(bundle, side, table + ".json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        listing = json.load(f)
    return [dict(zip(listing["headings"], (_cell(c) for c in row))) for row in listing["data"]]


def _as_list(v):
    return v if isinstance(v, list) else [v]


class Port:
    def __init__(self, name, switch, mac, ips):
        self.name, self.switch, self.mac = name, switch, mac
        self.ipv4 = [ip for ip in ips if ip.version == 4]
        self.ipv6 = [ip for ip in ips if ip.version == 6]


class RouterPort:
    def __init__(self, name, switch, mac, networks):
        self.name, self.switch, self.mac = name, switch, mac
        self.networks = [ipaddress.ip_interface(n) for n in networks]


class Topology:
    def __init__(self, bundle):
        switches = read_table(bundle, "nb", "Logical_Switch")
        lsps = {row["_uuid"]: row for row in read_table(bundle, "nb", "Logical_Switch_Port")}
        lrps = {row["name"]: row for row in read_table(bundle, "nb", "Logical_Router_Port")}
        self.vifs, self.router_ports, self.vips = [], [], []
        for ls in sorted(switches, key=lambda r: r["name"]):
            for uuid in _as_list(ls["ports"]):
                lsp = lsps[uuid]
                if lsp["type"] == "router":
                    lrp = lrps[lsp["options"]["router-port"]]
                    self.router_ports.append(RouterPort(lrp["name"], ls["name"], lrp["mac"], _as_list(lrp["networks"])))
                elif lsp["type"] == "":
                    words = _as_list(lsp["addresses"])[0].split()
                    self.vifs.append(Port(lsp["name"], ls["name"], words[0], [ipaddress.ip_address(w) for w in words[1:]]))
        self.vifs.sort(key=lambda p: p.name)
        for lb in read_table(bundle, "nb", "Load_Balancer"):
            for vip, backends in lb["vips"].items():
                host, port = vip.rsplit(":", 1)
                self.vips.append((ipaddress.ip_address(host.strip("[]")), int(port), backends.split(",")))

    def gateway(self, switch):
        return next(rp for rp in self.router_ports if rp.switch == switch)

    def owner(self, ip):
        for p in self.vifs:
            if ip in p.ipv4 or ip in p.ipv6:
                return p
        return None


def _solicited_node(ip):
    tail = int(ip) & 0xffffff
    return ipaddress.IPv6Address(int(ipaddress.IPv6Address("ff02::1:ff00:0")) | tail)


def _multicast_mac(ip6):
    b = ip6.packed[-4:]
    return "33:33:" + ":".join(f"{x:02x}" for x in b)


class Case:
    """One microflow with the options it must be traced with."""

    def __init__(self, name, datapath, microflow, ct, lb_dst=None):
        self.name, self.datapath, self.microflow, self.ct, self.lb_dst = name, datapath, microflow, ct, lb_dst

    def ovn_trace_options(self):
        options = [f"--ct={c}" for c in self.ct]
        if self.lb_dst:
            options.append(f"--lb-dst={self.lb_dst}")
        return options


CT_CHOICES = ["new", "est", "est,rpl", "new", "rel", "inv", "est,rpl,dnat", "new,dnat"]


def generate(topology, rng, count):
    cases = []
    kinds = ["arp", "ip4", "ip4", "ip4", "ip6", "ip6", "nd", "spoof", "ttl"]
    while len(cases) < count:
        src = rng.choice(topology.vifs)
        kind = kinds[len(cases) % len(kinds)] if len(cases) < len(kinds) else rng.choice(kinds)
        # At least one state: ovnsim without --ct models conntrack, ovn-trace says est|trk.
        # Lists shorter than the path's ct actions exercise ovn-trace's default (est|trk).
        ct = [rng.choice(CT_CHOICES) for _ in range(rng.randint(1, 5))]
        case = _make(topology, rng, src, kind, ct)
        if case:
            case.name = f"{len(cases) + 1:03d}-{kind}-{case.name}"
            cases.append(case)
    return cases


def _destinations(topology, src, v6):
    out = []
    for p in topology.vifs:
        if p is not src:
            ips = p.ipv6 if v6 else p.ipv4
            out += [(ip, p) for ip in ips]
    for rp in topology.router_ports:
        out += [(n.ip, rp) for n in rp.networks if n.version == (6 if v6 else 4)]
    out += [(vip, "vip") for vip, _, _ in topology.vips if vip.version == (6 if v6 else 4)]
    out.append((ipaddress.ip_address("fd99::99" if v6 else "192.0.2.99"), None))
    return out


def _dst_mac(topology, src, owner):
    if isinstance(owner, Port) and owner.switch == src.switch:
        return owner.mac
    if isinstance(owner, RouterPort) and owner.switch == src.switch:
        return owner.mac
    return topology.gateway(src.switch).mac


def _l4(rng, v6):
    proto = rng.choice(["tcp", "tcp", "udp", "icmp"])
    if proto == "icmp":
        return "icmp", (f"icmp6 && icmp6.type == 128 && icmp6.code == 0" if v6 else
                        f"icmp4 && icmp4.type == 8 && icmp4.code == 0"), None
    dport = rng.choice([22, 53, 80, 443, 5353, 8080, rng.randint(1, 65535)])
    sport = rng.randint(1024, 65535)
    if proto == "udp":
        return "udp", f"udp && udp.src == {sport} && udp.dst == {dport}", dport
    flags = rng.choice(["0x002", "0x002", "0x010", "0x012", "0x004"])
    return "tcp", f"tcp && tcp.src == {sport} && tcp.dst == {dport} && tcp.flags == {flags}", dport


def _make(topology, rng, src, kind, ct):
    if kind == "arp":
        targets = [ip for p in topology.vifs if p.switch == src.switch and p is not src for ip in p.ipv4]
        targets += [n.ip for rp in topology.router_ports if rp.switch == src.switch for n in rp.networks if n.version == 4]
        targets.append(ipaddress.ip_address("10.1.0.200"))
        tpa = rng.choice(targets)
        flow = (f'inport == "{src.name}" && eth.src == {src.mac} && eth.dst == ff:ff:ff:ff:ff:ff && arp.op == 1 && '
                f"arp.sha == {src.mac} && arp.spa == {src.ipv4[0]} && arp.tha == 00:00:00:00:00:00 && arp.tpa == {tpa}")
        return Case(f"{src.name}-who-has-{tpa}", src.switch, flow, ct)
    if kind == "nd":
        # Only VIF targets: ovn-trace 23.03 aborts on the router's nd_na_router reply
        # (assertion `ovnact->type == OVNACT_ND_NA' in include/ovn/actions.h).
        target = rng.choice([ip for p in topology.vifs if p.switch == src.switch and p is not src for ip in p.ipv6])
        sn = _solicited_node(target)
        flow = (f'inport == "{src.name}" && eth.src == {src.mac} && eth.dst == {_multicast_mac(sn)} && '
                f"ip6.src == {src.ipv6[0]} && ip6.dst == {sn} && icmp6.type == 135 && icmp6.code == 0 && "
                f"ip.ttl == 255 && nd.target == {target} && nd.sll == {src.mac}")
        return Case(f"{src.name}-ns-{target}", src.switch, flow, ct)
    v6 = kind == "ip6" or (kind in ("spoof", "ttl") and rng.random() < 0.3)
    dst_ip, owner = rng.choice(_destinations(topology, src, v6))
    src_ip = (src.ipv6 if v6 else src.ipv4)[0]
    src_mac = src.mac
    if kind == "spoof":
        if rng.random() < 0.5:
            src_mac = "0a:00:00:00:00:99"
        else:
            src_ip = ipaddress.ip_address("fd01::99" if v6 else "10.1.0.99")
    ttl = rng.choice([1, 2]) if kind == "ttl" else 64
    proto, l4, dport = _l4(rng, v6)
    ip = "ip6" if v6 else "ip4"
    flow = (f'inport == "{src.name}" && eth.src == {src_mac} && eth.dst == {_dst_mac(topology, src, owner)} && '
            f"{ip}.src == {src_ip} && {ip}.dst == {dst_ip} && ip.ttl == {ttl} && {l4}")
    lb_dst = None
    if owner == "vip":
        backends = next(b for vip, _, b in topology.vips if vip == dst_ip)
        lb_dst = rng.choice(backends)
    return Case(f"{src.name}-{proto}-{dst_ip}", src.switch, flow, ct, lb_dst)
