package cli

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
)

// TestReportSaysWhatWasLeftOut checks that the report of a story larger
// than analysis.MaxArticles says, as the text header and the JSON do, that
// it covers part of the story. The page said "24 articles" and nothing
// more, so a reader took the first 24 articles' figures for the story's.
func TestReportSaysWhatWasLeftOut(t *testing.T) {
	dir, total := oversizedStory(t)
	le := newLocalEnv(t, false, "")
	if code := le.run("report", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	page := html.UnescapeString(le.out.String())
	want := analysis.Limit{Analysed: analysis.MaxArticles, Total: total}.Text(digits.Group)
	budget := fmt.Sprintf(" of %s articles are analysed: comparing more would take over %v", digits.Group(total), analysis.Budget)
	if !strings.Contains(page, "("+want+")") && !strings.Contains(page, budget+")") {
		t.Errorf("the report does not say %q:\n%s", want, page)
	}
}

// TestReportSaysWhyNoRunsWereLookedFor checks that the report's
// word-for-word section, when the analysis looked for no runs (articles
// past analysis.MaxVerbatimWords), says why rather than that no passage is
// shared word for word.
func TestReportSaysWhyNoRunsWereLookedFor(t *testing.T) {
	an := &analysis.Analysis{Story: &corpus.Story{Name: "long"}, VerbatimNote: analysis.VerbatimLimit{Words: analysis.MaxVerbatimWords + 1}}
	note := "word-for-word runs are not looked for: the articles have 400,001 words, over 400,000"
	var out bytes.Buffer
	if err := WriteHTMLReport(&out, "", []*analysis.Analysis{an}); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(out.String())
	if !strings.Contains(page, "("+note+")") {
		t.Errorf("the report lacks the note %q:\n%s", note, page)
	}
	if strings.Contains(page, "No passage is shared word for word") {
		t.Errorf("the report says no passage is shared, though none was looked for:\n%s", page)
	}
}
