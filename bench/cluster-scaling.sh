#!/bin/bash
# Scaling of a sweep (docs/cluster.md, "Measurements"): local with 1 and 2 threads, then through
# Redis with 1 and 2 `qnlc worker`s of one thread each. Needs redis-server and a built qnlc
# (dotnet build src/Qnlc). Usage: bench/cluster-scaling.sh [REDIS_PORT]
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
Q=$ROOT/src/Qnlc/bin/Debug/net10.0/qnlc
PORT=${1:-26411}
OUT=$(mktemp -d)
SW=(sweep "$ROOT/examples/bb84.qn" --set "alice--bob.length=10km..90km:8" --shots 20000 --seed 1 --json)
redis-server --port "$PORT" --save "" --appendonly no --daemonize yes --pidfile "$OUT/redis.pid" >/dev/null; sleep 1
seconds() { local s=$(date +%s.%N); "$@" > "$OUT/stdout.txt"; local e=$(date +%s.%N); echo "$e - $s" | bc; }
report() { python3 -c "import json,sys;r=json.load(open(sys.argv[1]));print('  items',r['items'],'wall',r['wallSeconds'],'items/s',round(r['items']/r['wallSeconds'],2),'per worker (items, s):',[(w['items'],w['seconds']) for w in r['workers']])" "$1"; }
echo "local --threads 1: $(seconds "$Q" "${SW[@]}" --threads 1 -o "$OUT/l1") s"
echo "local --threads 2: $(seconds "$Q" "${SW[@]}" --threads 2 -o "$OUT/l2") s"
cp "$OUT/stdout.txt" "$OUT/local.txt"
"$Q" worker --cluster "redis://127.0.0.1:$PORT" --threads 1 > "$OUT/w1.log" 2>&1 & W1=$!
sleep 8
echo "cluster, 1 worker: $(seconds "$Q" "${SW[@]}" -o "$OUT/c1" --cluster "redis://127.0.0.1:$PORT") s"
cmp -s "$OUT/stdout.txt" "$OUT/local.txt" && echo "  stdout identical to local"
report "$OUT/c1/cluster.json"
"$Q" worker --cluster "redis://127.0.0.1:$PORT" --threads 1 > "$OUT/w2.log" 2>&1 & W2=$!
sleep 8
echo "cluster, 2 workers: $(seconds "$Q" "${SW[@]}" -o "$OUT/c2" --cluster "redis://127.0.0.1:$PORT") s"
cmp -s "$OUT/stdout.txt" "$OUT/local.txt" && echo "  stdout identical to local"
report "$OUT/c2/cluster.json"
kill "$W1" "$W2"; wait "$W1" "$W2" 2>/dev/null
kill "$(cat "$OUT/redis.pid")"
uptime
rm -rf "$OUT"
