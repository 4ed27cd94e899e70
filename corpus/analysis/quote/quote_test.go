package quote

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// quoteArticle segments a fixture text as the loader would.
func quoteArticle(id, text string) *corpus.Article {
	a := corpus.Parse("test", []byte(text))
	a.ID = id
	return a
}

// quotePlain makes curly apostrophes straight, so that wants can be written
// either way.
func quotePlain(s string) string { return strings.ReplaceAll(s, "’", "'") }

// quotedCase is one paragraph and the text and speaker of each of its
// quotes, in order, every one of them closed.
type quotedCase struct {
	name            string
	text            string
	texts, speakers []string
}

// runQuotedCases extracts the quotes of each case's paragraph, set after a
// title, and checks their texts and speakers and that none is unclosed.
func runQuotedCases(t *testing.T, tests []quotedCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var texts, speakers []string
			for _, q := range Extract(quoteArticle("a", "T\n\n"+tt.text+"\n")) {
				texts, speakers = append(texts, q.Text()), append(speakers, q.Speaker)
				if q.Unclosed {
					t.Errorf("%q: unclosed", q.Text())
				}
			}
			if !slices.Equal(texts, tt.texts) || !slices.Equal(speakers, tt.speakers) {
				t.Errorf("quotes %q by %q, want %q by %q", texts, speakers, tt.texts, tt.speakers)
			}
		})
	}
}

// wantQuote is what a fixture expects of one quote.
type wantQuote struct {
	text     string
	speaker  string
	verb     string
	parts    int // 0 means 1
	block    bool
	short    bool
	unclosed bool
	hedges   []string
}

func TestQuotesExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
	}{
		{
			name: "curly marks, speaker after with title",
			text: "T\n\n“We will win this race, and we will win it big,” Mr Smith said on Monday.\n",
			want: []wantQuote{{text: "We will win this race, and we will win it big", speaker: "Smith", verb: "said"}},
		},
		{
			name: "speaker before, colon and straight marks",
			text: "T\n\nResponding to questions, Jones said: \"Nothing has been decided about the plan yet.\"\n",
			want: []wantQuote{{text: "Nothing has been decided about the plan yet.", speaker: "Jones", verb: "said"}},
		},
		{
			name: "mixed marks: straight opening, curly closing",
			text: "T\n\nPeskov said: \"Moscow is at pains to avoid any interference in the process.”\n",
			want: []wantQuote{{text: "Moscow is at pains to avoid any interference in the process.", speaker: "Peskov", verb: "said"}},
		},
		{
			name: "verb first, name after a descriptor",
			text: "T\n\n“This is a matter of national security,” said the party’s chief strategist Anna Berg.\n",
			want: []wantQuote{{text: "This is a matter of national security", speaker: "Anna Berg", verb: "said"}},
		},
		{
			name: "name before an appositive",
			text: "T\n\n“This is a matter of national security,” Anna Berg, the party’s chief strategist, said.\n",
			want: []wantQuote{{text: "This is a matter of national security", speaker: "Anna Berg", verb: "said"}},
		},
		{
			name: "titles dropped",
			text: "T\n\n“I don’t want to use four-letter words,” Russian Foreign Minister Sergei Lavrov told reporters.\n",
			want: []wantQuote{{text: "I don’t want to use four-letter words", speaker: "Sergei Lavrov", verb: "told"}},
		},
		{
			name: "nested curly single quotes",
			text: "T\n\n“He told me ‘never again’ and walked out of the room,” Smith said.\n",
			want: []wantQuote{{text: "He told me ‘never again’ and walked out of the room", speaker: "Smith", verb: "said"}},
		},
		{
			name: "nested straight single quotes",
			text: "T\n\n\"They call it 'the deal of the century' in Washington,\" Smith said.\n",
			want: []wantQuote{{text: "They call it 'the deal of the century' in Washington", speaker: "Smith", verb: "said"}},
		},
		{
			name: "apostrophes are not quote marks",
			text: "T\n\nClinton’s aides said the team wasn’t told. Sanders’ supporters and the Joneses' neighbours didn't say 'anything' or ‘much’.\n",
			want: nil,
		},
		{
			name: "apostrophes inside a quote",
			text: "T\n\n“You’re wrong about Clinton’s emails and Sanders’ bid,” Smith said.\n",
			want: []wantQuote{{text: "You’re wrong about Clinton’s emails and Sanders’ bid", speaker: "Smith", verb: "said"}},
		},
		{
			name: "inch marks are not quote marks",
			text: "T\n\nThe 12\" screen and the 5\" case were sold out.\n",
			want: nil,
		},
		{
			name: "missing closing mark ends at the paragraph end",
			text: "T\n\nThe campaign called it “a disgrace to the whole of the country.\n\nThe vote is on Friday.\n",
			want: []wantQuote{{text: "a disgrace to the whole of the country.", speaker: "campaign", verb: "called", unclosed: true}},
		},
		{
			name: "missing closing mark before a new quote",
			text: "T\n\nHe called it “a disgrace to the whole country. Later he said “we will win this again.”\n",
			want: []wantQuote{
				{text: "a disgrace to the whole country.", speaker: "he", verb: "called", unclosed: true},
				{text: "we will win this again.", speaker: "he", verb: "said"},
			},
		},
		{
			name: "quote spanning paragraphs",
			text: "T\n\n“The first paragraph of the statement goes on here.\n\n“And the second paragraph ends it,” Smith said.\n",
			want: []wantQuote{{text: "The first paragraph of the statement goes on here. And the second paragraph ends it", speaker: "Smith", verb: "said", parts: 2}},
		},
		{
			name: "block quote after stated:",
			text: "T\n\nAt a rally on Tuesday, Smith stated:\n\nWe are going to build it and they are going to pay for it.\n\nThe crowd cheered.\n",
			want: []wantQuote{{text: "We are going to build it and they are going to pay for it.", speaker: "Smith", verb: "stated", block: true}},
		},
		{
			name: "block quote after wrote:",
			text: "T\n\nOn Twitter, Miller wrote:\n\nTo be clear, nobody was asked to do anything of the kind today.\n",
			want: []wantQuote{{text: "To be clear, nobody was asked to do anything of the kind today.", speaker: "Miller", verb: "wrote", block: true}},
		},
		{
			name: "no block quote after a colon without a verb",
			text: "T\n\nThe figures for the year:\n\nSales rose by ten percent and costs fell.\n",
			want: nil,
		},
		{
			name: "he said resolves to the subject before",
			text: "T\n\nMayor Anna Berg opened the bridge on Monday.\n\n“It took us ten long years to get here,” she said.\n",
			want: []wantQuote{{text: "It took us ten long years to get here", speaker: "Anna Berg", verb: "said"}},
		},
		{
			name: "an epithet between stops the pronoun's resolution",
			text: "T\n\nTrump spoke first at the rally.\n\nThe liberal icon justice had started the storm.\n\n“I can’t imagine what the country would be,” she said.\n",
			want: []wantQuote{{text: "I can’t imagine what the country would be", speaker: "she", verb: "said"}},
		},
		{
			name: "a long appositive between the name and the verb",
			text: "T\n\nDmitry Bam, a professor of law who has written on recusals and ethics, said “there is little question that she has crossed a line.”\n",
			want: []wantQuote{{text: "there is little question that she has crossed a line.", speaker: "Dmitry Bam", verb: "said"}},
		},
		{
			name: "he said with no name to resolve to",
			text: "T\n\n“It is over now for all of us,” he said.\n",
			want: []wantQuote{{text: "It is over now for all of us", speaker: "he", verb: "said"}},
		},
		{
			name: "participle takes the clause subject",
			text: "T\n\nDuring the debate, Smith attacked his rival, saying “she has no plan at all for jobs.”\n",
			want: []wantQuote{{text: "she has no plan at all for jobs.", speaker: "Smith", verb: "saying"}},
		},
		{
			name: "a name opening the sentence may end in -ing",
			text: "T\n\nDowning Street confirmed on Thursday that further details will be “set out in due course”.\n",
			want: []wantQuote{{text: "set out in due course", speaker: "Downing Street", verb: "confirmed"}},
		},
		{
			name: "a participle opening the sentence is no name",
			text: "T\n\nSpeaking Tuesday, Smith said “she has no plan at all for jobs.”\n",
			want: []wantQuote{{text: "she has no plan at all for jobs.", speaker: "Smith", verb: "said"}},
		},
		{
			name: "scare quotes are short",
			text: "T\n\nThe emails would contain some “beauties”, Trump said.\n",
			want: []wantQuote{{text: "beauties", speaker: "Trump", verb: "said", short: true}},
		},
		{
			name: "second quote of a sentence pair takes the first one's speaker",
			text: "T\n\n“The first part of it is here,” Smith told reporters. “The second part of the quote is here.”\n",
			want: []wantQuote{
				{text: "The first part of it is here", speaker: "Smith", verb: "told"},
				{text: "The second part of the quote is here.", speaker: "Smith"},
			},
		},
		{
			name: "a paragraph of only a quote takes the previous quote's speaker",
			text: "T\n\n“The first part of it is here,” Smith said.\n\n“The second part of the quote is here.”\n",
			want: []wantQuote{
				{text: "The first part of it is here", speaker: "Smith", verb: "said"},
				{text: "The second part of the quote is here.", speaker: "Smith"},
			},
		},
		{
			name: "hedges outside the quote",
			text: "T\n\n“We did not take any of the money,” the company allegedly claimed.\n",
			want: []wantQuote{{text: "We did not take any of the money", speaker: "company", verb: "claimed", hedges: []string{"allegedly"}}},
		},
		// An aside is about someone else: its words keep no distance from
		// the quote.
		{
			name: "no hedge from an aside between dashes",
			text: "T\n\nPresident Obama – whose own government has reportedly carried out hacks on other governments – refused to rule it out, adding: “What we do know is that the Russians hack our systems.”\n",
			want: []wantQuote{{text: "What we do know is that the Russians hack our systems.", speaker: "Obama", verb: "adding"}},
		},
		{
			name: "no hedge from an aside in brackets, one outside it",
			text: "T\n\n“We did not take any of the money,” the company reportedly said (its accounts allegedly say otherwise).\n",
			want: []wantQuote{{text: "We did not take any of the money", speaker: "company", verb: "said", hedges: []string{"reportedly"}}},
		},
		{
			name: "a lone dash opens no aside",
			text: "T\n\n“We did not take any of the money,” the company said – allegedly.\n",
			want: []wantQuote{{text: "We did not take any of the money", speaker: "company", verb: "said", hedges: []string{"allegedly"}}},
		},
		// Words naming a claim or an act of someone else are no hedge.
		{
			name: "an accusation is no hedge",
			text: "T\n\nDennis accused the group of playing politics and called the organization “entirely irrelevant to the debate.”\n",
			want: []wantQuote{{text: "entirely irrelevant to the debate.", speaker: "Dennis", verb: "called"}},
		},
		{
			name: "no quote inside the quote counts as a hedge",
			text: "T\n\n“It is probably China, or somebody else,” Trump said.\n",
			want: []wantQuote{{text: "It is probably China, or somebody else", speaker: "Trump", verb: "said"}},
		},
		{
			name: "empty marks are no quote",
			text: "T\n\nHe said “” and then \"  \" again.\n",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := quoteArticle("fixture", tt.text)
			got := Extract(a)
			if err := checkQuotes(a, got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				var texts []string
				for _, q := range got {
					texts = append(texts, q.Text())
				}
				t.Fatalf("got %d quotes %q, want %d", len(got), texts, len(tt.want))
			}
			for i, w := range tt.want {
				q := got[i]
				if w.parts == 0 {
					w.parts = 1
				}
				if q.Text() != w.text {
					t.Errorf("quote %d: text %q, want %q", i, q.Text(), w.text)
				}
				if q.Speaker != w.speaker || q.Verb != w.verb {
					t.Errorf("quote %d %q: speaker %q verb %q, want %q %q", i, q.Text(), q.Speaker, q.Verb, w.speaker, w.verb)
				}
				if len(q.Parts) != w.parts || q.Block != w.block || q.Short != w.short || q.Unclosed != w.unclosed {
					t.Errorf("quote %d %q: parts %d block %v short %v unclosed %v, want %d %v %v %v",
						i, q.Text(), len(q.Parts), q.Block, q.Short, q.Unclosed, w.parts, w.block, w.short, w.unclosed)
				}
				if !slices.Equal(q.Hedges, w.hedges) {
					t.Errorf("quote %d %q: hedges %q, want %q", i, q.Text(), q.Hedges, w.hedges)
				}
			}
		})
	}
}

