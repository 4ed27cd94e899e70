#!/bin/sh
# bench-archive.sh measures newsdiff on archives of 1,000, 10,000 and
# 100,000 articles and writes BENCHMARKS.md.
#
#   scripts/bench-archive.sh [SIZE...]     default: 1000 10000 100000
#   scripts/bench-archive.sh startup       the seed pair's rows only
#   scripts/bench-archive.sh hand-sections FILE
#                                          the sections of FILE it keeps
#
# It builds newsdiff and scripts/archivegen, makes each archive from
# ../shared/corpora/multinews (a flat folder, with edited copies past the
# corpus's 7,483 articles; see scripts/archivegen), and measures, with
# hyperfine and /usr/bin/time:
#   - a seed pair diffed as a whole process, against wdiff, dwdiff and
#     git diff --word-diff on the same files, newsdiff as a plain go build
#     makes it (with cgo, linked dynamically) and as the linker left it
#     (not copied; see installed below), newsdiff --version (the
#     start-up alone) and two floors built on the fly: a probe that links
#     and initialises every package newsdiff links and does nothing else,
#     and an empty Go program; GODEBUG=inittrace=1 gives the packages'
#     init time, newsdiff's and the probe's;
#   - building the index from nothing (newsdiff index), its time and peak RSS;
#   - opening the indexed archive (newsdiff list), time and peak RSS;
#   - adding 100 articles to it (newsdiff index);
#   - matrix and quotes of a 5-article story (or the nearest size), and a
#     diff of two of its articles, as whole processes;
#   - Ctrl-C (SIGINT) during a first build: time to exit and exit status;
#   - the quality of the story grouping against the corpus's true stories;
#   - on the largest archive, the reader opening a pair of its articles
#     (BenchmarkArchiveOpenPair in ./ui: median, 99th percentile, worst);
#   - how a comparison grows with article length (scripts/bench-growth.sh).
# Archives are kept in BENCH_DIR (default: a directory under TMPDIR) so a
# second run reuses them; BENCH_OUT names another file to write. With
# "startup" only the seed pair is measured, in a minute, and written to
# standard output unless BENCH_OUT is set. Sections of the file it
# replaces whose heading says "(written by hand" are kept: they are put
# back, in their order, after the measured ones. Needs go, hyperfine,
# wdiff, dwdiff, git, jq and GNU time.
set -eu

cd "$(dirname "$0")/.."
repo=$(pwd)

# handSections FILE prints the sections of FILE written by hand: each from
# a "## " heading that says "(written by hand" to the next "## " heading
# that does not, or to the end.
handSections() {
	[ -f "$1" ] || return 0
	awk '/^## / { hand = index($0, "(written by hand") > 0 } hand' "$1"
}
if [ "${1:-}" = hand-sections ]; then
	handSections "$2"
	exit 0
fi

startup_only=false
if [ "${1:-}" = startup ]; then
	startup_only=true
	shift
fi
sizes=${*:-1000 10000 100000}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/newsdiff-bench}
mkdir -p "$work"
out=${BENCH_OUT:-$repo/BENCHMARKS.md}
if $startup_only; then
	out=${BENCH_OUT:-/dev/stdout}
fi
src="$repo/../shared/corpora/multinews"
if ! $startup_only && [ ! -d "$src" ]; then
	echo "bench-archive: $src is missing; it holds the articles the archives are made of" >&2
	exit 1
fi
for tool in hyperfine wdiff dwdiff git jq /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "bench-archive: $tool is needed" >&2; exit 1; }
done

# installed FILE: replaces FILE, as the linker wrote it, with a copy of it,
# as installing it (cp, install, a package manager) makes one. The linker
# writes its output through a memory map, which leaves the file in the page
# cache in 4 KiB pages; a file written by write(2) is cached in larger
# folios, and every run maps a few thousand pages of a binary this size,
# so the copy starts about 1 ms sooner, all of it kernel time. wdiff,
# dwdiff and git below were installed so; the Go programs are timed so
# too, and one row times newsdiff as the linker left it.
installed() {
	cp "$1" "$1.tmp"
	mv "$1.tmp" "$1"
}
CGO_ENABLED=0 go build -trimpath -o "$work/newsdiff-linked" .
cp "$work/newsdiff-linked" "$work/newsdiff"
# As a plain go build makes it where a C compiler is found: net and
# os/user through cgo, so linked dynamically.
go build -trimpath -o "$work/newsdiff-default" .
installed "$work/newsdiff-default"
go build -o "$work/archivegen" ./scripts/archivegen
nd="$work/newsdiff"
gen="$work/archivegen"

