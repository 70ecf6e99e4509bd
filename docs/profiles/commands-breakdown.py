import json, collections, sys
# usage: breakdown.py exec.json pool
d=json.load(open(sys.argv[1])); pool=sys.argv[2]
OWNERS=[
 ("append lock (SELECT ... FOR UPDATE)", ["AppendLock.take"]),
 ("conflict check (last sequence per stream)", ["requireNextInStreams"]),
 ("read-back + leaf hashes (EventHasher)", ["EventHasher."]),
 ("event insert (serialize + INSERT)", ["JdbcEventStorageEngine.appendEvents", "HashingEventStorageEngine.insert", "EventRow.of"]),
 ("commit", ["JdbcTransactions.finish", "JdbcTransactions$2.commit"]),
 ("stream-type guard (first event of the stream)", ["StreamTypes."]),
 ("command target resolution (Axon annotation scan)", ["AnnotationCommandTargetResolver."]),
 ("snapshot", ["Snapshotter", "storeSnapshot", "SnapshotBinding"]),
 ("aggregate load (cache / events / snapshot)", ["EventSourcingRepository.", "AbstractEventStore.readEvents", "CachingEventSourcingRepository", "WeakReferenceCache", "AbstractRepository.load"]),
 ("decision (aggregate handler + apply)", ["AnnotatedAggregate.handle", "LockAwareAggregate.handle"]),
 ("transaction start", ["JdbcTransactions.startTransaction"]),
 ("command-file line record (AppliedLines)", ["AppliedLines."]),
]
PARSE=["org/h2/command/Parser","org/h2/command/query/Select.prepare","JdbcConnection.prepareCommand"]
ev=[e for e in d['recording']['events'] if (e['values']['sampledThread']['javaName'] or '').startswith(pool+'-')]
cat=collections.Counter(); parse=collections.Counter()
for e in ev:
    fs=[f['method']['type']['name'].split('/')[-1]+'.'+f['method']['name'] for f in e['values']['stackTrace']['frames']]; full=[f['method']['type']['name']+'.'+f['method']['name'] for f in e['values']['stackTrace']['frames']]
    c="Axon messaging (gateway, bus, unit of work, interceptors) and the rest"
    done=False
    for f in fs:
        for name, keys in OWNERS:
            if any(k in f for k in keys): c=name; done=True; break
        if done: break
    cat[c]+=1
    if any(any(k in f for k in PARSE) for f in full): parse[c]+=1
n=len(ev)
print(f"{n} samples on the command thread(s) {pool}-*")
print("| where | share | of which SQL parsing |")
print("| --- | ---: | ---: |")
for c,k in cat.most_common(): print(f"| {c} | {k*100/n:.1f}% | {parse[c]*100/n:.1f}% |")
print(f"| total SQL statement parsing (H2 re-parses: its per-session query cache holds 8) | {sum(parse.values())*100/n:.1f}% | |")
