package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestSharedSaysWhyNoRunsWereLookedFor checks that the shared passages,
// as text and JSON, carry the analysis's note when it looked for no
// verbatim runs (articles past analysis.MaxVerbatimWords), rather than
// reading as a story with none: its counts grouped for people in the
// text, bare in the JSON as every JSON count is.
func TestSharedSaysWhyNoRunsWereLookedFor(t *testing.T) {
	an := &analysis.Analysis{Story: &corpus.Story{Name: "long"}, VerbatimNote: analysis.VerbatimLimit{Words: analysis.MaxVerbatimWords + 1}}
	note := "word-for-word runs are not looked for: the articles have 400,001 words, over 400,000"
	jsonNote := "word-for-word runs are not looked for: the articles have 400001 words, over 400000"
	var text bytes.Buffer
	if err := writeShared(&text, "text", an); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "("+note+")") {
		t.Errorf("text output lacks the note:\n%s", text.String())
	}
	var out bytes.Buffer
	if err := writeShared(&out, "json", an); err != nil {
		t.Fatal(err)
	}
	var got struct{ Note string }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Note != jsonNote {
		t.Errorf("JSON note %q, want %q", got.Note, jsonNote)
	}
}
