package analysis

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// storyOf makes a story of n short articles, each a variant of one report.
func storyOf(n int) *corpus.Story {
	s := &corpus.Story{Name: "big"}
	for i := range n {
		text := fmt.Sprintf("Report %d\n\nThe council of Millbrook voted on Tuesday to approve a bridge, outlet %d reported. Councillor Ada Finch called it a victory.\n", i, i)
		s.Articles = append(s.Articles, testcorpus.Article(fmt.Sprint(i), text))
	}
	return s
}

// TestAnalyzeIsBoundedBySize is the regression test for all-pairs analysis
// of a huge story: a flat folder's catch-all story of 13,672 articles was
// analysed whole, by matrix and by the reader at launch, until memory ran
// out.
func TestAnalyzeIsBoundedBySize(t *testing.T) {
	// The size bound alone: a busy machine (or -race) must not let the time
	// budget cut the story first.
	defer func(b time.Duration) { budget = b }(budget)
	budget = time.Hour
	for _, tc := range []struct {
		articles, want int
		note           bool
	}{
		{5, 5, false},
		{MaxArticles, MaxArticles, false},
		{MaxArticles + 1, MaxArticles, true},
		{200, MaxArticles, true},
	} {
		an, err := Analyze(context.Background(), storyOf(tc.articles), nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(an.Articles) != tc.want || len(an.Pairs) != tc.want || len(an.Coverage) != tc.want {
			t.Errorf("%d articles: analysed %d (pairs %d, coverage %d), want %d", tc.articles, len(an.Articles), len(an.Pairs), len(an.Coverage), tc.want)
		}
		if got := an.Note != ""; got != tc.note {
			t.Errorf("%d articles: note %q, want one: %v", tc.articles, an.Note, tc.note)
		}
		if tc.note && !strings.Contains(an.Note, fmt.Sprint(tc.articles)) {
			t.Errorf("%d articles: note %q does not say how many the story has", tc.articles, an.Note)
		}
		for i := range an.Pairs {
			for j := i + 1; j < len(an.Pairs); j++ {
				if an.Pairs[i][j] == nil {
					t.Fatalf("%d articles: pair %d,%d not compared", tc.articles, i, j)
				}
			}
		}
	}
}

func TestAnalyzeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Analyze(ctx, storyOf(6), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled analysis: %v, want context.Canceled", err)
	}
}

// TestAnalyzeIsBoundedByTime: once the budget is spent the analysis keeps
// the articles whose pairs are done, never fewer than minTimed, and says
// so; a story no larger than minTimed is never cut.
func TestAnalyzeIsBoundedByTime(t *testing.T) {
	defer func(b time.Duration) { budget = b }(budget)
	budget = time.Nanosecond
	for _, tc := range []struct{ articles, want int }{{5, 5}, {minTimed, minTimed}, {12, minTimed}} {
		an, err := Analyze(context.Background(), storyOf(tc.articles), nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(an.Articles) != tc.want || (an.Note != "") != (tc.want < tc.articles) {
			t.Errorf("%d articles: analysed %d with note %q, want %d", tc.articles, len(an.Articles), an.Note, tc.want)
		}
	}
}

// TestAnalysisCountsUnreadArticles: a story read in part (an archive reads
// no more articles than an analysis compares) is counted whole in the
// note, whichever bound cuts it. When the time budget cut such a story,
// its note counted only the articles read: "only the first 21 of 24" of a
// story of 25.
func TestAnalysisCountsUnreadArticles(t *testing.T) {
	defer func(b time.Duration) { budget = b }(budget)
	for _, tc := range []struct {
		name         string
		budget       time.Duration
		read, unread int
		wantAnalysed int
		wantNote     string
	}{
		{"size", time.Hour, MaxArticles, 5, MaxArticles, LimitNote(MaxArticles, MaxArticles+5)},
		{"size, all read", time.Hour, MaxArticles, 0, MaxArticles, ""},
		{"time", time.Nanosecond, 12, 3, minTimed,
			fmt.Sprintf("only the first %d of 15 articles are analysed: comparing more would take over %v", minTimed, Budget)},
		{"time, all analysed", time.Nanosecond, minTimed, 4, minTimed, LimitNote(minTimed, minTimed+4)},
	} {
		budget = tc.budget
		s := storyOf(tc.read)
		s.Unread = tc.unread
		an, err := Analyze(context.Background(), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(an.Articles) != tc.wantAnalysed || an.Note != tc.wantNote {
			t.Errorf("%s: analysed %d with note %q, want %d with %q", tc.name, len(an.Articles), an.Note, tc.wantAnalysed, tc.wantNote)
		}
	}
}
