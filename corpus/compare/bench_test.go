package compare

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

func BenchmarkComparePair(b *testing.B) {
	as := testcorpus.Seeds(b)
	b.ReportAllocs()
	reportCPU(b, func() {
		for b.Loop() {
			mustCompare(as[3], as[4])
		}
	})
}

// BenchmarkComparePairSwapped is ComparePair the other way round: the
// pair is aligned in its canonical order and mirrored (mirror.go).
func BenchmarkComparePairSwapped(b *testing.B) {
	as := testcorpus.Seeds(b)
	b.ReportAllocs()
	reportCPU(b, func() {
		for b.Loop() {
			mustCompare(as[4], as[3])
		}
	})
}

// BenchmarkComparePairCold is ComparePair with no reading to take: two
// seed pairs with no article in common, compared in turn, so that each
// comparison reads both its articles afresh (reading.go), as the first
// comparison of a pair in a process does. Its time per op is the mean of
// the two pairs'.
func BenchmarkComparePairCold(b *testing.B) {
	as := testcorpus.Seeds(b)
	compareInTurn(b, [2]*corpus.Article{as[3], as[4]}, [2]*corpus.Article{as[0], as[1]})
}

func BenchmarkCompareAllSeedPairs(b *testing.B) {
	as := testcorpus.Seeds(b)
	b.ReportAllocs()
	for b.Loop() {
		for i := range as {
			for j := i + 1; j < len(as); j++ {
				mustCompare(as[i], as[j])
			}
		}
	}
}

// BenchmarkCompare10kWords aligns and diffs two 10,000-word articles: one
// generated, the other an edited copy (sentences dropped, reordered,
// reworded and added), as one outlet rewrites another's long report.
func BenchmarkCompare10kWords(b *testing.B) {
	left, right := syntheticPair(10000, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		mustCompare(left, right)
	}
	b.ReportMetric(float64(left.Words), "left-words")
}

func BenchmarkSegment10kWords(b *testing.B) {
	left, _ := syntheticPair(10000, 1)
	b.ReportAllocs()
	b.SetBytes(int64(len(left.Raw)))
	for b.Loop() {
		corpus.Parse("bench", left.Raw)
	}
}

// syntheticPair returns two articles of about n words each: the left a run
// of generated sentences over a Zipf-distributed vocabulary, the right its
// rewrite.
func syntheticPair(n int, seed uint64) (*corpus.Article, *corpus.Article) {
	rng := rand.New(rand.NewPCG(seed, 42))
	zipf := rand.NewZipf(rng, 1.1, 2, 20000)
	word := func() string { return fmt.Sprintf("w%d", zipf.Uint64()) }
	sentence := func() []string {
		ws := make([]string, 8+rng.IntN(25))
		for i := range ws {
			ws[i] = word()
		}
		return ws
	}
	var sents [][]string
	for words := 0; words < n; {
		s := sentence()
		sents = append(sents, s)
		words += len(s)
	}
	var rewritten [][]string
	for _, s := range sents {
		switch r := rng.Float64(); {
		case r < 0.15: // dropped
			continue
		case r < 0.25: // a new sentence of the outlet's own
			rewritten = append(rewritten, sentence())
		}
		c := append([]string(nil), s...)
		for i := range c {
			if rng.Float64() < 0.08 {
				c[i] = word()
			}
		}
		rewritten = append(rewritten, c)
	}
	for i := 0; i < len(rewritten)/10; i++ { // some passages moved
		j, k := rng.IntN(len(rewritten)), rng.IntN(len(rewritten))
		rewritten[j], rewritten[k] = rewritten[k], rewritten[j]
	}
	render := func(ss [][]string) *corpus.Article {
		sentences := make([]string, len(ss))
		for i, s := range ss {
			sentences[i] = strings.ToUpper(s[0][:1]) + s[0][1:] + " " + strings.Join(s[1:], " ") + "."
		}
		return threeAParagraph("synthetic", sentences)
	}
	return render(sents), render(rewritten)
}

