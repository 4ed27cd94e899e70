package analysis

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

func seedStory(t testing.TB) *Analysis {
	t.Helper()
	return mustAnalyze(&corpus.Story{Name: "seeds", Articles: testcorpus.Seeds(t)})
}

func TestCoverageMatrix(t *testing.T) {
	an := seedStory(t)
	n := len(an.Articles)
	for i := range n {
		if c := an.Coverage[i][i]; c.Aligned != 1 || c.Verbatim != 1 {
			t.Errorf("diagonal %d = %+v, want 100%%", i, c)
		}
		for j := range n {
			if i == j {
				continue
			}
			a, b := an.Coverage[i][j], an.Coverage[j][i]
			if a.EqualWords != b.EqualWords {
				t.Errorf("equal words %d/%d: %d vs %d", i, j, a.EqualWords, b.EqualWords)
			}
			if a.Verbatim > a.Aligned || a.Aligned > 1 || a.Verbatim <= 0 {
				t.Errorf("coverage %d/%d = %+v", i, j, a)
			}
			if c1, m1 := an.Comparison(i, j); m1 == (i < j) || c1 == nil {
				t.Errorf("Comparison(%d,%d) mirrored=%v", i, j, m1)
			}
		}
	}
}

func TestUniquePassages(t *testing.T) {
	an := seedStory(t)
	want := map[string][]string{
		"003": {"four-letter words"},
		"004": {"Peskov", "horror stories"},
		"002": {"sarcastic"},
	}
	for i, a := range an.Articles {
		for _, frag := range want[a.ID[:3]] {
			found := false
			for _, p := range an.Unique[i] {
				if strings.Contains(a.Text(p.Span), frag) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no unique passage mentions %q", a.ID, frag)
			}
		}
		for _, p := range an.Unique[i] {
			if strings.Contains(a.Text(p.Span), "if you’re listening") || strings.Contains(a.Text(p.Span), "rewarded mightily") {
				t.Errorf("%s: the shared quote is listed as unique: %q", a.ID, a.Text(p.Span))
			}
		}
	}
}

func TestVerbatimRuns(t *testing.T) {
	an := seedStory(t)
	var sullivan *VerbatimRun
	for i, r := range an.Verbatim {
		if r.Words < MinVerbatimRun || len(r.Spans) < 2 {
			t.Errorf("run %d: %d words, %d carriers", i, r.Words, len(r.Spans))
		}
		for _, s := range r.Spans {
			if strings.Contains(s.Article.Text(s.Span), "conduct espionage") {
				sullivan = &an.Verbatim[i]
			}
		}
	}
	if sullivan == nil || len(sullivan.Spans) != 5 {
		t.Fatalf("the Sullivan quote should be a verbatim run carried by all five outlets, got %+v", sullivan)
	}
	for _, s := range sullivan.Spans {
		t.Logf("%s: %q", s.Article.ID[:3], s.Article.Text(s.Span))
	}
}

func TestVerbatimRunsSynthetic(t *testing.T) {
	wire := "the agency reported that the river had risen above the old stone bridge overnight and that the council met at dawn"
	mk := func(id, text string) *corpus.Article {
		a := corpus.Parse("test", []byte("Title "+id+"\n\n"+text+"\n"))
		a.ID = id
		return a
	}
	arts := []*corpus.Article{
		mk("a", "Local news. "+wire+". More to come."),
		mk("b", "Other words first. "+wire+"."),
		mk("c", "Nothing in common with the others at all, only a story about a cat."),
		mk("d", "A paragraph. "+wire+" and then repeated: "+wire+"."),
	}
	runs := VerbatimRuns(arts, 12)
	if len(runs) != 1 {
		t.Fatalf("got %d runs, want 1: %+v", len(runs), runs)
	}
	var ids []string
	for _, s := range runs[0].Spans {
		ids = append(ids, s.Article.ID)
		if got := strings.ToLower(s.Article.Text(s.Span)); !strings.Contains(got, "river had risen") || len(got) > len(wire)+20 {
			t.Errorf("%s: span text %q", s.Article.ID, got)
		}
	}
	if strings.Join(ids, "") != "abd" {
		t.Errorf("carriers %v, want a b d", ids)
	}
}

