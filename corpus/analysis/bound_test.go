package analysis

import (
	"context"
	"errors"
	"fmt"
	"strconv"
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
		if got := an.Note != (Limit{}); got != tc.note {
			t.Errorf("%d articles: note %q, want one: %v", tc.articles, an.Note, tc.note)
		}
		if tc.note && (an.Note.Total != tc.articles || !strings.Contains(an.Note.String(), fmt.Sprint(tc.articles))) {
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
		if len(an.Articles) != tc.want || (an.Note != Limit{}) != (tc.want < tc.articles) {
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
		wantNote     Limit
	}{
		{"size", time.Hour, MaxArticles, 5, MaxArticles, Limit{Analysed: MaxArticles, Total: MaxArticles + 5}},
		{"size, all read", time.Hour, MaxArticles, 0, MaxArticles, Limit{}},
		{"time", time.Nanosecond, 12, 3, minTimed, Limit{Analysed: minTimed, Total: 15, Timed: true}},
		{"time, all analysed", time.Nanosecond, minTimed, 4, minTimed, Limit{Analysed: minTimed, Total: minTimed + 4}},
	} {
		budget = tc.budget
		s := storyOf(tc.read)
		s.Unread = tc.unread
		an, err := Analyze(context.Background(), s, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(an.Articles) != tc.wantAnalysed || an.Note != tc.wantNote {
			t.Errorf("%s: analysed %d with note %+v, want %d with %+v", tc.name, len(an.Articles), an.Note, tc.wantAnalysed, tc.wantNote)
		}
	}
}

// TestNoteText: the notes say the same with their counts written by the
// caller, bare by default (as JSON carries them), and nothing when zero.
func TestNoteText(t *testing.T) {
	grouped := func(n int) string { return "<" + strconv.Itoa(n) + ">" }
	for _, tt := range []struct {
		name         string
		bare, custom string
		gotBare      string
		gotCustom    string
	}{
		{"none", "", "", Limit{}.String(), Limit{}.Text(grouped)},
		{"size", "only the first 24 of 13672 articles are analysed: comparing every pair of a story this large would take too long",
			"only the first <24> of <13672> articles are analysed: comparing every pair of a story this large would take too long",
			Limit{Analysed: 24, Total: 13672}.String(), Limit{Analysed: 24, Total: 13672}.Text(grouped)},
		{"timed", "only the first 9 of 1200 articles are analysed: comparing more would take over 1s",
			"only the first <9> of <1200> articles are analysed: comparing more would take over 1s",
			Limit{Analysed: 9, Total: 1200, Timed: true}.String(), Limit{Analysed: 9, Total: 1200, Timed: true}.Text(grouped)},
		{"no verbatim", "", "", VerbatimLimit{}.String(), VerbatimLimit{}.Text(grouped)},
		{"verbatim", "word-for-word runs are not looked for: the articles have 412345 words, over 400000",
			"word-for-word runs are not looked for: the articles have <412345> words, over <400000>",
			VerbatimLimit{Words: 412345}.String(), VerbatimLimit{Words: 412345}.Text(grouped)},
	} {
		if tt.gotBare != tt.bare {
			t.Errorf("%s: String() = %q, want %q", tt.name, tt.gotBare, tt.bare)
		}
		if tt.gotCustom != tt.custom {
			t.Errorf("%s: Text = %q, want %q", tt.name, tt.gotCustom, tt.custom)
		}
	}
}
