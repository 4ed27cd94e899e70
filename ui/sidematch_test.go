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
							byCell[h.cell] = append(byCell[h.cell], h)
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
								if h.match != k || h.sides != w.sides || !slices.Equal(h.spans, w.spans) {
									t.Fatalf("%s vs %s, markers %v, lazily %v, %q, cell %d, match %d: %v of %v, want %v of %v",
										arts[i].Outlet, arts[j].Outlet, markers, lazily, q, ci, k, h.spans, h.sides, w.spans, w.sides)
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
