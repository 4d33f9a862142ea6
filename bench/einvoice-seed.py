#!/usr/bin/env python3
"""Fills a Destek SQLite database (already migrated) with one customer organization and N invoices
for the e-invoice API benchmark. Prints the organization id. Usage: einvoice-seed.py DB N"""
import random, sqlite3, sys, uuid
from datetime import datetime, timedelta

db, count = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(db)
now = datetime.utcnow().replace(microsecond=0)
fmt = lambda d: d.strftime("%Y-%m-%d %H:%M:%S")
cur = con.cursor()
cur.execute("INSERT INTO CustomerOrganizations (PublicId, Name, TaxId, CreatedAt, UpdatedAt) VALUES (?,?,?,?,?)",
            (str(uuid.uuid4()).upper(), "Benchmark Pazaryeri A.Ş.", "1234567890", fmt(now), fmt(now)))
org = cur.lastrowid
statuses = ["Draft", "Queued", "Issued", "Sent", "Accepted", "Rejected", "Cancelled"]
types = ["Sale", "Sale", "Sale", "Return", "CreditNote"]
markets = ["Trendyol", "Hepsiburada", "Amazon", "N11", None]
rng = random.Random(42)
rows = []
for i in range(1, count + 1):
    created = now - timedelta(minutes=count - i)
    price = rng.randint(10, 5000)
    vat = round(price * 0.2, 2)
    market = rng.choice(markets)
    status = rng.choice(statuses)
    rows.append((f"EA-{now.year}-{i:06d}", str(uuid.uuid4()).upper(), org, status, rng.choice(types), market,
                 f"ORD-{i}" if market else None, f"Alıcı {i}", f"alici{i}@example.test", "+905300000000",
                 "TRY", f"{price}.0", f"{vat}", "0.0", f"{price + vat}", "custom", None, None,
                 fmt(created), fmt(created), fmt(created) if status not in ("Draft", "Queued") else None, None))
cur.executemany("""INSERT INTO e_invoices (Number, Ettn, CustomerOrganizationId, Status, Type, Marketplace, MarketplaceOrderNo,
    BuyerName, BuyerEmail, BuyerPhone, Currency, Subtotal, TaxTotal, DiscountTotal, GrandTotal, Provider, ProviderStatus,
    ProviderInvoiceId, CreatedAt, UpdatedAt, IssuedAt, CancelledAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
con.commit()
print(org)
