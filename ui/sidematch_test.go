package ui

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/compare"
)

// refCellMatches is the straightforward way to find the folded query q in
// each article's text of a cell of an inline layout, whose fragments
// before wrapping are frags (see layout.buildBlockOf): lay out each article's text from those
// that are not the other's (see clsLeftText), look for q there and map
// each match back to the spans of the cell's text it is drawn in; a match
// both texts hold at the same spans is both's.
func refCellMatches(frags []frag, q []rune) []sideMatch {
	type piece struct{ at, off, n int }
	var out []sideMatch
	for _, s := range []sides{sideLeft, sideRight} {
		other := clsRightText
		if s == sideRight {
			other = clsLeftText
		}
		var text strings.Builder
		var pieces []piece
		for _, f := range frags {
			if f.off < 0 || f.cls&other != 0 {
				continue
			}
			pieces = append(pieces, piece{text.Len(), f.off, len(f.text)})
			text.WriteString(f.text)
		}
		for _, m := range findAll(text.String(), q, 0) {
			var spans []span
			for _, p := range pieces {
				if p.at+p.n <= m.start || p.at >= m.end {
					continue
				}
				sp := span{p.off + max(m.start, p.at) - p.at, p.off + min(m.end, p.at+p.n) - p.at}
				if n := len(spans); n > 0 && spans[n-1].end == sp.start {
					spans[n-1].end = sp.end
				} else {
					spans = append(spans, sp)
				}
			}
			if s == sideRight {
				if j := slices.IndexFunc(out, func(x sideMatch) bool { return x.sides == sideLeft && slices.Equal(x.spans, spans) }); j >= 0 {
					out[j].sides = bothSides
					continue
				}
			}
			out = append(out, sideMatch{spans, s})
		}
	}
	slices.SortStableFunc(out, func(a, b sideMatch) int { return a.spans[0].start - b.spans[0].start })
	return out
}

// TestInlineSearchMatchesReference checks inline search, which keeps
// whose text each part of a cell is from when the layout was made (or
// learns it building the block again, where the layout wraps lazily, as
// it does to wrap it), against refCellMatches: the same matches, drawn in
// the same spans, of the same articles' texts, in every cell of every
// pair of the sample articles, for the words of the articles, two words
// running, parts of words and words with the spaces around them.
func TestInlineSearchMatchesReference(t *testing.T) {
	arts := seed(t).Articles()
	queries := []string{"e", "the", " of", "the ", "in the", "hillary clinton", "big dog", ", ", ".", "“", "-"}
	for _, a := range arts[:2] {
		words := strings.Fields(string(a.Raw))
		for i := 0; i+1 < len(words) && i < 400; i += 19 {
			queries = append(queries, words[i], words[i]+" "+words[i+1], strings.ToLower(words[i])+" ")
			if len(words[i]) > 3 {
				queries = append(queries, words[i][1:len(words[i])-1])
			}
		}
	}
	slices.Sort(queries)
	queries = slices.Compact(queries)
	mixed, across := 0, 0
	for i := range arts {
		for j := range arts {
			if i == j {
				continue
			}
			c, err := compare.Compare(context.Background(), arts[i], arts[j])
			if err != nil {
				t.Fatal(err)
			}
			for _, markers := range []bool{false, true} {
				for _, lazily := range []bool{false, true} {
					saved := lazyCellBytes
					if lazily {
						lazyCellBytes = 0
					}
					lay := buildLayout(c, 100, inline, markers, pairMarks{})
					lazyCellBytes = saved
					if lay.wrapLazily != lazily {
						t.Fatalf("wrapLazily %v, want %v", lay.wrapLazily, lazily)
					}
					frags := make([][]frag, len(lay.cells))
					for ci := range lay.cells {
						first, _, kept := lay.buildBlockOf(ci, false, true)
						frags[ci] = kept[ci-first]
					}
					for _, q := range queries {
						res := lay.newSearch(q, &painter{}, nil).run()
						qr := foldQuery(q)
						byCell := make(map[int][]hit)
						for _, h := range res.hits {
							byCell[int(h.cell)] = append(byCell[int(h.cell)], h)
						}
						for ci := range lay.cells {
							want := refCellMatches(frags[ci], qr)
							got := byCell[ci]
							sort.Slice(got, func(a, b int) bool { return got[a].match < got[b].match })
							if len(got) != len(want) {
								t.Fatalf("%s vs %s, markers %v, lazily %v, %q, cell %d: %d matches, want %d", arts[i].Outlet, arts[j].Outlet, markers, lazily, q, ci, len(got), len(want))
							}
							var drawn []span
							for k, w := range want {
								h := got[k]
								if spans := res.spansOf(&h); int(h.match) != k || h.sides != w.sides || !slices.Equal(spans, w.spans) {
									t.Fatalf("%s vs %s, markers %v, lazily %v, %q, cell %d, match %d: %v of %v, want %v of %v",
										arts[i].Outlet, arts[j].Outlet, markers, lazily, q, ci, k, spans, h.sides, w.spans, w.sides)
								}
								if mixedText(&c.Blocks[lay.cells[ci].block]) {
									mixed++
								}
								if len(w.spans) > 1 {
									across++
								}
								drawn = append(drawn, w.spans...)
							}
							if u := unionSpans(drawn); !slices.Equal(res.found[ci], u) {
								t.Fatalf("%s vs %s, %q, cell %d: drawn in %v, want %v", arts[i].Outlet, arts[j].Outlet, q, ci, res.found[ci], u)
							}
						}
					}
				}
			}
		}
	}
	if mixed == 0 || across == 0 {
		t.Errorf("%d matches in mixed cells, %d drawn in pieces: the test needs both", mixed, across)
	}
	t.Logf("%d queries; %d matches in mixed cells, %d drawn in pieces", len(queries), mixed, across)
}

