package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// wireOutlets is the fewest outlets that must print a run of words word for
// word for the comparison to mark it as wire copy. Two outlets sharing a
// sentence may be one quoting the other; three or more point to a common
// source.
const wireOutlets = 3

// storyAnalysis is what the views of a story show: corpus's analysis of
// all its articles at once, the facts they give differently and the
// quotes they share, and the marks those put on each article's text in
// the comparison. It is computed once per story, off the UI goroutine
// (see analyse), and only read afterwards.
type storyAnalysis struct {
	story *corpus.Story
	an    *analysis.Analysis
	facts []analysis.Disagreement
	// quotes are the story's quote groups, most outlets first; short are
	// the quotes under quote.MinWords words, which grouping leaves
	// out, gathered by wording so that the views can list them last.
	quotes []quote.Group
	short  []quote.Group
	// names labels each article of the story, in an.Articles order: its
	// outlet, made unique by the article's id where two share an outlet.
	names []string
	index map[*corpus.Article]int
	marks map[*corpus.Article]*articleMarks
	// unpaired are the articles that share no passage with any other of
	// the story (see analysis.Analysis.Unpaired), found with the rest:
	// it counts every pair's words, 8 ms on the UI goroutine for two
	// 100,000-word articles.
	unpaired []*corpus.Article
	// err says why the analysis failed; the views show it in place of
	// their content.
	err error
}

type (
	// analysisMsg carries a story's analysis, or why it failed.
	analysisMsg struct {
		story *corpus.Story
		sa    *storyAnalysis
	}
)

// analyse returns a command that analyses st through cache, off the UI
// goroutine. The story and the cache are safe to share; the message names
// the story, so a result for a story the reader has left is kept for when
// it comes back. A panic in the analysis becomes the analysis's error, so
// that one odd article cannot take the session down.
func analyse(ctx context.Context, st *corpus.Story, cache *analysis.Cache, lib Library) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = analysisMsg{st, &storyAnalysis{story: st, err: fmt.Errorf("analysing %q failed: %v", termsafe.OneLine(st.Name), r)}}
			}
		}()
		return analysisMsg{st, analyseStory(ctx, st, cache, lib)}
	}
}

// analyseStory does analyse's work.
//
// On an archive (lib set) st is a listed story: its articles are read for
// the analysis, and the marks are also filed under the listed articles,
// which the reader's pair holds.
func analyseStory(ctx context.Context, st *corpus.Story, cache *analysis.Cache, lib Library) *storyAnalysis {
	var an *analysis.Analysis
	var err error
	var n int
	if lib != nil {
		n = lib.StoryBytes(st, analysis.MaxArticles) // what analyseListed reads
	} else {
		n = analysis.StoryBytes(st)
	}
	if n > analysis.MaxReaderStoryBytes {
		// The pair view's comparison is what such articles are opened
		// for; the views that need the analysis say why there is none.
		return &storyAnalysis{story: st, err: errors.New(analysis.StorySizeNote(n))}
	}
	if lib != nil {
		an, err = analyseListed(ctx, st, cache, lib)
	} else {
		an, err = cache.Analyze(ctx, st) // shared by every session reading the story
	}
	if err != nil {
		return &storyAnalysis{story: st, err: err}
	}
	sa := &storyAnalysis{
		story:  st,
		an:     an,
		facts:  an.Disagreements(),
		quotes: an.Quotes,
		short:  an.ShortQuotes,
		names:  termsafe.OutletLabels(an.Articles),
		index:  make(map[*corpus.Article]int, len(an.Articles)),
	}
	for i, a := range an.Articles {
		sa.index[a] = i
	}
	sa.marks = sa.buildMarks()
	sa.unpaired = an.Unpaired()
	if lib != nil {
		for _, a := range an.Articles {
			if l := lib.Listed(a); l != nil && l != a {
				sa.index[l] = sa.index[a]
				sa.marks[l] = sa.marks[a]
			}
		}
	}
	return sa
}

// storyPaths are the paths of the articles a story's analysis compared:
// what a view a refresh of the archive replaced knows its story by, as
// the refresh lists every article anew.
type storyPaths map[string]bool

// pathsOf returns the paths of the articles sa compared.
func pathsOf(sa *storyAnalysis) storyPaths {
	ps := make(storyPaths, len(sa.an.Articles))
	for _, a := range sa.an.Articles {
		ps[a.Source] = true
	}
	return ps
}