// seedQuote returns the quote of the seed article whose ID starts with id
// and whose text contains sub.
func seedQuote(t *testing.T, as []*corpus.Article, id, sub string) Quote {
	t.Helper()
	for _, a := range as {
		if !strings.HasPrefix(a.ID, id) {
			continue
		}
		for _, q := range Extract(a) {
			if strings.Contains(quotePlain(q.Text()), quotePlain(sub)) {
				return q
			}
		}
	}
	t.Fatalf("%s: no quote contains %q", id, sub)
	return Quote{}
}

func TestQuotesSeeds(t *testing.T) {
	as := testcorpus.Seeds(t)
	for _, a := range as {
		if err := checkQuotes(a, Extract(a)); err != nil {
			t.Errorf("%s: %v", a.ID, err)
		}
	}
	tests := []struct {
		id, sub, speaker, verb string
		block, short           bool
	}{
		{"000", "Russia, if you’re listening", "Trump", "said", false, false},
		{"000", "I think you’ll be rewarded", "Trump", "", false, false},
		{"000", "beauties", "Trump", "said", false, true},
		{"000", "This has to be the first time", "Jake Sullivan", "said", false, false},
		{"000", "This has gone from being", "Jake Sullivan", "", false, false},
		{"000", "serious consequences", "Mike Pence", "said", false, true},
		{"000", "What we do know", "Obama", "adding", false, false},
		{"001", "Russia, if you’re listening", "Trump", "stated", true, false},
		{"001", "This has to be the first time", "Jake Sullivan", "stating", true, false},
		{"001", "To be clear", "Miller", "wrote", true, false},
		{"002", "Russia, if you’re listening", "Trump", "said", false, false},
		{"002", "I think you will probably", "Trump", "", false, false},
		{"002", "It is probably China", "Trump", "saying", false, false},
		// The sentence before names Trump only as "The New York
		// businessman", and the one before that is about Trump alone.
		{"002", "It shows how weak", "Trump", "said", false, false},
		{"002", "personal", "Clinton", "said", false, true},
		{"002", "This has to be the first time", "Jake Sullivan", "said", false, false},
		{"003", "Russia, if you’re listening", "Trump", "told", false, false},
		{"003", "If it is Russia and they", "Pence", "said", false, false},
		{"003", "four-letter words", "Sergei Lavrov", "told", false, false},
		{"003", "welcome gift", "Halkett", "said", false, false},
		{"003", "firmly", "Trump", "said", false, true},
		{"003", "purely an act of cyber warfare", "Jacobs", "told", false, false},
		{"003", "admiration for Vladimir Putin", "Obama", "said", false, false},
		{"003", "favourable coverage", "Obama", "", false, false},
		{"004", "missing emails", "", "", false, true},
		{"004", "This has to be the first time", "Jake Sullivan", "said", false, false},
		{"004", "I have nothing to do with Russia", "Trump", "insisted", false, false},
		{"004", "which it probably isn't", "Trump", "said", false, false},
		{"004", "I will tell you this", "Trump", "said", false, false},
		{"004", "What the motives were", "Obama", "told", false, false},
		{"004", "Moscow is at pains", "Peskov", "said", false, false},
		{"004", "We see that the Russian card", "Peskov", "", false, false},
		{"004", "This reminds me", "Peskov", "said", false, false},
	}
	for _, tt := range tests {
		q := seedQuote(t, as, tt.id, tt.sub)
		if q.Speaker != tt.speaker || q.Verb != tt.verb || q.Block != tt.block || q.Short != tt.short {
			t.Errorf("%s %q: speaker %q verb %q block %v short %v, want %q %q %v %v",
				tt.id, tt.sub, q.Speaker, q.Verb, q.Block, q.Short, tt.speaker, tt.verb, tt.block, tt.short)
		}
	}

	// Al Jazeera's “first time … a political opponent. has no closing
	// mark: its part ends at the paragraph's end, and the next paragraph,
	// opening with a mark, continues it.
	q := seedQuote(t, as, "003", "first time that a major")
	if len(q.Parts) != 2 || q.Parts[0].End != q.Article.Paragraphs[q.Para].End {
		t.Errorf("003 first time: parts %v, want 2 with the first ending at the paragraph end %d", q.Parts, q.Article.Paragraphs[q.Para].End)
	}
	if !strings.HasPrefix(q.Article.Text(q.Parts[1]), "This has gone") {
		t.Errorf("003 first time: second part %q, want the next paragraph's quote", q.Article.Text(q.Parts[1]))
	}

	// No quote starts or ends at an apostrophe: every part of a quote in
	// marks has a double quote mark right before it.
	for _, a := range as {
		for _, q := range Extract(a) {
			if q.Block {
				continue
			}
			for _, p := range q.Parts {
				r := a.TokensIn(p)
				i := r.Start - 1
				for i >= 0 && a.Tokens.Kind(i) == corpus.TokSpace {
					i--
				}
				if i < 0 || a.Tokens.Form(i) != `"` {
					t.Errorf("%s: quote part %q does not follow a double quote mark", a.ID[:3], a.Text(p))
				}
			}
		}
	}
}

