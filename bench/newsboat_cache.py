#!/usr/bin/env python3
"""Builds a newsboat cache (and its urls file) holding the same feeds and articles as a dateline
store, so bench/bench_store.sh can time newsboat's start-up on the same data.

usage: newsboat_cache.py DATELINE_DB NEWSBOAT_CACHE URLS_FILE
The cache must already exist with newsboat's schema (run `newsboat -x print-unread` on it once).
"""
import sqlite3
import sys

src = sqlite3.connect(sys.argv[1])
dst = sqlite3.connect(sys.argv[2])
feeds = src.execute("SELECT id, url, coalesce(title, url) FROM feeds ORDER BY id").fetchall()
with open(sys.argv[3], "w") as f:
    for _, url, _ in feeds:
        f.write(url + "\n")
dst.execute("DELETE FROM rss_item")
dst.execute("DELETE FROM rss_feed")
dst.executemany("INSERT INTO rss_feed(rssurl, url, title) VALUES(?, ?, ?)",
                [(url, url, title) for _, url, title in feeds])
urls = {fid: url for fid, url, _ in feeds}
rows = src.execute("SELECT i.guid, coalesce(i.title, ''), coalesce(i.author, ''), coalesce(i.link, ''),"
                   " i.feed_id, i.date, a.body, i.read FROM items i JOIN articles a ON a.item_id = i.id"
                   " WHERE i.feed_id IS NOT NULL")
dst.executemany("INSERT INTO rss_item(guid, title, author, url, feedurl, pubDate, content, unread)"
                " VALUES(?, ?, ?, ?, ?, ?, ?, ?)",
                ((g, t, au, u, urls[fid], d, "<p>" + body.replace("\n", "</p><p>") + "</p>", 0 if rd else 1)
                 for g, t, au, u, fid, d, body, rd in rows))
dst.commit()
dst.execute("VACUUM")
