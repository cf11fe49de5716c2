#!/usr/bin/env python3
"""check-layers: the pipeline's dependencies point one way, and each third-party
library stays in its stage.

    scripts/check-layers.py [--root DIR] [--objs DIR]

Reads every #include line under DIR/src and DIR/include, and (with --objs, the
build's object folder, one sub-folder per stage) every object's undefined
symbols, and checks:
  1. a stage includes only its own headers and the public headers of the
     stages it may depend on (LAYERS), never another stage's private header;
  2. an object calls only functions defined by its own stage or those stages;
  3. third-party headers, and the symbols of the shared libraries behind them,
     appear only in the stages of THIRD_PARTY;
  4. no header include cycle.
Prints one line per violation and exits 1 when there is any, else prints a
summary and exits 0. Standard library only: it runs wherever the build does.
"""
import os
import re
import subprocess
import sys

# stage -> the stages it may use (ARCHITECTURE.md draws the same picture)
LAYERS = {
    'base': [],
    'model': ['base'],
    'decode': ['base', 'model'],
    'net': ['base', 'model'],
    'subs': ['base', 'model', 'decode'],
    'feed': ['base', 'model', 'decode'],
    'html': ['base', 'model', 'decode'],
    'text': ['base', 'model', 'decode'],
    'analysis': ['base', 'model', 'decode'],
    'store': ['base', 'model'],
    'pipeline': ['base', 'model', 'decode', 'net', 'subs', 'feed', 'html', 'text', 'analysis', 'store'],
    'tui': ['base', 'model', 'decode', 'analysis', 'store', 'subs'],
    'cli': ['base', 'model', 'decode', 'net', 'subs', 'feed', 'html', 'text', 'analysis', 'store',
            'pipeline', 'tui'],
}

# library -> (header prefixes, shared objects whose exports are its symbols, stages allowed)
THIRD_PARTY = {
    'libcurl': (['curl/'], [], ['net']),  # loaded with dlopen: its headers are the whole check
    'libxml2': (['libxml/'], ['libxml2.so'], ['decode', 'feed', 'html', 'subs']),
    'sqlite3': (['sqlite3.h'], ['libsqlite3.so'], ['store']),
    'ncurses': (['curses.h', 'ncurses.h', 'ncursesw/', 'term.h'], ['libncursesw.so', 'libtinfo.so'], ['tui']),
    'json-c': (['json-c/', 'json.h'], ['libjson-c.so'], ['feed', 'html', 'subs', 'pipeline', 'cli']),
    'zlib': (['zlib.h'], ['libz.so'], ['decode']),
}

# headers the build writes into its own folder (scripts/gen-*.sh, the Makefile)
GENERATED = {'lexicon_data.h', 'html_entities.h', 'charset_letters.h', 'prefix.h'}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def sources(root):
    """(stage or None for include/, path) of every C file and header."""
    out = []
    for stage in sorted(os.listdir(os.path.join(root, 'src'))):
        d = os.path.join(root, 'src', stage)
        if os.path.isdir(d):
            out += [(stage, os.path.join(d, f)) for f in sorted(os.listdir(d)) if f.endswith(('.c', '.h'))]
    inc = os.path.join(root, 'include')
    out += [(None, os.path.join(inc, f)) for f in sorted(os.listdir(inc)) if f.endswith('.h')]
    return out


