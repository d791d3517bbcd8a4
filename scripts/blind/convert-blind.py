"""Converts a blind set written by a helper who read nothing of the project into the project's corpus formats.

    python3 scripts/blind/convert-blind.py SRC OUT INTENT_NAME LISTING_NAME
    e.g. SRC=/work/blind-new  OUT=test/fixtures  intent-blind-7 blind-5   (written 2026-12-06, first round)
         SRC=/work/blind-new2 OUT=test/fixtures  intent-blind-8 blind-6   (written 2026-12-06, second round)
         SRC=/work/blind-new3 OUT=test/fixtures  intent-blind-9 blind-7   (written 2026-12-06, third round)
         SRC=/work/blind-new4 OUT=test/fixtures  intent-blind-10 blind-8  (written 2026-12-06, fourth round)
         SRC=/work/blind-new5 OUT=test/fixtures  intent-blind-11 blind-9  (written 2026-12-07, fifth round)
    intent-blind-12 (written 2026-12-07, sixth round, no listings) was copied from /work/blind-12 by the
    intent half of this script (same checks, same line format).
         SRC=/work/blind-new6 OUT=test/fixtures  -  blind-10            (written 2026-12-07, listings only:
                                                                         INTENT_NAME `-` skips the intent half)
         SRC=/work/blind-new7 OUT=test/fixtures  -  blind-11            (written 2026-12-07, listings only)
         SRC=/work/blind-new8 OUT=test/fixtures  -  blind-12            (written 2026-12-07, listings only)
         SRC=/work/blind-new9 OUT=test/fixtures  -  blind-13            (written 2026-12-07, listings only)
         SRC=/work/blind-new10 OUT=test/fixtures -  blind-14            (written 2026-12-07, listings only)
         SRC=/work/blind-new11 OUT=test/fixtures -  blind-15            (written 2026-12-07, listings only)
         SRC=/work/blind-new12 OUT=test/fixtures -  blind-16            (written 2026-12-07, listings only)
         SRC=/work/blind-new13 OUT=test/fixtures -  blind-17            (written 2026-12-07, listings only)
         SRC=/work/blind-new14 OUT=test/fixtures -  blind-18            (written 2026-12-07, listings only)
         SRC=/work/blind-new15 OUT=test/fixtures -  blind-19            (written 2026-12-07, listings only)
         SRC=/work/blind-new16 OUT=test/fixtures -  blind-20            (written 2026-12-07, listings only)
         SRC=/work/blind-new17 OUT=test/fixtures -  blind-21            (written 2026-12-07, listings only)
         SRC=/work/blind-new18 OUT=test/fixtures -  blind-22            (written 2026-12-07, listings only)
         SRC=/work/blind-new19 OUT=test/fixtures -  blind-23            (written 2026-12-07, listings only)
         SRC=/work/blind-new20 OUT=test/fixtures -  blind-24            (written 2026-12-08, listings only)
         SRC=/work/blind-new21 OUT=test/fixtures -  blind-25            (written 2026-12-08, listings only)

The writer was given the project's 13 categories with the data/README.md label guide and the listing
finding kinds, so labels and kinds are taken as written (no mapping); `untranslated` is accepted as
`untranslated_segment`. The writer read nothing of the project: not its data, code or corpora.
Input: SRC/INTENT_NAME.jsonl ({text, lang, category}), SRC/listings-LISTING_NAME.json and
SRC/clean-listings-LISTING_NAME.json ({listings: [{id, versions: {lang: {title, description}}, seeded:
[{lang, kind, span}]}]}). (convert-blind-6-4.py maps an earlier writer's own taxonomy instead.)
"""
import json, sys
src, out, intent_name, listing_name = sys.argv[1:5]
CATS = {'not_received','damaged','not_as_described','wrong_item','refund_request','cancel_order','order_change',
        'return_exchange','customs_tax','payment','shipping_inquiry','product_question','other'}
KINDS = {'wrong_language','untranslated_segment','spelling','terminology','inconsistent_value','forbidden_claim',
         'placeholder','too_short','title_too_long','all_caps'}
n = 0
if intent_name != '-':  # `-`: listings only
    with open(f'{out}/{intent_name}.jsonl', 'w') as f:
        for line in open(f'{src}/{intent_name}.jsonl'):
            if not line.strip():
                continue
            r = json.loads(line)
            assert r['category'] in CATS, r
            assert r['lang'] in ('en', 'es', 'fr', 'ru', 'pt'), r
            f.write(json.dumps({'text': r['text'], 'lang': r['lang'], 'category': r['category']}, ensure_ascii=False) + '\n')
            n += 1
def listing(l):
    return {'id': l['id'], 'title': {k: v['title'] for k, v in l['versions'].items()},
            'description': {k: v['description'] for k, v in l['versions'].items()}}
clean = [listing(l) for l in json.load(open(f'{src}/clean-listings-{listing_name}.json'))['listings']]
with open(f'{out}/listings/clean-{listing_name}.json', 'w') as f:
    json.dump(clean, f, ensure_ascii=False, indent=2)
    f.write('\n')
cases = []
for l in json.load(open(f'{src}/listings-{listing_name}.json'))['listings']:
    lst = listing(l); expected = []
    for s in l['seeded']:
        v = l['versions'][s['lang']]
        field = 'title' if s['span'] in v['title'] else 'description'
        assert s['span'] in v[field], (l['id'], s)
        kind = 'untranslated_segment' if s['kind'] == 'untranslated' else s['kind']
        assert kind in KINDS, (l['id'], s)
        expected.append({'lang': s['lang'], 'field': field, 'kind': kind, 'text': s['span']})
    cases.append({'id': l['id'], 'listing': lst, 'expected': expected})
with open(f'{out}/listings/{listing_name}.json', 'w') as f:
    json.dump({'base': f'clean-{listing_name}.json', 'cases': cases}, f, ensure_ascii=False, indent=2)
    f.write('\n')
print(n, 'messages;', len(clean), 'clean;', len(cases), 'cases;', sum(len(c['expected']) for c in cases), 'expected')
