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
// reading as a story with none.
func TestSharedSaysWhyNoRunsWereLookedFor(t *testing.T) {
	note := analysis.VerbatimLimitNote(analysis.MaxVerbatimWords + 1)
	an := &analysis.Analysis{Story: &corpus.Story{Name: "long"}, VerbatimNote: note}
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
	if got.Note != note {
		t.Errorf("JSON note %q, want %q", got.Note, note)
	}
}
