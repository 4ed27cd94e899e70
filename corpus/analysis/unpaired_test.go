package analysis

import (
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestUnpaired checks that an article filed with a story it shares no
// passage with is found, and that the seed story, all one event, has none.
func TestUnpaired(t *testing.T) {
	if got := seedStory(t).Unpaired(); len(got) > 0 {
		t.Errorf("seed story: unpaired %v, want none", ids(got))
	}
	fox := corpus.Parse("fox", []byte("Quarterback signs record deal\n\nThe quarterback agreed to a five-year contract extension worth a record sum on Friday.\n\nFans cheered outside the stadium as the team announced it.\n"))
	arts := append(slices.Clone(testcorpus.Seeds(t)), fox)
	an := mustAnalyze(&corpus.Story{Name: "mixed", Articles: arts})
	if got := an.Unpaired(); len(got) != 1 || got[0] != fox {
		t.Errorf("seeds and a sports story: unpaired %v, want [fox]", ids(got))
	}
}

// TestUnpairedWeighsOnlyProse checks that an article with no prose, a
// title alone, is not called unrelated, nor makes another so: two
// one-line files, the same line word for word, were both "unrelated?".
func TestUnpairedWeighsOnlyProse(t *testing.T) {
	a := corpus.Parse("a", []byte("The council voted to close the bridge on Monday.\n"))
	b := corpus.Parse("b", []byte("The council voted to close the bridge on Monday.\n"))
	if got := mustAnalyze(&corpus.Story{Name: "titles", Articles: []*corpus.Article{a, b}}).Unpaired(); len(got) > 0 {
		t.Errorf("two titles alone: unpaired %v, want none", ids(got))
	}
	arts := append(slices.Clone(testcorpus.Seeds(t)), a)
	if got := mustAnalyze(&corpus.Story{Name: "seeds and a title", Articles: arts}).Unpaired(); len(got) > 0 {
		t.Errorf("the seeds and a title alone: unpaired %v, want none", ids(got))
	}
}

func ids(arts []*corpus.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}