// checkQuotes asserts what every Quote promises: parts inside Raw, on
// token boundaries, in order, matching Span, Words and Short.
func checkQuotes(a *corpus.Article, qs []Quote) error {
	prevEnd := 0
	for k, q := range qs {
		if q.Article != a {
			return fmt.Errorf("quote %d: wrong article", k)
		}
		if err := checkQuote(q); err != nil {
			return fmt.Errorf("quote %d: %v", k, err)
		}
		if q.Span.Start < prevEnd {
			return fmt.Errorf("quote %d %v overlaps the one before", k, q.Span)
		}
		prevEnd = q.Span.End
		if q.Para < 0 || q.Para >= len(a.Paragraphs) {
			return fmt.Errorf("quote %d: paragraph %d of %d", k, q.Para, len(a.Paragraphs))
		}
		if p := a.Paragraphs[q.Para]; q.Span.Start < p.Start || q.Span.Start >= p.End {
			return fmt.Errorf("quote %d %v does not start in its paragraph %v", k, q.Span, p.Span)
		}
		if q.Short != (q.Words < MinWords) {
			return fmt.Errorf("quote %d: %d words but short %v", k, q.Words, q.Short)
		}
	}
	return nil
}

// checkQuote asserts the span invariants of one quote, as Quotes returns
// it or as a group member.
func checkQuote(q Quote) error {
	a := q.Article
	if len(q.Parts) == 0 {
		return fmt.Errorf("no parts")
	}
	if q.Span.Start > q.Span.End || q.Span != (corpus.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}) {
		return fmt.Errorf("span %v does not cover parts %v", q.Span, q.Parts)
	}
	words, at := 0, q.Span.Start
	for _, p := range q.Parts {
		if err := testcorpus.CheckSpan(a.Raw, p); err != nil {
			return err
		}
		if p.Start < at || p.Empty() {
			return fmt.Errorf("part %v empty or out of order", p)
		}
		at = p.End
		r := a.TokensIn(p)
		if r.Len() == 0 || a.Tokens.Span(r.Start).Start != p.Start || a.Tokens.Span(r.End-1).End != p.End {
			return fmt.Errorf("part %v not on token boundaries", p)
		}
		words += corpus.CountWords(a.Tokens.In(r))
	}
	if words != q.Words || words == 0 {
		return fmt.Errorf("%d words, Words says %d", words, q.Words)
	}
	return nil
}

