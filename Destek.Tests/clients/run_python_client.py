# Drives seed-000's Python client (destek_client.py, unchanged) the way the seed's usage example
# does, plus the calls the example leaves out; prints every answer as one JSON object.
# argv: base_url api_key api_secret external_ref
import json
import sys

import requests

from destek_client import DestekAPIClient

base_url, api_key, api_secret, external_ref = sys.argv[1:5]
client = DestekAPIClient(base_url=base_url, api_key=api_key, api_secret=api_secret)
out = {}
ticket = client.create_ticket(
    title='Test Talebi',
    description='Bu bir test talebidir.',
    priority='medium',
    external_ref=external_ref
)
out['created'] = ticket
out['detail'] = client.get_ticket(ticket['id'])
out['by_ref'] = client.get_ticket_by_ref(external_ref)
out['comment'] = client.add_comment(ticket['id'], 'Ek bilgi: Hata sabah 09:00 civarı oluştu.')
out['comments'] = client.get_comments(ticket['id'])
out['list'] = client.list_tickets(status='open', page=1, per_page=10)
try:
    client.get_ticket(2_000_000_000)
    out['missing'] = None
except requests.HTTPError as error:
    out['missing'] = {'status': error.response.status_code, 'body': error.response.json()}
print(json.dumps(out, ensure_ascii=False))
