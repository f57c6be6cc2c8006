"""The driver of stored-flags.sh: records the cases, then times the two reads of their flags (see the script)."""
import http.client, base64, json, time, sys, statistics
port=int(sys.argv[1]); n_events=int(sys.argv[2])
auth={'Authorization':'Basic '+base64.b64encode(b'monitor:monitor').decode(),'Content-Type':'application/json'}
view={'Authorization':'Basic '+base64.b64encode(b'viewer:viewer').decode()}
c=http.client.HTTPConnection('127.0.0.1',port)
def req(m,p,b=None,h=auth):
    c.request(m,p,body=(b.encode("utf-8") if isinstance(b,str) else b),headers=h); r=c.getresponse(); d=r.read(); return r.status,d
SRC=json.loads('[{"kind":"ngo_report","citation":"PEN International, RAN 41/13 (seed 000)","reliability":"B"}]')
fac=[]
for name in ['Arkalyk','Karagandy']:
    s,d=req('POST','/api/v1/facilities',json.dumps({"name":name,"officialCode":"UK 161/12","kind":"prison","city":name,"country":"KZ","coordinates":{"latitude":50.25 if name=='Arkalyk' else 43.2,"longitude":66.91},"confidentiality":"public"}))
    if s!=201: print(s,d); sys.exit(1)
    fac.append(json.loads(d)['caseId'])
reg=json.dumps({"names": ["Aron Atabek", "Арон Атабек"], "birthYear": 1953, "gender": "male", "occupation": "poet",
     "home": {"name": "Almaty", "country": "KZ", "coordinates": {"latitude": 43.2389, "longitude": 76.8897}},
     "nextOfKin": "his son", "sources": SRC, "confidentiality": "public"})
cases=[]
for k in range(20):
    s,d=req('POST','/api/v1/cases',reg); assert s==201,(s,d); cid=json.loads(d)['caseId']; cases.append(cid)
    req('POST',f'/api/v1/cases/{cid}/events',json.dumps({"type":"AdmittedToFacility","occurredAt":"1989-11","confidentiality":"public","sources":SRC,"data":{"facilityId":fac[0]}}))
    for i in range(n_events):
        a,b=(fac[0],fac[1]) if i%2==0 else (fac[1],fac[0])
        s,d=req('POST',f'/api/v1/cases/{cid}/events',json.dumps({"type":"PersonTransferred","occurredAt":f"{1990+i//12}-{i%12+1:02d}-05","confidentiality":"public","claim":"corroborated","sources":SRC,"data":{"fromFacilityId":a,"toFacilityId":b,"noticeGiven":False}}))
        assert s==201,(s,d)
# the projection has caught up when every case's status names its last fact
for cid in cases:
    for _ in range(600):
        s,d=req('GET',f'/api/v1/cases/{cid}',h=view)
        if s==200 and json.loads(d).get('version')==n_events+1: break
        time.sleep(0.1)
    else: sys.exit('the projection did not catch up with case '+cid)
asof={}
for cid in cases:
    s,d=req('GET',f'/api/v1/cases/{cid}',h=view); asof[cid]=json.loads(d)['asOf']
def block(computed, reps):
    t=[]
    for r in range(reps):
        for cid in cases:
            p=f'/api/v1/cases/{cid}/flags'+(f'?asOf={asof[cid]}' if computed else '')
            t0=time.perf_counter(); s,d=req('GET',p,h=view); t.append(time.perf_counter()-t0); assert s==200
    return t
block(False,10); block(True,10)
res={False:[],True:[]}
print('| flags read | facts a case | reads | mean ms | p50 ms | p99 ms |')
print('| --- | --- | --- | --- | --- | --- |')
for rnd in range(6):
    for comp in (False,True):
        res[comp]+=block(comp,10)
for comp in (False,True):
    t=sorted(res[comp]); print('| %s | %d | %d | %.2f | %.2f | %.2f |'%('evaluated from the events (?asOf=)' if comp else 'stored findings (no instant)', n_events+1, len(t),1000*statistics.mean(t),1000*t[len(t)//2],1000*t[int(len(t)*0.99)]))
