package compare

import (
	"context"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestDiffMatchesWordsNotSpaces is issue 9's second defect: the diff ran
// over word and whitespace tokens, so the minimal diff could match single
// spaces all through a pair and leave a 6-word shared run unmarked.
func TestDiffMatchesWordsNotSpaces(t *testing.T) {
	for _, tc := range []struct{ left, right, shared string }{
		{
			"Now Kim is scheduled to meet with South Korean President Moon Jae-in at a summit in the Demilitarized Zone next Friday.",
			"The North Korean leader will meet on Friday in the week ahead with South Korean President Moon Jae-in.",
			"with South Korean President Moon Jae-in",
		},
		{
			"Jay Sekulow, a lawyer for Mr. Trump, declined to comment to The Associated Press on Monday night.",
			"Trump lawyer Jay Sekulow declined to comment to The Associated Press on Monday night, as did White House lawyer Ty Cobb.",
			"declined to comment to The Associated Press on Monday night",
		},
	} {
		a := corpus.Parse("left", []byte(tc.left))
		b := corpus.Parse("right", []byte(tc.right))
		ops := NewDiffer().Diff(a, corpus.Range{Start: 0, End: a.Tokens.Len()}, b, corpus.Range{Start: 0, End: b.Tokens.Len()})
		found := false
		for _, op := range ops {
			if op.Kind == OpEqual && strings.Contains(a.Text(op.Left), tc.shared) {
				found = true
			}
		}
		if !found {
			var eq []string
			for _, op := range ops {
				if op.Kind == OpEqual {
					eq = append(eq, a.Text(op.Left))
				}
			}
			t.Errorf("diff of %q and %q: equal %q, want one holding %q", tc.left, tc.right, eq, tc.shared)
		}
	}
}

// TestNameOnlyPairNotMade is issue 9's third defect: in the Texas story,
// "During a news conference Thursday, Bexar County Sheriff Javier Salazar
// said authorities were looking for a female suspect…" was paired with
// "Bexar County Sheriff Javier Salazar called Kameron's death Thursday a
// 'tragic accident.'" A name and a weekday are not an event.
func TestNameOnlyPairNotMade(t *testing.T) {
	left, right, c := compareStoryFiles(t, "2017-12-21-texas-deputies-shooting-kills-6-year-old", "01_unattributed.txt", "02_cnn.txt")
	for _, blk := range c.Blocks {
		if (blk.Kind == Aligned || blk.Kind == Moved) &&
			strings.Contains(left.Text(blk.Left), "looking for a female suspect") &&
			strings.Contains(right.Text(blk.Right), "tragic accident") {
			t.Errorf("paired %q with %q: they share only a name and a weekday", left.Text(blk.Left), right.Text(blk.Right))
		}
	}
}

// TestRunnerUpTried is issue 9's first defect: when the best candidate of
// a sentence failed the word-diff check, the sentence stayed unpaired
// even when its next candidate, a little lower, was its true partner.
func TestRunnerUpTried(t *testing.T) {
	a := corpus.Parse("left", []byte("Title\n\nThe mayor said the bridge would reopen to traffic next week after repairs.\n"))
	b := corpus.Parse("right", []byte("Title\n\nNext week traffic repairs: bridge mayor reopen after said would the.\n\nThe mayor said the bridge would reopen next week.\n"))
	m := newMatcher(nil)
	left, right := m.units(a), m.units(b)
	m.weigh(left, right)
	// The scrambled sentence scores a little above the true partner, as
	// the surface score may, but its diff has nothing in order.
	cands := []candidate{{l: 0, r: 0, score: 0.41}, {l: 0, r: 1, score: 0.409}}
	gs, err := assign(context.Background(), cands, left, right, a, b, NewDiffer())
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 || gs[0].l.Start != 0 || gs[0].r.Start != 1 {
		t.Fatalf("assign = %+v, want the left sentence paired with its runner-up (right unit 1)", gs)
	}
}

// TestShared: a paraphrase pair is shown by its shared content words, as
// lemmas and related words; its numbers and days given differently are
// not shared (which of them to flag is the story's facts' to say).
func TestShared(t *testing.T) {
	left := corpus.Parse("left", []byte("His appeal comes as Russia stands accused of hacking emails, and 4 people died on Friday."))
	right := corpus.Parse("right", []byte("They claimed that Russians hacked computers; 5 people died on Saturday."))
	c := &Comparison{Left: left, Right: right}
	sw := c.Shared(Block{Kind: Aligned, Left: left.Body, Right: right.Body})
	texts := func(a *corpus.Article, ss []corpus.Span) string {
		var out []string
		for _, s := range ss {
			out = append(out, a.Text(s))
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ name, got, want string }{
		{"left shared", texts(left, sw.Left), "Russia hacking people died"},
		{"right shared", texts(right, sw.Right), "Russians hacked people died"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	if sw := c.Shared(Block{Kind: LeftOnly, Left: left.Body}); len(sw.Left)+len(sw.Right) != 0 {
		t.Errorf("a one-sided block shares %+v", sw)
	}
}
