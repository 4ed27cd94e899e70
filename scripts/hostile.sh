#!/usr/bin/env bash
# hostile.sh builds a corpus of hostile and unlucky inputs, runs every
# newsdiff command on it under a virtual-memory limit and a time limit, and
# prints a table: input, command, exit status, seconds, peak RSS.
#
#   scripts/hostile.sh [BINARY]        (default: builds ./newsdiff first)
#
# Environment: HOSTILE_VMEM (KiB for ulimit -v, default 4194304 = 4 GiB: the
# Go runtime reserves address space up front, so this is a backstop; the
# memory guarantee, 256 MiB a comparison, is read from the peak RSS
# column), HOSTILE_TIMEOUT (seconds per command, default 30), HOSTILE_DIR
# (where to build the inputs; default a temporary directory, removed after).
#
# The guarantees it checks are the README's "Limits": every input within
# the limits ends in time with a one-line reason or a result, never a crash
# (a Go panic or fatal error, 124 from timeout, 137 from the kernel), within
# 256 MiB, and nothing raw reaches the terminal (checked by grepping stdout
# and stderr for escape sequences other than colour, C1 and bidi controls;
# JSON escapes them). Rows that break a guarantee end in "FAIL".
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-}
if [ -z "$bin" ]; then
	CGO_ENABLED=0 go build -o newsdiff . && bin=./newsdiff
fi
bin=$(realpath "$bin")
vmem=${HOSTILE_VMEM:-4194304}
limit=${HOSTILE_TIMEOUT:-30}
dir=${HOSTILE_DIR:-$(mktemp -d)}
keep=${HOSTILE_DIR:+yes}
cleanup() { [ -n "$keep" ] || rm -rf "$dir"; }
trap cleanup EXIT
mkdir -p "$dir"

# --- the inputs -------------------------------------------------------------
gen() { # gen SEED SENTENCES: varied prose over a 5,000-word vocabulary
	awk -v seed="$1" -v n="$2" 'BEGIN {
		srand(seed)
		for (i = 0; i < 5000; i++) {
			w = ""; l = 3 + int(rand() * 7)
			for (j = 0; j < l; j++) w = w sprintf("%c", 97 + int(rand() * 26))
			v[i] = w
		}
		print "A generated title " seed "\n"
		for (s = 0; s < n; s++) {
			k = 8 + int(rand() * 20); line = ""
			for (j = 0; j < k; j++) {
				x = int(5000 * rand() * rand())
				line = line (j ? " " : "") v[x]
			}
			printf "%s%s. ", toupper(substr(line, 1, 1)), substr(line, 2)
			if (s % 4 == 3) printf "\n\n"
		}
		print ""
	}'
}
sentence="The council met on Tuesday and voted to rebuild the old bridge over the river."
{ echo "Repeated"; echo; for _ in $(seq 50000); do printf '%s ' "$sentence"; done; echo; } >"$dir/repeat50k.txt"
{ echo "Repeated"; echo; for _ in $(seq 8000); do printf '%s\n\n' "$sentence"; done; } >"$dir/repeat8k.txt"
gen 1 60000 >"$dir/prose5m.txt" && truncate -s $((5 * 1024 * 1024)) "$dir/prose5m.txt"
gen 5 60000 >"$dir/prose5m-b.txt" && truncate -s $((5 * 1024 * 1024)) "$dir/prose5m-b.txt"
# The text model's worst cases at 5 MiB: a sentence a few bytes long
# (700,000 of them), no word twice (1.2 million distinct words), and one
# sentence of 2.6 million commas.
short() { # short SEED: 5 MiB of two-word sentences
	awk -v seed="$1" 'BEGIN { srand(seed); print "Short sentences\n"
		for (s = 0; s < 760000; s++) {
			printf "%c%c %c%c. ", 65 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26)
			if (s % 5 == 4) printf "\n\n"
		}
	}'
}
short 8 >"$dir/short5m.txt" && truncate -s $((5 * 1024 * 1024)) "$dir/short5m.txt"
short 18 >"$dir/short5m-b.txt" && truncate -s $((5 * 1024 * 1024)) "$dir/short5m-b.txt"
# A file against itself shares one text model (corpus.ShareText); a copy
# with one byte changed is two, paired paragraph by paragraph: peaks of
# about 215, 215, 250 and 235 MiB for the four short5m rows below.
cp "$dir/short5m.txt" "$dir/short5m-c.txt" && printf 'Q' | dd of="$dir/short5m-c.txt" bs=1 seek=$((5 * 512 * 1024)) conv=notrunc 2>/dev/null
distinct() { # distinct SEED: 5 MiB of words never used twice
	awk -v seed="$1" 'BEGIN { srand(seed); print "Distinct words\n"
		for (s = 0; s < 40000; s++) {
			k = 8 + int(rand() * 20)
			for (j = 0; j < k; j++) {
				l = 4 + int(rand() * 7); w = ""
				for (c = 0; c < l; c++) w = w sprintf("%c", 97 + int(rand() * 26))
				printf "%s%s", (j ? " " : ""), w
			}
			printf ". "
			if (s % 4 == 3) printf "\n\n"
		}
	}'
}
distinct 9 >"$dir/distinct5m.txt" && truncate -s $((5 * 1024 * 1024)) "$dir/distinct5m.txt"
distinct 19 >"$dir/distinct5m-b.txt" && truncate -s $((5 * 1024 * 1024)) "$dir/distinct5m-b.txt"
awk 'BEGIN { print "Commas\n"; for (i = 0; i < 2700000; i++) printf "a," }' >"$dir/commas5m.txt" && truncate -s $((5 * 1024 * 1024)) "$dir/commas5m.txt"
gen 2 8000 >"$dir/long-a.txt"
gen 3 8000 >"$dir/long-b.txt"
printf 'Title\n\nA \033]0;pwned\a title \033[2J clear \033]52;c;aGk=\a clip \302\233 c1 \342\200\256 rtl \342\201\246 isolate \177 del \302\255 soft\302\255hyphen \342\200\213 zwsp \360\237\221\215\360\237\217\275 emoji form\014feed vertical\013tab.\n\nA second sentence, "quoted," he said. Another sentence here.\n' >"$dir/escapes.txt"
printf 'Title\n\nOther \033[31m red\033[0m words. A second sentence, "quoted," she said.\n' >"$dir/escapes2.txt"
mkdir -p "$dir/names"
printf 'One\n\nA line.\n' >"$dir/names/$(printf 'new\nline.txt')"
printf 'Two\n\nA line.\n' >"$dir/names/$(printf 'esc\033]0;x\a.txt')"
printf 'Three\n\nnewsdiff: warning: 3 files OK\n' >"$dir/names/$(printf 'forge\nnewsdiff: warning: 3 files OK.txt')"
ln -sf loop-b.txt "$dir/names/loop-a.txt"
ln -sf loop-a.txt "$dir/names/loop-b.txt"
printf 'T\0i\0t\0l\0e\0\n\0' >"$dir/names/utf16-nobom.txt"
printf 'bin\0ary' >"$dir/names/binary.txt"
: >"$dir/names/empty.txt"
gen 4 60000 >"$dir/names/over-limit.txt" && truncate -s $((5 * 1024 * 1024 + 1)) "$dir/names/over-limit.txt"
mkdir -p "$dir/flat20k"
awk -v d="$dir/flat20k" 'BEGIN { srand(7)
	for (f = 0; f < 20000; f++) {
		file = sprintf("%s/a%05d.txt", d, f)
		printf "Story %d about item %d\n\n", f % 1000, f > file
		for (s = 0; s < 4; s++) printf "Sentence %d of %d tells of %d things and %d more. ", s, f, int(rand()*1000), f % 97 > file
		print "" > file; close(file)
	}
}'

