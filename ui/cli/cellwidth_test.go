package cli

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestNarrowAlone checks cellWidth's shortcut against ansi.StringWidth:
// each character narrowAlone takes is one cell alone, and beside any
// other it takes or any printable ASCII character, so that no pair of
// them makes one grapheme cluster. Grapheme clusters join pairwise,
// except through emoji, regional indicators and Indic conjuncts, none of
// which the set holds.
func TestNarrowAlone(t *testing.T) {
	var set []string
	for r := rune(0x20); r <= 0x20ff; r++ {
		if r < 0x7f {
			set = append(set, string(r))
			continue
		}
		if !narrowAlone(r) {
			continue
		}
		if w := ansi.StringWidth(string(r)); w != 1 {
			t.Errorf("%U: %d cells alone, want 1", r, w)
		}
		set = append(set, string(r))
	}
	if len(set) < 300 {
		t.Fatalf("only %d characters taken", len(set))
	}
	for _, a := range set {
		for _, b := range set {
			if w := ansi.StringWidth(a + b); w != 2 {
				t.Errorf("%q: %d cells, want 2", a+b, w)
			}
		}
	}
}

// TestCellWidth checks cellWidth against ansi.StringWidth where the
// shortcut takes the string and where it must hand it on.
func TestCellWidth(t *testing.T) {
	for _, s := range []string{
		"",
		"Outlet 32",
		"Crisis — what “they” said… £10 · 5½ × 3",
		"Zoë Müller’s café",
		"e\u0301 combined",                     // an accent that combines
		"café\u0301",                           // after a character the shortcut takes
		"©\ufe0f sign",                         // emoji presentation
		"soft\u00adhyphen",                     // a format character
		"中文标题",                                 // wide
		"ಕನ್ನಡ",                                // a conjunct
		"tab\there",                            // a control
		"\x1b[31mred\x1b[0m",                   // an escape sequence
		"\x9b31m",                              // a C1 control introducer
		"bad \xff byte",                        // not UTF-8
		"replacement \ufffd",                   // U+FFFD as it is
		"flag \U0001F1EB\U0001F1F7 and — dash", // regional indicators
		"line\u2028break",
		"zero\u200bwidth",
		"joined\u200d—",
	} {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