// quotePartsText is a quote's parts' bytes laid end to end, as the group ops
// rebuild them.
func quotePartsText(q Quote) []byte {
	var b []byte
	for _, p := range q.Parts {
		b = append(b, q.Article.Raw[p.Start:p.End]...)
	}
	return b
}

// quoteInParts reports whether s lies within one of q's parts.
func quoteInParts(q Quote, s corpus.Span) bool {
	for _, p := range q.Parts {
		if s.Start >= p.Start && s.End <= p.End {
			return true
		}
	}
	return false
}

// checkQuoteGroups asserts the group invariants: one quote per article at
// most, a valid Common, and ops that rebuild the common wording on the left
// and each quote on the right without crossing a gap between parts.
func checkQuoteGroups(arts []*corpus.Article, gs []Group) error {
	for gi, g := range gs {
		if len(g.Quotes) == 0 || g.Common < 0 || g.Common >= len(g.Quotes) || len(g.Ops) != len(g.Quotes) {
			return fmt.Errorf("group %d: %d quotes, common %d, %d op lists", gi, len(g.Quotes), g.Common, len(g.Ops))
		}
		if gi > 0 && len(g.Quotes) > len(gs[gi-1].Quotes) {
			return fmt.Errorf("group %d has more outlets than the one before", gi)
		}
		seen := make(map[*corpus.Article]bool)
		for _, q := range g.Quotes {
			if seen[q.Article] {
				return fmt.Errorf("group %d: two quotes of %s", gi, q.Article.ID)
			}
			seen[q.Article] = true
			if !slices.Contains(arts, q.Article) {
				return fmt.Errorf("group %d: a quote of an article not given", gi)
			}
			if err := checkQuote(q); err != nil {
				return fmt.Errorf("group %d: %v", gi, err)
			}
		}
		c := g.Quotes[g.Common]
		for i, q := range g.Quotes {
			var left, right []byte
			for _, op := range g.Ops[i] {
				if op.Kind != compare.OpInsert {
					if !quoteInParts(c, op.Left) {
						return fmt.Errorf("group %d quote %d: op %v left %v outside the common parts %v", gi, i, op.Kind, op.Left, c.Parts)
					}
					left = append(left, c.Article.Raw[op.Left.Start:op.Left.End]...)
				}
				if op.Kind != compare.OpDelete {
					if !quoteInParts(q, op.Right) {
						return fmt.Errorf("group %d quote %d: op %v right %v outside the parts %v", gi, i, op.Kind, op.Right, q.Parts)
					}
					right = append(right, q.Article.Raw[op.Right.Start:op.Right.End]...)
				}
			}
			if !bytes.Equal(left, quotePartsText(c)) {
				return fmt.Errorf("group %d quote %d: ops rebuild the common wording as %q, want %q", gi, i, left, quotePartsText(c))
			}
			if !bytes.Equal(right, quotePartsText(q)) {
				return fmt.Errorf("group %d quote %d: ops rebuild %q, want %q", gi, i, right, quotePartsText(q))
			}
		}
	}
	return nil
}