# --- running ----------------------------------------------------------------
printf '%-22s %-44s %6s %8s %10s  %s\n' input command status seconds "peak RSS" verdict
run() { # run INPUT-LABEL ARGS...
	local label=$1; shift
	local out err tf status secs rss verdict
	out=$(mktemp) err=$(mktemp) tf=$(mktemp)
	set +e
	(ulimit -v "$vmem"; cd "$dir" && timeout -s INT -k 5 "$limit" /usr/bin/time -f '%e %M' -o "$tf" "$bin" "$@" >"$out" 2>"$err" </dev/null)
	status=$?
	set -e
	read -r secs rss < <(tail -n 1 "$tf") 2>/dev/null || true; [[ $rss =~ ^[0-9]+$ ]] || { secs=-; rss=0; }
	verdict=ok
	case $status in 124 | 130 | 134 | 137 | 139) verdict="FAIL status" ;; esac
	grep -qE '^(panic: |fatal error: |SIGABRT|goroutine [0-9]+ )' "$err" && verdict="FAIL crash"
	[ "$rss" -le $((256 * 1024)) ] || verdict="FAIL over 256 MiB"
	# Colour (SGR) is the one escape sequence an --color always run may
	# write; anything else, or any C1 or bidi control, is raw.
	if sed -E 's/\x1b\[[0-9;]*m//g' "$out" "$err" | grep -qaP '\x1b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'; then
		verdict="FAIL raw control"
	fi
	[ "$(wc -l <"$err")" -le 40 ] || verdict="$verdict (stderr $(wc -l <"$err") lines)"
	# The command holds the hostile arguments: shown with their control
	# bytes made visible (cat -v), not sent to the terminal running this.
	printf '%-22s %-44.44s %6s %8s %7d MiB  %s\n' "$label" "$(printf '%s' "$*" | cat -v)" "$status" "$secs" $((rss / 1024)) "$verdict"
	rm -f "$out" "$err" "$tf"
}
run repeat50k diff repeat50k.txt ./repeat50k.txt --format plain
run repeat50k diff repeat50k.txt ./repeat50k.txt --format json
run repeat8k diff repeat8k.txt ./repeat8k.txt
run prose5m diff prose5m.txt ./prose5m.txt --format plain
run prose5m diff prose5m.txt ./prose5m.txt --format json
run prose5m diff prose5m.txt prose5m-b.txt --format plain
run short5m diff short5m.txt ./short5m.txt --format plain
run short5m diff short5m.txt ./short5m.txt --format json
run short5m diff short5m.txt short5m-b.txt --format plain
run short5m diff short5m.txt short5m-c.txt --format plain
run distinct5m diff distinct5m.txt ./distinct5m.txt --format plain
run distinct5m diff distinct5m.txt distinct5m-b.txt --format plain
run commas5m diff commas5m.txt ./commas5m.txt --format plain
run long8k diff long-a.txt long-b.txt
run escapes diff escapes.txt escapes2.txt --format plain
run escapes diff escapes.txt escapes2.txt --format ansi --color always
run escapes diff escapes.txt escapes2.txt --format json
run escapes diff escapes.txt escapes2.txt --format html
for cmd in list quotes matrix unique shared facts; do
	run names "$cmd" names
	run flat20k "$cmd" flat20k
done
for cmd in quotes unique shared facts; do
	run names "$cmd" names --format json
done
run flat20k report flat20k
run argument list "$(printf 'x\033]0;pwned\a\033[2J')"
run argument "$(printf 'bogus\033[2J')"
run argument diff --"$(printf 'x\033]0;t\a')" a b
