package quote

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestAttributionReadsVisibleText checks that an escape sequence, a bidi
// control or a stray byte inside or around a speaker's name neither stops
// the attribution nor cuts the name: the speaker is the name as a reader
// sees it, holding none of the controls, while the quote's parts still
// point at the article's own bytes, controls included, on its tokens'
// boundaries, with its words counted.
func TestAttributionReadsVisibleText(t *testing.T) {
	tests := []struct {
		name, text, speaker, quoted string
	}{
		{"bidi isolate inside the name after the verb",
			"“We will open the bridge to everyone in the spring,” said Mayor Sm\u2066ith.",
			"Smith", "We will open the bridge to everyone in the spring"},
		{"escape sequences around the name before the verb",
			"Mayor \x1b[1mJane Ortiz\x1b[0m said: “We will open the bridge to everyone in the spring.”",
			"Jane Ortiz", "We will open the bridge to everyone in the spring."},
		{"escape sequence inside a first name",
			"Mayor Jo\x1b[1mhn Smith said: “We will close the bridge to everyone in the spring.”",
			"John Smith", "We will close the bridge to everyone in the spring."},
		{"C1 control inside the verb, stray byte inside the quote",
			"“The bridge will \xffopen in the spring, for everyone,” sa\u0085id Mayor Jane Ortiz.",
			"Jane Ortiz", "The bridge will \xffopen in the spring, for everyone"},
		{"escape sequence inside a quoted word",
			"“The bri\x1b[1mdge will open in the spring,” said Mayor Jane Ortiz.",
			"Jane Ortiz", "The bri\x1b[1mdge will open in the spring"},
		{"controls in the sentence before a pronoun",
			"Mayor Jane \u202eOrtiz\u202c opened the meeting on Monday.\n\n“We will rebuild the bridge before winter,” she said.",
			"Jane Ortiz", "We will rebuild the bridge before winter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := "Title\n\n" + tt.text + "\n"
			// Byte for byte: Parse, as the loader, drops the controls.
			a := corpus.ParseVerbatim("a", []byte(raw))
			qs := Extract(a)
			if len(qs) != 1 {
				t.Fatalf("%d quotes, want 1", len(qs))
			}
			if err := checkQuotes(a, qs); err != nil {
				t.Error(err)
			}
			q := qs[0]
			if q.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
			if got := q.Text(); got != tt.quoted {
				t.Errorf("quoted %q, want %q", got, tt.quoted)
			}
			if want := strings.Index(raw, tt.quoted); q.Span.Start != want || q.Span.End != want+len(tt.quoted) {
				t.Errorf("span %v, want [%d, %d)", q.Span, want, want+len(tt.quoted))
			}
			if want := strings.Count(raw[:strings.Index(raw, tt.quoted)], "\n\n"); q.Para != want {
				t.Errorf("paragraph %d, want %d", q.Para, want)
			}
		})
	}
}
