package compare

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestFormInfosMatchInfoOf checks that the per-article cache answers what
// infoOf answers for every word of two articles read in turn, back and
// forth, so that one article's answers never serve the other's forms.
func TestFormInfosMatchInfoOf(t *testing.T) {
	as := testcorpus.Seeds(t)
	var fi formInfos
	for _, a := range []*corpus.Article{as[0], as[1], as[0], as[2], as[2]} {
		for i := range a.Tokens.Len() {
			got, want := fi.info(a, a.Tokens, i), infoOf(a.Tokens.Form(i))
			if got.key != want.key || got.class != want.class || len(got.groups) != len(want.groups) {
				t.Fatalf("%s token %d %q: cached info %+v, infoOf %+v", a.ID, i, a.Tokens.Form(i), *got, *want)
			}
		}
	}
}
