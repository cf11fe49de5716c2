#!/usr/bin/env python3
"""Serves one directory on 127.0.0.1 with each answer delayed, so a refresh
stays running long enough for the interface test to scroll meanwhile.
usage: slow_server.py DIR DELAY_SECONDS PORTFILE  (writes the port it got to PORTFILE)"""
import functools
import http.server
import sys
import time


class Slow(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        time.sleep(float(sys.argv[2]))
        super().do_GET()

    def log_message(self, *args):
        pass


handler = functools.partial(Slow, directory=sys.argv[1])
srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
with open(sys.argv[3], 'w') as f:
    f.write(str(srv.server_address[1]))
srv.timeout = 1
deadline = time.time() + 120  # never outlives the test by much
while time.time() < deadline:
    srv.handle_request()
