package story

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// testWords splits text into lower-case words: runs of letters, digits and
// apostrophes, with curly apostrophes made straight.
func testWords(text string) []string {
	var out []string
	for _, s := range testWordSpans(text) {
		out = append(out, testForm(text[s.Start:s.End]))
	}
	return out
}

func testForm(word string) string { return strings.ToLower(strings.ReplaceAll(word, "’", "'")) }

func testWordSpans(text string) []corpus.Span {
	var spans []corpus.Span
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			spans = append(spans, corpus.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, corpus.Span{Start: start, End: len(text)})
	}
	return spans
}

// testArticle returns an article whose only segmentation is its word
// tokens, which is all that GroupArticles reads.
func testArticle(id, text string) *corpus.Article {
	a := &corpus.Article{ID: id, Raw: []byte(text), Body: corpus.Span{Start: 0, End: len(text)}}
	var toks []corpus.Token
	for _, s := range testWordSpans(text) {
		toks = append(toks, corpus.Token{Span: s, Kind: corpus.TokWord, Form: testForm(text[s.Start:s.End])})
		a.Words++
	}
	a.Tokens = corpus.NewTokens(toks)
	return a
}

// Fixture articles for a second story, told three ways (one a brief), and
// for an unrelated event in the same city.
const (
	bridgeCourier = `Millbrook council votes to replace Harlow Street Bridge

The Millbrook City Council voted 6-3 on Tuesday night to tear down the 94-year-old Harlow Street Bridge and build a wider replacement, ending two years of debate over the rusting span that carries about 18,000 vehicles a day across the Tessel River.

The $48 million project will add protected bike lanes and a wider sidewalk, and is expected to close the crossing for about 20 months beginning in the spring of 2027. State and federal grants will cover roughly $31 million of the cost; the rest will come from a bond measure the council approved in 2024.

"This bridge has been patched, propped and inspected more than any structure in the county," said Councilmember Dana Okafor, who sponsored the measure. "We can keep paying to hold it together, or we can build something that lasts another century."

The three members who voted no, Ray Delgado, Susan Pike and Tom Whitfield, argued for a cheaper rehabilitation that would have kept the 1931 steel truss, which is listed on the state register of historic places. Pike said the closure would cut off the east side's shops from downtown traffic.

A 2023 engineering report rated the bridge's deck "poor" and found corrosion in two of its four piers. Weight limits imposed last year already bar school buses and fire trucks from the span.

City engineer Marcus Lind said detours would route traffic over the Route 9 crossing, about a mile north, while the work is under way.
`
	bridgeHerald = `Historic truss bridge to come down after split council vote

MILLBROOK — The Harlow Street Bridge, a steel truss that has spanned the Tessel River since 1931, will be demolished and replaced, after city council members narrowly backed the plan on Tuesday.

The 6-3 vote clears the way for a $48 million four-lane bridge with separated bike paths. Construction is scheduled to start in 2027 and take about 20 months, during which drivers will be sent north to the Route 9 bridge.

Supporters, led by Dana Okafor, pointed to years of emergency repairs and a 2023 inspection that found the deck in poor condition and corrosion in the piers. “We can keep paying to hold it together, or we can build something that lasts,” Okafor said before the vote.

Preservationists had pressed the council to restore the old span instead. Councilwoman Susan Pike, who opposed the replacement along with Ray Delgado and Tom Whitfield, warned that nearly two years without the crossing would hurt businesses on the east bank.

Grants are expected to pay about $31 million, with the city’s share funded by bonds.
`
	bridgeBrief = `Millbrook approves new Harlow Street Bridge

Millbrook’s city council voted 6-3 Tuesday to replace the 1931 Harlow Street Bridge over the Tessel River with a $48 million span. Work is set to begin in 2027 and close the crossing for about 20 months.
`
	marketMoves = `Millbrook farmers market moves to riverfront park

The Millbrook farmers market will leave the municipal parking garage next month and set up on Saturdays at Riverside Park, organizers said Friday, after vendors complained for years about cramped stalls and poor lighting.

Market manager Elena Ruiz said 42 vendors have signed up for the new site, up from 29 last season, including three bakeries and a cider maker from neighbouring Carver County. The park's pavilion will host live music on the first Saturday of each month.

"People want to shop outside, with their kids and dogs, and the garage just wasn't that," Ruiz said. Parking will be available on Elm Avenue and at the library lot, and a free shuttle will run from the downtown transit center.

The market opens at its new home on June 7 and runs from 8 a.m. to 1 p.m. through October.
`
)

