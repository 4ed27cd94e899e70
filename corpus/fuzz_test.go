package corpus_test

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

func FuzzSegment(f *testing.F) {
	testcorpus.FuzzSeeds(f, false)
	f.Fuzz(func(t *testing.T, raw []byte) {
		a := corpus.Parse("fuzz", raw)
		if err := testcorpus.CheckArticle(a); err != nil {
			t.Fatal(err)
		}
	})
}
