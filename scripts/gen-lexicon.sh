#!/bin/sh
# Builds build/lexicon_data.h, the word tables of the analysis stage, from the
# project's lists in data/ and from system data packages (scripts/deps.sh
# installs them): iso-codes (countries and their subdivisions), tzdata (cities)
# wamerican (to tell common words from names) and libgweather's Locations.xml
# (the world's towns with a weather station), libgeonames-common (the
# GeoNames cities of 15,000 people or more and the first-level divisions of
# every country, read from its English message catalogue) and
# python3-fake-factory (given names of some fifty languages, read as data,
# never imported), with data/places.txt and data/cities.txt for what those
# miss. Usage: gen-lexicon.sh OUTDIR
out=${1:-build}
mkdir -p "$out" || exit 1
command -v python3 >/dev/null 2>&1 || { echo "gen-lexicon: python3 is needed (sh scripts/deps.sh)" >&2; exit 1; }
exec python3 - "$out/lexicon_data.h" "$(dirname "$0")/../data" <<'PY'
import json, os, re, sys

out, data = sys.argv[1], sys.argv[2]
ISO1 = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO2 = "/usr/share/iso-codes/json/iso_3166-2.json"
TZ = "/usr/share/zoneinfo/zone1970.tab"
DICT = "/usr/share/dict/american-english"
GWEATHER = "/usr/share/libgweather-4/Locations.xml"
GEONAMES = "/usr/share/locale/en/LC_MESSAGES/geonames.mo"
FAKER = "/usr/lib/python3/dist-packages/faker/providers/person"
for p in (ISO1, ISO2, TZ, DICT, GWEATHER, GEONAMES, FAKER):
    if not os.path.exists(p):
        sys.exit(f"gen-lexicon: {p} is missing (run: sh scripts/deps.sh)")

# flag bits, kept in step with include/lexicon.h
import unicodedata

def ascii_fold(s):
    # "Bihār" is written "Bihar" in most English text
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))

F = dict(VERB=1, TITLE=2, HONORIFIC=4, MODIFIER=8, NEWS=16, ORG=32, ORG_WORD=64, DEMONYM=128,
         COUNTRY=256, CITY=512, REGION=1024, PLACE=2048, STOP=4096, COMMON=8192, PROPER=16384,
         PLACE_FIRST=32768, PLACE_LAST=65536, THING=131072,
         FEMALE=262144, MALE=524288, TOWN=1048576, STATE_CODE=2097152, GIVEN=4194304, SURNAME=8388608)

entries = {}   # key -> [flags, canonical or None]
canon = []     # canonical names
canon_ix = {}

