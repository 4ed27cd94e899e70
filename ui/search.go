package ui

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a half-open range of byte offsets into a cell's text.
type span struct{ start, end int }

// foldRune makes a rune case-insensitive and typography-insensitive for
// search, the way the corpus's matching forms are: curly quotes and
// apostrophes straight, dashes one dash, every space a space. A reader
// typing "don't" finds "don’t".
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		// ASCII, nearly every rune of a search: the same answers as the
		// general path below, without its table lookups.
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case r == '`':
			return '\''
		case r == ' ', '\t' <= r && r <= '\r':
			return ' '
		}
		return r
	}
	switch r {
	case '’', '‘', '′', 'ʼ':
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

func foldQuery(q string) []rune {
	rs := make([]rune, 0, utf8.RuneCountInString(q))
	for _, r := range q {
		rs = append(rs, foldRune(r))
	}
	return rs
}

// findAll returns the non-overlapping matches of the folded query q in s,
// as byte spans of s, at most limit of them (no limit when limit <= 0).
//
// It folds s as it reads rather than keeping a folded copy: a copy cost
// 12 bytes a byte of text, over 100 MB for two 5 MiB articles, while
// folding on the fly reads a 10 MB pair in tens of milliseconds.
func findAll(s string, q []rune, limit int) []span {
	if len(q) == 0 {
		return nil
	}
	var out []span
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if foldRune(r) != q[0] {
			i += n
			continue
		}
		end, k := i+n, 1
		for k < len(q) && end < len(s) {
			r, m := utf8.DecodeRuneInString(s[end:])
			if foldRune(r) != q[k] {
				break
			}
			end += m
			k++
		}
		if k < len(q) {
			i += n
			continue
		}
		out = append(out, span{i, end})
		if len(out) == limit {
			break
		}
		i = end
	}
	return out
}

// matches returns the search matches in cell ci, sorted.
func (lay *layout) matches(ci int) []span {
	return lay.found[ci]
}

// maxMatches is how many matches a search keeps, in reading order. A
// letter or a full stop can match millions of times in two 5 MiB articles,
// and each match costs a hit and a span (48 bytes); no reader steps
// through more than this with n, and the status says the count is cut.
const maxMatches = 100_000

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
// one matched, since only they can hold the longer one. It keeps the first
// maxMatches matches.
func (lay *layout) setQuery(q string, p *painter) {
	if q == lay.query && len(lay.painted) == len(lay.rows) {
		return
	}
	// A cut search did not look at every cell, so it cannot narrow the next.
	narrower := lay.query != "" && strings.HasPrefix(q, lay.query) && !p.starMatches && !lay.matchesCut
	if p.starMatches && q != lay.query {
		searches, searched := lay.searches, lay.searched
		*lay = *buildLayoutStarred(lay.cmp, lay.width, lay.mode, lay.markers, lay.marks, q)
		lay.searches, lay.searched = searches, searched
	}
	lay.query = q
	lay.hits = lay.hits[:0]
	lay.searches++
	qr := foldQuery(q)
	before := lay.found
	lay.found, lay.matchesCut = nil, false
	if len(qr) > 0 {
		lay.found = make(map[int][]span)
		left := maxMatches
		search := func(ci int) (more bool) {
			lay.searched++
			c := &lay.cells[ci]
			ms := findAll(c.text, qr, left)
			if len(ms) == 0 {
				return true
			}
			lay.found[ci] = ms
			lines := lay.cellLines(ci)
			li := 0
			for mi, m := range ms {
				li = lineAt(lines, li, m.start)
				lay.hits = append(lay.hits, hit{row: int(c.row) + li, col: int(c.col), cell: ci, match: mi})
			}
			left -= len(ms)
			lay.matchesCut = left == 0
			return left > 0
		}
		if narrower {
			for _, ci := range slices.Sorted(maps.Keys(before)) {
				if !search(ci) {
					break
				}
			}
		} else {
			for ci := range lay.cells {
				if !search(ci) {
					break
				}
			}
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