// quoteGroupWith returns the group holding a quote of article id whose text
// contains sub.
func quoteGroupWith(t *testing.T, gs []Group, id, sub string) Group {
	t.Helper()
	for _, g := range gs {
		for _, q := range g.Quotes {
			if strings.HasPrefix(q.Article.ID, id) && strings.Contains(quotePlain(q.Text()), quotePlain(sub)) {
				return g
			}
		}
	}
	t.Fatalf("no group has %s's quote %q", id, sub)
	return Group{}
}

func quoteOutlets(g Group) []string {
	var ids []string
	for _, q := range g.Quotes {
		ids = append(ids, q.Article.ID[:3])
	}
	return ids
}

// quoteChanges lists the words each change of a group's ops removes from the
// common wording ("-…") or adds ("+…"), per quote, curly apostrophes made
// straight.
func quoteChanges(g Group) [][]string {
	out := make([][]string, len(g.Quotes))
	c := g.Quotes[g.Common]
	for i, q := range g.Quotes {
		for _, op := range g.Ops[i] {
			switch {
			case op.Minor || op.Kind == compare.OpEqual:
			case op.Kind == compare.OpDelete:
				out[i] = append(out[i], "-"+strings.TrimSpace(quotePlain(c.Article.Text(op.Left))))
			case op.Kind == compare.OpInsert:
				out[i] = append(out[i], "+"+strings.TrimSpace(quotePlain(q.Article.Text(op.Right))))
			}
		}
	}
	return out
}

func TestGroupQuotesSeeds(t *testing.T) {
	as := testcorpus.Seeds(t)
	gs := Groups(as)
	if err := checkQuoteGroups(as, gs); err != nil {
		t.Fatal(err)
	}
	all := []string{"000", "001", "002", "003", "004"}

	// Trump's call: split in two by 000, 002 and 003, one quote in 004, a
	// block quote in 001.
	russia := quoteGroupWith(t, gs, "002", "Russia, if you’re listening")
	if got := quoteOutlets(russia); !slices.Equal(got, all) {
		t.Errorf("Russia group outlets %q, want %q", got, all)
	}
	if russia.Speaker != "Trump" {
		t.Errorf("Russia group speaker %q, want %q", russia.Speaker, "Trump")
	}
	for _, q := range russia.Quotes {
		if text := quotePlain(q.Text()); !strings.Contains(text, "if you're listening") || !strings.Contains(text, "rewarded mightily") {
			t.Errorf("%s's member of the Russia group is %q, want both halves of the utterance", q.Article.ID[:3], text)
		}
	}
	var words []string
	for _, cs := range quoteChanges(russia) {
		words = append(words, cs...)
	}
	joined := strings.Join(words, "|")
	for _, want := range []string{"probably", "you will", "you'll", "I will tell you this"} {
		if !strings.Contains(joined, want) {
			t.Errorf("Russia group changes %q lack %q", words, want)
		}
	}

	// Sullivan's statement: "his political opponent" against Al
	// Jazeera's "a political opponent".
	sullivan := quoteGroupWith(t, gs, "000", "first time that a major presidential candidate")
	if got := quoteOutlets(sullivan); !slices.Equal(got, all) {
		t.Errorf("Sullivan group outlets %q, want %q", got, all)
	}
	if speakerKey(sullivan.Speaker) != "sullivan" {
		t.Errorf("Sullivan group speaker %q, want Jake Sullivan", sullivan.Speaker)
	}
	aj := slices.Index(quoteOutlets(sullivan), "003")
	if aj < 0 || !slices.Contains(quoteChanges(sullivan)[aj], "-his") || !slices.Contains(quoteChanges(sullivan)[aj], "+a") {
		t.Errorf("Sullivan group: Al Jazeera's changes %q, want -his and +a", quoteChanges(sullivan)[max(aj, 0)])
	}

	// Quotes only one outlet carries.
	singles := []struct{ id, sub string }{
		{"003", "four-letter words"},
		{"004", "Moscow is at pains"},
		{"004", "We see that the Russian card"},
		{"004", "This reminds me"},
		{"003", "If it is Russia and they"},
		{"004", "which it probably isn't"},
	}
	for _, s := range singles {
		if got := quoteOutlets(quoteGroupWith(t, gs, s.id, s.sub)); !slices.Equal(got, []string{s.id}) {
			t.Errorf("group of %s %q has outlets %q, want only %s", s.id, s.sub, got, s.id)
		}
	}
	for _, g := range gs {
		if g.Speaker == "Peskov" && !slices.Equal(quoteOutlets(g), []string{"004"}) {
			t.Errorf("a Peskov group has outlets %q, want only TRT World", quoteOutlets(g))
		}
	}

	// Obama's NBC interview: two outlets quote the same lines, with
	// different cuts.
	if got := quoteOutlets(quoteGroupWith(t, gs, "003", "admiration for Vladimir Putin")); !slices.Equal(got, []string{"003", "004"}) {
		t.Errorf("Obama admiration group outlets %q, want 003 004", got)
	}

	// Every speaker the seeds name is recognised somewhere.
	speakers := make(map[string]bool)
	for _, a := range as {
		for _, q := range Extract(a) {
			speakers[speakerKey(q.Speaker)] = true
		}
	}
	for _, want := range []string{"trump", "sullivan", "lavrov", "peskov", "pence", "obama", "jacobs", "halkett"} {
		if !speakers[want] {
			t.Errorf("speaker %q not recognised", want)
		}
	}

	// The same input gives the same groups.
	if again := Groups(as); fmt.Sprint(again) != fmt.Sprint(gs) {
		t.Error("Groups is not deterministic")
	}
	for _, g := range gs {
		t.Logf("%d outlets, speaker %q", len(g.Quotes), g.Speaker)
		for i, q := range g.Quotes {
			t.Logf("  %s %q %q %q", q.Article.ID[:3], q.Speaker, q.Text(), quoteChanges(g)[i])
		}
	}
}