// seedAndFixtureArticles returns the seed articles (one story) followed by
// the bridge story and the market article, and the expected groups of IDs.
func seedAndFixtureArticles(t *testing.T) ([]*corpus.Article, [][]string) {
	t.Helper()
	var arts []*corpus.Article
	var seeds []string
	for _, a := range testcorpus.Seeds(t) {
		arts = append(arts, testArticle(a.ID, string(a.Raw)))
		seeds = append(seeds, a.ID)
	}
	arts = append(arts,
		testArticle("bridge-courier", bridgeCourier),
		testArticle("bridge-herald", bridgeHerald),
		testArticle("bridge-brief", bridgeBrief),
		testArticle("market", marketMoves),
	)
	return arts, [][]string{seeds, {"bridge-courier", "bridge-herald", "bridge-brief"}, {"market"}}
}

func articleIDs(groups [][]*corpus.Article) [][]string {
	out := make([][]string, len(groups))
	for i, g := range groups {
		for _, a := range g {
			out[i] = append(out[i], a.ID)
		}
	}
	return out
}

func TestGroupArticles(t *testing.T) {
	arts, want := seedAndFixtureArticles(t)
	got := articleIDs(GroupArticles(arts))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GroupArticles:\ngot  %q\nwant %q", got, want)
	}
}

func TestGroupArticlesOrder(t *testing.T) {
	// Shuffled input gives the same partition, reported in the new order.
	arts, _ := seedAndFixtureArticles(t)
	order := []int{8, 2, 6, 0, 4, 7, 1, 5, 3}
	shuffled := make([]*corpus.Article, len(order))
	for i, k := range order {
		shuffled[i] = arts[k]
	}
	got := articleIDs(GroupArticles(shuffled))
	want := [][]string{
		{"market"},
		{arts[2].ID, arts[0].ID, arts[4].ID, arts[1].ID, arts[3].ID},
		{"bridge-herald", "bridge-brief", "bridge-courier"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GroupArticles(shuffled):\ngot  %q\nwant %q", got, want)
	}
}

func TestGroupArticlesSkipsBoilerplate(t *testing.T) {
	// Two unrelated articles that end with the same long footer: counted,
	// the footer would join them; as boilerplate it must not.
	footer := "Copyright Millbrook Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed. Sign up for our morning newsletter for the latest headlines from Millbrook and Carver County delivered to your inbox."
	mk := func(id, text string) *corpus.Article {
		a := testArticle(id, text+"\n\n"+footer)
		a.Paragraphs = []corpus.Paragraph{
			{Span: corpus.Span{Start: 0, End: len(text)}, Role: corpus.RoleProse},
			{Span: corpus.Span{Start: len(text) + 2, End: len(a.Raw)}, Role: corpus.RoleBoilerplate},
		}
		return a
	}
	arts := []*corpus.Article{mk("bridge", bridgeBrief), mk("market", marketMoves)}
	want := [][]string{{"bridge"}, {"market"}}
	if got := articleIDs(GroupArticles(arts)); !reflect.DeepEqual(got, want) {
		t.Errorf("GroupArticles:\ngot  %q\nwant %q", got, want)
	}
}

func TestGroupDocumentsEdgeCases(t *testing.T) {
	bridge := testWords(bridgeCourier)
	market := testWords(marketMoves)
	tests := []struct {
		name string
		docs [][]string
		want [][]int
	}{
		{"nil", nil, nil},
		{"empty", [][]string{}, nil},
		{"one doc", [][]string{bridge}, [][]int{{0}}},
		{"one empty doc", [][]string{{}}, [][]int{{0}}},
		{"empty docs stay apart", [][]string{{}, nil, {}}, [][]int{{0}, {1}, {2}}},
		{"empty doc beside others", [][]string{bridge, {}, market}, [][]int{{0}, {1}, {2}}},
		{"identical docs", [][]string{bridge, market, bridge, bridge}, [][]int{{0, 2, 3}, {1}}},
		{"identical one-word docs", [][]string{{"bridge"}, {"bridge"}}, [][]int{{0, 1}}},
		{"one word", [][]string{{"bridge"}}, [][]int{{0}}},
		{"one word of a long doc", [][]string{bridge, {"bridge"}}, [][]int{{0}, {1}}},
		{"only function words", [][]string{{"the", "of", "and"}, bridge}, [][]int{{0}, {1}}},
		{"identical function words", [][]string{{"the", "of"}, {"the", "of"}}, [][]int{{0, 1}}},
		{"upper case folded", [][]string{bridge, testWordsUpper(bridgeCourier)}, [][]int{{0, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := GroupDocuments(tt.docs)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("GroupDocuments() = %v, want %v", got, tt.want)
			}
		})
	}
}

func testWordsUpper(text string) []string {
	ws := testWords(text)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w)
	}
	return ws
}

