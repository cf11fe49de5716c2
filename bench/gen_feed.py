#!/usr/bin/env python3
"""Writes a large RSS 2.0 feed (about 20 MB by default) for parse-throughput measurements.

usage: gen_feed.py OUT [MEGABYTES] [--escaped]

Items look like a news site's: title with an undeclared HTML entity, link,
guid, RFC 822 date, Dublin Core creator, categories, an escaped-HTML
description, a CDATA content:encoded body (escaped HTML instead with --escaped, the
other common shape) and an enclosure. Deterministic (seeded), so runs
compare.
"""
import random
import sys

import html

args = [a for a in sys.argv[1:] if a != "--escaped"]
escaped = "--escaped" in sys.argv
out = args[0]
target = int(float(args[1] if len(args) > 1 else 20) * 1024 * 1024)
rng = random.Random(7)
words = ("harbour council minister said talks ceasefire market prices rose fell election court ruling "
         "storm coast fishermen union strike budget report police city river bridge school hospital "
         "energy grid wind solar port shipping trade tariff summit envoy agreement protest vote").split()


def sentence(n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
            "<channel>\n<title>Benchmark Gazette</title>\n<link>https://bench.example.org/</link>\n"
            "<description>Generated for parse throughput</description>\n<language>en</language>\n")
    i = 0
    while f.tell() < target and i < 9500:
        i += 1
        paras = "".join(f"<p>{sentence(rng.randint(12, 30))}</p>\n" for _ in range(rng.randint(7, 12)))
        f.write(f"<item>\n<title>{sentence(8)[:-1]} &#233;dition {i}</title>\n"
                f"<link>https://bench.example.org/story/{i}</link>\n"
                f'<guid isPermaLink="false">bench-{i}</guid>\n'
                f"<pubDate>{days[i % 7]}, {1 + i % 28:02d} {months[i % 12]} 2025 {i % 24:02d}:{i % 60:02d}:00 +0100</pubDate>\n"
                f"<dc:creator>Reporter {i % 97}</dc:creator>\n"
                f"<category>{rng.choice(words)}</category><category>{rng.choice(words)}</category>\n"
                f"<description>&lt;p&gt;{sentence(25)} &amp;amp; more&lt;/p&gt;</description>\n"
                + (f"<content:encoded>{html.escape(paras, quote=False)}</content:encoded>\n" if escaped
                   else f"<content:encoded><![CDATA[{paras}]]></content:encoded>\n") +
                f'<enclosure url="https://bench.example.org/a/{i}.mp3" type="audio/mpeg" length="{1000 + i}"/>\n'
                "</item>\n")
    f.write("</channel>\n</rss>\n")
