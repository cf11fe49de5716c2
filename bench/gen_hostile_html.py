#!/usr/bin/env python3
"""Writes a hostile HTML page of about the given size for peak-memory measurements.

usage: gen_hostile_html.py KIND OUT [MEGABYTES]

KIND is the shape that makes a tree builder spend the most per page byte:
  spans     a paragraph of <span>w</span> runs (one element and one text node per 14 bytes)
  divs      <div>w</div> blocks
  nested    <b><i><u>... opened deeper and deeper, closed in bursts (within the parser's 256 limit)
  attrs     <span a=1 b=2 ...>w</span>, a dozen short attributes per element
  tiny      text nodes split by comments and empty elements: w<!--c-->w<br>w<img>...
  pis       processing instructions between letters: w<?x?>w<?x?>... (a node each in libxml2's tree)
  comments  one huge comment, a huge <script> and a huge <style> around a short article
  mixed     a real article's paragraphs followed by all of the above, in turn

Every page carries a short article (a headline and a few paragraphs) first, so an
extractor has something to find. Deterministic, so runs compare.
"""
import sys

ARTICLE = (
    "<!doctype html><html><head><title>Harbour talks resume</title>"
    '<meta name="author" content="Ana Ruiz"></head><body><article><h1>Harbour talks resume</h1>'
    + "".join(
        "<p>The council said on Monday that talks with the dock workers' union would resume, "
        "after a week in which ships waited off the coast and prices rose in the city's markets.</p>"
        for _ in range(6)
    )
    + "</article>"
)


def unit(kind, i):
    if kind == "spans":
        return "<span>w%d</span>" % (i % 10)
    if kind == "divs":
        return "<div>w%d</div>" % (i % 10)
    if kind == "nested":
        # 200 levels down, then all closed: deep trees without the parser's depth cut
        return "<b><i>" * 100 + "w" + "</i></b>" * 100
    if kind == "attrs":
        return "<span " + " ".join("a%d=%d" % (k, k) for k in range(12)) + ">w</span>"
    if kind == "tiny":
        return "w<!--c-->w<br>w<img>w<i></i>"
    if kind == "pis":
        return "w<?x?>"
    raise ValueError(kind)


def filler(kind, out, target):
    if kind == "comments":
        third = target // 3
        out.append("<!-- " + "c" * third + " -->")
        out.append("<script>var s = '" + "x" * third + "';</script>")
        out.append("<style>.a{}" + "s" * third + "</style>")
        return
    chunk = []
    size, i = 0, 0
    out.append("<div><p>")
    while size < target:
        u = unit(kind, i)
        chunk.append(u)
        size += len(u)
        i += 1
    out.append("".join(chunk))
    out.append("</p></div>")


def main():
    kind, path = sys.argv[1], sys.argv[2]
    target = int(float(sys.argv[3] if len(sys.argv) > 3 else 4) * 1024 * 1024)
    out = [ARTICLE]
    kinds = ["spans", "divs", "nested", "attrs", "tiny", "pis", "comments"] if kind == "mixed" else [kind]
    for k in kinds:
        filler(k, out, (target - len(ARTICLE)) // len(kinds))
    out.append("</body></html>\n")
    with open(path, "w") as f:
        f.write("".join(out))


main()
