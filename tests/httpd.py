#!/usr/bin/env python3
"""A fault-injecting HTTP server for dateline's network tests and benchmarks.

Listens on 127.0.0.1 only, on an ephemeral port written to --port-file (or
printed), and exits by itself after --lifetime seconds whatever happens.
Nothing here sends real gigabytes: big bodies are generated on the fly and
stop as soon as the client hangs up.

Routes (GET):
  /feed/NAME[?items=N&v=V&close=1]  RSS 2.0, with ETag and Last-Modified; 304 on a match;
                             close=1 ends the connection after the answer
  /etag/NAME                 RSS with an ETag only (304 when If-None-Match matches)
  /lastmod/NAME              RSS with Last-Modified only (304 when If-Modified-Since matches)
  /bare304/NAME              RSS with an ETag, whose 304 carries no validators
  /gzip/NAME                 RSS sent gzip-compressed (Content-Encoding: gzip)
  /echo                      RSS whose title is the request's User-Agent (the item's description
                             lists every request header's name), description its
                             Accept-Encoding, first item title its Accept
  /atom/NAME                 Atom 1.0
  /changing/NAME             RSS without validators whose item 0 changes and which grows an item per fetch
  /redirect/N/NAME           N hops of 302, then /feed/NAME
  /moved/NAME                301 to /feed/NAME (a permanent redirect)
  /loop                      302 to itself, forever
  /tofile                    302 to file:///etc/passwd
  /status/CODE               that status with a short text body
  /stall                     reads the request, then says nothing until the client leaves
  /truncated                 Content-Length 20000, 100 bytes of it, then closes
  /reset                     headers and part of the body, then a TCP reset
  /huge                      Content-Length: 1 GiB, zeros generated on the fly
  /endless                   chunked body of zeros with no end (1 GiB at most)
  /bomb                      gzip of 1 GiB of zeros, compressed on the fly
  /article                   a plain-text news article
  /html                      an HTML page served as text/html
  /page                      an HTML page linking its feed with <link rel="alternate">
  /invalid                   XML broken on line 3 before any feed element, served as application/rss+xml
  /drip                      a feed sent one byte every 0.5 s
  /badchunk                  chunked encoding with a size that is not hexadecimal
  /bench/N.xml[?delay=MS]    pre-generated feed N (see --bench-feeds, --bench-items, --bench-words),
                             answered (200 or 304) after MS milliseconds, as a distant server would
  (any route in absolute form, "GET http://host/route": served as a proxy would, counted as "proxied")
  /count                     how many requests each path got (and "304 PATH": how many 304s), as text
"""
import argparse
import email.utils
import gzip
import hashlib
import os
import socket
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GIB = 1 << 30
ARTICLE = (b"Storm closes the port\n\nBy Ana Reyes\n\nVALPARAISO, Chile (AP) \xe2\x80\x94 The port was closed on "
           b"Tuesday as the storm came ashore, officials said.\n\n\"We will reopen when it is safe,\" "
           b"harbour master Luis Soto said.\n")
LASTMOD = email.utils.formatdate(1700000000, usegmt=True)


def rss(name, items, version="1"):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
           '<title>Feed %s</title><link>http://127.0.0.1/%s</link>' % (name, name),
           '<description>Test feed %s</description>' % name]
    for i in range(items):
        out.append('<item><title>%s item %d v%s</title><link>http://127.0.0.1/%s/%d</link>'
                   '<guid>%s-%d</guid><pubDate>Tue, 14 Nov 2023 22:13:%02d GMT</pubDate>'
                   '<description>Paragraph %d of feed %s, version %s. "We are here," said '
                   'the spokesperson in WASHINGTON on Tuesday.</description></item>'
                   % (name, i, version, name, i, name, i, i % 60, i, name, version))
    out.append('</channel></rss>\n')
    return ''.join(out).encode()


FULL_WORDS = ("harbour council minister said talks ceasefire market prices rose fell election court ruling "
              "storm coast fishermen union strike budget report police city river bridge school hospital "
              "energy grid wind solar port shipping trade tariff summit envoy agreement protest vote the of "
              "and to in on for with after before by from").split()
