#!/usr/bin/env python3
"""A small Google Reader API server for dateline's tests and benchmarks (no packaged one exists).

It implements the documented endpoints that FreshRSS, Miniflux, Inoreader and The Old Reader
share, as a client sees them, over generated feeds held in memory:

  POST /accounts/ClientLogin              Email, Passwd -> "SID=..\\nLSID=..\\nAuth=TOKEN\\n" (401 when wrong)
  GET  /reader/api/0/token                the token edit-tag wants in T
  GET  /reader/api/0/subscription/list    ?output=json: subscriptions with their category (label)
  GET  /reader/api/0/stream/contents/STREAM   ?n=&c=&ot=: items newest first, continuation c
  GET  /reader/api/0/stream/items/ids     ?s=STREAM&xt=STATE&n=&c=: item ids (decimal)
  POST /reader/api/0/edit-tag             T, i=ID (either form, many), a=STATE / r=STATE
Every /reader/ request needs "Authorization: GoogleLogin auth=TOKEN" (401 otherwise).
STREAM is user/-/state/com.google/reading-list, .../starred, .../read or feed/ID.

For the tests only (not part of the API): --hostile puts escape sequences in a feed title and an item title.
GET /test/count (requests per path and the ids
edit-tag received, as JSON), POST /test/add?feed=K&n=N (N new items in feed K),
GET /test/fail?code=C (every API request answers C until /test/fail?code=0); /moved/ANYTHING
answers 301 to /ANYTHING (a client must not carry credentials there by itself); with --cmdlines FILE,
every process's command line as the login request arrives (the client holds the password then).

Listens on 127.0.0.1 only, on an ephemeral port written to --port-file; --tls CERT KEY serves
HTTPS; exits by itself after --lifetime seconds.
"""
import argparse
import json
import os
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE = "user/-/state/com.google/"
LONG = "tag:google.com,2005:reader/item/"


class Store:
    def __init__(self, feeds, items, body_words, base, hostile=False):
        self.lock = threading.Lock()
        self.feeds = [{"id": "feed/%d" % k, "title": "Generated feed %d" % k,
                       "url": "%s/feeds/%d.xml" % (base, k), "label": "Group %d" % (k % 3)}
                      for k in range(feeds)]
        self.items = []  # oldest first
        self.read, self.starred = set(), set()
        self.counts, self.edits = {}, []
        self.fail = 0
        self.body_words = body_words
        self.base = base
        self.t0 = 1700000000
        for i in range(items):
            self.add(i % max(feeds, 1))
        if hostile:  # terminal escapes and controls in what the aggregator says
            self.feeds[0]["title"] = "Evil\x1b]0;pwned\x07 Feed\x9b31m"
            self.add(0)
            self.items[-1]["title"] = "Bad\x1b[2J title\u202e"

    def add(self, k):
        n = len(self.items) + 1
        when = self.t0 + n
        words = " ".join("word%d" % ((n * 7 + w) % 97) for w in range(self.body_words))
        self.items.append({
            "num": n, "feed": k, "time": when,
            "title": "Item %d of feed %d" % (n, k),
            "content": "<p>BERLIN (dpa) — Report %d. \"We will see,\" said Anna Weber.</p><p>%s</p>" % (n, words),
        })

    def entry(self, it):
        n = it["num"]
        cats = [STATE + "reading-list"]
        if n in self.read:
            cats.append(STATE + "read")
        if n in self.starred:
            cats.append(STATE + "starred")
        f = self.feeds[it["feed"]]
        return {"id": LONG + "%016x" % n, "crawlTimeMsec": str(it["time"] * 1000),
                "timestampUsec": str(it["time"] * 1000000), "published": it["time"], "updated": it["time"],
                "title": it["title"], "author": "Desk %d" % it["feed"],
                "canonical": [{"href": "%s/articles/%d" % (self.base, n)}],
                "alternate": [{"href": "%s/articles/%d" % (self.base, n), "type": "text/html"}],
                "summary": {"direction": "ltr", "content": it["content"]},
                "categories": cats, "origin": {"streamId": f["id"], "title": f["title"], "htmlUrl": f["url"]}}

    def select(self, stream, exclude):
        out = []
        for it in reversed(self.items):
            n = it["num"]
            if stream == STATE + "starred" and n not in self.starred:
                continue
            if stream == STATE + "read" and n not in self.read:
                continue
            if stream.startswith("feed/") and self.feeds[it["feed"]]["id"] != stream:
                continue
            if exclude == STATE + "read" and n in self.read:
                continue
            if exclude == STATE + "starred" and n in self.starred:
                continue
            out.append(it)
        return out


def item_number(s):
    if s.startswith(LONG):
        return int(s[len(LONG):], 16)
    return int(s)