# The floors of a start-up, built as newsdiff is: the probe imports what
# newsdiff's main imports, so it links the same packages and runs their
# init, and then does nothing; the empty program is the Go runtime alone.
# They are written in a directory inside the module, so that the probe may
# import newsdiff's packages, whose name starts with "_" so that ./...
# never sees it, and which is removed on exit.
probes=$(mktemp -d "$repo/_benchprobe.XXXXXX")
trap 'rm -rf "$probes"' EXIT
mkdir "$probes/probe" "$probes/empty"
{
	echo "// Command probe links every package newsdiff links and does nothing."
	echo "package main"
	echo
	echo "import ("
	go list -f '{{join .Imports "\n"}}' . | sed 's/.*/\t_ "&"/'
	echo ")"
	echo
	echo "func main() {}"
} >"$probes/probe/main.go"
printf 'package main\n\nfunc main() {}\n' >"$probes/empty/main.go"
CGO_ENABLED=0 go build -trimpath -o "$work/probe" "$probes/probe"
CGO_ENABLED=0 go build -trimpath -o "$work/empty" "$probes/empty"
installed "$work/probe"
installed "$work/empty"
rm -rf "$probes"

# timed CMD...: runs CMD under GNU time, prints "seconds peak-KiB cpu-seconds".
timed() {
	/usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
		echo "bench-archive: $* failed:" >&2
		cat "$work/stderr.txt" >&2
		exit 1
	}
	awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$work/time.txt"
}
mib() { echo "$1" | awk '{printf "%.0f MiB", $1/1024}'; }

hand="$work/hand-sections.md"
: >"$hand"
$startup_only || handSections "$out" >"$hand"

{
	echo "# Benchmarks"
	echo
	echo "Made by \`scripts/bench-archive.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)."
	echo
	echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"
	echo "$(free -g | awk '/Mem:/{print $2}') GiB of memory, $(uname -sr); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo "The machine is shared, so wall-clock figures are noisy; CPU time is given where it tells more."
	echo "newsdiff is built with \`CGO_ENABLED=0 go build -trimpath\` and copied, as installing it copies it, except where a row says otherwise."
	echo
	echo "## A seed pair, whole process"
	echo
} >"$out"

a=articles/000_bcfc8e1eaa4c1094.txt
b=articles/001_9395587074693dba.txt
# hyperfine gives its -n names to the commands in order: each has one.
hyperfine -N -i -w 20 -r 300 --export-json "$work/pair.json" --style none \
	-n "newsdiff diff --format plain $a $b" "$nd diff --format plain $a $b" \
	-n "the same, newsdiff built by a plain go build" "$work/newsdiff-default diff --format plain $a $b" \
	-n "the same, newsdiff as the linker left it, not copied" "$work/newsdiff-linked diff --format plain $a $b" \
	-n "newsdiff --version" "$nd --version" \
	-n "probe: newsdiff's packages linked and initialised, nothing run" "$work/probe" \
	-n "empty Go program" "$work/empty" \
	-n "wdiff $a $b" "wdiff $a $b" \
	-n "dwdiff $a $b" "dwdiff $a $b" \
	-n "git diff --no-index --word-diff $a $b" "git diff --no-index --word-diff $a $b" >/dev/null
"$gen" -medians "$work/pair.json" | sed "s|$work/||g" >>"$out"
# inits CMD...: the median over 11 runs of CMD of its packages' init time.
inits() {
	for i in 1 2 3 4 5 6 7 8 9 10 11; do
		GODEBUG=inittrace=1 "$@" 2>&1 >/dev/null |
			awk '/^init /{ms += $5} END {printf "%.2f\n", ms}'
	done | sort -n | sed -n 6p
}
{
	echo
	echo "Package initialisation (GODEBUG=inittrace=1, median of 11 runs): $(inits "$nd" diff --format plain $a $b) ms in the diff, $(inits "$work/probe") ms in the probe."
	echo "The probe's time is the floor a run of newsdiff pays before main, whatever it does."
} >>"$out"
if $startup_only; then
	echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)." >>"$out"
	exit 0
fi