FULL_NAMES = ("Jane Smith", "Omar Haddad", "Li Wei", "Maria Costa", "John Okafor", "Anna Berg")
FULL_PLACES = ("LONDON", "NAIROBI", "LIMA", "OSLO", "MANILA", "DUBLIN")


def rss_full(name, items, words=800, seed=0):
    """A feed whose items carry whole articles (content:encoded, ~words words each): datelines,
    quotations with speakers and names, so the analysis has its usual work. Deterministic."""
    import random
    rng = random.Random("%s-%d" % (name, seed))
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           '<title>Full %s</title><link>http://127.0.0.1/%s</link>' % (name, name),
           '<description>Full-text feed %s</description>' % name]
    for i in range(items):
        paras, n = [], 0
        while n < words:
            k = rng.randint(25, 60)
            body = " ".join(rng.choice(FULL_WORDS) for _ in range(k))
            who = rng.choice(FULL_NAMES)
            if not paras:
                body = "%s (Reuters) - %s" % (rng.choice(FULL_PLACES), body)
            elif rng.random() < 0.4:
                body = '&quot;%s,&quot; said %s, who %s.' % (body.capitalize(), who, " ".join(rng.choice(FULL_WORDS) for _ in range(6)))
            paras.append("<p>%s.</p>" % (body[0].upper() + body[1:]))
            n += k
        out.append('<item><title>%s story %d</title><link>http://127.0.0.1/%s/%d</link>'
                   '<guid>%s-%d</guid><pubDate>Tue, 14 Nov 2023 22:%02d:%02d GMT</pubDate>'
                   '<description>%s</description><content:encoded><![CDATA[%s]]></content:encoded></item>'
                   % (name, i, name, i, name, i, i // 60, i % 60,
                      " ".join(rng.choice(FULL_WORDS) for _ in range(25)), "\n".join(paras)))
    out.append('</channel></rss>\n')
    return ''.join(out).encode()


