package ui

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// filterRune folds r as the articles filter reads its labels and its
// query: as search folds it (case, the style of quotes, apostrophes and
// dashes, spaces; see foldRune), and a Latin letter with accents as the
// letter without them, as an archive's full-text index reads words
// (SQLite's unicode61 tokenizer with remove_diacritics 2). "Trump's"
// typed with a straight apostrophe missed the titles with "Trump’s", and
// "pena" found an archive's "Peña" only in its text, marked so, though its
// title held it; on a folder without an index, not at all.
func filterRune(r rune) rune {
	r = foldRune(r)
	if r >= 0xC0 {
		if b, ok := unaccentedLatin()[r]; ok {
			return b
		}
	}
	return r
}

// unaccentedLatin maps each Latin letter that decomposes (NFD) into a
// letter and combining marks to that letter, lowercased: "é" and "É" to
// "e", "ǘ" to "u". Letters that do not decompose so stay themselves, as
// the index keeps them: "ø", "ł", "đ", "ß". Other scripts are left alone
// too, as the index leaves them: "й" is a letter of its own in Russian.
var unaccentedLatin = sync.OnceValue(func() map[rune]rune {
	m := make(map[rune]rune, 1024)
	add := func(r rune) {
		d := norm.NFD.String(string(r))
		base, n := utf8.DecodeRuneInString(d)
		if n == len(d) || !unicode.IsLetter(base) {
			return
		}
		for _, c := range d[n:] {
			if !unicode.Is(unicode.Mn, c) {
				return
			}
		}
		m[r] = unicode.ToLower(base)
	}
	for _, rg := range unicode.Latin.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			add(r)
		}
	}
	for _, rg := range unicode.Latin.R32 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			add(r)
		}
	}
	return m
})

// filterFold returns s with each rune folded by filterRune: a query, or a
// part of a label.
func filterFold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || foldRune(rune(c)) != rune(c) {
			plain = false
			break
		}
	}
	if plain {
		return s // most outlets and stories: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(filterRune(r))
	}
	return b.String()
}
