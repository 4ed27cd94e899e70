package analysis

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// Facts on the pairing (issue 9, seventh defect): two outlets' values
// disagree only when they report the same event, and the comparison's
// pairing is what says so. A Friday and a Saturday that merely sit near
// the same words ("state media") are two events; a time is one value
// ("4:20 a.m."), not an hour and a minute; a name against a role noun
// ("Trump" against "the president") is one person.

// pairedSentences says, for each pair of articles, which sentences the
// comparison pairs: key (i, j, si, sj) with i < j.
type pairedSentences map[[4]int]bool

// pairedOf collects the sentence pairs of every paired block of an's
// comparisons. A block of several sentences pairs each with each: the
// outlets split one report differently.
func (an *Analysis) pairedOf() pairedSentences {
	ps := make(pairedSentences)
	for i := range an.Pairs {
		for j := i + 1; j < len(an.Pairs[i]); j++ {
			c := an.Pairs[i][j]
			if c == nil {
				continue
			}
			for _, b := range c.Blocks {
				if (b.Kind != compare.Aligned && b.Kind != compare.Moved) || b.Role != corpus.RoleProse {
					continue
				}
				for si := b.LeftSentences.Start; si < b.LeftSentences.End; si++ {
					for sj := b.RightSentences.Start; sj < b.RightSentences.End; sj++ {
						ps[[4]int{i, j, si, sj}] = true
					}
				}
			}
		}
	}
	return ps
}

// same reports whether sentence si of article i and sj of article j are
// paired.
func (ps pairedSentences) same(i, si, j, sj int) bool {
	if i > j {
		i, j, si, sj = j, i, sj, si
	}
	return ps[[4]int{i, j, si, sj}]
}

// timeAt reads a clock time starting at word token ti of a ("4:20",
// "4:20 a.m.", "11.30pm"): its text span, its normalised value and the
// token after it. ok is false when no time starts there.
func timeAt(a *corpus.Article, ti, end int) (sp corpus.Span, norm string, next int, ok bool) {
	t := a.Tokens.At(ti)
	h, err := strconv.Atoi(t.Form)
	if err != nil || h > 24 || ti+2 >= end {
		return
	}
	sep, mt := a.Tokens.At(ti+1), a.Tokens.At(ti+2)
	if sep.Kind != corpus.TokPunct || (sep.Form != ":" && sep.Form != ".") || mt.Kind != corpus.TokWord {
		return
	}
	digits := mt.Form
	suffix := ""
	if len(digits) > 2 {
		digits, suffix = mt.Form[:2], mt.Form[2:]
	}
	m, err := strconv.Atoi(digits)
	if err != nil || len(digits) != 2 || m > 59 || (suffix != "" && suffix != "am" && suffix != "pm") {
		return
	}
	sp = corpus.Span{Start: t.Start, End: mt.End}
	norm = t.Form + ":" + digits
	next = ti + 3
	if suffix == "" {
		// "a.m." / "p.m." / "am" after a space.
		k := next
		for k < end && a.Tokens.At(k).Kind == corpus.TokSpace {
			k++
		}
		if k < end && a.Tokens.At(k).Kind == corpus.TokWord {
			switch f := strings.ReplaceAll(a.Tokens.At(k).Form, ".", ""); f {
			case "am", "pm", "a", "p":
				if f == "a" || f == "p" {
					f += "m"
				}
				suffix = f
				last := k
				// Take the "m" and the dots of "a.m." with it.
				for last+1 < end && a.Tokens.At(last+1).Kind != corpus.TokSpace && last+1-k < 4 {
					last++
				}
				sp.End = a.Tokens.At(last).End
				next = last + 1
			}
		}
	}
	if suffix != "" {
		norm += " " + suffix
	}
	return sp, norm, next, true
}

// dateAt reads a day of a month at word token ti of a ("July 13",
// "13 July"): its span, its value ("july 13") and the token after it.
func dateAt(a *corpus.Article, ti, end int) (sp corpus.Span, norm string, next int, ok bool) {
	k := ti + 1
	for k < end && a.Tokens.At(k).Kind == corpus.TokSpace {
		k++
	}
	if k >= end || a.Tokens.At(k).Kind != corpus.TokWord {
		return
	}
	x, y := a.Tokens.At(ti), a.Tokens.At(k)
	month, day := x, y
	if !isMonth(month.Form) {
		month, day = y, x
	}
	if !isMonth(month.Form) {
		return
	}
	d, err := strconv.Atoi(strings.TrimRight(day.Form, "stndrh"))
	if err != nil || d < 1 || d > 31 {
		return
	}
	return corpus.Span{Start: x.Start, End: y.End}, month.Form + " " + strconv.Itoa(d), k + 1, true
}

func startsWithDigit(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsDigit(r)
}

// roleNoun reports whether a change names a role ("the president", "a
// spokesman") rather than a person: against a name it is most likely the
// same person, not a different one.
func roleNoun(a *corpus.Article, spans []corpus.Span) bool {
	for _, s := range spans {
		r := a.TokensIn(s)
		for _, t := range a.Tokens.In(r).All() {
			if t.Kind == corpus.TokWord && corpus.IsTitle(t.Form) {
				return true
			}
		}
	}
	return false
}
