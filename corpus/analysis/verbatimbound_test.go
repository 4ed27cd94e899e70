package analysis

import (
	"context"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestVerbatimRunsAreBoundedBySize is the regression test for the reader
// on two 5 MiB files: looking for verbatim runs among their 2.8 million
// words held some 300 MB of word grams. Past MaxVerbatimWords the analysis
// looks for none and says so; below it, it finds them.
func TestVerbatimRunsAreBoundedBySize(t *testing.T) {
	copied := "The council of Millbrook voted on Tuesday to approve a new bridge over the river after a long debate. "
	for _, tc := range []struct {
		name   string
		repeat int // paragraphs of copy in each article
		runs   bool
	}{
		{"small", 3, true},
		{"large", MaxVerbatimWords/2/18 + 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := strings.Repeat(copied+"\n\n", tc.repeat)
			s := &corpus.Story{Name: "copy", Articles: []*corpus.Article{
				testcorpus.Article("a", "One\n\n"+body),
				testcorpus.Article("b", "Two\n\n"+body),
			}}
			an, err := Analyze(context.Background(), s, nil)
			if err != nil {
				t.Fatal(err)
			}
			words := s.Articles[0].ProseWords() + s.Articles[1].ProseWords()
			if got := len(an.Verbatim) > 0; got != tc.runs {
				t.Errorf("%d words: verbatim runs found %v, want %v", words, got, tc.runs)
			}
			if tc.runs && an.VerbatimNote != (VerbatimLimit{}) {
				t.Errorf("%d words: note %q, want none", words, an.VerbatimNote)
			}
			if !tc.runs && an.VerbatimNote != (VerbatimLimit{Words: words}) {
				t.Errorf("%d words: note %q, want %q", words, an.VerbatimNote, VerbatimLimit{Words: words})
			}
		})
	}
}
