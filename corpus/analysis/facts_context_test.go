package analysis

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestAttributionContextKeepsTheMarks checks that an attribution's row
// shows its quote with the marks the outlet wrote: a quote split around
// its attribution spans from its first quoted word to its last, and cut
// there it showed a closing mark with no opening one and an opening one
// with no closing one.
func TestAttributionContextKeepsTheMarks(t *testing.T) {
	an := mustAnalyze(&corpus.Story{Name: "seeds", Articles: testcorpus.Seeds(t)})
	want := map[string]string{
		// Swell Digest and Al Jazeera, the seed story's first and fourth.
		"000_bcfc8e1eaa4c1094": "“This has to be the first time that a major presidential candidate has actively encouraged a foreign power to conduct espionage against his political opponent,” Jake Sullivan, Mrs Clinton’s senior policy adviser, said. ¶ “This has gone from being a matter of curiosity, and a matter of politics, to being a national security issue.”",
		"003_95bcf1536ed6ca96": "Clinton’s campaign quickly responded to Trump’s latest statement, calling it the “first time that a major presidential candidate has actively encouraged a foreign power to conduct espionage against a political opponent. ¶ “This has gone from being a matter of curiosity, and a matter of politics, to being a national security issue,” Clinton’s campaign said in a statement.",
	}
	seen := 0
	for _, d := range an.Disagreements() {
		if d.Kind != FactAttribution {
			continue
		}
		for _, m := range d.Mentions {
			got := m.ContextText()
			if c := m.Context(); c.Start > m.Span.Start || c.End < m.Span.End {
				t.Errorf("%s: context %v does not hold the quote %v", m.Article.ID, c, m.Span)
			}
			if w, ok := want[m.Article.ID]; ok {
				seen++
				if got != w {
					t.Errorf("%s: context\n%s\nwant\n%s", m.Article.ID, got, w)
				}
			}
			// Every paragraph of it but the last may leave its quote
			// open (the convention of a quote running on); none closes a
			// quote it did not open.
			for _, p := range strings.Split(got, " ¶ ") {
				if o, c := strings.Count(p, "“"), strings.Count(p, "”"); c > o {
					t.Errorf("%s: %q closes a quote it does not open", m.Article.ID, p)
				}
			}
		}
	}
	if seen != len(want) {
		t.Fatalf("saw %d of the %d attribution rows looked for:\n%s", seen, len(want), describe(an.Disagreements()))
	}
}
