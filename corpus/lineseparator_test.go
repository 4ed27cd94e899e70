package corpus

import (
	"testing"
	"testing/fstest"
)

// TestTitleEndsAtLineSeparator is a regression test: a title ended by a
// line or paragraph separator (U+2028, U+2029) ran on into the first
// paragraph, "Title here Para one is here." in the list and the diff's
// header, though the passages were split at it. A curly quote, whose
// UTF-8 starts as the separators' does, ends nothing.
func TestTitleEndsAtLineSeparator(t *testing.T) {
	for _, tc := range []struct{ text, title string }{
		{"Title here\u2029\u2029Para one is here.\u2028Line two is here.\n", "Title here"},
		{"Title here\u2028Para one is here.\n", "Title here"},
		{"\u2029Title here\u2029\u2029Para one is here.\n", "Title here"},
		{"Trump’s “title” here\n\nPara one is here.\n", "Trump’s “title” here"},
		{"Title here\r\n\r\nPara one is here.\r\n", "Title here"},
	} {
		c, _, err := LoadFS(fstest.MapFS{"t.txt": {Data: []byte(tc.text)}}, "s")
		if err != nil || len(c.Articles()) != 1 {
			t.Fatalf("%+q: %v", tc.text, err)
		}
		if got := c.Articles()[0].Title; got != tc.title {
			t.Errorf("%+q: title %+q, want %+q", tc.text, got, tc.title)
		}
	}
}

// TestNextLineSeparators: nextLine ends a line at U+2028 and U+2029 as at
// a line feed, and at nothing else that begins as their UTF-8 does.
func TestNextLineSeparators(t *testing.T) {
	for _, tc := range []struct {
		in    string
		line  string
		after string
	}{
		{"a\nb", "a", "b"},
		{"a\r\nb", "a", "b"},
		{"a\rb", "a", "b"},
		{"a\u2028b", "a", "b"},
		{"a\u2029\nb", "a", "\nb"},
		{"a’b\nc", "a’b", "c"},
		{"a\xe2\x80", "a\xe2\x80", ""},
		{"abc", "abc", ""},
	} {
		line, next := nextLine([]byte(tc.in), 0)
		if string(line) != tc.line || tc.in[next:] != tc.after {
			t.Errorf("nextLine(%+q) = %+q, then %+q; want %+q, then %+q", tc.in, line, tc.in[next:], tc.line, tc.after)
		}
	}
}