// threeAParagraph makes an article of the benchmarks' shape: a title,
// then the sentences three to a paragraph.
func threeAParagraph(id string, sentences []string) *corpus.Article {
	var sb strings.Builder
	sb.WriteString("Title of the story\n\n")
	for i, s := range sentences {
		sb.WriteString(s)
		if i%3 == 2 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteString(" ")
		}
	}
	return corpus.Parse(id, []byte(sb.String()))
}

// mustCompare compares a and b with no deadline, panicking on an error:
// tests and benchmarks that have no context to cancel.
func mustCompare(a, b *corpus.Article) *Comparison {
	c, err := Compare(context.Background(), a, b)
	if err != nil {
		panic(err)
	}
	return c
}

// BenchmarkCompareWords measures how Compare grows with article length
// (issue 11: a 100,000-word pair within 300 ms, at most 12× per 10×),
// each comparison a first one (see comparedFirst).
func BenchmarkCompareWords(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		left, right := syntheticPair(n, 1)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			comparedFirst(b, left, right)
		})
	}
}

// comparedFirst measures the comparison of left and right as a first
// comparison of the two: it compares them and a copy of them in turn. A
// pooled matcher keeps the readings of the two articles it compared last
// (reading.go), up to 32,768 tokens each, so the same two articles
// compared again and again were read only once: a 10,000-word pair was
// measured without its reading and a 100,000-word pair with it, and the
// growth from 10k to 100k read 14×. A copy is another article to the
// matcher, and the same text to everything else.
func comparedFirst(b *testing.B, left, right *corpus.Article) {
	l2, r2 := *left, *right
	compareInTurn(b, [2]*corpus.Article{left, right}, [2]*corpus.Article{&l2, &r2})
}

// compareInTurn measures the comparison of pairs, compared one after the
// other; its time per op is the mean of theirs.
func compareInTurn(b *testing.B, pairs ...[2]*corpus.Article) {
	b.ReportAllocs()
	i := 0
	reportCPU(b, func() {
		for b.Loop() {
			p := pairs[i%len(pairs)]
			mustCompare(p[0], p[1])
			i++
		}
	})
}

// BenchmarkCompareHostile measures the worst inputs issue 13 found, each
// compared with itself: one sentence repeated 50,000 times (4.3 MB), and
// 5 MiB of prose. Both must stay within 10 s and 256 MiB; the allocations
// reported bound the peak.
func BenchmarkCompareHostile(b *testing.B) {
	repeated := articleFrom("Title\n\n" + strings.Repeat("The quick brown fox jumps over the lazy dog near the river bank. ", 50000))
	prose, _ := syntheticPair(1, 7)
	for words := 0; len(prose.Raw) < 5<<20; words += 100000 {
		prose, _ = syntheticPair(words+100000, 7)
	}
	prose = articleFrom(string(prose.Raw[:5<<20]))
	for _, tc := range []struct {
		name string
		a    *corpus.Article
	}{{"repeated-50k", repeated}, {"prose-5MiB", prose}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.a.Raw)))
			for b.Loop() {
				mustCompare(tc.a, tc.a)
			}
		})
	}
}

// BenchmarkCompareWordsRotated is BenchmarkCompareWords over eight
// different generated pairs of each length, compared in turn. Compared
// again and again, one 1,000-word pair is learnt by the processor's
// caches and branch predictors (its sentences' sorts, its map probes),
// and ran 12% faster than eight pairs in turn, while a 10,000-word pair,
// ten times the data, ran the same either way: part of the growth
// BenchmarkCompareWords shows from 1k to 10k is that, not the code.
func BenchmarkCompareWordsRotated(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		var pairs [][2]*corpus.Article
		for seed := range uint64(8) {
			l, r := syntheticPair(n, seed+1)
			pairs = append(pairs, [2]*corpus.Article{l, r})
		}
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			compareInTurn(b, pairs...)
		})
	}
}

// BenchmarkCachedPairSwapped is ComparePairSwapped as a cache holding
// the pair's canonical order answers it: mirrored, without comparing.
func BenchmarkCachedPairSwapped(b *testing.B) {
	as := testcorpus.Seeds(b)
	kept := mustCompare(as[3], as[4])
	b.ReportAllocs()
	reportCPU(b, func() {
		for b.Loop() {
			mirrored(kept)
		}
	})
}
