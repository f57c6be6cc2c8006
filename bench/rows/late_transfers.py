"""One case of 200 transfers, then 30 pairs of transfers learned late inside its history; prints the rows written.

Called by late-transfers.sh with the service's port; psql reaches its database through PGHOST and PGPORT.
"""
import json, sys, uuid, datetime, urllib.request, base64, time, random, subprocess
port = sys.argv[1]
random.seed(7)
def req(method, path, body, user, ctype="application/json"):
    r = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body.encode() if body is not None else None, method=method,
        headers={"Content-Type": ctype, "Authorization": "Basic " + base64.b64encode(f"{user}:{user}".encode()).decode()})
    with urllib.request.urlopen(r) as resp:
        return resp.status, resp.read().decode()
SOURCES = [{"kind": "ngo_report", "citation": "PEN International, RAN 41/13 (bench)", "reliability": "B"}]
a, b, case = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
lines = [
  {"facility": {"facilityId": a, "name": "Arkalyk prison", "kind": "prison", "country": "KZ", "coordinates": {"latitude": 50.2481, "longitude": 66.9114}, "confidentiality": "public"}},
  {"facility": {"facilityId": b, "name": "Karagandy detention centre", "kind": "prison", "country": "KZ", "coordinates": {"latitude": 49.8047, "longitude": 73.1094}, "confidentiality": "public"}},
  {"caseId": case, "registration": {"names": ["Bench Person"], "birthYear": 1960, "gender": "male", "home": {"name": "Almaty", "country": "KZ", "coordinates": {"latitude": 43.2389, "longitude": 76.8897}}, "nextOfKin": "his son", "sources": SOURCES, "confidentiality": "public"}},
  {"caseId": case, "fact": {"type": "AdmittedToFacility", "occurredAt": "2005-01-01", "sources": SOURCES, "claim": "alleged", "confidentiality": "public", "data": {"facilityId": a}}}]
day = datetime.date(2005, 1, 2)
for i in range(200):
    f, t = (a, b) if i % 2 == 0 else (b, a)
    lines.append({"caseId": case, "fact": {"type": "PersonTransferred", "occurredAt": (day + datetime.timedelta(days=10 * i)).isoformat(), "sources": SOURCES, "claim": "alleged", "confidentiality": "public", "data": {"fromFacilityId": f, "toFacilityId": t, "noticeGiven": True}}})
print(req("POST", "/api/v1/imports", "\n".join(json.dumps(l) for l in lines) + "\n", "admin", "application/x-ndjson")[0])
def psql(sql):
    return subprocess.run(["psql", "-d", "postgres", "-Atc", sql], capture_output=True, text=True).stdout.strip()
def settled(sql):
    """The statistics once they stop moving: PostgreSQL reports a backend's counts a moment after its commit."""
    last, same = None, 0
    while same < 3:
        time.sleep(0.5)
        now = psql(sql)
        same = same + 1 if now == last else 0
        last = now
    return last
def version():
    v = psql(f"SELECT version FROM case_status WHERE case_id = '{case}' AND clearance = 'CONFIDENTIAL'")
    return int(v) if v else -1
while version() < 201: time.sleep(0.2)
print("stays stored", psql(f"SELECT count(*) FROM facility_stay WHERE case_id = '{case}'"))
before = settled("SELECT string_agg(relname || ' ' || n_tup_ins || ' ' || n_tup_upd || ' ' || n_tup_del, ', ' ORDER BY relname) FROM pg_stat_user_tables WHERE relname IN ('facility_stay', 'case_finding')")
# late facts: a stay within the history, split in two by a visit to the other facility the same and the next day
for k in range(30):
    i = random.randrange(10, 190)
    at = day + datetime.timedelta(days=10 * i + 3)
    here, there = (b, a) if i % 2 == 0 else (a, b)
    for when, f, t in ((at, here, there), (at + datetime.timedelta(days=1), there, here)):
        body = {"type": "PersonTransferred", "occurredAt": when.isoformat(), "sources": SOURCES, "claim": "alleged", "confidentiality": "public", "data": {"fromFacilityId": f, "toFacilityId": t, "noticeGiven": True}}
        req("POST", f"/api/v1/cases/{case}/events", json.dumps(body), "monitor")
while version() < 261: time.sleep(0.2)
after = settled("SELECT string_agg(relname || ' ' || n_tup_ins || ' ' || n_tup_upd || ' ' || n_tup_del, ', ' ORDER BY relname) FROM pg_stat_user_tables WHERE relname IN ('facility_stay', 'case_finding')")
print("stays stored", psql(f"SELECT count(*) FROM facility_stay WHERE case_id = '{case}'"))
print("before (ins upd del):", before)
print("after  (ins upd del):", after)
