#!/bin/sh
# screenshot.sh makes docs/screenshot.png: the reader comparing Al Jazeera
# with TRT World side by side on the embedded corpus, in a 160×45 terminal.
#
# It builds newsdiff, runs it in a private tmux server, picks the pair with
# the keys a reader would press, captures the screen with its colours,
# turns that into HTML (scripts/ansi2html) and photographs the page with
# headless Chromium. Needs go, tmux and chromium (CHROMIUM names another
# binary). An argument names another output file.
set -eu

cd "$(dirname "$0")/.."
out=${1:-docs/screenshot.png}
cols=160
rows=45
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || echo chromium)}

work=$(mktemp -d)
sock="$work/tmux.sock"
cleanup() {
	tmux -S "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

go build -o "$work/newsdiff" .
go build -o "$work/ansi2html" ./scripts/ansi2html

# A dark background, 24-bit colour, and no tmux configuration but keeping
# the pane if the program exits (so its last words can be shown): the same
# picture on every machine.
echo "set -g remain-on-exit on" >"$work/tmux.conf"
tmux -S "$sock" -f "$work/tmux.conf" new-session -d -s shot -x "$cols" -y "$rows" \
	env TERM=xterm-256color COLORTERM=truecolor COLORFGBG='15;0' "$work/newsdiff"

screen() { tmux -S "$sock" capture-pane -p -t shot; }
keys() { tmux -S "$sock" send-keys -t shot "$@"; }
wait_for() {
	i=0
	until screen | grep -qF -- "$1"; do
		i=$((i + 1))
		if [ "$i" -ge 200 ] || [ "$(tmux -S "$sock" display-message -p -t shot '#{pane_dead}')" = 1 ]; then
			echo "screenshot.sh: timed out waiting for \"$1\"; the screen shows:" >&2
			screen >&2
			exit 1
		fi
		sleep 0.05
	done
}

wait_for COMPARE
# Left: Al Jazeera (the fourth article); right: TRT World (the fifth).
keys Tab j j j Enter
wait_for "pick the right side"
keys j Enter
wait_for "━━ TRT World"
# Down to the first passages both outlets carry, one of them moved.
keys n n n n
wait_for "change 4/"
sleep 0.2

tmux -S "$sock" capture-pane -e -p -N -t shot >"$work/screen.ansi"
"$work/ansi2html" -title "newsdiff: Al Jazeera vs TRT World" <"$work/screen.ansi" >"$work/screen.html"

# The page's cells are about 9.03×18.75 px (15 px DejaVu Sans Mono, line
# height 1.25) inside a margin of 12 px by 14.
width=$((cols * 903 / 100 + 30))
height=$((rows * 1875 / 100 + 26))
mkdir -p "$(dirname "$out")"
case $out in
/*) abs=$out ;;
*) abs=$PWD/$out ;;
esac
rm -f "$abs"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--hide-scrollbars --force-device-scale-factor=1 \
	--user-data-dir="$work/chromium" --window-size="$width,$height" \
	--screenshot="$abs" "file://$work/screen.html" >"$work/chromium.log" 2>&1 || true
if [ ! -s "$abs" ]; then
	echo "screenshot.sh: $chromium made no screenshot:" >&2
	cat "$work/chromium.log" >&2
	exit 1
fi
echo "wrote $out"