// holdsAny reports whether sa compared an article of ps: the analysis is
// of the same story, made again.
func (ps storyPaths) holdsAny(sa *storyAnalysis) bool {
	if sa.an == nil {
		return false
	}
	for _, a := range sa.an.Articles {
		if ps[a.Source] {
			return true
		}
	}
	return false
}

// textKey is words of an article as a story analysed again gives them
// anew, a quote's wording or a passage: the article's path and the words.
type textKey struct{ path, text string }

// mostShared returns the index below n whose entry shares the most of
// a spot's words, as shared(i) counts them, the first of a tie; -1 where
// none shares any: the entry a view a refresh replaced had the cursor on,
// as the story analysed again lists it.
func mostShared(n int, shared func(i int) int) int {
	best, most := -1, 0
	for i := range n {
		if k := shared(i); k > most {
			best, most = i, k
		}
	}
	return best
}

// othersByShare returns the story's articles other than a, the one that
// shares most with it first: those a passage or a quote only a reports is
// set against.
func (sa *storyAnalysis) othersByShare(a *corpus.Article) []*corpus.Article {
	an, i := sa.an, sa.index[a]
	others := slices.DeleteFunc(slices.Clone(an.Articles), func(o *corpus.Article) bool { return o == a })
	slices.SortStableFunc(others, func(x, y *corpus.Article) int {
		return cmp.Compare(an.Coverage[i][sa.index[y]].Aligned, an.Coverage[i][sa.index[x]].Aligned)
	})
	return others
}

// name returns a's label in the story.
func (sa *storyAnalysis) name(a *corpus.Article) string {
	if i, ok := sa.index[a]; ok {
		return sa.names[i]
	}
	return termsafe.OneLine(a.Outlet)
}

// articleMarks are the stretches of one article that the comparison flags:
// wire copy, facts that other outlets give differently, and quotes that
// they attribute to someone else. Each list is sorted and its spans
// disjoint.
type articleMarks struct {
	wire     markList // clsWire, no notes
	facts    markList // clsFact: painted, and noted under the passage
	disputed markList // clsDisputed: a whole quote, noted but not painted
}

// markList is one kind of mark: its spans in an article, the note for
// each span (or none), and the class flag it gives the words.
type markList struct {
	flag  class
	spans []corpus.Span
	notes []string
}

func (l *markList) add(s corpus.Span, note string) {
	l.spans = append(l.spans, s)
	l.notes = append(l.notes, note)
}

// normalize sorts the list and makes overlapping spans one, with both
// notes.
func (l *markList) normalize() {
	idx := make([]int, len(l.spans))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(l.spans[x].Start, l.spans[y].Start) })
	var spans []corpus.Span
	var notes []string
	for _, i := range idx {
		s, n := l.spans[i], l.notes[i]
		if k := len(spans) - 1; k >= 0 && s.Start < spans[k].End {
			spans[k].End = max(spans[k].End, s.End)
			if n != "" && !strings.Contains(notes[k], n) {
				notes[k] += "; " + strings.TrimPrefix(n, "≠ ")
			}
			continue
		}
		spans = append(spans, s)
		notes = append(notes, n)
	}
	l.spans, l.notes = spans, notes
}

// overlapping returns the range of l's spans that overlap s.
func (l *markList) overlapping(s corpus.Span) (from, to int) {
	// The spans are disjoint and sorted, so their ends ascend too.
	from = sort.Search(len(l.spans), func(i int) bool { return l.spans[i].End > s.Start })
	to = from
	for to < len(l.spans) && l.spans[to].Start < s.End {
		to++
	}
	return from, to
}

// pairMarks are the marks of a comparison's two articles; either may be
// nil, before the analysis has come or for an article of another story.
type pairMarks struct{ left, right *articleMarks }

// side returns the marks of side 0 (left) or 1 (right).
func (pm pairMarks) side(s int) *articleMarks {
	if s == 0 {
		return pm.left
	}
	return pm.right
}

// buildMarks finds, per article, the spans of the verbatim runs that
// wireOutlets or more outlets carry, the mentions of facts the outlets
// give differently, and the quotes they attribute differently, each fact
// and quote with a note naming the other versions.
func (sa *storyAnalysis) buildMarks() map[*corpus.Article]*articleMarks {
	marks := make(map[*corpus.Article]*articleMarks, len(sa.an.Articles))
	get := func(a *corpus.Article) *articleMarks {
		if marks[a] == nil {
			marks[a] = &articleMarks{
				wire:     markList{flag: clsWire},
				facts:    markList{flag: clsFact},
				disputed: markList{flag: clsDisputed},
			}
		}
		return marks[a]
	}
	for _, r := range sa.an.Verbatim {
		if len(r.Spans) < wireOutlets {
			continue
		}
		for _, s := range r.Spans {
			get(s.Article).wire.add(s.Span, "")
		}
	}
	for _, d := range sa.facts {
		for i, m := range d.Mentions {
			am := get(m.Article)
			if d.Kind == analysis.FactAttribution {
				am.disputed.add(m.Span, sa.factNote(d, i))
			} else {
				am.facts.add(m.Span, sa.factNote(d, i))
			}
		}
	}
	for _, am := range marks {
		am.wire.normalize()
		am.facts.normalize()
		am.disputed.normalize()
	}
	return marks
}

