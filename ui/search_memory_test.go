package ui

import (
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode"
)

// longPairLayout lays out longPair side by side, 160 cells wide.
func longPairLayout(t *testing.T) (*layout, *painter) {
	t.Helper()
	return buildLayout(longPair(t), 160, sideBySide, false, pairMarks{}), newPainter(mustStyles())
}

// TestSearchKeepsNoFoldedCopy is a regression test (issue 13, item 1): the
// first search of a comparison kept every cell's text folded, a rune and
// an int a byte, 12 bytes a byte of text, so one search took the reader on
// two 5 MiB files of two-word sentences from 225 to 368 MiB. A search now
// keeps its matches and the wrapped lines of the cells they are in, which
// a lazily wrapped layout bounds (maxRewrapped).
func TestSearchKeepsNoFoldedCopy(t *testing.T) {
	lay, p := longPairLayout(t)
	text := 0
	for _, c := range lay.cells {
		text += len(c.text)
	}
	p.paint(lay) // as the reader has, showing it
	before := liveHeap()
	lay.setQuery("qa", p)
	grown := int64(liveHeap()) - int64(before)
	if len(lay.hits) == 0 {
		t.Fatal(`"qa" found nothing`)
	}
	if per := float64(grown) / float64(text); per > 1 {
		t.Errorf("a search holds %.2f bytes a byte of the text it searched (%d hits), want at most 1", per, len(lay.hits))
	} else {
		t.Logf("%.2f bytes a byte of text, %d hits", per, len(lay.hits))
	}
	runtime.KeepAlive(lay)
}

// TestSearchKeepsTheFirstMatches: a query that matches everywhere keeps
// the first maxMatches matches in reading order and says so; and since
// that search did not look at every cell, a longer query after it looks
// at all of them again, finding what lies past the cut.
func TestSearchKeepsTheFirstMatches(t *testing.T) {
	lay, p := longPairLayout(t)
	lay.setQuery(".", p)
	if len(lay.hits) != maxMatches || !lay.matchesCut {
		t.Fatalf(`"." kept %d hits (cut %v), want the first %d and the cut said`, len(lay.hits), lay.matchesCut, maxMatches)
	}
	for i := 1; i < len(lay.hits); i++ {
		if a, b := lay.hits[i-1], lay.hits[i]; a.row > b.row || a.row == b.row && a.col > b.col {
			t.Fatalf("hits %d and %d out of reading order: %+v, %+v", i-1, i, a, b)
		}
	}
	// The last cell lies past the cut; a query that extends "." and that
	// its text holds must still be found there.
	last := len(lay.cells) - 1
	if len(lay.matches(last)) > 0 {
		t.Fatalf("the last cell was reached by a search cut at %d matches", maxMatches)
	}
	tail := strings.TrimSpace(lay.cells[last].text)
	want := tail[strings.LastIndex(tail[:len(tail)-1], "."):] // ". Ab cd."
	lay.setQuery(want, p)
	if len(lay.matches(last)) == 0 {
		t.Errorf("%q, typed after the cut search for %q, was not found in the last cell %q", want, ".", tail)
	}
	if lay.matchesCut {
		t.Errorf("%q: %d hits reported as cut", want, len(lay.hits))
	}
}

// TestSearchMakesItsHitsOnce is a regression test: a search grew its list
// of hits match by match, and for a one-letter query inline on two
// articles of 50,000 words that growing, of 72-byte hits that the
// collector must scan, was nearly two fifths of the search's time. The
// matches are now counted first and the hits made in one array of that
// size, in either mode, for few matches and for as many as are kept.
func TestSearchMakesItsHitsOnce(t *testing.T) {
	for _, md := range []mode{sideBySide, inline} {
		lay := buildLayout(longPair(t), 160, md, false, pairMarks{})
		p := newPainter(mustStyles())
		for _, q := range []string{"qa", "a", "."} {
			res := lay.newSearch(q, p, nil).run()
			if len(res.hits) == 0 {
				t.Fatalf("mode %v: %q found nothing", md, q)
			}
			if cap(res.hits) != len(res.hits) {
				t.Errorf("mode %v, %q: %d hits in an array of %d", md, q, len(res.hits), cap(res.hits))
			}
		}
	}
}

// foldReference folds the way search used to, into a copy of the text:
// the reference the fold-as-you-read search must agree with.
func foldReference(s string) (runes []rune, offs []int) {
	for i, r := range s {
		switch r {
		case '’', '‘', '′', 'ʼ', '`':
			r = '\''
		case '“', '”', '„', '″', '«', '»':
			r = '"'
		case '–', '—', '‒', '−', '‐', '‑':
			r = '-'
		default:
			if unicode.IsSpace(r) {
				r = ' '
			} else {
				r = unicode.ToLower(r)
			}
		}
		runes = append(runes, r)
		offs = append(offs, i)
	}
	return runes, append(offs, len(s))
}

func findAllReference(s string, q []rune) []span {
	rs, offs := foldReference(s)
	var out []span
	for i := 0; len(q) > 0 && i+len(q) <= len(rs); i++ {
		if string(rs[i:i+len(q)]) == string(q) {
			out = append(out, span{offs[i], offs[i+len(q)]})
			i += len(q) - 1
		}
	}
	return out
}

// FuzzFindAll checks the search against a search of a folded copy, on
// any bytes, invalid UTF-8 included.
func FuzzFindAll(f *testing.F) {
	for _, s := range [][2]string{
		{"Don’t say “Russia”, DON'T.", "don't"},
		{"a\u00a0b a\tb A B", "a b"},
		{"aaaa", "aa"},
		{"x\xffy\xff", "\xff"},
		{"Straße STRASSE", "straße"},
		{"İstanbul", "i̇"},
		{"e\u0301 é", "é"},
		{"—– ‒ `x`", "-"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		q := foldQuery(query)
		got, want := findAll(text, q, 0), findAllReference(text, q)
		if len(got) != len(want) {
			t.Fatalf("findAll(%q, %q): %v, the folded copy gives %v", text, query, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("findAll(%q, %q): %v, the folded copy gives %v", text, query, got, want)
			}
		}
		if len(want) > 1 {
			if got := findAll(text, q, 1); len(got) != 1 || got[0] != want[0] {
				t.Fatalf("findAll(%q, %q, 1) = %v, want the first of %v", text, query, got, want)
			}
		}
	})
}

// TestHitsStaySmall checks the size of a hit, of which a search keeps up
// to maxMatches: it was 72 bytes with a slice the collector had to scan,
// and a search for "e" inline in two articles of 50,000 words kept 4.4
// MB, its hits most of it, where it now keeps 1.9 (see
// BenchmarkSearchInlineLong).
func TestHitsStaySmall(t *testing.T) {
	typ := reflect.TypeFor[hit]()
	if typ.Size() > 24 {
		t.Errorf("a hit takes %d bytes, want at most 24", typ.Size())
	}
	for i := range typ.NumField() {
		switch f := typ.Field(i); f.Type.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.String, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
			t.Errorf("a hit's field %s is a %s: the collector scans the hits", f.Name, f.Type.Kind())
		}
	}
}