func TestGroupDocumentsDeterministic(t *testing.T) {
	docs, _ := syntheticCorpus(500, 7)
	first := GroupDocuments(docs)
	for range 3 {
		if got := GroupDocuments(docs); !reflect.DeepEqual(got, first) {
			t.Fatalf("GroupDocuments gave different groups on a second run")
		}
	}
}

// pairScores returns the pairwise precision and recall of groups against the
// true stories: of the pairs that groups put together, the share from one
// story; of the pairs from one story, the share that groups put together.
func pairScores(groups [][]int, story []int) (precision, recall float64) {
	group := make([]int, len(story))
	for g, members := range groups {
		for _, i := range members {
			group[i] = g
		}
	}
	var tp, fp, fn int
	for i := range story {
		for j := i + 1; j < len(story); j++ {
			same, together := story[i] == story[j], group[i] == group[j]
			switch {
			case same && together:
				tp++
			case together:
				fp++
			case same:
				fn++
			}
		}
	}
	precision, recall = 1, 1
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		recall = float64(tp) / float64(tp+fn)
	}
	return precision, recall
}

// loadResearchCorpus returns the words of every article of the research
// corpus, the story of each, and the story names.
func loadResearchCorpus(t *testing.T) (docs [][]string, story []int, names []string) {
	t.Helper()
	// The research corpus of stories: one subdirectory per story, one file
	// per article.
	researchCorpus := testcorpus.Shared(t, "corpora/stories")
	entries, err := os.ReadDir(researchCorpus)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue // a file, or an index a command kept beside the stories
		}
		paths, err := filepath.Glob(filepath.Join(researchCorpus, e.Name(), "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, testWords(string(b)))
			story = append(story, len(names))
		}
		names = append(names, e.Name())
	}
	return docs, story, names
}

func TestGroupDocumentsResearchCorpus(t *testing.T) {
	docs, story, names := loadResearchCorpus(t)
	if len(names) != 17 || len(docs) != 61 {
		t.Fatalf("research corpus has %d stories and %d articles, want 17 and 61", len(names), len(docs))
	}
	// Measured: precision 1.000 in every case; recall 0.977 for the full
	// articles (0.907 before IDF's prior), and 0.907, 0.907 and 0.930 with
	// the briefs of 30, 60 and 100 words, of which 15, 17 and 17 join
	// their story. (0.930 with the 30-word briefs before each article had
	// to find its own heaviest terms in the other: the Texas deputies'
	// third article, no longer joined through the brief, is alone.) The
	// bounds leave a little room for changes that trade one for the other.
	tests := []struct {
		name          string
		brief         int // words kept of each story's first article; 0 keeps all
		minPrecision  float64
		minRecall     float64
		minBriefsKept int // briefs grouped with another article of their story
	}{
		{"full articles", 0, 0.95, 0.95, 0},
		{"briefs of 30 words", 30, 0.95, 0.8, 14},
		{"briefs of 60 words", 60, 0.95, 0.85, 16},
		{"briefs of 100 words", 100, 0.95, 0.85, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := slices.Clone(docs)
			var briefs []int
			if tt.brief > 0 {
				for i := range docs {
					if i == 0 || story[i] != story[i-1] {
						docs[i] = docs[i][:tt.brief]
						briefs = append(briefs, i)
					}
				}
			}
			groups := GroupDocuments(docs)
			p, r := pairScores(groups, story)
			kept := 0
			for _, g := range groups {
				for _, i := range g {
					if slices.Contains(briefs, i) && slices.ContainsFunc(g, func(j int) bool { return j != i && story[j] == story[i] }) {
						kept++
					}
				}
			}
			t.Logf("%d articles, %d stories: %d groups, pairwise precision %.3f, recall %.3f; briefs grouped %d/%d",
				len(docs), len(names), len(groups), p, r, kept, len(briefs))
			for _, g := range groups {
				var ss []string
				for _, i := range g {
					ss = append(ss, names[story[i]][:min(len(names[story[i]]), 40)])
				}
				t.Logf("  %v %v", g, ss)
			}
			if p < tt.minPrecision || r < tt.minRecall {
				t.Errorf("precision %.3f, recall %.3f; want at least %.2f and %.2f", p, r, tt.minPrecision, tt.minRecall)
			}
			if kept < tt.minBriefsKept {
				t.Errorf("%d briefs grouped with their story, want at least %d", kept, tt.minBriefsKept)
			}
		})
	}
}

