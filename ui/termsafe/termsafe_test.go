package termsafe

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/newsdiff/newsdiff/corpus"
)

func TestDisplay(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII", "Trump said on Wednesday.\n", "Trump said on Wednesday.\n"},
		{"empty", "", ""},
		{"CJK", "特朗普呼吁俄罗斯", "特朗普呼吁俄罗斯"},
		{"emoji and a flag", "👩 💻 🇬🇧", "👩 💻 🇬🇧"},
		{"emoji joiner and skin tone dropped", "👩🏽‍💻 🇬🇧", "👩💻 🇬🇧"},
		{"combining marks", "e\u0301te\u0301", "e\u0301te\u0301"},
		{"curly quotes and dashes", "“Russia” – you’re", "“Russia” – you’re"},
		{"replacement character kept", "a\uFFFDb", "a\uFFFDb"},

		{"CSI colour", "\x1b[1;31mred\x1b[0m text", "red text"},
		{"CSI private mode", "a\x1b[?25lb", "ab"},
		{"CSI cut short by a letter-free byte", "a\x1b[31\nb", "a\nb"},
		{"CSI at end", "a\x1b[", "a"},
		{"OSC 52 clipboard write, BEL", "x\x1b]52;c;cm0gLXJmIH4=\x07y", "xy"},
		{"OSC 52 clipboard write, ST", "x\x1b]52;c;cm0gLXJmIH4=\x1b\\y", "xy"},
		{"OSC 8 hyperlink", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"OSC title ended by a new escape", "\x1b]0;title\x1b[31mred", "red"},
		{"OSC unterminated ends at its line", "a\x1b]0;title\nnext line", "a\nnext line"},
		{"DCS", "a\x1bPq#0;2;0;0;0#0~~\x1b\\b", "ab"},
		{"APC, PM and SOS", "\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\ok", "ok"},
		{"two-byte escapes", "\x1bcreset\x1b7saved\x1bM", "resetsaved"},
		{"charset designation", "\x1b(Bplain", "plain"},
		{"lone ESC", "a\x1b", "a"},
		{"ESC before non-ASCII", "\x1bé", "é"},
		{"double ESC", "\x1b\x1b[2Jx", "x"},

		{"8-bit CSI rune", "a\u009b31mred", "ared"},
		{"8-bit OSC rune, 8-bit ST", "a\u009d0;t\u009cb", "ab"},
		{"other C1 runes", "a\u0085b\u0080c\u0084d", "abcd"},
		{"8-bit APC string", "a\u009fpayload\u009cb", "ab"},
		{"raw 8-bit CSI byte is invalid UTF-8", "a\x9b31m", "a\uFFFD31m"},

		{"C0 controls", "a\x00b\x07c\x08d\x7fef", "abcdef"},
		{"vertical tab and form feed separate words", "form\x0cfeeds\x0bvertical", "form feeds vertical"},
		{"tab", "a\tb", "a b"},
		{"CRLF", "a\r\nb\r\n", "a\nb\n"},
		{"lone CR", "a\rb\r", "a\nb\n"},
		{"CR CR LF", "a\r\r\nb", "a\n\nb"},

		{"bidi override", "abc\u202Efdp.exe", "abcfdp.exe"},
		{"bidi isolates and marks", "\u2066x\u2069\u200e\u200f\u061cy\u202a\u202b\u202c\u202d", "xy"},

		{"NBSP", "stance\u00a0and", "stance and"},
		{"other Unicode spaces", "a\u2009b\u202fc\u3000d\u2002e\u1680f", "a b c d e f"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a\nb\nc"},

		{"soft hyphen", "news\u00adpaper", "newspaper"},
		{"zero-width space, word joiner, byte order mark", "a\u200bb\u2060c\ufeffd", "abcd"},
		// Kept: it spells the word, and measures 0 either way. It was
		// dropped, and diff printed the Persian "I want" joined wrong.
		{"zero-width non-joiner", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"},
		{"zero-width joiner", "\U0001F469\u200d\U0001F4BB", "\U0001F469\U0001F4BB"},
		{"emoji presentation selector", "I \u2764\ufe0f it \u263a\ufe0e", "I \u2764 it \u263a"},
		{"tag sequence flag", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F!", "\U0001F3F4!"},
		{"prepended concatenation mark", "\u0600\u0661\u0662", "\u0661\u0662"},
		{"skin tone alone", "tone: \U0001F3FD", "tone: "},
		{"lone regional indicator", "\U0001F1FA x", " x"},
		{"odd run of regional indicators", "\U0001F1FA\U0001F1F8\U0001F1EC.", "\U0001F1FA\U0001F1F8."},

		{"invalid UTF-8 bytes", "a\xffb\xc3(c", "a\uFFFDb\uFFFD(c"},
		{"truncated sequence at end", "ok\xe2\x80", "ok\uFFFD\uFFFD"},
		{"surrogate encoded", "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Display(tt.in); got != tt.want {
				t.Errorf("Display(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDisplayReturnsSafeInputUnchanged(t *testing.T) {
	in := strings.Repeat("“Russia, if you’re listening” — 特朗普 👍\n", 50)
	var out string
	allocs := testing.AllocsPerRun(10, func() { out = Display(in) })
	if out != in {
		t.Fatalf("Display changed safe text: %q", out)
	}
	if allocs != 0 {
		t.Errorf("Display of safe text made %v allocations, want 0", allocs)
	}
}

// FuzzOneLine checks OneLine's shortcut for text it returns unchanged
// against the long way round.
func FuzzOneLine(f *testing.F) {
	for _, s := range []string{
		"", "Trump asks Russia", " lead", "trail ", "two  spaces", "line\nbreak", "tab\there",
		"no\u00a0break", "“Russia, if you’re listening”", "a\u2028b", "\x1b[31mred", "\u0085nel",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := OneLine(s)
		if want := strings.Join(strings.Fields(Display(s)), " "); got != want {
			t.Fatalf("OneLine(%q) = %q, want %q", s, got, want)
		}
		// What OneLine promises, checked on its own rather than through
		// Display: a shortcut that returned s raw would fail here.
		checkSafe(t, "OneLine", s, got)
		if strings.ContainsRune(got, '\n') || strings.TrimSpace(got) != got || strings.Contains(got, "  ") {
			t.Fatalf("OneLine(%q) = %q: not one trimmed line", s, got)
		}
	})
}

// checkSafe fails unless got, what fn made of s, is valid UTF-8 with no
// control but the line feed: no C0 control, DEL, C1 control or bidi
// control.
func checkSafe(t *testing.T, fn, s, got string) {
	t.Helper()
	if !utf8.ValidString(got) {
		t.Fatalf("%s(%q) = %q: not valid UTF-8", fn, s, got)
	}
	for i, r := range got {
		switch {
		case r < 0x20 && r != '\n', r == 0x7f:
			t.Fatalf("%s(%q) = %q: control %U at byte %d", fn, s, got, r, i)
		case r >= 0x80 && r <= 0x9f:
			t.Fatalf("%s(%q) = %q: C1 control %U at byte %d", fn, s, got, r, i)
		case corpus.IsControlRune(r):
			t.Fatalf("%s(%q) = %q: bidi or other control %U at byte %d", fn, s, got, r, i)
		}
	}
}

func FuzzDisplay(f *testing.F) {
	for _, s := range []string{
		"plain text\n",
		"\x1b[1;31mred\x1b[0m",
		"\x1b]52;c;cm0gLXJmIH4=\x07",
		"\x1b]8;;x\x1b\\link\x1b]8;;\x1b\\",
		"\x1bPq#0~\x1b\\",
		"\u009b31m\u009d0;t\u009c",
		"a\u202eb\u2066c\u2069",
		"\r\n\r\t\x00\x7f",
		"\xff\xc3(\xe2\x80",
		"\u00a0\u3000\u2028",
		"特朗普 👩🏽‍💻 e\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Display(s)
		checkSafe(t, "Display", s, got)
		if again := Display(got); again != got {
			t.Fatalf("Display is not idempotent on %q: %q, then %q", s, got, again)
		}
	})
}

// TestDisplayWidthsAgree is a regression test: a soft hyphen measured 0
// cells in the reader and took 1 in tmux, so its row overflowed and the
// screen scrolled. After Display, every format character, variation
// selector and emoji sequence must measure the same by grapheme cluster
// (how the reader measures, ansi.StringWidth) as code point by code point
// (how terminals such as tmux draw, ansi.StringWidthWc); the format
// characters are invisible, so Display drops them all.
func TestDisplayWidthsAgree(t *testing.T) {
	check := func(what, s string) {
		t.Helper()
		d := Display(s)
		if g, w := ansi.StringWidth(d), ansi.StringWidthWc(d); g != w {
			t.Errorf("%s: Display(%+q) = %+q measures %d by cluster, %d by code point", what, s, d, g, w)
		}
	}
	each := func(tab *unicode.RangeTable, fn func(r rune)) {
		for _, r16 := range tab.R16 {
			for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
				fn(r)
			}
		}
		for _, r32 := range tab.R32 {
			for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
				fn(r)
			}
		}
	}
	n := 0
	each(unicode.Cf, func(r rune) {
		n++
		if d := Display(string(r)); d != "" && r != zeroWidthNonJoiner {
			t.Errorf("Display(%U) = %+q: a format character reaches the terminal", r, d)
		}
		for _, ctx := range []string{"a%sb", "\u0915%s\u0937", "\U0001F469%s\U0001F4BB", "\U0001F1EC%s\U0001F1E7", "1%s2"} {
			check(fmt.Sprintf("%U in %q", r, ctx), fmt.Sprintf(ctx, string(r)))
		}
	})
	if n < 150 {
		t.Fatalf("only %d format characters: the table is not Unicode's Cf", n)
	}
	each(unicode.Variation_Selector, func(r rune) {
		for _, base := range []string{"\u263a", "\u2764", "#", "\U0001F44D", "\u845b", "a"} {
			check(fmt.Sprintf("%U after %+q", r, base), base+string(r))
		}
	})
	for _, seq := range []string{
		"\U0001F44D\U0001F3FD",                       // thumbs up, medium skin tone
		"\U0001F468\u200d\U0001F469\u200d\U0001F467", // family: man, woman, girl
		"\U0001F469\U0001F3FD\u200d\U0001F4BB",       // woman technologist, skin tone
		"\U0001F3F3\ufe0f\u200d\U0001F308",           // rainbow flag
		"\U0001F1FA\U0001F1F8",                       // flag: United States
		"\U0001F1FA\U0001F1F8\U0001F1EC",             // a flag and a lone indicator
		"\U0001F1FA",                                 // a lone indicator
		"#\ufe0f\u20e3",                              // keycap
		"\u2764\ufe0f",                               // red heart, emoji presentation
		"\u263a\ufe0e",                               // smiling face, text presentation
		"\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", // flag: England
		"\U0001F9D1\u200d\U0001F91D\u200d\U0001F9D1",                             // people holding hands
		"\U0001F3FD", // a skin tone alone
	} {
		check("sequence", seq)
		check("sequence in text", "see "+seq+" here")
	}
}
