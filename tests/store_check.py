#!/usr/bin/env python3
"""Checks a dateline store after a crash test: prints "ok" or the problems found, "; "-joined.

usage: store_check.py DB [--whole]

Always: PRAGMA integrity_check, both FTS5 indexes' integrity-check, every item with its article,
every item's quote count, every feed's kept counts (schema 5). With --whole, the feeds of
tests/httpd.py's /changing/NAME route hold whole refreshes only: item 0 names fetch N ("item 0
edit N") and a refresh stored whole has N + 2 items (of two refreshes of a feed running at once,
the one applied second is dropped, not mixed in).
"""
import re
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
whole = "--whole" in sys.argv[2:]
problems = []
ic = db.execute("PRAGMA integrity_check").fetchone()[0]
if ic != "ok":
    problems.append("integrity_check: " + ic)
for t in ("articles_fts", "quotes_fts"):
    try:
        db.execute("INSERT INTO %s(%s) VALUES('integrity-check')" % (t, t))
    except sqlite3.DatabaseError as e:
        problems.append("%s: %s" % (t, e))
if whole:
    for fid, url in db.execute("SELECT id, url FROM feeds"):
        titles = [r[0] for r in db.execute("SELECT title FROM items WHERE feed_id = ?", (fid,))]
        if not titles:
            continue
        edits = [int(m.group(1)) for t in titles for m in [re.search(r"item 0 edit (\d+)", t)] if m]
        n = edits[0] if edits else 0
        if len(titles) != n + 2:
            problems.append("%s: %d items, but item 0 says fetch %d (%d items)" % (url, len(titles), n, n + 2))
checks = (
    ("items without their article",
     "SELECT count(*) FROM items i WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.item_id = i.id)"),
    ("items whose quote count is wrong",
     "SELECT count(*) FROM items i WHERE n_quotes != (SELECT count(*) FROM quotes q WHERE q.item_id = i.id)"),
    ("feeds whose kept counts are wrong",
     "SELECT count(*) FROM feeds f WHERE n_items != (SELECT count(*) FROM items i WHERE i.feed_id = f.id"
     " AND purged = 0) OR n_unread != (SELECT count(*) FROM items i WHERE i.feed_id = f.id AND purged = 0"
     " AND read = 0)"),
)
for what, sql in checks:
    n = db.execute(sql).fetchone()[0]
    if n:
        problems.append("%d %s" % (n, what))
print("; ".join(problems) if problems else "ok")
