package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
)

// maxFuzzView bounds each fuzzed article: the screen's safety and fit
// are under test here, not the comparison of long articles.
const maxFuzzView = 2 << 10

// ownEscapes returns view without the escape sequences the reader itself
// writes: SGR styling (CSI … m) and OSC 8 hyperlinks of printable ASCII,
// ended by ST. Any other escape sequence is left where it is.
func ownEscapes(view string) string {
	var b strings.Builder
	for len(view) > 0 {
		i := strings.IndexByte(view, 0x1b)
		if i < 0 {
			b.WriteString(view)
			break
		}
		b.WriteString(view[:i])
		view = view[i:]
		if n := sgrLen(view); n > 0 {
			view = view[n:]
			continue
		}
		if n := hyperlinkLen(view); n > 0 {
			view = view[n:]
			continue
		}
		b.WriteByte(view[0])
		view = view[1:]
	}
	return b.String()
}

// sgrLen is the length of the SGR sequence s starts with, or 0.
func sgrLen(s string) int {
	if !strings.HasPrefix(s, "\x1b[") {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0
		}
	}
	return 0
}

// hyperlinkLen is the length of the OSC 8 sequence s starts with, or 0.
func hyperlinkLen(s string) int {
	if !strings.HasPrefix(s, "\x1b]8;") {
		return 0
	}
	end := strings.Index(s, "\x1b\\")
	if end < 0 {
		return 0
	}
	for _, c := range []byte(s[4:end]) {
		if c < 0x21 || c > 0x7e {
			return 0
		}
	}
	return end + 2
}

// FuzzView shows two arbitrary articles in each of the reader's views, in
// colour: nothing of theirs may reach the terminal as a control (every
// escape sequence left is the reader's own styling or link), and each
// view must fill the terminal exactly.
func FuzzView(f *testing.F) {
	for _, s := range [][2]string{
		{"Title\n\nThe council voted to open the bridge on Monday, said the mayor.\n", "Title\n\nThe council voted to open the bridge on Tuesday, the mayor said.\n"},
		{"Evil headline\x1b]0;pwned\x07\n\nThe \x1b[31mred\x1b[0m text \x1b]52;c;aGVsbG8=\x07 copies\u202e and\u00a0more. “A quote here,” he said.\n", "T\n\n“A quote there,” he said. \u009b2J \u2066x\u2069 \xff\xfe.\n"},
		{"---\noutlet: \x1b[1mO\u0085ut\nurl: javascript:alert(1)\ndate: 2016-07-27\n---\n特朗普 👩🏽‍💻 e\u0301\n\n\tTab\u00ad soft\u200b zero.\n", "---\nurl: https://x.example/\x1b\\\n---\nT\n\nOne 2 three 4,000 on Monday.\n"},
	} {
		f.Add(s[0], s[1])
	}
	const width, height = 100, 24
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > maxFuzzView || len(b) > maxFuzzView {
			t.Skip()
		}
		c := pairCorpus(t, "fuzz", a, b)
		if len(c.Articles()) == 0 {
			return
		}
		for _, keys := range [][]string{nil, {"v"}, {"tab", "enter", "enter"}, {"2"}, {"3"}, {"4"}, {"5"}} {
			m := newModelOpts(t, c, width, height, Options{Renderer: renderer(termenv.TrueColor)})
			m = press(m, keys...)
			view := m.View()
			rest := ownEscapes(view)
			if !utf8.ValidString(rest) {
				t.Fatalf("keys %q: invalid UTF-8 on screen: %q", keys, rest)
			}
			for i, r := range rest {
				if r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || corpus.IsControlRune(r)) {
					t.Fatalf("keys %q: control %U at byte %d of the screen:\n%q", keys, r, i, rest)
				}
			}
			lines := strings.Split(view, "\n")
			if len(lines) != height {
				t.Fatalf("keys %q: %d lines on a screen of %d:\n%s", keys, len(lines), height, ansi.Strip(view))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w != width {
					t.Fatalf("keys %q: line %d is %d cells wide, the screen %d: %q", keys, i, w, width, ansi.Strip(l))
				}
			}
		}
	})
}
