package corpus_test

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

func FuzzSegment(f *testing.F) {
	testcorpus.FuzzSeeds(f, false)
	f.Fuzz(func(t *testing.T, raw []byte) {
		// Verbatim too: Parse drops the controls and escape sequences
		// the tokenizer must still make tokens of.
		for _, a := range []*corpus.Article{corpus.Parse("fuzz", raw), corpus.ParseVerbatim("fuzz", raw)} {
			if err := testcorpus.CheckArticle(a); err != nil {
				t.Fatal(err)
			}
		}
	})
}
