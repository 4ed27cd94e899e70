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
// title over a line of page furniture, is not called unrelated, nor makes
// another so; nor are two one-line files, the same line word for word,
// which were both "unrelated?" when a lone line was read as a title. A
// file of one line is prose now, its own body, and weighs as prose: one
// of another story among the seed story's articles is unrelated.
func TestUnpairedWeighsOnlyProse(t *testing.T) {
	const line = "The council voted to close the bridge on Monday.\n"
	a := corpus.Parse("a", []byte(line))
	b := corpus.Parse("b", []byte(line))
	if got := mustAnalyze(&corpus.Story{Name: "lines", Articles: []*corpus.Article{a, b}}).Unpaired(); len(got) > 0 {
		t.Errorf("two one-line files: unpaired %v, want none", ids(got))
	}
	title := corpus.Parse("title", []byte(line+"\nShare this story\n"))
	arts := append(slices.Clone(testcorpus.Seeds(t)), title)
	if got := mustAnalyze(&corpus.Story{Name: "seeds and a title", Articles: arts}).Unpaired(); len(got) > 0 {
		t.Errorf("the seeds and a title alone: unpaired %v, want none", ids(got))
	}
	arts = append(slices.Clone(testcorpus.Seeds(t)), a)
	if got := mustAnalyze(&corpus.Story{Name: "seeds and a line", Articles: arts}).Unpaired(); len(got) != 1 || got[0] != a {
		t.Errorf("the seeds and a line of another story: unpaired %v, want [a]", ids(got))
	}
}

func ids(arts []*corpus.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}
