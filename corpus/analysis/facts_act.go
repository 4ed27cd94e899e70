package analysis

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// A day is the day of an act: "resigned Monday", "had to apologize
// Saturday", "on Friday apologized". Two paired sentences can each date a
// different act of one story: in the 2014 story of a congressional aide's
// Facebook post, the New York Times's lead has her resign on Monday and
// Fox's has her apologize on Saturday, and the pairing rightly joins the
// two leads. So a day's act words are kept, and two days are of different
// events when neither sentence has the other's act at all.

// dayAct returns the lemmas of the act a day dates: the word right before
// it and the word right after it, stepping over the words that only place
// a day ("on", "early", "last"; see dayModifiers), when that word is a
// content word and not a name, which says who acted rather than what was
// done. "aide resigned Monday after her post" gives {resign}; "staffer on
// Friday apologized" {staffer, apologize}; "the office said on Monday"
// nothing, "said" being a function word.
func dayAct(a *corpus.Article, r corpus.Range, ti int) []string {
	var out []string
	next := func(i, step, end int) {
		for ; i != end; i += step {
			t := a.Tokens.At(i)
			switch {
			case t.Kind != corpus.TokWord:
				continue
			case dayModifiers[t.Form]:
				continue
			case corpus.IsStopword(t.Form), weekdays[t.Form] != "", isMonth(t.Form), startsWithDigit(t.Form):
				return
			}
			if c, _ := utf8.DecodeRuneInString(a.Text(t.Span)); !unicode.IsUpper(c) {
				out = append(out, lexicon.Lemma(t.Form))
			}
			return
		}
	}
	next(ti-1, -1, r.Start-1)
	next(ti+1, 1, r.End)
	slices.Sort(out)
	return slices.Compact(out)
}

// dayModifiers place a day without saying what happened on it.
var dayModifiers = map[string]bool{
	"on": true, "early": true, "late": true, "last": true, "this": true, "next": true,
	"by": true, "until": true, "since": true, "from": true, "through": true, "before": true,
}

// differentActs reports whether the days x and y date different acts:
// each has act words, and neither's sentence has a word of the other's act
// (by lemma: "apologize" and "apologized" are one act). A day with no act
// word beside it ("Trump said on Tuesday") dates what its sentence
// reports, which the pairing already says is the other's.
func differentActs(x, y Mention) bool {
	if len(x.act) == 0 || len(y.act) == 0 {
		return false
	}
	return !sentenceHasAny(y.Article, y.sent, x.act) && !sentenceHasAny(x.Article, x.sent, y.act)
}

// sentenceHasAny reports whether sentence si of a has a word whose lemma
// is one of lemmas (sorted).
func sentenceHasAny(a *corpus.Article, si int, lemmas []string) bool {
	for _, t := range a.Tokens.In(a.Sentences[si].Tokens()).All() {
		if t.Kind != corpus.TokWord {
			continue
		}
		if _, found := slices.BinarySearch(lemmas, lexicon.Lemma(t.Form)); found {
			return true
		}
	}
	return false
}