// syntheticCorpus returns n generated articles in clusters of 2 to 5 and the
// cluster of each. Words come from a Zipf-distributed vocabulary of 50,000.
// Each cluster is an event: a base text of 900 words salted with 40 words
// of its own, 12 of them names found nowhere else (real events have people
// and places of their own) and 28 drawn from the vocabulary. Each article
// of the cluster keeps about three quarters of the base text's sentences,
// in order, rewords about a third of their words with background words, and
// stops at a length between 300 and 800 words, padding with new sentences
// if it runs out.
func syntheticCorpus(n int, seed uint64) (docs [][]string, cluster []int) {
	const vocabSize = 50000
	r := rand.New(rand.NewPCG(seed, 0x6e657773))
	vocab := make([]string, vocabSize)
	for i := range vocab {
		vocab[i] = syntheticWord(i)
	}
	zipf := rand.NewZipf(r, 1.1, 2, vocabSize-1)
	background := func() string { return vocab[zipf.Uint64()] }

	for c := 0; len(docs) < n; c++ {
		names := make([]string, 40)
		for i := range names {
			if i < 12 {
				names[i] = fmt.Sprintf("%s%d", syntheticWord(i), c)
			} else {
				names[i] = vocab[1000+r.IntN(vocabSize-1000)]
			}
		}
		word := func() string {
			if r.Float64() < 0.12 {
				return names[r.IntN(len(names))]
			}
			return background()
		}
		var base [][]string
		for words := 0; words < 900; {
			s := make([]string, 15+r.IntN(11))
			for i := range s {
				s[i] = word()
			}
			base = append(base, s)
			words += len(s)
		}
		size := 2 + r.IntN(4)
		for range min(size, n-len(docs)) {
			length := 300 + r.IntN(501)
			doc := make([]string, 0, length+25)
			for _, s := range base {
				if len(doc) >= length {
					break
				}
				if r.Float64() < 0.25 {
					continue
				}
				for _, w := range s {
					if r.Float64() < 0.35 {
						w = background()
					}
					doc = append(doc, w)
				}
			}
			for len(doc) < length {
				doc = append(doc, word())
			}
			docs = append(docs, doc)
			cluster = append(cluster, c)
		}
	}
	return docs, cluster
}

// syntheticWord spells i in lower-case letters, so that generated words look
// like words to the grouping.
func syntheticWord(i int) string {
	var b []byte
	for {
		b = append(b, byte('a'+i%26))
		i /= 26
		if i == 0 {
			break
		}
	}
	return "q" + string(b)
}

func TestGroupDocumentsSynthetic(t *testing.T) {
	docs, cluster := syntheticCorpus(2000, 1)
	groups := GroupDocuments(docs)
	p, r := pairScores(groups, cluster)
	t.Logf("%d synthetic articles in %d clusters: %d groups, pairwise precision %.3f, recall %.3f",
		len(docs), cluster[len(cluster)-1]+1, len(groups), p, r)
	if p < 0.99 || r < 0.95 {
		t.Errorf("precision %.3f, recall %.3f; want at least 0.99 and 0.95", p, r)
	}
}

func TestPairVerifierMatchesSimilarity(t *testing.T) {
	docs, _ := syntheticCorpus(300, 3)
	docs = append(docs, testWords(bridgeCourier), testWords(bridgeBrief), testWords(bridgeHerald), testWords(marketMoves))
	g := newGrouper(docs)
	v := newPairVerifier(g)
	for i := range int32(len(docs)) {
		v.load(i)
		for j := range int32(len(docs)) {
			if got, want := v.similarity(j), g.similarity(i, j); got != want {
				t.Fatalf("documents %d and %d: verifier gives %v, similarity %v", i, j, got, want)
			}
		}
	}
}