func BenchmarkAnalyzeSeeds(b *testing.B) {
	arts := testcorpus.Seeds(b)
	b.ReportAllocs()
	for b.Loop() {
		mustAnalyze(&corpus.Story{Articles: arts})
	}
}

// TestDisagreements checks the seed story's facts. Facts are compared on
// the pairing (issue 9): the quote Press TV and others give to Jake
// Sullivan and Al Jazeera to "Clinton's campaign" is one utterance, so its
// speakers disagree; Swell Digest's "interview with NBC News on Wednesday"
// and Al Jazeera's "sit-down with NBC News that aired on Tuesday" report
// two statements that no comparison pairs, so their days are not compared,
// nor Hacked.com's "33,000 illegally deleted emails" (a tweet) with the
// "30,000 emails" of the press conference.
func TestDisagreements(t *testing.T) {
	an := seedStory(t)
	ds := an.Disagreements()
	var found = map[string]bool{}
	for _, d := range ds {
		var vals []string
		for _, m := range d.Mentions {
			vals = append(vals, m.Article.ID[:3]+"="+m.Value)
		}
		t.Logf("%s about %q: %s", d.Kind, d.About, strings.Join(vals, ", "))
		all := strings.Join(vals, " ")
		if d.Kind == FactAttribution && strings.Contains(all, "Jake Sullivan") && strings.Contains(all, "Clinton’s campaign") {
			found["speaker"] = true
		}
		if d.Kind == FactDay && strings.Contains(all, "Wednesday") && strings.Contains(all, "Tuesday") {
			t.Errorf("days of two statements compared: %s", all)
		}
		if d.Kind == FactNumber && strings.Contains(all, "30,000") && strings.Contains(all, "33,000") {
			t.Errorf("counts of a tweet and a press conference compared: %s", all)
		}
	}
	if !found["speaker"] {
		t.Errorf("the speaker of Jake Sullivan's quote (Jake Sullivan / Clinton’s campaign) is not reported")
	}
}

// mustAnalyze analyses s with no deadline, panicking on an error.
func mustAnalyze(s *corpus.Story) *Analysis {
	an, err := Analyze(context.Background(), s, nil)
	if err != nil {
		panic(err)
	}
	return an
}

// TestVerbatimRunShowsWhatAllCarriersPrint: three outlets print one quote,
// two of them with the words before it and two with the word after, so
// that each carrier's span differs at its ends. The run said "3 outlets"
// over the first carrier's span, words that one outlet never printed
// (the Ginsburg story: "published Sunday. “For the country… that.” She",
// where Fox has no "published Sunday"). Its text is now the stretch all
// three print, and its word count is that stretch's.
func TestVerbatimRunShowsWhatAllCarriersPrint(t *testing.T) {
	quote := "For the country, it could be four years. For the court, it could be — I don’t even want to contemplate that."
	mk := func(id, text string) *corpus.Article {
		a := corpus.Parse(id, []byte("Title "+id+"\n\n"+text+"\n"))
		a.ID = id
		return a
	}
	arts := []*corpus.Article{
		mk("nyt", "She told the interviewer in remarks published Sunday. “"+quote+"” She added more."),
		mk("fox", "Ginsburg said she could not imagine it. “"+quote+"” she said."),
		mk("huff", "The justice spoke in remarks published Sunday. “"+quote+"”"),
	}
	runs := VerbatimRuns(arts, 12)
	if len(runs) != 1 || len(runs[0].Spans) != 3 {
		t.Fatalf("got %d runs (%+v), want one of three carriers", len(runs), runs)
	}
	r := runs[0]
	got := r.Common.Article.Text(r.Common.Span)
	if want := "For the country, it could be four years. For the court, it could be — I don’t even want to contemplate that"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if r.Words != 21 {
		t.Errorf("%d words, want 21", r.Words)
	}
	for _, s := range r.Spans {
		if !strings.Contains(s.Article.Text(s.Span), got) {
			t.Errorf("%s's span %q lacks the common text", s.Article.ID, s.Article.Text(s.Span))
		}
	}
}