def lines(name):
    with open(os.path.join(data, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line

def is_acronym(s):
    # all capitals (dots allowed): matched with its case, so "US" is not "us"
    return len(s) <= 7 and re.fullmatch(r"[A-Z0-9][A-Z0-9.&-]*", s) is not None and any(c.isalpha() for c in s)

def key(s):
    s = re.sub(r"\s+", " ", s.strip()).replace("’", "'")
    return s if is_acronym(s) else s.lower()

def add(s, flag, can=None):
    folded = ascii_fold(s)
    if folded != s and flag not in ("COMMON", "PROPER"):
        add(folded, flag, can)
    k = key(s)
    if not k or len(k.encode()) > 63:
        return
    e = entries.setdefault(k, [0, None])
    e[0] |= F[flag]
    if can is not None and e[1] is None:
        if can not in canon_ix:
            canon_ix[can] = len(canon)
            canon.append(can)
        e[1] = canon_ix[can]

common = set()
with open(DICT, encoding="utf-8", errors="replace") as f:
    for w in f:
        w = w.strip()
        if not w or ("'" in w and not w[0].islower()):
            continue  # "Trump's": possessives of names say nothing
        if w[0].islower():
            common.add(w)
            add(w, "COMMON")
        elif w[0].isupper() and not is_acronym(w):
            add(w, "PROPER")

for line in lines("reporting_verbs.txt"):
    for w in line.split():
        add(w, "VERB")
for line in lines("titles.txt"):
    w, kind = line.split("\t")
    add(w, kind.upper())
for line in lines("news_orgs.txt"):
    names = line.split("|")
    for n in names:
        add(n, "NEWS", names[0])
for line in lines("organizations.txt"):
    names = line.split("|")
    for n in names:
        add(n, "ORG", names[0])
for line in lines("org_words.txt"):
    add(line.strip(), "ORG_WORD")
for line in lines("place_words.txt"):
    w, where = line.split("\t")
    add(w, "PLACE_FIRST" if where == "first" else "PLACE_LAST")
for line in lines("given_names.txt"):
    n, g = line.split("\t")
    add(n, "FEMALE" if g == "f" else "MALE")
for line in lines("thing_words.txt"):
    add(line.strip(), "THING")
# currency codes ("USD", "EUR") are not organisations
ISO4217 = "/usr/share/iso-codes/json/iso_4217.json"
if os.path.exists(ISO4217):
    for c in json.load(open(ISO4217, encoding="utf-8"))["4217"]:
        add(c["alpha_3"], "STOP")
for line in lines("not_entities.txt"):
    add(line.strip(), "STOP")
for line in lines("demonyms.txt"):
    words, place = line.split("\t")
    for w in words.split("|"):
        add(w, "DEMONYM", None if place == "-" else place)

# countries: our aliases first, so that they choose the canonical name
for line in lines("place_aliases.txt"):
    names = line.split("|")
    for n in names:
        add(n, "COUNTRY", names[0])
for c in json.load(open(ISO1, encoding="utf-8"))["3166-1"]:
    name = c.get("common_name") or c["name"]
    if "," in name:
        continue
    for n in (name, c["name"], c.get("official_name")):
        if n and "," not in n:
            add(n, "COUNTRY", name)
for name in ("places.txt", "cities.txt"):
    for line in lines(name):
        names = line.split("|")
        for n in names:
            add(n, "PLACE", names[0])
for s in json.load(open(ISO2, encoding="utf-8"))["3166-2"]:
    n = re.sub(r"\s*\(.*\)", "", s["name"]).strip()
    if not n or "," in n or "[" in n or n.lower() in common or len(n) < 4:
        continue
    add(n, "REGION", n)
    if s["code"].startswith("US-") and s["type"] in ("State", "District"):
        add(s["code"][3:], "STATE_CODE", n) # "Camden, NJ": only after a town and a comma
with open(TZ, encoding="utf-8") as f:
    for line in f:
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            n = parts[2].split("/")[-1].replace("_", " ")
            if n.lower() not in common:
                add(n, "CITY", n)

# towns: not those that are common words ("Reading", "Bath") or given names
# ("Eugene", "Florence"), which are people or things more often than places;
# a weaker mark than CITY, as many are surnames too (Jackson, Mitchell)
import xml.etree.ElementTree as ET
given = set()
for line in lines("given_names.txt"):
    given.add(line.split("\t")[0].lower())
for c in ET.parse(GWEATHER).getroot().iter("city"):
    n = (c.findtext("_name") or c.findtext("name") or "").strip()
    if len(n) < 4 or "(" in n or "," in n or "/" in n:
        continue
    if n.lower() in common or n.lower() in given or n.split()[0].lower() in given:
        continue
    add(n, "TOWN", n)

# GeoNames: message ids are GeoNames ids (cities) or "CC.NN" codes (a
# country's first-level divisions), their English strings the names. Kept to
# the same weak mark as libgweather's towns and under the same filters;
# "Fujairah Emirate" and "Helmand Province" are also known without the suffix.
import gettext
with open(GEONAMES, "rb") as f:
    catalog = gettext.GNUTranslations(f)._catalog
division = re.compile(r"\s+(Province|Region|Emirate|State|District|Governorate|Prefecture|Department|County|Oblast|Division)$")
for k, n in catalog.items():
    if not isinstance(k, str) or not k or not isinstance(n, str):
        continue
    if not (k[0].isdigit() or re.fullmatch(r"[A-Z]{2}\.\w+", k)):
        continue
    names = [n.strip()]
    if not k[0].isdigit():
        short = division.sub("", names[0])
        if short != names[0]:
            names.append(short)
    for n in names:
        if len(n) < 4 or not n[0].isupper() or any(c in n for c in "(),/'ʼ"):
            continue
        if n.lower() in common or n.lower() in given or n.split()[0].lower() in given:
            continue
        add(n, "TOWN", n)

# given names and surnames of many languages (Faker's person providers): a
# name word, without a gender (data/given_names.txt keeps that); common English
# words ("Will", "Rose", "Baker") are left out, as they say nothing
import ast, glob
for p in sorted(glob.glob(os.path.join(FAKER, "*", "__init__.py"))):
    with open(p, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and
                isinstance(node.targets[0], ast.Name) and node.targets[0].id.startswith(("first_name", "last_name"))):
            continue
        flag = "GIVEN" if node.targets[0].id.startswith("first_name") else "SURNAME"
        try:
            v = ast.literal_eval(node.value)
        except ValueError:
            continue
        for n in (v if isinstance(v, (list, tuple, dict)) else ()):
            if (isinstance(n, str) and len(n) >= 3 and n[0].isupper() and " " not in n and
                    all(ord(c) < 0x250 for c in n) and n.lower() not in common):
                add(n, flag)

def cstr(s):
    b = s.encode("utf-8")
    return '"' + "".join(chr(x) if 32 <= x < 127 and chr(x) not in '"\\?' else "\\%03o" % x for x in b) + '"'

keys = sorted(entries, key=lambda k: k.encode("utf-8"))
tmp = out + ".tmp"
with open(tmp, "w", encoding="ascii") as o:
    o.write("/* Generated by scripts/gen-lexicon.sh from data/ and system data packages. Do not edit. */\n")
    o.write("static const char *const lexicon_canon[] = {\n")
    for c in canon:
        o.write(f"\t{cstr(c)},\n")
    o.write("};\n")
    o.write("static const struct lexicon_entry lexicon_entries[] = {\n")
    for k in keys:
        fl, cn = entries[k]
        o.write(f"\t{{{cstr(k)}, {fl}u, {-1 if cn is None else cn}}},\n")
    o.write("};\n")
    # an open-addressing index over the entries (FNV-1a, linear probing, load <= 1/2),
    # so that a lookup costs one or two string comparisons instead of a binary search
    size = 1
    while size < 2 * len(keys):
        size *= 2
    slots = [-1] * size
    for i, k in enumerate(keys):
        h = 2166136261
        for b in k.encode("utf-8"):
            h = ((h ^ b) * 16777619) & 0xFFFFFFFF
        j = h & (size - 1)
        while slots[j] != -1:
            j = (j + 1) & (size - 1)
        slots[j] = i
    o.write(f"#define LEXICON_SLOTS {size}u\n")
    o.write("static const int lexicon_index[LEXICON_SLOTS] = {\n")
    for j in range(0, size, 16):
        o.write("\t" + ", ".join(str(x) for x in slots[j:j + 16]) + ",\n")
    o.write("};\n")
os.replace(tmp, out)
PY
