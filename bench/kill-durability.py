"""Creates tickets on the external API from 16 threads, kills the server with SIGKILL mid-load, then checks
that every create the server acknowledged (201) is in the database with its external_ref, and that the
database passes SQLite's integrity check. Used by bench/kill-durability.sh (environment: DESTEK_API_KEY,
DESTEK_API_SECRET; arguments: base URL, server pid, seconds of load, database path)."""
import json, os, signal, sqlite3, sys, threading, time, urllib.request

base, pid, seconds, database = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
headers = {"Content-Type": "application/json", "X-API-Key": os.environ["DESTEK_API_KEY"], "X-API-Secret": os.environ["DESTEK_API_SECRET"]}
acked, lock, stop = [], threading.Lock(), threading.Event()


def worker(thread):
    n = 0
    while not stop.is_set():
        n += 1
        ref = f"KILL-{thread}-{n}"
        body = json.dumps({"title": f"Çökme testi {thread}-{n}", "description": "kill -9 öncesi", "external_ref": ref}).encode()
        request = urllib.request.Request(base + "/api/external/tickets", data=body, method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 201:
                    with lock:
                        acked.append((json.load(response)["id"], ref))
        except Exception:
            return  # the server is gone


threads = [threading.Thread(target=worker, args=(i,)) for i in range(16)]
for t in threads:
    t.start()
time.sleep(seconds)
os.kill(pid, signal.SIGKILL)
stop.set()
for t in threads:
    t.join()

connection = sqlite3.connect(f"file:{database}", uri=True)
stored = dict(connection.execute('SELECT "Id", "ExternalRef" FROM "Tickets"'))
missing = [a for a in acked if stored.get(a[0]) != a[1]]
integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
print(f"acknowledged before SIGKILL {len(acked)}   found after {len(acked) - len(missing)}   missing {len(missing)}   integrity {integrity}")
sys.exit(1 if missing or integrity != "ok" or not acked else 0)