def atom(name, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
           '<title>Atom %s</title><id>urn:%s</id><updated>2023-11-14T22:13:20Z</updated>' % (name, name)]
    for i in range(items):
        out.append('<entry><title>%s entry %d</title><id>urn:%s:%d</id>'
                   '<link href="http://127.0.0.1/%s/%d"/><updated>2023-11-14T22:13:20Z</updated>'
                   '<summary>Entry %d</summary></entry>' % (name, i, name, i, name, i, i))
    out.append('</feed>\n')
    return ''.join(out).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "dateline-testd"
    # Headers and body go out in separate writes: without this, Nagle's algorithm and the
    # client's delayed ACK hold each keep-alive answer back by tens of milliseconds.
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):  # quiet unless asked
        if self.server.verbose:
            sys.stderr.write("httpd: " + (fmt % args) + "\n")

    def send_body(self, code, body, ctype="application/rss+xml; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def not_modified(self, extra):
        with self.server.lock:
            key = "304 " + self.path.partition("?")[0]
            self.server.counts[key] = self.server.counts.get(key, 0) + 1
        self.send_response(304)
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()

    def conditional(self, body, etag=True, lastmod=True, bare304=False):
        tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        extra = []
        if etag:
            extra.append(("ETag", tag))
        if lastmod:
            extra.append(("Last-Modified", LASTMOD))
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if etag and inm is not None:
            if inm.strip() == tag:
                return self.not_modified([] if bare304 else extra)
        elif lastmod and ims is not None and ims.strip() == LASTMOD:
            return self.not_modified(extra)
        self.send_body(200, body, extra=extra)

    def stream(self, headers, chunks):
        """Sends headers then each chunk until the client leaves."""
        self.send_response(200)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        try:
            for c in chunks:
                self.wfile.write(c)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        self.close_connection = True

    def do_GET(self):
        raw = self.path
        if raw.startswith("http://"):
            # absolute form: we are being used as an HTTP proxy (the proxy test)
            with self.server.lock:
                self.server.counts["proxied"] = self.server.counts.get("proxied", 0) + 1
            raw = "/" + raw[len("http://"):].partition("/")[2]
        path, _, query = raw.partition("?")
        args = dict(p.partition("=")[::2] for p in query.split("&") if p)
        with self.server.lock:
            self.server.counts[path] = self.server.counts.get(path, 0) + 1
        parts = path.strip("/").split("/")
        head = parts[0]
        name = parts[-1] if len(parts) > 1 else "x"
        items = int(args.get("items", "5"))
        if head == "feed":
            if args.get("close"):
                self.close_connection = True  # one connection per request (TLS handshake costs)
            return self.conditional(rss(name, items, args.get("v", "1")))
        if head == "etag":
            return self.conditional(rss(name, items), lastmod=False)
        if head == "bare304":
            # ETag on the 200, none on the 304 (as many servers do)
            return self.conditional(rss(name, items), lastmod=False, bare304=True)
        if head == "lastmod":
            return self.conditional(rss(name, items), etag=False)
        if head == "changing":
            # Each fetch: item 0 edited, one item more than last time, no validators.
            with self.server.lock:
                n = self.server.counts[path]
            body = rss(name, 2 + n).replace(b"item 0 v1", b"item 0 edit %d" % n)
            return self.send_body(200, body)
        if head == "echo":
            # The request's own headers, as a feed, so a test can see what the client sent.
            ua = self.headers.get("User-Agent", "")
            enc = self.headers.get("Accept-Encoding", "")
            acc = self.headers.get("Accept", "")
            esc = lambda v: v.replace("&", "&amp;").replace("<", "&lt;")
            names = ",".join(k for k in self.headers.keys())
            body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>'
                    '<description>%s</description><language>en</language><item><title>%s</title>'
                    '<description>%s</description></item></channel></rss>'
                    % (esc(ua), esc(enc), esc(acc), esc(names))).encode()
            return self.send_body(200, body)
        if head == "atom":
            return self.send_body(200, atom(name, items), "application/atom+xml")
        if head == "gzip":
            body = gzip.compress(rss(name, items))
            return self.send_body(200, body, extra=[("Content-Encoding", "gzip")])
        if head == "bench":
            body = self.server.bench.get(name)
            if body is None:
                return self.send_body(404, b"no such bench feed\n", "text/plain")
            if args.get("delay"):
                time.sleep(int(args["delay"]) / 1000.0)
            return self.conditional(body)
        if head == "redirect":
            n = int(parts[1])
            where = "/redirect/%d/%s" % (n - 1, name) if n > 1 else "/feed/" + name
            if query:
                where += "?" + query
            return self.send_body(302, b"", "text/plain", [("Location", where)])
        if head == "moved":
            return self.send_body(301, b"", "text/plain", [("Location", "/feed/" + name)])
        if head == "loop":
            return self.send_body(302, b"", "text/plain", [("Location", "/loop")])
        if head == "tofile":
            return self.send_body(302, b"", "text/plain", [("Location", "file:///etc/passwd")])
        if head == "status":
            code = int(parts[1])
            return self.send_body(code, b"status %d\n" % code, "text/plain")
        if head == "stall":
            self.server.stop.wait(self.server.lifetime)
            self.close_connection = True
            return
        if head == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "20000")
            self.end_headers()
            self.wfile.write(rss("t", 10)[:100])
            self.wfile.flush()
            self.close_connection = True
            return
        if head == "reset":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "20000")
            self.end_headers()
            self.wfile.write(rss("r", 10)[:300])
            self.wfile.flush()
            time.sleep(0.1)
            # SO_LINGER with a zero timeout turns close() into a TCP RST.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if head == "huge":
            zeros = b"\0" * 65536
            return self.stream([("Content-Type", "application/rss+xml"), ("Content-Length", str(GIB))],
                               (zeros for _ in range(GIB // len(zeros))))
        if head == "endless":
            zeros = b"0" * 65536
            chunk = b"%x\r\n%s\r\n" % (len(zeros), zeros)
            return self.stream([("Content-Type", "application/rss+xml"), ("Transfer-Encoding", "chunked")],
                               (chunk for _ in range(GIB // len(zeros))))
        if head == "bomb":
            return self.stream([("Content-Type", "application/rss+xml"), ("Content-Encoding", "gzip"),
                                ("Connection", "close")], gzip_bomb())
        if head == "article":
            return self.send_body(200, ARTICLE, "text/plain; charset=utf-8")
        if head == "html":
            return self.send_body(200, b"<!DOCTYPE html><html><head><title>Not a feed</title></head>"
                                  b"<body><p>Hello.</p></body></html>\n", "text/html; charset=utf-8")
        if head == "page":
            return self.send_body(200, (
                '<!DOCTYPE html><html><head><title>A site</title>'
                '<link rel="stylesheet" href="/style.css">'
                '<link rel="alternate" type="application/atom+xml" title="Site feed" href="%s">'
                '</head><body><p>Welcome.</p></body></html>\n'
                % args.get("href", "../feed/discovered")).encode(), "text/html; charset=utf-8")
        if head == "invalid":
            # Broken on line 3 before any feed element: nothing a recovering parser can keep.
            return self.send_body(200, b'<?xml version="1.0"?>\n<!-- a feed mangled in transit -->\n'
                                  b'<</rss version="2.0">\n<channel><title>Broken</title>\n')
        if head == "drip":
            body = rss("drip", 3)
            return self.stream([("Content-Type", "application/rss+xml"), ("Content-Length", str(len(body)))],
                               drip(body, self.server.stop))
        if head == "badchunk":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"10\r\n<?xml version=\"1\r\nzz-not-hex\r\nmore\r\n0\r\n\r\n")
            self.close_connection = True
            return
        if head == "count":
            with self.server.lock:
                text = "".join("%s %d\n" % kv for kv in sorted(self.server.counts.items()))
            return self.send_body(200, text.encode(), "text/plain")
        self.send_body(404, b"not found\n", "text/plain")


class Server(ThreadingHTTPServer):
    # listen() runs in the constructor, so the backlog must be a class attribute: with the
    # default of 5, a burst of parallel connects loses SYNs and waits a second to retry.
    request_queue_size = 256
    daemon_threads = True


def gzip_bomb():
    """gzip stream of 1 GiB of zeros, compressed as it is sent (about 1 MiB on the wire)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    for _ in range(GIB // len(zeros)):
        out = comp.compress(zeros)
        if out:
            yield out
    yield comp.flush()


def drip(body, stop):
    for i in range(len(body)):
        if stop.wait(0.5):
            return
        yield body[i:i + 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", help="write the port number here once listening")
    ap.add_argument("--lifetime", type=float, default=60, help="seconds before the server exits by itself")
    ap.add_argument("--bench-feeds", type=int, default=0, help="pre-generate this many /bench/N.xml feeds")
    ap.add_argument("--bench-items", type=int, default=50)
    ap.add_argument("--bench-words", type=int, default=0,
                    help="bench feeds carry whole articles of about this many words (content:encoded)")
    ap.add_argument("--tls-cert", help="also serve the same routes over TLS with this PEM certificate ...")
    ap.add_argument("--tls-key", help="... and this key")
    ap.add_argument("--tls-port-file", help="write the TLS port here")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    srv = Server(("127.0.0.1", 0), Handler)
    srv.verbose = a.verbose
    srv.lifetime = a.lifetime
    srv.lock = threading.Lock()
    srv.counts = {}
    srv.stop = threading.Event()
    srv.bench = {"%d.xml" % i: (rss_full("bench%d" % i, a.bench_items, a.bench_words) if a.bench_words
                                else rss("bench%d" % i, a.bench_items)) for i in range(a.bench_feeds)}
    port = srv.server_address[1]

    def die():
        srv.stop.set()
        os._exit(0)  # bounded lifetime, whatever the handlers are doing
    if a.tls_cert:
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.tls_cert, a.tls_key)
        tls = Server(("127.0.0.1", 0), Handler)
        tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
        for k in ("verbose", "lifetime", "lock", "counts", "stop", "bench"):
            setattr(tls, k, getattr(srv, k))
        threading.Thread(target=tls.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
        with open(a.tls_port_file + ".tmp", "w") as f:
            f.write("%d\n" % tls.server_address[1])
        os.rename(a.tls_port_file + ".tmp", a.tls_port_file)
    t = threading.Timer(a.lifetime, die)
    t.daemon = True
    t.start()
    if a.port_file:
        tmp = a.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.rename(tmp, a.port_file)
    else:
        print(port, flush=True)
    try:
        srv.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
