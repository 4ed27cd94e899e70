#!/usr/bin/env bash
# interrupt.sh measures how long newsdiff takes to exit after SIGINT or
# SIGTERM in the middle of a long story command, and with which status.
# Usage: scripts/interrupt.sh [RUNS]   (default 5 runs per signal)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/newsdiff" .
# A story whose matrix takes many seconds: 30 articles of 150 paragraphs of
# words from a small vocabulary, every pair compared.
mkdir -p "$work/corpus/story"
python3 - "$work/corpus/story" <<'PY'
import random, sys
random.seed(1)
words = "council bridge mayor river vote monday town report hall street budget plan school road tax water park police fire court".split()
for i in range(30):
    paras = [" ".join(" ".join(random.choice(words) for _ in range(12)) + "." for _ in range(5)) for _ in range(150)]
    open(f"{sys.argv[1]}/a{i:02d}.txt", "w").write(f"Title {i}\n\n" + "\n\n".join(paras) + "\n")
PY
printf '%-8s %-4s %-7s %s\n' signal run status "ms from signal to exit"
for sig in INT TERM; do
	for run in $(seq "$runs"); do
		"$work/newsdiff" matrix "$work/corpus" >/dev/null 2>&1 &
		pid=$!
		sleep 1
		start=$(date +%s%N)
		kill -"$sig" "$pid"
		status=0
		wait "$pid" || status=$?
		end=$(date +%s%N)
		printf '%-8s %-4s %-7s %d\n' "$sig" "$run" "$status" $(((end - start) / 1000000))
	done
done