func TestMinHashEstimatesJaccard(t *testing.T) {
	// Sets of the given size sharing the given number of elements; the
	// fraction of equal signature values estimates their Jaccard
	// similarity. Averaged over 20 pairs of sets, it must come close.
	tests := []struct {
		name         string
		size, shared int
		oneHash      bool
	}{
		{"key terms, J=0.2", 24, 8, false},
		{"key terms, J=0.04", 24, 2, false},
		{"shingles, J=0.5", 400, 267, true},
		{"shingles, J=0.1", 400, 73, true},
		{"few shingles, J=0.33", 6, 3, true},
	}
	perms := minhashPermutations(groupTermBands)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := float64(tt.shared) / float64(2*tt.size-tt.shared)
			var sum float64
			const trials = 20
			for trial := range trials {
				var a, b []uint64
				for k := range tt.size {
					a = append(a, mix64(uint64(trial)<<32|uint64(k)))
					if k < tt.shared {
						b = append(b, a[k])
					} else {
						b = append(b, mix64(uint64(trial)<<32|uint64(k)|1<<31))
					}
				}
				var sa, sb []uint64
				if tt.oneHash {
					sa, sb = make([]uint64, 64), make([]uint64, 64)
					oneHash(sa, shingles32(a))
					oneHash(sb, shingles32(b))
				} else {
					sa, sb = make([]uint64, len(perms)), make([]uint64, len(perms))
					minHash(sa, a, perms)
					minHash(sb, b, perms)
				}
				equal := 0
				for k := range sa {
					if sa[k] == sb[k] {
						equal++
					}
				}
				sum += float64(equal) / float64(len(sa))
			}
			if got := sum / trials; math.Abs(got-want) > 0.05 {
				t.Errorf("estimated Jaccard similarity %.3f, want %.3f", got, want)
			}
		})
	}
}

func shingles32(xs []uint64) []uint32 {
	out := make([]uint32, len(xs))
	for i, x := range xs {
		out[i] = uint32(x >> 32)
	}
	return out
}

func benchmarkGroup(b *testing.B, n int) {
	docs, _ := syntheticCorpus(n, 1)
	b.ReportAllocs()
	for b.Loop() {
		GroupDocuments(docs)
	}
}

func BenchmarkGroup1k(b *testing.B)  { benchmarkGroup(b, 1000) }
func BenchmarkGroup10k(b *testing.B) { benchmarkGroup(b, 10000) }

func ExampleGroupDocuments() {
	docs := [][]string{
		strings.Fields("council votes to replace the harlow street bridge over the tessel river"),
		strings.Fields("farmers market moves to riverside park for the summer"),
		strings.Fields("the harlow street bridge will be replaced after a council vote on the tessel river crossing"),
		strings.Fields("riverside park to host the farmers market from june"),
	}
	fmt.Println(GroupDocuments(docs))
	// Output: [[0 2] [1 3]]
}

// newsletterBox starts some of the Multi-News corpus's articles: a page's
// newsletter box, run together with the article's first lines, so that no
// paragraph of it can be told apart as boilerplate.
const newsletterBox = "Breaking news emails get breaking news alerts and special reports."

// TestGroupDocumentsNewsletterBox groups the articles of every story of the
// Multi-News corpus that has an article opening with newsletterBox. The
// box's words are a large part of each of those short articles, and they
// grouped reports of unrelated events as one story. An article's own
// heaviest terms are its event's, which the others do not share.
func TestGroupDocumentsNewsletterBox(t *testing.T) {
	root := testcorpus.Shared(t, "corpora/multinews")
	paths, err := filepath.Glob(filepath.Join(root, "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	boxed := map[string]bool{} // stories with an article opening with the box
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(b)
		if strings.HasPrefix(string(b), newsletterBox) {
			boxed[filepath.Base(filepath.Dir(p))] = true
		}
	}
	var docs [][]string
	var story []int
	var hasBox []bool
	names := slices.Sorted(maps.Keys(boxed))
	for _, p := range paths {
		if i := slices.Index(names, filepath.Base(filepath.Dir(p))); i >= 0 {
			docs = append(docs, testWords(texts[p]))
			story = append(story, i)
			hasBox = append(hasBox, strings.HasPrefix(texts[p], newsletterBox))
		}
	}
	if len(names) < 20 {
		t.Fatalf("%d stories with the box, want at least 20", len(names))
	}
	groups := GroupDocuments(docs)
	p, r := pairScores(groups, story)
	mixed := 0
	for _, g := range groups {
		for x, i := range g {
			for _, j := range g[x+1:] {
				if story[i] != story[j] && hasBox[i] && hasBox[j] {
					mixed++
				}
			}
		}
	}
	t.Logf("%d articles of %d stories: pairwise precision %.3f, recall %.3f; %d pairs of boxed articles of two stories grouped",
		len(docs), len(names), p, r, mixed)
	// Measured: 65 such pairs and precision 0.515 without the rule on own
	// terms (groupMinOwnShared), 1 and 0.971 with it, recall 0.467 and
	// 0.447. The pair left is two reports on the inquiry into Michael
	// Cohen by one reporter, which share his and their subjects' names.
	if mixed > 1 || p < 0.95 {
		t.Errorf("%d pairs of articles of different stories grouped by the newsletter box, precision %.3f; want at most 1 and at least 0.95", mixed, p)
	}
}
