# The ten-line script a user would write instead of rtccodes -summary
# on a CSV export of call logs: count the (ParticipantEndReason,
# ParticipantEndSubCode) pairs and name a few. scripts/bench times it.
import csv, collections, sys
meanings = {("486", "560486"): "busy", ("410", "3112"): "network", ("0", "0"): "ok", ("403", "510403"): "blocked", ("0", "5854"): "lobby"}
with open(sys.argv[1], newline="") as f:
    rows = csv.reader(f)
    head = next(rows)
    c, s = head.index("ParticipantEndReason"), head.index("ParticipantEndSubCode")
    counts = collections.Counter((r[c], r[s]) for r in rows)
for pair, n in counts.most_common():
    print(n, *pair, meanings.get(pair, "?"))