def check_includes(root, problems):
    public = {f[:-2] for f in os.listdir(os.path.join(root, 'include')) if f.endswith('.h')}
    private = {}  # header file name -> its stage
    for stage, path in sources(root):
        if stage and path.endswith('.h'):
            private[os.path.basename(path)] = stage
    graph = {}
    for stage, path in sources(root):
        rel = os.path.relpath(path, root)
        own = stage or os.path.basename(path)[:-2]  # a public header speaks for its stage
        if own not in LAYERS:
            problems.append(f'{rel}: stage "{own}" is not in the layer table (scripts/check-layers.py)')
            continue
        text = open(path, encoding='utf-8', errors='replace').read()
        edges = graph.setdefault(rel, [])
        for kind, name in INCLUDE.findall(text):
            if kind == '<':
                for lib, (prefixes, _, allowed) in THIRD_PARTY.items():
                    if any(name == p or name.startswith(p) for p in prefixes) and own not in allowed:
                        problems.append(f'{rel}: includes <{name}>: {lib} belongs to {", ".join(allowed)}')
                continue
            base = os.path.basename(name)
            beside = stage and os.path.exists(os.path.join(os.path.dirname(path), base))
            if base[:-2] in public and '/' not in name and not beside:
                dep = base[:-2]
                edges.append(os.path.join('include', base))
                if dep != own and dep not in LAYERS[own]:
                    problems.append(f'{rel}: includes "{name}": {own} may not depend on {dep} '
                                    f'(allowed: {", ".join(LAYERS[own]) or "nothing"})')
            elif base in private:
                edges.append(os.path.join('src', private[base], base))
                if private[base] != own:
                    problems.append(f'{rel}: includes "{name}", private to src/{private[base]}/')
            elif base not in GENERATED:
                problems.append(f'{rel}: includes "{name}", which is no header of the project')
    # include cycles, by depth-first search over the header graph
    state = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                problems.append('include cycle: ' + ' -> '.join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return len(graph)


def nm(path, defined):
    flags = ['--defined-only'] if defined else ['--undefined-only']
    try:
        out = subprocess.run(['nm', '-P'] + flags + ([] if path.endswith('.o') else ['-D']) + [path],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f'check-layers: cannot read the symbols of {path}: {e}')
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and (not defined or parts[1] in 'TtDdBbRrVvWwi'):
            syms.add(parts[0].split('@')[0])
    return syms


def library_symbols():
    owner = {}
    for lib, (_, sonames, _) in THIRD_PARTY.items():
        for so in sonames:
            path = subprocess.run(['cc', '-print-file-name=' + so], capture_output=True, text=True).stdout.strip()
            if not os.path.isabs(path) or not os.path.exists(path):
                sys.exit(f'check-layers: {so} not found (run: sh scripts/deps.sh)')
            path = os.path.realpath(path)
            with open(path, 'rb') as fh:
                head = fh.read(256)
            m = re.match(rb'\s*(?:INPUT|GROUP)\s*\(\s*(\S+)', head)  # a linker script naming the library
            if m:
                path = os.path.realpath(os.path.join(os.path.dirname(path), m.group(1).decode()))
            for s in nm(path, True):
                owner.setdefault(s, lib)
    return owner


def check_symbols(objs, problems):
    defined, undefined = {}, {}
    for stage in sorted(os.listdir(objs)):
        d = os.path.join(objs, stage)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith('.o'):
                obj = os.path.join(d, f)
                for s in nm(obj, True):
                    defined.setdefault(s, stage)
                undefined[(stage, obj)] = nm(obj, False)
    libs = library_symbols()
    for (stage, obj), syms in sorted(undefined.items()):
        if stage not in LAYERS:
            problems.append(f'{obj}: stage "{stage}" is not in the layer table')
            continue
        for s in sorted(syms):
            dep = defined.get(s)
            if dep and dep != stage and dep not in LAYERS[stage]:
                problems.append(f'{obj}: calls {s}() of {dep}: {stage} may not depend on {dep}')
            lib = libs.get(s) if not dep else None
            if lib and stage not in THIRD_PARTY[lib][2]:
                problems.append(f'{obj}: calls {s}() of {lib}, which belongs to {", ".join(THIRD_PARTY[lib][2])}')
    return len(undefined)


def main(argv):
    root, objs = '.', None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == '--root' and args:
            root = args.pop(0)
        elif a == '--objs' and args:
            objs = args.pop(0)
        else:
            sys.exit('usage: check-layers.py [--root DIR] [--objs DIR]')
    problems = []
    nfiles = check_includes(root, problems)
    nobjs = check_symbols(objs, problems) if objs else 0
    for p in problems:
        print('check-layers: ' + p)
    if problems:
        print(f'check-layers: {len(problems)} violation(s)')
        return 1
    print(f'check-layers: {nfiles} files and {nobjs} objects keep to the layers')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
