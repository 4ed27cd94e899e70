package cli

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestWithStoryLimit: the note of a story read in part counts the whole
// story, whether or not the analysis cut the part further, and the
// analysis given (perhaps the cache's) is left as it was.
func TestWithStoryLimit(t *testing.T) {
	arts := func(n int) []*corpus.Article { return make([]*corpus.Article, n) }
	for _, tt := range []struct {
		name     string
		analysed int
		own      analysis.Limit // the analysis's own note
		read     analysis.Limit // the command's, of the story read in part
		want     analysis.Limit
	}{
		{"all read, none cut", 5, analysis.Limit{}, analysis.Limit{}, analysis.Limit{}},
		{"read in part", 24, analysis.Limit{}, analysis.Limit{Analysed: 24, Total: 25}, analysis.Limit{Analysed: 24, Total: 25}},
		{"read in part, then cut by time", 20, analysis.Limit{Analysed: 20, Total: 24, Timed: true},
			analysis.Limit{Analysed: 24, Total: 25}, analysis.Limit{Analysed: 20, Total: 25, Timed: true}},
		{"all read, cut by time", 20, analysis.Limit{Analysed: 20, Total: 24, Timed: true},
			analysis.Limit{}, analysis.Limit{Analysed: 20, Total: 24, Timed: true}},
	} {
		an := &analysis.Analysis{Articles: arts(tt.analysed), Note: tt.own}
		got := withStoryLimit(an, tt.read)
		if got.Note != tt.want {
			t.Errorf("%s: note %+v, want %+v", tt.name, got.Note, tt.want)
		}
		if an.Note != tt.own {
			t.Errorf("%s: the analysis given was changed: note %+v", tt.name, an.Note)
		}
	}
}
