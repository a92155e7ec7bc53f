# The ten-line script a user would write instead of rtccodes -summary
# on call logs in JSON Lines: count the pairs and name a few.
# scripts/bench times it.
import json, collections, sys
meanings = {("486", "560486"): "busy", ("410", "3112"): "network", ("0", "0"): "ok", ("403", "510403"): "blocked", ("0", "5854"): "lobby"}
counts = collections.Counter()
with open(sys.argv[1]) as f:
    for line in f:
        r = json.loads(line)
        counts[(r["ParticipantEndReason"], r["ParticipantEndSubCode"])] += 1
for pair, n in counts.most_common():
    print(n, *pair, meanings.get(pair, "?"))
