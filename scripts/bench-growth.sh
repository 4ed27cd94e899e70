#!/bin/sh
# bench-growth.sh measures how a comparison grows with article length
# (issue 11: a 100,000-word pair within 300 ms, at most 12x per 10x) and
# prints a Markdown table: the seed pair and the 1k, 10k and 100k-word
# pairs, generated (BenchmarkCompareWords) and from real prose
# (BenchmarkCompareRealWords, which needs ../shared/corpora/multinews),
# with the median wall and CPU time of COUNT runs and the growth per 10x.
# The CompareWordsRotated rows compare eight generated pairs of each
# length in turn: one small pair compared again and again is learnt by the
# processor's caches and branch predictors, which flatters the 1k row.
#
#   scripts/bench-growth.sh [COUNT]      default: 6
#
# Run it on a quiet machine: wall times swing with the load; the CPU time
# (user + system, GC included) is the steadier figure.
set -eu
cd "$(dirname "$0")/.."
count=${1:-6}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

go test ./corpus/compare -run '^$' -bench 'ComparePair$|CompareWords|CompareRealWords' \
	-cpu 1 -count "$count" >"$out"

echo "Made by \`scripts/bench-growth.sh $count\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| pair | median ms | median CPU ms | growth (wall) | growth (CPU) |"
echo "|---|---|---|---|---|"
awk '
/^Benchmark/ {
	name = $1; sub(/^Benchmark/, "", name)
	for (i = 2; i < NF; i++) {
		if ($(i + 1) == "ns/op") wall[name] = wall[name] " " $i / 1e6
		if ($(i + 1) == "cpu-ns/op") cpu[name] = cpu[name] " " $i / 1e6
	}
	if (!(name in seen)) { seen[name] = 1; order[++n] = name }
}
function median(s,    v, k, i, j, t) {
	k = split(s, v, " ")
	if (k == 0) return 0
	for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
	return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
}
END {
	for (i = 1; i <= n; i++) {
		name = order[i]; w = median(wall[name]); c = median(cpu[name])
		gw = gc = ""
		prev = name
		if (sub(/\/10k$/, "/1k", prev) || sub(/\/100k$/, "/10k", prev)) {
			if (prev in seen) {
				gw = sprintf("%.1f×", w / median(wall[prev]))
				gc = sprintf("%.1f×", c / median(cpu[prev]))
			}
		}
		printf "| %s | %.2f | %.2f | %s | %s |\n", name, w, c, gw, gc
	}
}' "$out"
