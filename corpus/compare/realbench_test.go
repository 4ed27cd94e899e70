package compare

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// BenchmarkCompareRealWords is BenchmarkCompareWords on real prose: the
// left article is the long multinews articles' sentences end to end, the
// right its rewrite by the edits syntheticPair makes, with words and added
// sentences drawn from the same prose. Real text has the stopwords, the
// repeated names and the skewed vocabulary that decide how many sentences
// a word finds, which generated words only imitate.
func BenchmarkCompareRealWords(b *testing.B) {
	sents, words := realSentences(b)
	for _, n := range []int{1000, 10000, 100000} {
		left, right, _ := realPair(sents, words, n, 1)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			comparedFirst(b, left, right)
		})
	}
}

// realSentences reads the sentences of the long articles of
// ../shared/corpora/multinews, in file order, each split into its words
// (a word keeps the punctuation that follows it), and the words of all of
// them.
func realSentences(tb testing.TB) (sents [][]string, words []string) {
	dir := testcorpus.Shared(tb, "corpora/multinews")
	files, err := filepath.Glob(filepath.Join(dir, "longbench-multinews-*", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no long multinews articles in %s", dir)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		// Byte for byte, as the floors of the tests drawn from these
		// sentences were measured: read as Parse reads them (zero-width
		// spaces and C1 controls gone from a few files), the word pool
		// the rewrites draw from shifts, and with it which words replace
		// which, and the 1k floor is met or missed by one sentence in 48
		// whichever the comparison.
		a := corpus.ParseVerbatim(filepath.Base(f), raw)
		for _, s := range a.Sentences {
			ws := strings.Fields(a.Text(s.Span()))
			if len(ws) < 4 {
				continue // a dateline or a caption, not prose
			}
			sents = append(sents, ws)
			words = append(words, ws...)
		}
	}
	return sents, words
}

// realPair returns two articles of about n words: the first sentences of
// sents, and their rewrite (sentences dropped, reworded, added and moved,
// as syntheticPair does). from maps each reworded sentence of the rewrite
// to the sentence it was made from.
func realPair(sents [][]string, words []string, n int, seed uint64) (left, right *corpus.Article, from map[string]string) {
	rng := rand.New(rand.NewPCG(seed, 42))
	var kept [][]string
	next := 0
	for count := 0; count < n && next < len(sents); next++ {
		kept = append(kept, sents[next])
		count += len(sents[next])
	}
	pool := sents[next:] // sentences the left does not have
	if len(pool) == 0 {
		pool = sents
	}
	other := func() []string { return append([]string(nil), pool[rng.IntN(len(pool))]...) }
	var rewritten [][]string
	from = make(map[string]string)
	for _, s := range kept {
		switch r := rng.Float64(); {
		case r < 0.15:
			continue
		case r < 0.25:
			rewritten = append(rewritten, other())
		}
		c := append([]string(nil), s...)
		for i := range c {
			if rng.Float64() < 0.08 {
				c[i] = words[rng.IntN(len(words))]
			}
		}
		rewritten = append(rewritten, c)
		from[strings.Join(c, " ")] = strings.Join(s, " ")
	}
	for i := 0; i < len(rewritten)/10; i++ {
		j, k := rng.IntN(len(rewritten)), rng.IntN(len(rewritten))
		rewritten[j], rewritten[k] = rewritten[k], rewritten[j]
	}
	render := func(ss [][]string) *corpus.Article {
		sentences := make([]string, len(ss))
		for i, s := range ss {
			sentences[i] = strings.Join(s, " ")
		}
		return threeAParagraph("real", sentences)
	}
	return render(kept), render(rewritten), from
}
