package compare

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestFittingScoresPairsOfCommonWords: the rows the model is fitted on
// include pairs that share only words more than commonFloor sentences
// carry, up to fitFloor, so that it learns from them what a story's
// recurring words are worth; such a pair's shared weight counts in
// neither best-candidate flag, which Compare's candidate search would not
// have set for it either. Before, the two sentences below, sharing only
// "Kim" and "summit" with each other and with fourteen others, were never
// a row.
func TestFittingScoresPairsOfCommonWords(t *testing.T) {
	fill := strings.Fields("harbour violin meadow lantern copper orchard ledger falcon quarry saddle " +
		"thimble walnut beacon pillar canvas glacier anchor meteor tavern cradle " +
		"marble pigeon barrel cobalt ferry garnet hammock juniper kettle ladder " +
		"mantle nectar oyster parcel quiver raven shovel timber velvet willow")
	// Kim and the summit in 7 of each side's 20 other sentences: 16 of
	// the 42 carry them, more than commonFloor and fewer than fitFloor.
	article := func(id, target string, words []string) *corpus.Article {
		var sb strings.Builder
		sb.WriteString("A title\n\n")
		for i := 0; i+1 < len(words); i += 2 {
			if i/2 < 7 {
				fmt.Fprintf(&sb, "Kim spoke of the summit and the %s near the %s.\n\n", words[i], words[i+1])
			} else {
				fmt.Fprintf(&sb, "Someone saw the %s near the %s.\n\n", words[i], words[i+1])
			}
		}
		sb.WriteString(target + "\n")
		return corpus.Parse(id, []byte(sb.String()))
	}
	a := article("a", "Kim praised the summit warmly.", fill)
	b := article("b", "The summit greatly pleased Kim.", append(fill[20:], fill[:20]...))
	last := func(x *corpus.Article) int { return len(x.Sentences) - 1 }
	found := false
	err := CandidatePairs(context.Background(), a, b, func(ls, rs int, f Features) {
		if ls == last(a) && rs == last(b) {
			found = true
			if f[fBestForLeft] != 0 || f[fBestForRight] != 0 {
				t.Errorf("best-candidate flags %v, %v: the pair shares no weight a comparison's search counts", f[fBestForLeft], f[fBestForRight])
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatal("the two sentences sharing only Kim and the summit are no row of the fit")
	}
}
