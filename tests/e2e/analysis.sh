#!/bin/bash
# Quotations, speakers and entities through `dateline show --json`: on the
# project's own sample (always) and on the seed against its gold annotation,
# field by field (when ../shared is there).
. "$(dirname "$0")/lib.sh"

check_json() { # NAME JSON PYTHON-CHECK: the check prints "ok" or a reason
	local out
	out=$(python3 -c "import json,sys
j=json.load(open(sys.argv[1]))
$3" "$2" 2>&1)
	if [ "$out" = ok ]; then ok "$1"; else not_ok "$1" "$out"; fi
}

sample="$ROOT/tests/data/analysis_sample.txt"
if "$BIN" show --json "$sample" >"$TMP/sample.json" 2>"$TMP/err"; then
	check_json analysis_sample_speakers "$TMP/sample.json" '
want = {"We have done the hard part": "Ana Ferreira", "I expect a signature": "Ana Ferreira",
        "within reach": "Ana Ferreira", "tested on the quays": "Rui Costa",
        "Nobody has shown us the numbers": "Rui Costa"}
got = {q["text"]: q["speaker"] for q in j["quotes"]}
bad = [(k, [v for t, v in got.items() if t.startswith(k)]) for k, w in want.items()
       if [v for t, v in got.items() if t.startswith(k)] != [w]]
print("ok" if not bad else bad)'
	check_json analysis_sample_entities "$TMP/sample.json" '
e = {x["name"]: x for x in j["entities"]}
need = [("Ana Ferreira", "person"), ("Rui Costa", "person"), ("Lisbon", "place"), ("Brussels", "place"),
        ("Reuters", "organization"), ("European Union", "organization"), ("European Commission", "organization")]
bad = [n for n, t in need if n not in e or e[n]["type"] != t]
if e.get("Ana Ferreira", {}).get("role") != "Portuguese Prime Minister": bad.append("role")
if "Ferreira" not in e.get("Ana Ferreira", {}).get("aliases", []): bad.append("alias")
bad += [n for n in ("Portuguese", "Monday", "According", "Dock", "Nobody") if n in e]
print("ok" if not bad else bad)'
else
	not_ok analysis_sample_speakers "show failed: $(cat "$TMP/err")"
fi

seed="$SHARED/seeds/000_3b5eb6d7dac60fdc.txt"
gold="$SHARED/gold/000_3b5eb6d7dac60fdc.json"
if [ ! -f "$seed" ] || [ ! -f "$gold" ]; then
	skip analysis_seed_quotes "no $SHARED (evaluation material)"
	skip analysis_seed_entities "no $SHARED (evaluation material)"
	exit 0
fi
"$BIN" show --json "$seed" >"$TMP/seed.json" 2>"$TMP/err" || { not_ok analysis_seed_quotes "show failed"; exit 0; }
check_json analysis_seed_quotes "$TMP/seed.json" "
gold = json.load(open('$gold'))
def norm(s): return s.strip().rstrip(',.;:').strip()
got = {norm(q['text']): q for q in j['quotes']}
bad = []
for g in gold['quotes']:
    q = got.get(norm(g['text']))
    if not q: bad.append(('missing', g['text'][:30]))
    elif q['speaker'] != g['speaker']: bad.append(('speaker', g['text'][:30], q['speaker']))
    elif q['partial'] != (g['kind'] == 'partial'): bad.append(('partial', g['text'][:30]))
if len(j['quotes']) != len(gold['quotes']): bad.append(('count', len(j['quotes'])))
print('ok' if not bad else bad)"
check_json analysis_seed_entities "$TMP/seed.json" "
gold = json.load(open('$gold'))['entities']
e = {x['name']: x for x in j['entities']}
bad = []
for typ in ('person', 'organization', 'place'):
    for g in gold[typ]:
        x = e.get(g['name'])
        if not x or x['type'] != typ: bad.append(('missing', g['name'])); continue
        if g.get('role') and x['role'] != g['role']: bad.append(('role', g['name'], x['role']))
        miss = set(g.get('aliases', [])) - set(x['aliases'])
        if miss: bad.append(('aliases', g['name'], sorted(miss)))
names = set(e) | {a for x in j['entities'] for a in x['aliases']}
for n in gold['must_not_be_entities']:
    if n.split(' as ')[0] in names: bad.append(('must not', n))
print('ok' if not bad else bad)"
