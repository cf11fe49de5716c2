#!/usr/bin/env python3
"""Time to the interface's first screen, whole process: runs CMD in a pseudo-terminal of 120x40
with a "q" already waiting on its input, so the program starts, draws its first screen, reads the
key and quits; the figure is start-up + first screen + exit. Prints the median wall ms, the median
CPU ms (user + system) and the peak resident MB over RUNS runs (after one warm-up).

usage: first_screen.py RUNS CMD...
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time


def once(argv):
    t = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = os.environ.get("BENCH_TERM", "xterm-256color")
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    os.write(fd, b"q")
    drawn = 0
    while True:
        r, _, _ = select.select([fd], [], [], 30)
        if not r:
            break
        try:
            d = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            break
        if not d:
            break
        drawn += len(d)
    _, status, ru = os.wait4(pid, 0)
    os.close(fd)
    if status or drawn < 200:
        sys.exit("first_screen: %s exited with status %d after drawing %d bytes" % (argv[0], status, drawn))
    return time.perf_counter() - t, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


runs, cmd = int(sys.argv[1]), sys.argv[2:]
once(cmd)
res = [once(cmd) for _ in range(runs)]
print("%.2f %.2f %.1f" % (statistics.median(r[0] for r in res) * 1e3, statistics.median(r[1] for r in res) * 1e3,
                          max(r[2] for r in res)))
