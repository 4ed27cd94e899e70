#!/bin/sh
# bench-grouping.sh judges story grouping against known stories and prints
# a Markdown table: pairwise precision and recall, purity (the share of
# the articles of each story of two or more that belong to its largest
# true story) and completeness (the share of each true story's articles
# in the one story that holds most of them), and the number of stories.
#
#   scripts/bench-grouping.sh [SIZE...]     default: 1000 10000
#
# Each SIZE is a flat folder made by scripts/archivegen from
# ../shared/corpora/multinews (its story folders are the truth); one more
# is the 17 stories of ../shared/corpora/stories in one flat folder. Each
# is grouped twice: through the index (corpus/archive, as every command
# that names a folder does, built from nothing) and as a flat folder is
# loaded (story.LoadDir). The folders are kept in BENCH_DIR (default: a
# directory under TMPDIR), so a second run reuses them. With SHOW=N the
# N stories that mix true stories the most are printed after the table,
# with the rarest words their articles of different stories share.
#
# It scores grouping only; build times are bench-archive.sh's.
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)
sizes=${*:-1000 10000}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/newsdiff-bench}
mkdir -p "$work"
for corpus in multinews stories; do
	[ -d "$repo/../shared/corpora/$corpus" ] || {
		echo "bench-grouping: ../shared/corpora/$corpus is missing" >&2
		exit 1
	}
done
go build -o "$work/archivegen" ./scripts/archivegen
gen="$work/archivegen"

folders=""
for n in $sizes; do
	dir="$work/archive-$n"
	[ -f "$dir/.truth.tsv" ] || "$gen" -src "$repo/../shared/corpora/multinews" -n "$n" -out "$dir" >/dev/null
	folders="$folders $dir"
done
# The 17 stories' 61 articles, each once: no edited copies.
dir="$work/stories-flat"
[ -f "$dir/.truth.tsv" ] || "$gen" -src "$repo/../shared/corpora/stories" -n 61 -out "$dir" >/dev/null
folders="$folders $dir"

echo "Made by \`scripts/bench-grouping.sh $sizes\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)."
echo
echo "| folder | grouped by | articles | stories (alone) | pairwise precision | recall | purity | completeness |"
echo "|---|---|---|---|---|---|---|---|"
for dir in $folders; do
	for how in index flat; do
		flag=""
		if [ "$how" = index ]; then
			rm -rf "$dir/.newsdiff"
		else
			flag="-flat"
		fi
		"$gen" -eval "$dir" $flag | awk -v folder="$(basename "$dir")" -v how="$how" '
			/^articles/ { gsub(/,/, ""); articles = $2; stories = $4; alone = substr($5, 2) }
			/^pairwise/ { gsub(/,/, ""); precision = $3; recall = $5 }
			/^purity/ { purity = $2; completeness = $NF }
			END { printf "| %s | %s | %s | %s (%s) | %s | %s | %s | %s |\n", folder, how, articles, stories, alone, precision, recall, purity, completeness }'
	done
done
if [ "${SHOW:-0}" -gt 0 ]; then
	for dir in $folders; do
		echo
		echo "$(basename "$dir"), grouped by the index:"
		"$gen" -eval "$dir" -show "$SHOW" | sed 1,3d
	done
fi
