package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open range of byte offsets into a cell's text.
type span struct{ start, end int }

// foldedText is a text folded for matching, one rune per rune of the
// original, with each rune's byte offset in the original (and the
// original's length at the end).
type foldedText struct {
	runes []rune
	offs  []int
}

// foldRune makes a rune case-insensitive and typography-insensitive for
// search, the way the corpus's matching forms are: curly quotes and
// apostrophes straight, dashes one dash, every space a space. A reader
// typing "don't" finds "don’t".
func foldRune(r rune) rune {
	switch r {
	case '’', '‘', '′', 'ʼ', '`':
		return '\''
	case '“', '”', '„', '″', '«', '»':
		return '"'
	case '–', '—', '‒', '−', '‐', '‑':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

func fold(s string) *foldedText {
	ft := &foldedText{
		runes: make([]rune, 0, len(s)),
		offs:  make([]int, 0, len(s)+1),
	}
	for i, r := range s {
		ft.runes = append(ft.runes, foldRune(r))
		ft.offs = append(ft.offs, i)
	}
	ft.offs = append(ft.offs, len(s))
	return ft
}

func foldQuery(q string) []rune {
	rs := make([]rune, 0, utf8.RuneCountInString(q))
	for _, r := range q {
		rs = append(rs, foldRune(r))
	}
	return rs
}

// findAll returns the non-overlapping matches of q in ft, as byte spans of
// the original text.
func findAll(ft *foldedText, q []rune) []span {
	if len(q) == 0 {
		return nil
	}
	var out []span
	rs := ft.runes
	for i := 0; i+len(q) <= len(rs); i++ {
		if rs[i] != q[0] {
			continue
		}
		j := 1
		for j < len(q) && rs[i+j] == q[j] {
			j++
		}
		if j == len(q) {
			out = append(out, span{ft.offs[i], ft.offs[i+len(q)]})
			i += len(q) - 1
		}
	}
	return out
}

// matches returns the search matches in cell ci, sorted.
func (lay *layout) matches(ci int) []span {
	if ci >= len(lay.found) {
		return nil
	}
	return lay.found[ci].matches
}

// firstMatchEndingAfter returns the index of the first of the sorted
// matches that ends after off.
func firstMatchEndingAfter(matches []span, off int) int {
	return sort.Search(len(matches), func(i int) bool { return matches[i].end > off })
}

// setQuery finds q in every cell of lay and repaints it with p. The hits
// come out in reading order: by row, then left column before right.
//
// Where matches would not show (the terminal shows no attributes, so the
// match style draws nothing), the layout is rebuilt with each match
// starred, *like this*: the gutter's ▸ alone does not say which words
// matched.
//
// Searching is incremental: the same query again costs nothing, and a
// query that extends the one before looks only in the cells where that
// one matched, since only they can hold the longer one.
func (lay *layout) setQuery(q string, p *painter) {
	if q == lay.query && len(lay.painted) == len(lay.rows) {
		return
	}
	narrower := lay.query != "" && strings.HasPrefix(q, lay.query) && !p.starMatches
	if p.starMatches && q != lay.query {
		searches, searched := lay.searches, lay.searched
		*lay = *buildLayoutStarred(lay.cmp, lay.width, lay.mode, lay.markers, lay.marks, q)
		lay.searches, lay.searched = searches, searched
	}
	lay.query = q
	lay.hits = lay.hits[:0]
	lay.searches++
	qr := foldQuery(q)
	if lay.found == nil && len(qr) > 0 {
		lay.found = make([]cellSearch, len(lay.cells))
	}
	for ci := range lay.found {
		c, f := &lay.cells[ci], &lay.found[ci]
		matchedBefore := len(f.matches) > 0
		f.matches = nil
		if len(qr) == 0 || (narrower && !matchedBefore) {
			continue
		}
		lay.searched++
		if f.fold == nil {
			f.fold = fold(c.text)
		}
		f.matches = findAll(f.fold, qr)
		li := 0
		var lines []line
		if len(f.matches) > 0 {
			lines = lay.cellLines(ci)
		}
		for mi, m := range f.matches {
			li = lineAt(lines, li, m.start)
			lay.hits = append(lay.hits, hit{row: int(c.row) + li, col: int(c.col), cell: ci, match: mi})
		}
	}
	sort.SliceStable(lay.hits, func(i, j int) bool {
		if lay.hits[i].row != lay.hits[j].row {
			return lay.hits[i].row < lay.hits[j].row
		}
		return lay.hits[i].col < lay.hits[j].col
	})
	p.paint(lay)
}

// lineAt returns the index of the line, at or after from, that holds the
// text at byte offset off: the last line starting at or before it.
func lineAt(lines []line, from, off int) int {
	at := from
	for i := from; i < len(lines); i++ {
		start := -1
		for _, f := range lines[i].frags {
			if f.off >= 0 {
				start = f.off
				break
			}
		}
		switch {
		case start < 0:
			continue
		case start <= off:
			at = i
		default:
			return at
		}
	}
	return at
}
