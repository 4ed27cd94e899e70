package analysis

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// MaxArticles is the most articles of one story an analysis compares.
// Every pair is compared, so the work grows with the square of the story:
// 24 articles are 276 comparisons, about half a second for typical news
// articles on two cores, while the 13,672 of a flat folder's old catch-all
// story were 93 million and never finished. Past this the analysis covers
// the first articles and says so.
const MaxArticles = 24

// Budget bounds the time an analysis spends comparing pairs. Long articles
// compare slowly, so the size bound alone does not bound the time: once the
// budget is spent the analysis keeps the articles whose pairs are all done,
// at least minTimed, and says so.
const Budget = time.Second

// minTimed is how many articles an analysis always covers before Budget
// can cut it (all of a smaller story): a story of a handful of news
// articles is compared in milliseconds, and its figures must not depend
// on how busy the machine is.
const minTimed = 8

// budget is Budget, but for tests that need a story's size bound alone.
var budget = Budget

// A Limit says that an analysis covers only the first Analysed of the
// Total articles of its story, cut to MaxArticles or, when Timed, by
// Budget. Its zero value says nothing was left out.
//
// It holds figures rather than a sentence so that each caller writes the
// counts its own way: a command's text and the reader group their digits
// for people ("13,672 articles"), a JSON document keeps them bare.
type Limit struct {
	Analysed, Total int
	Timed           bool
}

// Text is the note l makes, its counts written by count; "" for none.
func (l Limit) Text(count func(int) string) string {
	switch {
	case l == Limit{}:
		return ""
	case l.Timed:
		return fmt.Sprintf("only the first %s of %s articles are analysed: comparing more would take over %v", count(l.Analysed), count(l.Total), Budget)
	}
	return fmt.Sprintf("only the first %s of %s articles are analysed: comparing every pair of a story this large would take too long", count(l.Analysed), count(l.Total))
}

// String is the note with its counts bare, as JSON carries it.
func (l Limit) String() string { return l.Text(strconv.Itoa) }

// comparePairs compares every pair of the first articles of arts, article
// by article, each new article against all before it, in parallel, until
// MaxArticles articles or Budget is reached. It returns the articles
// covered, the comparisons (cmps[i][j] for i < j) and the limit when not
// every article is covered; unread more articles of the story were not
// read for it, and the limit counts them.
func comparePairs(ctx context.Context, arts []*corpus.Article, unread int, pairs *compare.Cache) ([]*corpus.Article, [][]*compare.Comparison, Limit, error) {
	total := len(arts) + unread
	var note Limit
	if total > MaxArticles || unread > 0 {
		arts = arts[:min(len(arts), MaxArticles)]
		note = Limit{Analysed: len(arts), Total: total}
	}
	n := len(arts)
	cmps := make([][]*compare.Comparison, n)
	for i := range cmps {
		cmps[i] = make([]*compare.Comparison, n)
	}
	deadline := time.Now().Add(budget)
	workers := runtime.GOMAXPROCS(0)
	for j := 1; j < n; j++ {
		// The pairs of article j with those before it, spread over the
		// processors; the first error stops the others.
		var mu sync.Mutex
		next := 0
		var firstErr error
		var wg sync.WaitGroup
		for range min(workers, j) {
			wg.Go(func() {
				for {
					mu.Lock()
					i := next
					next++
					stop := firstErr != nil
					mu.Unlock()
					if i >= j || stop {
						return
					}
					var c *compare.Comparison
					var err error
					if pairs != nil {
						c, err = pairs.Compare(ctx, arts[i], arts[j])
					} else {
						c, err = compare.Compare(ctx, arts[i], arts[j])
					}
					mu.Lock()
					if err != nil && firstErr == nil {
						firstErr = err
					}
					cmps[i][j] = c
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if firstErr != nil {
			return nil, nil, Limit{}, firstErr
		}
		if err := ctx.Err(); err != nil {
			return nil, nil, Limit{}, err
		}
		if j+1 < n && j+1 >= minTimed && time.Now().After(deadline) {
			arts = arts[:j+1]
			for k := range j + 1 {
				cmps[k] = cmps[k][:j+1]
			}
			cmps = cmps[:j+1]
			note = Limit{Analysed: len(arts), Total: total, Timed: true}
			break
		}
	}
	return arts, cmps, note, nil
}

// MaxVerbatimWords is the most prose words, over the analysed articles,
// that verbatim runs are looked for in. Their index of word grams holds
// about a hundred bytes a word: the 2.8 million words of two 5 MiB files
// of two-word sentences held some 300 MB of it, beside the comparison the
// reader shows. Twenty-four long news articles are about 50,000 words.
const MaxVerbatimWords = 400_000

// A VerbatimLimit says that an analysis did not look for verbatim runs
// among articles of Words prose words, over MaxVerbatimWords. Its zero
// value says they were looked for. Like Limit, it holds the figure and
// leaves the writing of it to the caller.
type VerbatimLimit struct{ Words int }

// Text is the note v makes, its counts written by count; "" for none.
func (v VerbatimLimit) Text(count func(int) string) string {
	if v.Words == 0 {
		return ""
	}
	return fmt.Sprintf("word-for-word runs are not looked for: the articles have %s words, over %s", count(v.Words), count(MaxVerbatimWords))
}

// String is the note with its counts bare, as JSON carries it.
func (v VerbatimLimit) String() string { return v.Text(strconv.Itoa) }

// boundedVerbatimRuns is VerbatimRuns of arts, or none and the limit when
// arts hold more than MaxVerbatimWords prose words.
func boundedVerbatimRuns(arts []*corpus.Article, minWords int) ([]VerbatimRun, VerbatimLimit) {
	words := 0
	for _, a := range arts {
		words += a.ProseWords()
	}
	if words > MaxVerbatimWords {
		return nil, VerbatimLimit{Words: words}
	}
	return VerbatimRuns(arts, minWords), VerbatimLimit{}
}

// MaxReaderStoryBytes is the most bytes of articles the reader analyses
// in the background, beside the comparison it shows. Analysing a story
// compares its pairs again (a comparison this large is past what the
// comparison cache keeps) and indexes its words: for two 5 MiB files of
// two-word sentences, another 63 MB of live heap on top of the 340 MB
// the reader held, past its 256 MiB. Twenty-four long news articles are
// about a megabyte.
const MaxReaderStoryBytes = 4 << 20

// StoryBytes returns the bytes of the articles of s.
func StoryBytes(s *corpus.Story) int {
	n := 0
	for _, a := range s.Articles {
		n += len(a.Raw)
	}
	return n
}

// StorySizeNote is the note of a story of bytes bytes of articles that the
// reader does not analyse.
func StorySizeNote(bytes int) string {
	return fmt.Sprintf("the story is not analysed: its articles are %.1f MiB, over %d MiB; the pair view compares them", float64(bytes)/(1<<20), MaxReaderStoryBytes>>20)
}
