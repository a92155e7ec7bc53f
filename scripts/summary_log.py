# The ten-line script a user would write instead of rtccodes -summary
# on a text log of call ends: find the pairs with a regular expression,
# count them and name a few. scripts/bench times it.
import re, collections, sys
meanings = {("486", "560486"): "busy", ("410", "3112"): "network", ("0", "0"): "ok", ("403", "510403"): "blocked", ("0", "5854"): "lobby"}
pair = re.compile(r"ParticipantEndReason=(-?\d+) ParticipantEndSubCode=(-?\d+)")
counts = collections.Counter()
with open(sys.argv[1]) as f:
    for line in f:
        m = pair.search(line)
        if m:
            counts[m.groups()] += 1
for p, n in counts.most_common():
    print(n, *p, meanings.get(p, "?"))
