package compare

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// proseRuns lists the word forms of each prose paragraph of a. Shared runs
// are counted within paragraphs: words that happen to meet across a
// paragraph break ("…by our press!” ¶ Trump was…") are no shared wording,
// and non-prose lines (captions, boilerplate) are never aligned.
func proseRuns(a *corpus.Article) [][]string {
	var out [][]string
	for _, p := range a.Paragraphs {
		if p.Role == corpus.RoleProse {
			out = append(out, spanForms(a, p.Span))
		}
	}
	return out
}

// equalRuns returns, for each paired block, the runs of words shown equal on
// the left, as word forms; a run is broken only by a change of words, not
// by a punctuation or whitespace change.
func equalRuns(c *Comparison) [][]string {
	var runs [][]string
	for _, b := range c.Blocks {
		if b.Kind != Aligned && b.Kind != Moved || b.Role == corpus.RoleTitle && b.LeftSentences.Start == 0 && b.RightSentences.Start == 0 {
			// Two titles' word diff keeps every shared word, however short
			// the run, on purpose (see Differ.diffTitles): their islands are
			// not the scattered matches in prose that isolated measures.
			continue
		}
		var cur []string
		for _, op := range b.Ops {
			switch {
			case op.Kind == OpEqual:
				cur = append(cur, spanForms(c.Left, op.Left)...)
			case op.Minor:
			default:
				if len(cur) > 0 {
					runs = append(runs, cur)
				}
				cur = nil
			}
		}
		if len(cur) > 0 {
			runs = append(runs, cur)
		}
	}
	return runs
}

func spanForms(a *corpus.Article, s corpus.Span) []string {
	var out []string
	for _, t := range a.Tokens.All() {
		if t.Kind == corpus.TokWord && t.Start >= s.Start && t.End <= s.End {
			out = append(out, t.Form)
		}
	}
	return out
}

// pairQuality measures a comparison against the criteria:
// shared is the share of distinct runLen-word sequences both articles
// contain that some paired block shows as equal; isolated is the share of
// equal words that sit in an equal run of fewer than 3 words.
func pairQuality(c *Comparison) (shared, isolated float64, sharedN int) {
	key := func(ws []string) string { return strings.Join(ws, " ") }
	inRight := make(map[string]bool)
	for _, rf := range proseRuns(c.Right) {
		for i := 0; i+runLen <= len(rf); i++ {
			inRight[key(rf[i:i+runLen])] = true
		}
	}
	both := make(map[string]bool)
	for _, lf := range proseRuns(c.Left) {
		for i := 0; i+runLen <= len(lf); i++ {
			if k := key(lf[i : i+runLen]); inRight[k] {
				both[k] = true
			}
		}
	}
	shown := make(map[string]bool)
	eqWords, iso := 0, 0
	for _, run := range equalRuns(c) {
		eqWords += len(run)
		if len(run) < minEqualRun {
			iso += len(run)
		}
		for i := 0; i+runLen <= len(run); i++ {
			shown[key(run[i:i+runLen])] = true
		}
	}
	found := 0
	for k := range both {
		if shown[k] {
			found++
		}
	}
	shared = 1
	if len(both) > 0 {
		shared = float64(found) / float64(len(both))
	}
	if eqWords > 0 {
		isolated = float64(iso) / float64(eqWords)
	}
	return shared, isolated, len(both)
}

func TestSeedPairsQuality(t *testing.T) {
	as := testcorpus.Seeds(t)
	totalBoth, totalFound := 0, 0.0
	worst := 1.0
	var isoSum float64
	pairs := 0
	for i := range as {
		for j := i + 1; j < len(as); j++ {
			c := mustCompare(as[i], as[j])
			shared, isolated, n := pairQuality(c)
			t.Logf("%s vs %s: similarity %.2f, shared %d-word runs shown %.0f%% of %d, isolated equal words %.1f%%",
				as[i].ID[:3], as[j].ID[:3], c.Similarity, runLen, 100*shared, n, 100*isolated)
			totalBoth += n
			totalFound += shared * float64(n)
			worst = min(worst, shared)
			isoSum += isolated
			pairs++
			if isolated >= 0.10 {
				t.Errorf("%s vs %s: %.1f%% of equal words are isolated, want < 10%%", as[i].ID, as[j].ID, 100*isolated)
			}
		}
	}
	t.Logf("all pairs: shared runs shown %.1f%% (worst pair %.0f%%), mean isolated %.1f%%",
		100*totalFound/float64(totalBoth), 100*worst, 100*isoSum/float64(pairs))
	if worst < 1 {
		t.Errorf("some shared %d-word runs are not shown equal (worst pair %.0f%%)", runLen, 100*worst)
	}
}

// TestSeedQuotesPaired checks that the story's key quotes are paired with
// each other in every seed pair where both articles carry them.
func TestSeedQuotesPaired(t *testing.T) {
	quotes := []string{"if you're listening", "rewarded mightily by our press", "first time that a major presidential candidate"}
	as := testcorpus.Seeds(t)
	find := func(a *corpus.Article, q string) int {
		for si, s := range a.Sentences {
			if strings.Contains(strings.Join(spanForms(a, s.Span()), " "), q) {
				return si
			}
		}
		return -1
	}
	for i := range as {
		for j := range as {
			if i == j {
				continue
			}
			c := mustCompare(as[i], as[j])
			for _, q := range quotes {
				ls, rs := find(as[i], q), find(as[j], q)
				if ls < 0 || rs < 0 {
					continue
				}
				ok := false
				for _, b := range c.Blocks {
					if (b.Kind == Aligned || b.Kind == Moved) &&
						b.LeftSentences.Start <= ls && ls < b.LeftSentences.End &&
						b.RightSentences.Start <= rs && rs < b.RightSentences.End {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%s vs %s: quote %q not paired (left sentence %d, right %d)", as[i].ID[:3], as[j].ID[:3], q, ls, rs)
				}
			}
		}
	}
}

// TestResearchStoriesQuality measures the same figures as
// TestSeedPairsQuality on the held-out research stories, where the outlets
// are others and the wording less shared. It asserts floors a little below
// what was measured, so that a regression shows.
func TestResearchStoriesQuality(t *testing.T) {
	c, _, err := corpus.LoadDir(testcorpus.Shared(t, "corpora/stories"))
	if err != nil {
		t.Fatal(err)
	}
	both, found, iso, pairs := 0, 0.0, 0.0, 0
	for _, s := range c.Stories {
		for i, a := range s.Articles {
			for _, b := range s.Articles[i+1:] {
				shared, isolated, n := pairQuality(mustCompare(a, b))
				both += n
				found += shared * float64(n)
				iso += isolated
				pairs++
			}
		}
	}
	shown, meanIso := found/float64(both), iso/float64(pairs)
	t.Logf("%d pairs: %d shared %d-word runs, %.1f%% shown equal in one paired block; mean isolated equal words %.1f%%",
		pairs, both, runLen, 100*shown, 100*meanIso)
	if shown < 0.95 || meanIso >= 0.10 {
		t.Errorf("shown %.1f%% (want ≥ 95%%), isolated %.1f%% (want < 10%%)", 100*shown, 100*meanIso)
	}
}
