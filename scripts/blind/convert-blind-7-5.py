"""Converts the helper-written blind sets of 2026-12-06 (/work/blind-new) into the project's corpus formats.
The writer was given the project's 13 categories with the data/README.md label guide and its nine finding
kinds, so labels and kinds are taken as written (no mapping); `untranslated` is accepted as
`untranslated_segment`. The writer read nothing of the project: not its data, code or corpora.
"""
import json, sys
src, out = sys.argv[1], sys.argv[2]
CATS = {'not_received','damaged','not_as_described','wrong_item','refund_request','cancel_order','order_change',
        'return_exchange','customs_tax','payment','shipping_inquiry','product_question','other'}
n = 0
with open(f'{out}/intent-blind-7.jsonl', 'w') as f:
    for line in open(f'{src}/intent-blind-7.jsonl'):
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
clean = [listing(l) for l in json.load(open(f'{src}/clean-listings-blind-5.json'))['listings']]
json.dump(clean, open(f'{out}/listings/clean-blind-5.json', 'w'), ensure_ascii=False, indent=2)
cases = []
for l in json.load(open(f'{src}/listings-blind-5.json'))['listings']:
    lst = listing(l); expected = []
    for s in l['seeded']:
        v = l['versions'][s['lang']]
        field = 'title' if s['span'] in v['title'] else 'description'
        assert s['span'] in v[field], (l['id'], s)
        kind = 'untranslated_segment' if s['kind'] == 'untranslated' else s['kind']
        expected.append({'lang': s['lang'], 'field': field, 'kind': kind, 'text': s['span']})
    cases.append({'id': l['id'], 'listing': lst, 'expected': expected})
json.dump({'base': 'clean-blind-5.json', 'cases': cases}, open(f'{out}/listings/blind-5.json', 'w'), ensure_ascii=False, indent=2)
print(n, 'messages;', len(clean), 'clean;', len(cases), 'cases;', sum(len(c['expected']) for c in cases), 'expected')
