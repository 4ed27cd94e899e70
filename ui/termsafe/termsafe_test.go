package termsafe

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

func TestDisplay(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain ASCII", "Trump said on Wednesday.\n", "Trump said on Wednesday.\n"},
		{"empty", "", ""},
		{"CJK", "特朗普呼吁俄罗斯", "特朗普呼吁俄罗斯"},
		{"emoji with joiner and skin tone", "👩🏽‍💻 🇬🇧", "👩🏽‍💻 🇬🇧"},
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
		if !utf8.ValidString(got) {
			t.Fatalf("Display(%q) = %q: not valid UTF-8", s, got)
		}
		for i, r := range got {
			switch {
			case r < 0x20 && r != '\n', r == 0x7f:
				t.Fatalf("Display(%q) = %q: control %U at byte %d", s, got, r, i)
			case r >= 0x80 && r <= 0x9f:
				t.Fatalf("Display(%q) = %q: C1 control %U at byte %d", s, got, r, i)
			case corpus.IsControlRune(r):
				t.Fatalf("Display(%q) = %q: bidi or other control %U at byte %d", s, got, r, i)
			}
		}
		if again := Display(got); again != got {
			t.Fatalf("Display is not idempotent on %q: %q, then %q", s, got, again)
		}
	})
}