// TestSideBySideStarsWithOneSearch is a regression test: starring the
// matches of a cell side by side (where the terminal shows no attributes)
// looked for them in each article's text of it apart, as inline, though a
// cell side by side is one article's text whole: it gathered the runs of
// each article's text, made a text of the other's runs (none) to search,
// and copied each match's spans, to find what one search of the cell's
// text finds. It is now searched once. Inline, where a cell draws both
// texts, each is still searched.
func TestSideBySideStarsWithOneSearch(t *testing.T) {
	c, err := compare.Compare(context.Background(), article(t, "Al Jazeera"), article(t, "TRT World"))
	if err != nil {
		t.Fatal(err)
	}
	for _, md := range []mode{sideBySide, inline} {
		lay := buildLayoutStarred(c, 120, md, false, pairMarks{}, "the")
		switch {
		case md == sideBySide && lay.starredApart != 0:
			t.Errorf("side by side, %d of %d cells were starred searching each article's text apart, want none", lay.starredApart, len(lay.cells))
		case md == inline && lay.starredApart == 0:
			t.Errorf("inline, no cell was starred searching each article's text apart")
		}
	}
}

// TestSideBySideStarsAsSideMatches checks that starring side by side with
// one search of a cell's text (see starSpans) finds what looking in each
// article's text apart (sideMatches) finds, and what the search finds
// (cellMatches), in every cell of every pair of the sample and of texts
// whose matches touch: the same matches of the same article's text, and
// the same fragments to wrap, so the same rows drawn.
func TestSideBySideStarsAsSideMatches(t *testing.T) {
	queries := []string{"e", "s", "ss", "the", " of", "the ", "in the", "hillary clinton", ", ", ".", "“", "-", "ab", "aba", " "}
	var pairs []*compare.Comparison
	arts := seed(t).Articles()
	for _, b := range arts[1:] {
		c, err := compare.Compare(context.Background(), arts[0], b)
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, c)
	}
	touch := pairCorpus(t, "touching", "Abab\n\nAbababab ss sss. Mississippi abab.\n\nThe same: abab.",
		"Ababab\n\nAbab ab ssss. Mississippi ababab.\n\nThe same: abab.").Articles()
	c, err := compare.Compare(context.Background(), touch[0], touch[1])
	if err != nil {
		t.Fatal(err)
	}
	pairs = append(pairs, c)
	for _, c := range pairs {
		for _, markers := range []bool{false, true} {
			lay := buildLayout(c, 100, sideBySide, markers, pairMarks{})
			for ci := range lay.cells {
				first, _, kept := lay.buildBlockOf(ci, false, true)
				frags, text := kept[ci-first], lay.cells[ci].text
				for _, q := range queries {
					fq := foldQuery(q)
					apart := sideMatches(text, appendSideRuns(nil, frags, 0), fq, 0)
					if found := lay.cellMatches(ci, fq, 0); !slices.EqualFunc(apart, found, func(a, b sideMatch) bool {
						return a.sides == b.sides && slices.Equal(a.spans, b.spans)
					}) {
						t.Fatalf("%s/%s cell %d, %q: each article's text apart gives %v, the search %v", c.Left.ID, c.Right.ID, ci, q, apart, found)
					}
					want, got := drawnSpans(apart), starSpans(false, text, nil, fq)
					if !slices.Equal(got, want) {
						t.Fatalf("%s/%s cell %d, %q: starred at %v, each article's text apart at %v", c.Left.ID, c.Right.ID, ci, q, got, want)
					}
					if !slices.Equal(starMatches(frags, got), starMatches(frags, want)) {
						t.Fatalf("%s/%s cell %d, %q: the starred fragments differ", c.Left.ID, c.Right.ID, ci, q)
					}
				}
			}
		}
	}
}
