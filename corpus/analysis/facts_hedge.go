package analysis

import (
	"math"
	"strconv"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/lazy"
)

// A figure can be given as a bound or a round figure: "nearly $150"
// against "$143", "more than 40 kilometres" against "48 kilometres",
// "about $50 million" against "$52 million", "about 258,000 patients"
// against "nearly 260,000 patients". The two outlets agree on such a
// figure, each as precisely as it says; only a value outside what the
// other's words allow disagrees ("fewer than 35,000 votes" against
// "38,717 votes").

// hedge is what the words before a number make of it.
type hedge int

const (
	hedgeNone   hedge = iota
	hedgeAbout        // "about", "around", "roughly": within a tenth either way
	hedgeNearly       // "nearly", "almost": at most it, and within a tenth
	hedgeAbove        // "more than", "over", "at least": at least it
	hedgeBelow        // "fewer than", "less than", "under", "up to": at most it
)

// hedgeWords are the hedges, by the one or two words before the number
// (a currency sign between is stepped over: "nearly $150").
var hedgeWords = lazy.Value[map[string]hedge]{Build: func() map[string]hedge {
	return map[string]hedge{
		"about": hedgeAbout, "around": hedgeAbout, "roughly": hedgeAbout, "approximately": hedgeAbout,
		"some": hedgeAbout, "estimated": hedgeAbout, "approx": hedgeAbout,
		"nearly": hedgeNearly, "almost": hedgeNearly, "close to": hedgeNearly, "just under": hedgeNearly,
		"more than": hedgeAbove, "over": hedgeAbove, "at least": hedgeAbove, "upwards of": hedgeAbove,
		"just over": hedgeAbove, "above": hedgeAbove,
		"fewer than": hedgeBelow, "less than": hedgeBelow, "under": hedgeBelow, "up to": hedgeBelow,
		"at most": hedgeBelow, "below": hedgeBelow,
	}
}}

// hedgeBefore returns the hedge of the number at word token ti of the
// sentence's token range r, and the offset its words start at.
func hedgeBefore(a *corpus.Article, r corpus.Range, ti int) (hedge, int) {
	var words []string
	var starts []int
	for i := ti - 1; i >= r.Start && len(words) < 2; i-- {
		switch a.Tokens.Kind(i) {
		case corpus.TokSpace:
			continue
		case corpus.TokWord:
			words = append(words, a.Tokens.Form(i))
			starts = append(starts, a.Tokens.At(i).Start)
			continue
		}
		if len(words) == 0 && strings.Contains("$£€¥", a.Tokens.Form(i)) {
			continue
		}
		break
	}
	if len(words) == 2 {
		if h, ok := hedgeWords.Get()[words[1]+" "+words[0]]; ok {
			return h, starts[1]
		}
	}
	if len(words) > 0 {
		if h, ok := hedgeWords.Get()[words[0]]; ok {
			return h, starts[0]
		}
	}
	return hedgeNone, 0
}

// boundsApart reports whether two bounds of one figure leave no value
// both allow: "at least four dozen questions" against "almost four dozen
// questions", "more than 40" against "fewer than 40".
func boundsApart(x, y hedge) bool {
	below := func(h hedge) bool { return h == hedgeNearly || h == hedgeBelow }
	return x == hedgeAbove && below(y) || y == hedgeAbove && below(x)
}

// withHedge returns m's span widened to the words of its hedge, if it has
// one: "at least four dozen", not "four dozen".
func withHedge(m Mention) corpus.Span {
	if m.hedge == hedgeNone {
		return m.Span
	}
	return corpus.Span{Start: m.hedgeStart, End: m.Span.End}
}

// allows reports whether h's hedge lets its value vh stand for w's value
// vw: w's is within what h's words say. A bound against a bound the same
// way ("at least 13 people" against "at least 11 people") is two
// figures, not one.
func allows(h Mention, vh float64, w Mention, vw float64) bool {
	switch h.hedge {
	case hedgeAbout:
		return math.Abs(vw-vh) <= vh/10
	case hedgeNearly:
		return vw <= vh && vw >= vh*0.9
	case hedgeAbove:
		return w.hedge != hedgeAbove && vw >= vh
	case hedgeBelow:
		return w.hedge != hedgeBelow && w.hedge != hedgeNearly && vw <= vh
	}
	return false
}

// oneRounded reports whether one of two numbers is the other, a number
// with decimals, rounded: "70 percent" for "70.3 percent", "$1 billion"
// for "$1.1 billion". Either outlet may give the rounded figure.
func oneRounded(x, y string) bool {
	return roundedDecimal(x, y) || roundedDecimal(y, x)
}

// roundedDecimal reports whether whole, a number without decimals, is
// decimal, a number with some, rounded.
func roundedDecimal(whole, decimal string) bool {
	if strings.Contains(whole, ".") || !strings.Contains(decimal, ".") {
		return false
	}
	d, err1 := strconv.ParseFloat(decimal, 64)
	w, err2 := strconv.ParseFloat(whole, 64)
	return err1 == nil && err2 == nil && math.Round(d) == w
}