// TestVerbatimChainKeepsItsLinks: A and B print twenty words, B and C
// twenty-one, and no twelve of them are printed by all three. Each link
// is kept as a run of its two carriers, of the words both print. It was
// one run of three carriers over the first carrier's span, which said
// three outlets print words that one of them never did ("After 67 years
// of that ring …, she still looked at him …", where one outlet opens at
// "She still looked" and another misspells a word near the end).
func TestVerbatimChainKeepsItsLinks(t *testing.T) {
	mk := func(id, text string) *corpus.Article {
		a := corpus.Parse(id, []byte("Title "+id+"\n\n"+text+"\n"))
		a.ID = id
		return a
	}
	var w []string
	for i := range 30 {
		w = append(w, fmt.Sprintf("word%c%c", 'a'+i/10, 'a'+i%10))
	}
	arts := []*corpus.Article{
		mk("a", "Before. "+strings.Join(w[:20], " ")+". After."),
		mk("b", "Other. "+strings.Join(w, " ")+"."),
		mk("c", "Earlier. "+strings.Join(w[9:], " ")+"."),
	}
	runs := VerbatimRuns(arts, 12)
	want := []struct {
		carriers string
		text     string
	}{
		{"bc", strings.Join(w[9:], " ")},
		{"ab", strings.Join(w[:20], " ")},
	}
	if len(runs) != len(want) {
		t.Fatalf("got %d runs (%+v), want %d", len(runs), runs, len(want))
	}
	for i, r := range runs {
		var ids string
		for _, s := range r.Spans {
			ids += s.Article.ID
		}
		got := r.Common.Article.Text(r.Common.Span)
		if ids != want[i].carriers || got != want[i].text || r.Words != len(strings.Fields(want[i].text)) {
			t.Errorf("run %d: carriers %s, %d words %q; want %s, %q", i, ids, r.Words, got, want[i].carriers, want[i].text)
		}
		for k, s := range r.Spans {
			if txt := s.Article.Text(s.Span); txt != got || r.At[k] != s.Span.Start {
				t.Errorf("run %d: %s's span %q at %d, want %q at its start", i, s.Article.ID, txt, r.At[k], got)
			}
		}
	}
}

// TestVerbatimRunParagraphIsWhereItsWordsAre is a regression test: a
// carrier whose span begins a paragraph before the words every carrier
// prints was listed at that earlier paragraph. In the sample, Al
// Jazeera's span of "This has gone from being a matter of curiosity…"
// starts at "political opponent." at the end of the paragraph before, so
// `shared` gave it ¶7 where the run is in ¶8.
func TestVerbatimRunParagraphIsWhereItsWordsAre(t *testing.T) {
	run := "This has gone from being a matter of curiosity, and a matter of politics, to being a national security issue"
	mk := func(id, text string) *corpus.Article {
		a := corpus.Parse(id, []byte("Title "+id+"\n\n"+text+"\n"))
		a.ID = id
		return a
	}
	lead := "a major candidate has encouraged a foreign power to conduct espionage against a political opponent."
	arts := []*corpus.Article{
		mk("jazeera", "The campaign said it was the first time "+lead+"\n\n“"+run+",” the campaign said."),
		mk("swell", "The campaign said it was the first time "+lead+"\n\n“"+run+".”"),
		mk("trt", "Clinton's campaign spoke out.\n\nIt said: “"+run+".”"),
	}
	runs := VerbatimRuns(arts, 12)
	var found bool
	for _, r := range runs {
		if !strings.HasPrefix(r.Common.Article.Text(r.Common.Span), "This has gone") {
			continue
		}
		found = true
		if len(r.At) != len(r.Spans) {
			t.Fatalf("%d starts for %d carriers", len(r.At), len(r.Spans))
		}
		for i, s := range r.Spans {
			want := s.Article.ParagraphAt(bytes.Index(s.Article.Raw, []byte("This has gone")))
			if got := r.Paragraph(i); got != want {
				t.Errorf("%s: ¶%d, want ¶%d (its span: %q)", s.Article.ID, got, want, s.Article.Text(s.Span))
			}
		}
	}
	if !found {
		t.Fatalf("no run of %q among %+v", run, runs)
	}
}
