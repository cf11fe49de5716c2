#!/usr/bin/env python3
"""Reads `tmux capture-pane -p -e` output and answers questions about it.

usage: cells.py style FILE TEXT [N]   style of the Nth (default 1) occurrence of TEXT:
                                      "fg=F bg=B attrs=A" when every cell shares it, else "mixed"
       cells.py text FILE             the plain text, one line per row
       cells.py column FILE CHAR      display columns at which CHAR sits on each row that has it
tmux carries attributes from row to row, so the state runs through the whole capture.
"""
import re
import sys
import unicodedata

SGR = re.compile(r'\x1b\[([0-9;:]*)m')
OTHER = re.compile(r'\x1b[\[\]][^a-zA-Z]*[a-zA-Z]|\x1b[()][A-Z0-9]|\x1b.|[\x0e\x0f]')


def apply(st, params):
    ps = [int(p) if p else 0 for p in re.split('[;:]', params)] if params else [0]
    i = 0
    while i < len(ps):
        p = ps[i]
        if p == 0:
            st.update(fg='d', bg='d', attrs=set())
        elif p in (1, 2, 3, 4, 5, 7, 9):
            st['attrs'].add({1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 5: 'blink', 7: 'reverse', 9: 'strike'}[p])
        elif p in (22, 23, 24, 25, 27, 29):
            off = {22: ('bold', 'dim'), 23: ('italic',), 24: ('underline',), 25: ('blink',), 27: ('reverse',), 29: ('strike',)}[p]
            st['attrs'].difference_update(off)
        elif 30 <= p <= 37:
            st['fg'] = str(p - 30)
        elif 90 <= p <= 97:
            st['fg'] = str(p - 90 + 8)
        elif 40 <= p <= 47:
            st['bg'] = str(p - 40)
        elif 100 <= p <= 107:
            st['bg'] = str(p - 100 + 8)
        elif p in (39, 49):
            st['fg' if p == 39 else 'bg'] = 'd'
        elif p in (38, 48) and i + 1 < len(ps):
            key = 'fg' if p == 38 else 'bg'
            if ps[i + 1] == 5 and i + 2 < len(ps):
                st[key] = str(ps[i + 2])
                i += 2
            elif ps[i + 1] == 2 and i + 4 < len(ps):
                st[key] = '#%02x%02x%02x' % tuple(ps[i + 2:i + 5])
                i += 4
        i += 1


def parse(data):
    """Rows of (char, style) cells."""
    st = {'fg': 'd', 'bg': 'd', 'attrs': set()}
    rows = []
    for raw in data.split('\n'):
        row = []
        pos = 0
        while pos < len(raw):
            m = SGR.match(raw, pos)
            if m:
                apply(st, m.group(1))
                pos = m.end()
                continue
            m = OTHER.match(raw, pos)
            if m:
                pos = m.end()
                continue
            row.append((raw[pos], 'fg=%s bg=%s attrs=%s' % (st['fg'], st['bg'], ','.join(sorted(st['attrs'])) or '-')))
            pos += 1
        rows.append(row)
    return rows


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    rows = parse(open(path, encoding='utf-8', errors='replace').read())
    if cmd == 'text':
        for r in rows:
            print(''.join(c for c, _ in r))
    elif cmd == 'style':
        text, n = sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1
        for r in rows:
            line = ''.join(c for c, _ in r)
            start = 0
            while True:
                at = line.find(text, start)
                if at < 0:
                    break
                n -= 1
                if n == 0:
                    styles = set(s for c, s in r[at:at + len(text)] if c != ' ')
                    print(styles.pop() if len(styles) == 1 else 'mixed ' + ' | '.join(sorted(styles)))
                    return
                start = at + 1
        print('absent')
    elif cmd == 'column':
        ch = sys.argv[3]
        for r in rows:
            col = 0
            for c, _ in r:
                if c == ch:
                    print(col)
                    break
                col += width(c)


if __name__ == '__main__':
    main()
