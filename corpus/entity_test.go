package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeReferences(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no references", "no references"},
		{"Clinton &#124; Trump", "Clinton | Trump"},
		{"AT&amp;T &#x2014; and &quot;more&quot;", "AT&T — and \"more\""},
		{"Q&A, AT&T and R&copy shop", "Q&A, AT&T and R&copy shop"},
		{"&amp;#124;", "&#124;"}, // once: the file said "&#124;" in HTML
		{"escape &#27;[31m and &#x202E; stay", "escape &#27;[31m and &#x202E; stay"},
		{"&#0; &#x110000; &bogus; & ;", "&#0; &#x110000; &bogus; & ;"},
		{"trailing &", "trailing &"},
		{"&lt;&gt;&#60;", "<><"},
		{"&nbsp;spaces", "\u00a0spaces"},
	}
	for _, tt := range tests {
		if got := string(decodeReferences([]byte(tt.in))); got != tt.want {
			t.Errorf("decodeReferences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLoadDecodesReferences checks that a loaded article shows decoded
// text, title included.
func TestLoadDecodesReferences(t *testing.T) {
	dir := t.TempDir()
	text := "Trump &#124; Russia\n\nHe said &quot;find the emails&quot; on Wednesday.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c, _, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := c.Articles()[0]
	if a.Title != "Trump | Russia" {
		t.Errorf("title %q, want %q", a.Title, "Trump | Russia")
	}
	if body := a.Text(a.Body); strings.Contains(body, "&") || !strings.Contains(body, `"find the emails"`) {
		t.Errorf("body %q still has references", body)
	}
}

func FuzzDecodeReferences(f *testing.F) {
	for _, s := range []string{"a &amp; b", "&#124;", "&#27;[0m", "&#x202e;", "&&&;;", "&CounterClockwiseContourIntegral;", "&#xD800;"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		out := decodeReferences(raw)
		// Decoding never makes text unsafe: it adds no control rune and
		// no invalid UTF-8.
		count := func(b []byte) (controls, invalid int) {
			for i := 0; i < len(b); {
				r, n := utf8.DecodeRune(b[i:])
				if r == utf8.RuneError && n == 1 {
					invalid++
				} else if IsControlRune(r) || isControl(r) {
					controls++
				}
				i += n
			}
			return
		}
		c0, i0 := count(raw)
		c1, i1 := count(out)
		if c1 > c0 || i1 > i0 {
			t.Errorf("decodeReferences(%q) = %q: %d controls and %d invalid bytes, from %d and %d", raw, out, c1, i1, c0, i0)
		}
		if !strings.Contains(string(raw), "&") && string(out) != string(raw) {
			t.Errorf("text without & changed: %q to %q", raw, out)
		}
	})
}
