#!/usr/bin/env python3
"""tests/runtime/dnsd.py - a tiny authoritative DNS server for the tests.

Python 3 standard library only. Serves one zone file on UDP and TCP
(RFC 1035 4.2) of --addr (default 127.0.0.1) port --port (default 53),
answers every name in the file authoritatively, and nothing else:

  usage: dnsd.py --zone FILE [--ready FIFO] [--log FILE] [--port N]

Zone file, one record per line, '#' starts a comment, names absolute with
or without the trailing dot, case-insensitive:
  NAME A 192.0.2.1          NAME AAAA 2001:db8::1
  NAME MX 10 HOST           NAME CNAME TARGET      NAME PTR TARGET
  NAME NS HOST              NAME SRV 1 2 25 TARGET NAME AFSDB 1 HOST
  NAME TXT "one" "two"      (each quoted string is one character-string)
  NAME SERVFAIL [TYPE]      answer SERVFAIL (only for TYPE if given)
  NAME REFUSED [TYPE]       answer REFUSED
  NAME DROP [TYPE]          never answer (the client times out)
A name with records of another type only is NOERROR with no answer
(NODATA); a name not in the file, and not a parent of one, is NXDOMAIN.
CNAMEs are followed inside the zone (at most 8 links, then SERVFAIL); the
rcode is the last name's, as BIND does (a dangling CNAME is NXDOMAIN). A UDP answer over
512 bytes is sent with TC set and no records; TCP gives the whole answer.

Once both sockets are bound it writes "ready PORT" to --ready (a FIFO the
test reads with a time-out) and logs each query as "udp|tcp NAME TYPE" to
--log. It runs until killed; it trusts the zone file, and reads at most
512 bytes of a UDP query and 65535 of a TCP one.
"""
import argparse
import ipaddress
import select
import socket
import struct
import sys

TYPES = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15,
         "TXT": 16, "AFSDB": 18, "AAAA": 28, "SRV": 33}
NAMES = {v: k for k, v in TYPES.items()}
FAULTS = ("SERVFAIL", "REFUSED", "DROP")
RCODE = {"NOERROR": 0, "SERVFAIL": 2, "NXDOMAIN": 3, "REFUSED": 5}
MAX_CNAME = 8
UDP_MAX = 512


def norm(name):
    """A name as a lookup key: lower case, no trailing dot."""
    return name.rstrip(".").lower()


def wire_name(name):
    """A domain name in wire format, uncompressed."""
    out = b""  # case kept: the owner names passed in are normalised
    for label in name.rstrip(".").split("."):
        if label:
            raw = label.encode()
            out += bytes([len(raw)]) + raw
    return out + b"\0"


def txt_strings(text):
    """The character-strings of a TXT record's data: "a b" "c" -> [a b, c]."""
    parts, cur, quoted = [], None, False
    for ch in text:
        if ch == '"':
            if quoted:
                parts.append(cur)
            cur, quoted = "", not quoted
        elif quoted:
            cur += ch
    return parts


def rdata(rtype, args):
    """The wire data of one record."""
    if rtype == "A":
        return ipaddress.IPv4Address(args[0]).packed
    if rtype == "AAAA":
        return ipaddress.IPv6Address(args[0]).packed
    if rtype in ("MX", "AFSDB"):
        return struct.pack("!H", int(args[0])) + wire_name(args[1])
    if rtype == "SRV":
        return struct.pack("!HHH", *map(int, args[:3])) + wire_name(args[3])
    if rtype == "TXT":
        return b"".join(bytes([len(s.encode())]) + s.encode()
                        for s in txt_strings(" ".join(args)))
    return wire_name(args[0])          # CNAME, NS, PTR


def load_zone(path):
    """{name: [(type, rdata)]} and {name: [(fault, type or None)]}."""
    records, faults = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split("#", 1)[0].split() if '"' not in line \
                else line.rstrip("\n").split(None, 2)
            if len(words) < 2:
                continue
            name, rtype = norm(words[0]), words[1].upper()
            if rtype in FAULTS:
                only = TYPES[words[2].upper()] if len(words) > 2 else None
                faults.setdefault(name, []).append((rtype, only))
                continue
            args = words[2:] if rtype == "TXT" else " ".join(words[2:]).split()
            records.setdefault(name, []).append(
                (TYPES[rtype], rdata(rtype, args)))
    return records, faults


