package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 without a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// TestUTF16WithoutBOM checks that UTF-16 text without a byte-order mark is
// called UTF-16, not binary, and that binary files stay binary.
func TestUTF16WithoutBOM(t *testing.T) {
	text := "Bridge vote\n\nThe council voted to open the bridge on Monday.\n"
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"little-endian", utf16Bytes(text, false), "UTF-16 text without a byte-order mark"},
		{"big-endian", utf16Bytes(text, true), "UTF-16 text without a byte-order mark"},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00"), "binary file (NUL byte at 7)"},
		{"one NUL in text", []byte("Title\n\nSome words\x00 and more words here.\n"), "binary file (NUL byte at 17)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.txt")
			os.WriteFile(path, tt.raw, 0o644)
			_, _, err := LoadFile(path)
			if err == nil || !strings.Contains(err.Error(), "skipped: "+tt.want) {
				t.Errorf("got %v, want a skip saying %q", err, tt.want)
			}
		})
	}
}

// TestFormFeedSeparatesWords checks that a form feed or vertical tab
// between words is whitespace, as a tab is, not a control that glues the
// words together ("formfeedsvertical").
func TestFormFeedSeparatesWords(t *testing.T) {
	a := Parse("a", []byte("Title\n\nform\ffeeds\vvertical tabs.\n"))
	var words []string
	for _, tok := range a.Tokens.All() {
		if tok.Kind == TokWord {
			words = append(words, a.Text(tok.Span))
		}
	}
	if got := strings.Join(words, "|"); got != "Title|form|feeds|vertical|tabs" {
		t.Errorf("words %q", got)
	}
	for _, tok := range a.Tokens.All() {
		if tok.Kind == TokControl {
			t.Errorf("control token %q", a.Text(tok.Span))
		}
	}
	if got := label("Front\fmatter\vtitle"); got != "Front matter title" {
		t.Errorf("label = %q", got)
	}
	if ControlLen("\f") != 0 || ControlLen("\v") != 0 || IsControlRune('\f') || IsControlRune('\v') {
		t.Error("form feed or vertical tab taken as a control")
	}
}
