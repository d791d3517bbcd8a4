"""Converts the helper-written blind sets (/work/blind-new) into the project's corpus formats.
Label mapping (decided from CONTRACT §2 definitions before any measurement, never from the model):
  where_is_order -> not_received (the project's label for "where is my order"), damaged_item -> damaged,
  shipping_question -> shipping_inquiry, except customs/duty/VAT/declaration questions -> customs_tax,
  thanks_feedback -> other, other -> other, except payment, checkout-coupon and invoice matters -> payment.
"""
import json, sys
src, out = sys.argv[1], sys.argv[2]
CUSTOMS = {'b6-0017','b6-0019','b6-0024','b6-0031','b6-0206','b6-0211','b6-0308','b6-0315','b6-0447','b6-0612'}
PAYMENT = {'b6-0048','b6-0279','b6-0353','b6-0528','b6-0617',  # payment method / failed payment / boleto
           'b6-0041','b6-0182','b6-0276','b6-0450','b6-0631',  # coupon rejected at checkout
           'b6-0047','b6-0059','b6-0061','b6-0433','b6-0488'}  # invoices
MAP = {'where_is_order':'not_received','not_received':'not_received','damaged_item':'damaged','wrong_item':'wrong_item',
       'not_as_described':'not_as_described','refund_request':'refund_request','return_exchange':'return_exchange',
       'cancel_order':'cancel_order','order_change':'order_change','product_question':'product_question',
       'shipping_question':'shipping_inquiry','thanks_feedback':'other','other':'other'}
with open(f'{out}/intent-blind-6.jsonl','w') as f:
    for line in open(f'{src}/intent-blind-6.jsonl'):
        r = json.loads(line)
        cat = MAP[r['category']]
        if r['id'] in CUSTOMS: cat = 'customs_tax'
        if r['id'] in PAYMENT: cat = 'payment'
        f.write(json.dumps({'text': r['text'], 'lang': r['lang'], 'category': cat}, ensure_ascii=False) + '\n')
def listing(l):
    return {'id': l['id'], 'title': {k: v['title'] for k, v in l['versions'].items()},
            'description': {k: v['description'] for k, v in l['versions'].items()}}
clean = [listing(l) for l in json.load(open(f'{src}/clean-listings-blind-4.json'))['listings']]
json.dump(clean, open(f'{out}/listings/clean-blind-4.json','w'), ensure_ascii=False, indent=2)
cases = []
for l in json.load(open(f'{src}/listings-blind-4.json'))['listings']:
    lst = listing(l); expected = []
    for s in l['seeded']:
        v = l['versions'][s['lang']]
        field = 'title' if s['span'] in v['title'] else 'description'
        kind = 'untranslated_segment' if s['kind'] == 'untranslated' else s['kind']
        expected.append({'lang': s['lang'], 'field': field, 'kind': kind, 'text': s['span']})
    cases.append({'id': l['id'], 'listing': lst, 'expected': expected})
json.dump({'base': 'clean-blind-4.json', 'cases': cases}, open(f'{out}/listings/blind-4.json','w'), ensure_ascii=False, indent=2)
print(len(clean), 'clean;', len(cases), 'cases;', sum(len(c['expected']) for c in cases), 'expected')
