#!/usr/bin/env python3
"""tests/runtime/sockmap-server.py - a socketmap server (op.txt "socket")
for sockmap.test, answering by key so that one script covers every reply:

  okWORD        "OK value-of-okWORD"       nf        "NOTFOUND "
  temp          "TEMP try later"           timeout   "TIMEOUT server side"
  perm          "PERM denied"              what      "WHAT is this" (unknown)
  pct           "OK a%0b%1c" (map_rewrite) empty     "OK " (empty value)
  garbage       bytes that are no netstring
  nocomma       "5:OK ab;"                 spaces    "  5:OK ab," (scanf)
  lenN          a valid reply of N bytes (N > 1000000: too long for sendmail)
  rawlenN       "N:OK abc," whatever N is
  sleep         no answer at all (the client's -d timeout)
  close         the connection is closed without an answer
  big           "OK " and 2000 bytes       bare      "OK" (crashes sendmail)

usage: sockmap-server.py unix PATH READY LOG | inet PORTFILE READY LOG
Listens (unix socket PATH, or 127.0.0.1 on a free port written to
PORTFILE), then writes "ready" to the file or FIFO READY; logs every
request (repr of the netstring's text) to LOG. One thread per connection;
runs until killed.
"""
import socket
import sys
import threading

mode, where, ready, logpath = sys.argv[1:5]
lock = threading.Lock()
log = open(logpath, "a")


def ns(b):
    return str(len(b)).encode() + b":" + b + b","


FIXED = {
    "nf": ns(b"NOTFOUND "), "temp": ns(b"TEMP try later"),
    "timeout": ns(b"TIMEOUT server side"), "perm": ns(b"PERM denied"),
    "what": ns(b"WHAT is this"), "pct": ns(b"OK a%0b%1c"), "empty": ns(b"OK "),
    "garbage": b"hello garbage\r\n", "nocomma": b"5:OK ab;",
    "spaces": b"  5:OK ab,", "big": ns(b"OK " + b"y" * 2000), "sleep": b"",
    "bare": ns(b"OK"),
}


def reply(key):
    k = key.decode("latin1")
    if k in FIXED:
        return FIXED[k]
    if k.startswith("rawlen"):
        return k[6:].encode() + b":OK abc,"
    if k.startswith("len") and k[3:].isdigit():
        return ns(b"OK " + b"z" * (int(k[3:]) - 3))
    if k.startswith("ok"):
        return ns(b"OK value-of-" + key)
    return None  # "close"


def serve(c):
    buf = b""
    with c:
        while True:
            d = c.recv(65536)
            if not d:
                return
            buf += d
            while b":" in buf:
                n, rest = buf.split(b":", 1)
                if not n.isdigit() or len(rest) < int(n) + 1:
                    break
                req, buf = rest[:int(n)], rest[int(n) + 1:]
                with lock:
                    log.write(repr(req) + "\n")
                    log.flush()
                r = reply(req.partition(b" ")[2])
                if r is None:
                    return
                try:
                    c.sendall(r)
                except OSError:
                    return


if mode == "unix":
    s = socket.socket(socket.AF_UNIX)
    s.bind(where)
else:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    with open(where, "w") as f:
        f.write(str(s.getsockname()[1]))
s.listen(8)
with open(ready, "w") as f:
    f.write("ready\n")
while True:
    conn, _ = s.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