for n in $sizes; do
	dir="$work/archive-$n"
	if [ ! -f "$dir/.truth.tsv" ]; then
		rm -rf "$dir"
		"$gen" -src "$src" -n "$n" -out "$dir" >/dev/null
	fi
	rm -rf "$dir/.newsdiff" "$dir"/added-*.txt
	load=$(cut -d' ' -f1-3 /proc/loadavg)
	build=$(timed "$nd" index --quiet "$dir")
	open=$(timed "$nd" list "$dir")
	"$gen" -src "$src" -add 100 -out "$dir"
	add=$(timed "$nd" index --quiet "$dir")
	hyperfine -N -w 2 -r 10 --export-json "$work/open-$n.json" "$nd list $dir" --style none >/dev/null
	set -- $("$gen" -story 5 -out "$dir")
	story=$1 size=$2 left=$3 right=$4
	hyperfine -N -w 2 -r 10 --export-json "$work/story-$n.json" \
		"$nd matrix --story $story $dir" \
		"$nd quotes --story $story $dir" \
		"$nd diff --format plain --dir $dir $left $right" --style none >/dev/null
	quality=$("$gen" -eval "$dir" | sed -n 1,3p | tr '\n' ' ')

	# Ctrl-C during a first build, a second into it, or half-way through
	# one that takes less than two.
	delay=$(echo "$build" | awk '{d = $1 / 2; if (d > 1) d = 1; printf "%.2f", d}')
	cp "$dir/.newsdiff/index.db" "$work/index-$n.db"
	rm -rf "$dir/.newsdiff"
	"$nd" index --quiet "$dir" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	t0=$(date +%s%N)
	status=0
	if kill -INT "$pid" 2>/dev/null; then
		wait "$pid" || status=$?
	else
		wait "$pid" || true
		status="none (the build had finished)"
	fi
	t1=$(date +%s%N)
	mkdir -p "$dir/.newsdiff"
	mv "$work/index-$n.db" "$dir/.newsdiff/index.db"
	rm -f "$dir/.newsdiff/index.db-wal" "$dir/.newsdiff/index.db-shm"

	{
		echo
		echo "## $n articles"
		echo
		echo "| measure | time | CPU (user + system) | peak RSS |"
		echo "|---|---|---|---|"
		set -- $build
		echo "| build the index (\`newsdiff index\`, from nothing) | $1 s | $3 s | $(mib "$2") |"
		set -- $open
		echo "| open the indexed archive (\`newsdiff list\`) | $1 s | $3 s | $(mib "$2") |"
		set -- $add
		echo "| add 100 articles (\`newsdiff index\`) | $1 s | $3 s | $(mib "$2") |"
		echo "| Ctrl-C ${delay} s into a build | exited after $(( (t1 - t0) / 1000000 )) ms, status $status | | |"
		echo
		echo "Load average before the build: $load."
		echo
		echo "Index: $(du -h "$dir/.newsdiff/index.db" | cut -f1) for $(du -sh --exclude=.newsdiff "$dir" | cut -f1) of articles. Grouping: $quality"
		echo
		"$gen" -medians "$work/open-$n.json"
		echo
		echo "A story of $size articles (story $story):"
		echo
		"$gen" -medians "$work/story-$n.json"
	} | sed "s|$work/||g" >>"$out"
done
largest=$(echo $sizes | tr ' ' '\n' | sort -n | tail -1)
NEWSDIFF_BENCH_ARCHIVE="$work/archive-$largest" go test ./ui -run '^$' \
	-bench 'ArchiveOpenPair$' -benchtime 200x -count 1 >"$work/openpair.txt"
{
	echo
	echo "## Opening a pair in the reader, $largest articles"
	echo
	echo "BenchmarkArchiveOpenPair, 200 random pairs of the archive's articles, each read, segmented, compared, laid out and painted cold:"
	echo
	echo "| wall p50 | wall p99 | wall worst | CPU p50 | CPU p99 |"
	echo "|---|---|---|---|---|"
	awk '/^BenchmarkArchiveOpenPair/ {
		for (i = 3; i < NF; i++) v[$(i + 1)] = $i
		printf "| %s ms | %s ms | %s ms | %s ms | %s ms |\n", v["p50-ms"], v["p99-ms"], v["max-ms"], v["cpu-p50-ms"], v["cpu-p99-ms"]
	}' "$work/openpair.txt"
	echo
	echo "## A comparison as articles grow"
	echo
	scripts/bench-growth.sh 6
	echo
	echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
	if [ -s "$hand" ]; then
		echo
		cat "$hand"
	fi
} >>"$out"
echo "wrote $out" >&2