def snapshot_cmdlines(path):
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open("/proc/%s/cmdline" % pid, "rb") as f:
                    out.append(f.read().replace(b"\0", b" ").decode(errors="replace"))
            except OSError:
                pass
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def make_handler(store, user, password, token, cmdlines=None):
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            pass

        def send(self, code, body, ctype="application/json"):
            data = body.encode() if isinstance(body, str) else body
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def authorised(self):
            if self.headers.get("Authorization", "") != "GoogleLogin auth=" + token:
                self.send(401, "Unauthorized", "text/plain")
                return False
            return True

        def form(self):
            n = int(self.headers.get("Content-Length") or 0)
            return urllib.parse.parse_qs(self.rfile.read(n).decode(), keep_blank_values=True)

        def count(self, path):
            with store.lock:
                store.counts[path] = store.counts.get(path, 0) + 1

        def do_GET(self):
            u = urllib.parse.urlsplit(self.path)
            q = urllib.parse.parse_qs(u.query)
            path = u.path
            self.count(path.split("/stream/contents/")[0] + ("/stream/contents" if "/stream/contents/" in path else ""))
            if path.startswith("/moved/"):
                return self.moved(path)
            if path == "/test/count":
                with store.lock:
                    return self.send(200, json.dumps({"paths": store.counts, "edits": store.edits}))
            if path == "/test/fail":
                store.fail = int(q.get("code", ["0"])[0])
                return self.send(200, "OK", "text/plain")
            if not path.startswith("/reader/api/0/"):
                return self.send(404, "not found", "text/plain")
            if store.fail:
                return self.send(store.fail, "Error=Failure", "text/plain")
            if not self.authorised():
                return
            rest = path[len("/reader/api/0/"):]
            if rest == "token":
                return self.send(200, "actiontoken" + token[:8] + "\n", "text/plain")
            if rest == "subscription/list":
                subs = [{"id": f["id"], "title": f["title"], "url": f["url"], "htmlUrl": f["url"],
                         "categories": [{"id": "user/-/label/" + f["label"], "label": f["label"]}]}
                        for f in store.feeds]
                return self.send(200, json.dumps({"subscriptions": subs}))
            n = int(q.get("n", ["20"])[0])
            start = int(q.get("c", ["0"])[0])
            with store.lock:
                if rest.startswith("stream/contents/"):
                    stream = urllib.parse.unquote(rest[len("stream/contents/"):])
                    sel = store.select(stream, q.get("xt", [""])[0])
                    ot = int(q.get("ot", ["0"])[0])
                    sel = [it for it in sel if it["time"] >= ot]
                    page = sel[start:start + n]
                    out = {"id": stream, "updated": int(time.time()), "items": [store.entry(it) for it in page]}
                elif rest == "stream/items/ids":
                    sel = store.select(q.get("s", [STATE + "reading-list"])[0], q.get("xt", [""])[0])
                    page = sel[start:start + n]
                    out = {"itemRefs": [{"id": str(it["num"]), "timestampUsec": str(it["time"] * 1000000)}
                                        for it in page]}
                else:
                    return self.send(404, "not found", "text/plain")
            if start + n < len(sel):
                out["continuation"] = str(start + n)
            return self.send(200, json.dumps(out))

        def moved(self, path):
            self.send_response(301)
            self.send_header("Location", path[len("/moved"):])
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_POST(self):
            u = urllib.parse.urlsplit(self.path)
            self.count(u.path)
            if u.path.startswith("/moved/"):
                return self.moved(u.path)
            if u.path == "/test/add":
                q = urllib.parse.parse_qs(u.query)
                with store.lock:
                    for _ in range(int(q.get("n", ["1"])[0])):
                        store.add(int(q.get("feed", ["0"])[0]))
                return self.send(200, "OK", "text/plain")
            f = self.form()
            if store.fail:
                return self.send(store.fail, "Error=Failure", "text/plain")
            if u.path == "/accounts/ClientLogin":
                if cmdlines:
                    snapshot_cmdlines(cmdlines)
                if f.get("Email", [""])[0] == user and f.get("Passwd", [""])[0] == password:
                    return self.send(200, "SID=none\nLSID=none\nAuth=%s\n" % token, "text/plain")
                return self.send(401, "Error=BadAuthentication\n", "text/plain")
            if u.path == "/reader/api/0/edit-tag":
                if not self.authorised():
                    return
                if f.get("T", [""])[0] != "actiontoken" + token[:8]:
                    return self.send(400, "Error=BadToken", "text/plain")
                ids = [item_number(i) for i in f.get("i", [])]
                with store.lock:
                    for tag in f.get("a", []):
                        (store.read if tag == STATE + "read" else store.starred).update(ids)
                    for tag in f.get("r", []):
                        (store.read if tag == STATE + "read" else store.starred).difference_update(ids)
                    store.edits.append({"a": f.get("a", []), "r": f.get("r", []), "i": ids})
                return self.send(200, "OK", "text/plain")
            return self.send(404, "not found", "text/plain")
    return H


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port-file")
    p.add_argument("--lifetime", type=float, default=120)
    p.add_argument("--user", default="alice")
    p.add_argument("--password", default="correct horse")
    p.add_argument("--feeds", type=int, default=3)
    p.add_argument("--items", type=int, default=9)
    p.add_argument("--body-words", type=int, default=120)
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--cmdlines")
    p.add_argument("--hostile", action="store_true", help="escape sequences in a feed title and an item title")
    a = p.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), None)
    port = srv.server_address[1]
    scheme = "https" if a.tls else "http"
    store = Store(a.feeds, a.items, a.body_words, "%s://127.0.0.1:%d" % (scheme, port), a.hostile)
    srv.RequestHandlerClass = make_handler(store, a.user, a.password, "tok%08x" % (port * 2654435761 % 2**32),
                                          a.cmdlines)
    if a.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.tls[0], a.tls[1])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    threading.Timer(a.lifetime, lambda: (srv.shutdown())).start()
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as fh:
            fh.write(str(port))
        os.replace(a.port_file + ".tmp", a.port_file)
    else:
        print(port, flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
