package ui

import (
	"errors"
	"strings"
	"testing"
)

// TestWhyNotAnalysedIsReadWhole is a regression test: the quotes, the
// matrix and the passages cut the reason a story was not analysed to one
// line, "the story is not analysed: its articles are 8.8 MiB, over…" at
// 60 columns, the quotes beside their wordings at 120 too, where the
// wordings cut it again: what the limit is and where to read the pair
// were lost. It is wrapped, and said once.
func TestWhyNotAnalysedIsReadWhole(t *testing.T) {
	const why = "the story is not analysed: its articles are 8.8 MiB, over 4 MiB; the pair view compares them"
	for _, w := range []int{60, 120} {
		m, _ := startModel(t, seed(t), w, 20)
		st := m.storyOf[m.left]
		m = send(m, analysisMsg{st, &storyAnalysis{story: st, err: errors.New(why)}})
		for _, k := range []string{"2", "3", "4"} {
			m = press(m, k)
			s := screen(m)
			words := strings.Join(strings.Fields(strings.NewReplacer("│", " ").Replace(s)), " ")
			if !strings.Contains(words, why) {
				t.Errorf("at %d columns, page %s does not say why whole:\n%s", w, k, s)
			}
			if n := strings.Count(words, "is not analysed"); n != 1 {
				t.Errorf("at %d columns, page %s says why %d times:\n%s", w, k, n, s)
			}
			checkFits(t, m, w, 20)
		}
	}
}
