package analysis

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// A count is written in words as often as in digits: "at least six
// injured" against "at least three were injured", "at least four dozen
// questions" against "almost four dozen questions". Read as numbers, they
// are compared as the digits are.

// spelledNumberAt reads a count written in words starting at word token
// ti of sentence range r of a: "three", "twenty-three", "four dozen", "a
// dozen". It returns its span, its value ("3", "23", "48", "12") and the
// token after it. "One" is no count here: it is far more often a pronoun
// ("one of them", "no one") than a number. A capitalised word inside a
// sentence is part of a name ("the Big Ten", "the Fantastic Four"). A
// multiplier standing alone ("hundreds", "a million") says no count; one
// after a number ("three million") is the number's unit, as it is after
// digits ("3 million").
func spelledNumberAt(a *corpus.Article, ti int, r corpus.Range) (sp corpus.Span, norm string, next int, ok bool) {
	t := a.Tokens.At(ti)
	v := 0
	if t.Form == "a" {
		v = 1 // "a dozen"
	} else if v = wordCount(t.Form); v == 0 || capitalisedInside(a, r, ti) {
		return
	}
	sp, next = t.Span, ti+1
	if wordAfter(a, r, ti) == "dozen" {
		v *= 12
		sp.End, next = a.Tokens.At(ti+2).End, ti+3
	} else if t.Form == "a" {
		return corpus.Span{}, "", 0, false
	}
	return sp, strconv.Itoa(v), next, true
}

// wordCount returns the count a word spells, from two to ninety-nine
// ("twenty-three"), or 0.
func wordCount(form string) int {
	one := func(w string) int {
		if w == "one" || w == "zero" {
			return 0
		}
		n, c := lexicon.Normalise(w)
		v, err := strconv.Atoi(n)
		if c != lexicon.Number || err != nil || v >= 100 || startsWithDigit(w) {
			return 0
		}
		return v
	}
	tens, units, compound := strings.Cut(form, "-")
	if !compound {
		return one(form)
	}
	t, u := one(tens), one(units)
	if units == "one" {
		u = 1
	}
	if t < 20 || t%10 != 0 || u == 0 || u > 9 {
		return 0
	}
	return t + u
}

// capitalisedInside reports whether word token ti is capitalised and not
// the first word of its sentence range r.
func capitalisedInside(a *corpus.Article, r corpus.Range, ti int) bool {
	c, _ := utf8.DecodeRune(a.Raw[a.Tokens.At(ti).Start:])
	if !unicode.IsUpper(c) {
		return false
	}
	for i := r.Start; i < ti; i++ {
		if a.Tokens.Kind(i) == corpus.TokWord {
			return true
		}
	}
	return false
}
