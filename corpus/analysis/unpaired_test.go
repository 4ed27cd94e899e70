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

func ids(arts []*corpus.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}