func TestGroupQuotesFixtures(t *testing.T) {
	split := quoteArticle("split", "T\n\n“Alpha team members crossed the border at dawn,” Smith told reporters. “They will return with the whole convoy next week.”\n")
	whole := quoteArticle("whole", "T\n\nSmith said: \"Alpha team members crossed the border at dawn. They will return with the convoy next week.\"\n")
	other := quoteArticle("other", "T\n\n“They will be glad to see the border open at dawn,” Jones said.\n")
	near := quoteArticle("near", "T\n\n“Alpha team members crossed the border at dawn,” Smith said.\n\nThe ministry said later that nobody was hurt.\n\n“We will not comment on the operation,” Smith said.\n")
	arts := []*corpus.Article{split, whole, other, near}
	gs := Groups(arts)
	if err := checkQuoteGroups(arts, gs); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range gs {
		var ids []string
		for _, q := range g.Quotes {
			ids = append(ids, fmt.Sprintf("%s:%d", q.Article.ID, len(q.Parts)))
		}
		got = append(got, strings.Join(ids, " "))
	}
	// The split quote joins as two parts; Jones shares only common words;
	// "near" quotes Smith twice, but only the first is the same utterance.
	want := []string{"split:2 whole:1 near:1", "other:1", "near:1"}
	if !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
	if gs[0].Speaker != "Smith" {
		t.Errorf("speaker %q, want Smith", gs[0].Speaker)
	}
	if cs := quoteChanges(gs[0]); !slices.Contains(slices.Concat(cs...), "+whole") && !slices.Contains(slices.Concat(cs...), "-whole") {
		t.Errorf("changes %q, want the dropped word %q", cs, "whole")
	}
	// An outlet that quotes the utterance twice, far apart, is in its
	// group once, with the longer rendering; the shorter is left out.
	twice := quoteArticle("twice", "T\n\n“Alpha team members crossed the border at dawn,” Smith said.\n\n"+
		"The weather was cold.\n\nNobody else spoke.\n\n“Alpha team members crossed the border at dawn. They will return with the convoy next week,” Smith added.\n")
	gs = Groups([]*corpus.Article{whole, twice})
	if err := checkQuoteGroups([]*corpus.Article{whole, twice}, gs); err != nil {
		t.Fatal(err)
	}
	if len(gs) != 1 || len(gs[0].Quotes) != 2 || !strings.Contains(gs[0].Quotes[1].Text(), "They will return") {
		var got [][]string
		for _, g := range gs {
			var texts []string
			for _, q := range g.Quotes {
				texts = append(texts, q.Article.ID+": "+q.Text())
			}
			got = append(got, texts)
		}
		t.Errorf("repeated quote: groups %q, want one group with twice's longer quote", got)
	}
	if Groups(nil) != nil || Groups([]*corpus.Article{quoteArticle("empty", "")}) != nil {
		t.Error("no quotes should give no groups")
	}
}

