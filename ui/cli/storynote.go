package cli

import (
	"strings"

	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// storyNote is what a story command's JSON entry says was left out, as
// the text output's header does: the articles past the analysis's bounds
// (analysis.MaxArticles, analysis.Budget) or past what the archive could
// read, then the notes a command adds of its own (shared: why no verbatim
// runs were looked for). Without it a script reading the JSON of a large
// story took 24 of its articles for all of them.
func storyNote(an *analysis.Analysis, own ...string) string {
	var notes []string
	for _, n := range append([]string{an.Note.String()}, own...) {
		if n != "" {
			notes = append(notes, n)
		}
	}
	return strings.Join(notes, "; ")
}