// factNote says what the other outlets give in place of mention i of d:
// "≠ Al Jazeera: Tuesday", or for several, "≠ Hacked.com: 33,000 ·
// Press TV, TRT World: 30,000".
func (sa *storyAnalysis) factNote(d analysis.Disagreement, i int) string {
	mine := termsafe.OneLine(d.Mentions[i].Value)
	same := strings.EqualFold
	if d.Kind == analysis.FactAttribution {
		// The value is the speaker and the verb, "Jake Sullivan (said)":
		// only another speaker is a disagreement.
		same = func(x, y string) bool { return quote.SameSpeaker(speakerOf(x), speakerOf(y)) }
	}
	var values []string
	outlets := make(map[string][]string)
	for j, m := range d.Mentions {
		v := termsafe.OneLine(m.Value)
		if j == i || same(v, mine) {
			continue
		}
		// Outlets that give one value in another case ("Three",
		// "three") are named together, under the first one's writing.
		if k := slices.IndexFunc(values, func(o string) bool { return strings.EqualFold(o, v) }); k >= 0 {
			v = values[k]
		} else {
			values = append(values, v)
		}
		outlets[v] = append(outlets[v], sa.name(m.Article))
	}
	parts := make([]string, len(values))
	for k, v := range values {
		parts[k] = strings.Join(outlets[v], ", ") + ": " + v
	}
	return "≠ " + strings.Join(parts, " · ")
}

// speakerOf returns the speaker of an attribution's value: "Jake
// Sullivan (said)" without the verb.
func speakerOf(v string) string {
	if i := strings.LastIndex(v, " ("); i > 0 && strings.HasSuffix(v, ")") {
		return v[:i]
	}
	return v
}

// split calls fn for each piece of span s cut where am's marks begin and
// end, with the flags that hold over the piece (clsWire, clsFact,
// clsDisputed) and the notes of the marks it lies in. A nil am gives s
// whole.
func (am *articleMarks) split(s corpus.Span, fn func(piece corpus.Span, flags class, notes [2]string)) {
	if am == nil || s.Empty() {
		fn(s, 0, [2]string{})
		return
	}
	lists := [3]*markList{&am.wire, &am.facts, &am.disputed}
	var from, to [3]int
	overlap := false
	for k, l := range lists {
		from[k], to[k] = l.overlapping(s)
		overlap = overlap || from[k] < to[k]
	}
	if !overlap {
		fn(s, 0, [2]string{})
		return
	}
	var buf [16]int
	cuts := buf[:0]
	for k, l := range lists {
		for _, m := range l.spans[from[k]:to[k]] {
			for _, x := range [2]int{m.Start, m.End} {
				if x > s.Start && x < s.End {
					cuts = append(cuts, x)
				}
			}
		}
	}
	slices.Sort(cuts)
	cuts = append(slices.Compact(cuts), s.End)
	at := s.Start
	for _, end := range cuts {
		var flags class
		var notes [2]string
		n := 0
		for k, l := range lists {
			for i := from[k]; i < to[k]; i++ {
				if m := l.spans[i]; m.Start <= at && at < m.End {
					flags |= l.flag
					if l.notes[i] != "" && n < len(notes) {
						notes[n] = l.notes[i]
						n++
					}
				}
			}
		}
		fn(corpus.Span{Start: at, End: end}, flags, notes)
		at = end
	}
}

// limitItems is the status item that says the analysis covers only the
// first articles of a large story ("the first 24 of 192 articles"), as the
// commands' notes do: without it, the matrix's "24 outlets" and the quote
// counts read as the whole story's. None when nothing was left out.
func (sa *storyAnalysis) limitItems() []string {
	l := sa.an.Note
	if l == (analysis.Limit{}) {
		return nil
	}
	return []string{fmt.Sprintf("the first %s of %s articles", digits.Group(l.Analysed), digits.Group(l.Total))}
}
