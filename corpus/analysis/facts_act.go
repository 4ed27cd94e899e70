package analysis

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
	"github.com/newsdiff/newsdiff/corpus/internal/lazy"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// A day is the day of an act: "resigned Monday", "had to apologize
// Saturday", "on Friday apologized". Two paired sentences can each date a
// different act of one story: in the 2014 story of a congressional aide's
// Facebook post, the New York Times's lead has her resign on Monday and
// Fox's has her apologize on Saturday, and the pairing rightly joins the
// two leads. So a day's act words are kept, and two days are of different
// events when neither sentence has the other's act at all.

// dayAct returns the lemmas of the act a day, written in tokens first to
// last, dates: of its neighbours (see dayNeighbours), those that are
// content words and not names, a name saying who acted rather than what
// was done. "aide resigned Monday after
// her post" gives {resign}; "staffer on Friday apologized" {staffer,
// apologize}; "the office said on Monday" nothing, "said" being a function
// word.
func dayAct(a *corpus.Article, r corpus.Range, first, last int) []string {
	var out []string
	for _, i := range dayNeighbours(a, r, first, last) {
		t := a.Tokens.At(i)
		if corpus.IsStopword(t.Form) || weekdays.Get()[t.Form] != "" || isMonth(t.Form) || startsWithDigit(t.Form) {
			continue
		}
		if c, _ := utf8.DecodeRuneInString(a.Text(t.Span)); !unicode.IsUpper(c) {
			out = append(out, lexicon.Lemma(t.Form))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// dayNeighbours returns the token indexes of the words right before and
// right after the day written in tokens first to last of the sentence's
// token range r, stepping over the words that only place a day ("on",
// "early", "last"; see dayModifiers) and a weekday, which beside a date
// names the same day ("published Sunday, Dec. 18").
func dayNeighbours(a *corpus.Article, r corpus.Range, first, last int) []int {
	var out []int
	next := func(i, step, end int) {
		for ; i != end; i += step {
			if t := a.Tokens.At(i); t.Kind == corpus.TokWord && !dayModifiers.Get()[t.Form] && weekdays.Get()[t.Form] == "" {
				out = append(out, i)
				return
			}
		}
	}
	next(first-1, -1, r.Start-1)
	next(last+1, 1, r.End)
	return out
}

// datesReport reports whether the day in tokens first to last dates the
// telling of the news rather than the news: a verb of speech stands beside
// it ("the White House confirmed Thursday", "said on Monday", "on Friday
// announced"), or "published" (a story's "( Published Sunday, Dec. 18,
// 2016 )"), or a noun naming a telling ("attended NASA's announcement
// Wednesday", "in a statement Tuesday", "a news conference Monday"; see
// reportNoun).
// The President "will travel to the United Kingdom on July 13" in one
// outlet and "will travel … in July, the White House confirmed Thursday"
// in another: the 13th is the visit's, the Thursday the announcement's,
// and the two are no disagreement.
func datesReport(a *corpus.Article, r corpus.Range, first, last int) bool {
	for _, i := range dayNeighbours(a, r, first, last) {
		if f := a.Tokens.Form(i); quote.IsSpeechVerb(f) || f == "published" || reportNoun(a, r, i) {
			return true
		}
	}
	return false
}

// asOf reports whether the day that starts at word token ti of the
// sentence's token range r follows "as of" ("had not been charged as of
// early Friday"): the time a state of things held when an outlet wrote,
// which differs between outlets that wrote at different times without
// their disagreeing on any event.
func asOf(a *corpus.Article, r corpus.Range, ti int) bool {
	i := ti - 1
	word := func() string {
		for ; i >= r.Start; i-- {
			if a.Tokens.Kind(i) == corpus.TokWord {
				f := a.Tokens.Form(i)
				i--
				return f
			}
		}
		return ""
	}
	f := word()
	for f == "early" || f == "late" {
		f = word()
	}
	return f == "of" && word() == "as"
}

// dayModifiers place a day without saying what happened on it.
var dayModifiers = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"on": true, "early": true, "late": true, "last": true, "this": true, "next": true,
		"by": true, "until": true, "since": true, "from": true, "through": true, "before": true,
	}
}}

// differentActs reports whether the days x and y date different acts:
// one dates a report and the other does not (see datesReport), or each has
// act words and neither's sentence has a word of the other's act (by
// lemma: "apologize" and "apologized" are one act). A day with no act word
// beside it ("the aide on Monday") dates what its sentence reports, which
// the pairing already says is the other's.
func differentActs(x, y Mention) bool {
	if x.report != y.report {
		return true
	}
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