// quoteExcerpts returns, for each seed article, its paragraphs that hold
// a quote mark or end in a colon (with the paragraph after), up to about
// maxBytes: seeds small enough that the fuzzer's minimiser finishes quickly.
func quoteExcerpts(f *testing.F, maxBytes int) [][]byte {
	var out [][]byte
	for _, raw := range testcorpus.SeedTexts() {
		paras := bytes.Split(raw, []byte("\n\n"))
		ex := slices.Clone(paras[0])
		for i := 1; i < len(paras) && len(ex) < maxBytes; i++ {
			p := bytes.TrimSpace(paras[i])
			if bytes.ContainsAny(p, "\"“”") || bytes.HasSuffix(p, []byte(":")) || bytes.HasSuffix(bytes.TrimSpace(paras[i-1]), []byte(":")) {
				ex = append(append(ex, "\n\n"...), p...)
			}
		}
		out = append(out, ex)
	}
	return out
}

func FuzzQuotes(f *testing.F) {
	ex := quoteExcerpts(f, 1200)
	for i := range ex {
		f.Add(ex[i], ex[(i+1)%len(ex)])
	}
	f.Add([]byte("T\n\n“a b c d,” he said. “e f g h\n\n“i j k l” she said:\n\nm n o p"), []byte("T\n\n\"a b c d e f g h,\" Smith said"))
	f.Add([]byte("T\n\n“a b\x1b[1mc d,” said Mayor Sm\u2066ith.\n\n\x1b[0m“e f g\u0085h,\x1b]0;x\a” she said. “i\xffj k l”"), []byte("T\n\nJo\x1b[1mhn Smith said: “a b c\u202ed”"))
	f.Add([]byte("T\n\n“a “b c” d,” Ann Lee said. X was a \"e f' g, h. I j K.\n\nsaid \" m n \" o. More » \" p q, \" bo li, 61, told x."), []byte("T\n\n\"a \"b\" c d,\" x y, a z, said. «« p » q"))
	f.Fuzz(func(t *testing.T, raw, other []byte) {
		a, b := corpus.Parse("a", raw), corpus.Parse("b", other)
		a.ID, b.ID = "a", "b"
		for _, x := range []*corpus.Article{a, b} {
			if err := checkQuotes(x, Extract(x)); err != nil {
				t.Fatalf("%s: %v", x.ID, err)
			}
		}
		arts := []*corpus.Article{a, b}
		if err := checkQuoteGroups(arts, Groups(arts)); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkGroupQuotesSeeds(b *testing.B) {
	as := testcorpus.Seeds(b)
	b.ReportAllocs()
	for b.Loop() {
		Groups(as)
	}
}

func BenchmarkQuotesSeeds(b *testing.B) {
	as := testcorpus.Seeds(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			Extract(a)
		}
	}
}

func ExampleGroups() {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte("Trump asks Russia\n\n“Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing,” Trump said. “I think you will probably be rewarded mightily by our press.”\n")},
		"b.txt": {Data: []byte("Trump urges Russia\n\nIn a press conference, Trump stated:\n\nRussia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing. I think you’ll be rewarded mightily by our press.\n")},
	}
	c, _, err := corpus.LoadFS(fsys, "story")
	if err != nil {
		panic(err)
	}
	for _, g := range Groups(c.Articles()) {
		fmt.Printf("%s, %d outlets\n", g.Speaker, len(g.Quotes))
		common := g.Quotes[g.Common]
		for i, q := range g.Quotes {
			fmt.Printf("%s (%d parts):", q.Article.ID, len(q.Parts))
			for _, op := range g.Ops[i] {
				switch {
				case op.Minor:
				case op.Kind == compare.OpDelete:
					fmt.Printf(" -%q", common.Article.Text(op.Left))
				case op.Kind == compare.OpInsert:
					fmt.Printf(" +%q", q.Article.Text(op.Right))
				}
			}
			fmt.Println()
		}
	}
	// Output:
	// Trump, 2 outlets
	// a (2 parts):
	// b (1 parts): -"you will probably" +"you’ll"
}