class Zone:
    """The answers for one zone file."""

    def __init__(self, path):
        self.records, self.faults = load_zone(path)

    def exists(self, name):
        """Whether name owns records or is a parent of a name that does."""
        return name in self.records or name in self.faults or any(
            n.endswith("." + name) for n in self.records)

    def fault(self, name, qtype):
        """SERVFAIL, REFUSED or DROP configured for name/qtype, or None."""
        for fault, only in self.faults.get(name, []):
            if only is None or only == qtype:
                return fault
        return None

    def answer(self, name, qtype):
        """(rcode name, [(owner, type, rdata)]) following CNAMEs."""
        out = []
        for _ in range(MAX_CNAME):
            fault = self.fault(name, qtype)
            if fault:
                return fault, out
            recs = self.records.get(name, [])
            match = [r for r in recs if r[0] == qtype or qtype == 255]
            cname = [r for r in recs if r[0] == TYPES["CNAME"]]
            if match or not cname:
                out += [(name, t, d) for t, d in match]
                return "NOERROR" if self.exists(name) else "NXDOMAIN", out
            out.append((name, cname[0][0], cname[0][1]))
            name = norm(decode_name(cname[0][1], 0)[0])
        return "SERVFAIL", out


def decode_name(msg, off):
    """(name, offset after it) of the possibly compressed name at off."""
    labels, end, jumps = [], None, 0
    while True:
        n = msg[off]
        if n & 0xC0 == 0xC0:
            if end is None:
                end = off + 2
            off = ((n & 0x3F) << 8) | msg[off + 1]
            jumps += 1
            if jumps > 32:
                raise ValueError("compression loop")
            continue
        if n == 0:
            return ".".join(labels), (end if end is not None else off + 1)
        labels.append(msg[off + 1:off + 1 + n].decode("latin-1"))
        off += 1 + n


def respond(zone, query, proto, log):
    """The reply to one query message, or None (DROP, or not a query)."""
    if len(query) < 12:
        return None
    qid, flags, qdcount = struct.unpack("!HHH", query[:6])
    if flags & 0x8000 or qdcount != 1:
        return None
    qname, off = decode_name(query, 12)
    qtype = struct.unpack("!H", query[off:off + 2])[0]
    question = query[12:off + 4]
    log.write("%s %s %s\n" % (proto, qname, NAMES.get(qtype, qtype)))
    log.flush()
    rcode, answers = zone.answer(norm(qname), qtype)
    if rcode == "DROP":
        return None
    body = b"".join(wire_name(o) + struct.pack("!HHIH", t, 1, 300, len(d)) + d
                    for o, t, d in answers)
    head = 0x8400 | (flags & 0x0100) | 0x0080 | RCODE[rcode]
    reply = struct.pack("!HHHHHH", qid, head, 1, len(answers), 0, 0)
    if proto == "udp" and 12 + len(question) + len(body) > UDP_MAX:
        return struct.pack("!HHHHHH", qid, head | 0x0200, 1, 0, 0, 0) + question
    return reply + question + body


def serve_tcp(conn, zone, log):
    """Answer the length-prefixed queries of one TCP connection."""
    conn.settimeout(5)
    try:
        while True:
            head = conn.recv(2, socket.MSG_WAITALL)
            if len(head) < 2:
                return
            query = conn.recv(struct.unpack("!H", head)[0], socket.MSG_WAITALL)
            reply = respond(zone, query, "tcp", log)
            if reply is not None:
                conn.sendall(struct.pack("!H", len(reply)) + reply)
    except (OSError, ValueError, IndexError, struct.error):
        return
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser(description="tiny authoritative DNS server")
    ap.add_argument("--zone", required=True)
    ap.add_argument("--addr", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=53)
    ap.add_argument("--ready")
    ap.add_argument("--log", default="/dev/null")
    opts = ap.parse_args()
    zone = Zone(opts.zone)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((opts.addr, opts.port))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind((opts.addr, udp.getsockname()[1]))
    tcp.listen(8)
    log = open(opts.log, "a", encoding="utf-8")
    if opts.ready:
        with open(opts.ready, "w", encoding="utf-8") as r:
            r.write("ready %d\n" % udp.getsockname()[1])
    while True:
        ready, _, _ = select.select([udp, tcp], [], [])
        if udp in ready:
            query, peer = udp.recvfrom(UDP_MAX)
            try:
                reply = respond(zone, query, "udp", log)
            except (ValueError, IndexError, struct.error):
                reply = None
            if reply is not None:
                udp.sendto(reply, peer)
        if tcp in ready:
            conn, _ = tcp.accept()
            serve_tcp(conn, zone, log)


if __name__ == "__main__":
    sys.exit(main())
