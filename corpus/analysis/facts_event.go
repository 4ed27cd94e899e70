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
// comparisons (see blockPairs).
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
				blockPairs(c, b, func(si, sj int) { ps[[4]int{i, j, si, sj}] = true })
			}
		}
	}
	return ps
}

// blockPairs calls pair for each pair of sentences of paired block b of c,
// one of each side, that tell one thing. A block with one sentence on a
// side pairs it with each of the other side's: the outlets split one
// report differently. A block of several sentences on both sides pairs
// those its word diff lines up, sharing an unchanged content word, and
// pairs each sentence that shares none with each of the other side's: the
// diff lines up words in order only, and a sentence an outlet put before
// the quote it introduces ("comments to The New York Times published
// Saturday. “I can’t imagine…”") shares none with the other's put after
// it ("“…,” Ginsburg told The New York Times in an article published
// Sunday"). Paired each with each, a paragraph that two outlets print
// alike, sentence for sentence, set every number of one sentence against
// every number of the others: "the plane crossed the border about 2:20
// p.m." against "the last phone signal was detected around 3:50 p.m.", in
// two outlets that both give both times; "sold 11,854 copies" of one book
// against "sold fewer than 10,000 copies" of another.
func blockPairs(c *compare.Comparison, b compare.Block, pair func(si, sj int)) {
	ls, rs := b.LeftSentences, b.RightSentences
	if ls.End-ls.Start <= 1 || rs.End-rs.Start <= 1 {
		for si := ls.Start; si < ls.End; si++ {
			for sj := rs.Start; sj < rs.End; sj++ {
				pair(si, sj)
			}
		}
		return
	}
	linked := make(map[[2]int]bool)
	hasLeft, hasRight := make(map[int]bool), make(map[int]bool)
	for _, op := range b.Ops {
		if op.Kind != compare.OpEqual {
			continue
		}
		lw, rw := contentWords(c.Left, op.Left), contentWords(c.Right, op.Right)
		for k := range min(len(lw), len(rw)) {
			si, sj := c.Left.SentenceAt(lw[k]), c.Right.SentenceAt(rw[k])
			linked[[2]int{si, sj}] = true
			hasLeft[si], hasRight[sj] = true, true
		}
	}
	for si := ls.Start; si < ls.End; si++ {
		for sj := rs.Start; sj < rs.End; sj++ {
			if linked[[2]int{si, sj}] || !hasLeft[si] || !hasRight[sj] {
				pair(si, sj)
			}
		}
	}
}

// contentWords returns the start offsets of the words of span s of a that
// are not stopwords.
func contentWords(a *corpus.Article, s corpus.Span) []int {
	var out []int
	for _, t := range a.Tokens.In(a.TokensIn(s)).All() {
		if t.Kind == corpus.TokWord && !corpus.IsStopword(t.Form) {
			out = append(out, t.Start)
		}
	}
	return out
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
	if sep.Kind == corpus.TokSpace && h >= 1 && h <= 12 && t.Form[0] != '0' {
		// An hour alone, "10 a.m.": a time, not a count of ten.
		if suffix, last, found := meridiemAt(a, ti+2, end); found {
			return corpus.Span{Start: t.Start, End: a.Tokens.At(last).End}, t.Form + ":00 " + suffix, last + 1, true
		}
		return
	}
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
		if f, last, found := meridiemAt(a, k, end); found {
			suffix = f
			sp.End = a.Tokens.At(last).End
			next = last + 1
		}
	}
	if suffix != "" {
		norm += " " + suffix
	}
	return sp, norm, next, true
}

// sameClock reports whether two times' values are one time, one of them
// written without "a.m." or "p.m.": "6:00" is "6 p.m.", and so is
// "18:00".
func sameClock(x, y string) bool {
	hx, mx, sx := clock(x)
	hy, my, sy := clock(y)
	if mx != my || (sx == "") == (sy == "") {
		return false
	}
	if sx == "" { // x is the one with the suffix
		hx, hy, sx = hy, hx, sy
	}
	h24 := hx % 12
	if sx == "pm" {
		h24 += 12
	}
	return hy == hx || hy == h24
}

// clock splits a time's value ("4:20 am", "18:00") into hour, minutes and
// suffix.
func clock(v string) (h int, m string, suffix string) {
	v, suffix, _ = strings.Cut(v, " ")
	hs, m, _ := strings.Cut(v, ":")
	h, _ = strconv.Atoi(hs)
	return h, m, suffix
}

// meridiemAt reads "a.m.", "p.m.", "am" or "pm" starting at token k of a:
// its normalised form ("am", "pm") and its last token, dots included.
func meridiemAt(a *corpus.Article, k, end int) (suffix string, last int, ok bool) {
	if k >= end || a.Tokens.At(k).Kind != corpus.TokWord {
		return "", 0, false
	}
	switch f := strings.ReplaceAll(a.Tokens.At(k).Form, ".", ""); f {
	case "am", "pm", "a", "p":
		if f == "a" || f == "p" {
			if k+2 >= end || a.Tokens.At(k+1).Form != "." || a.Tokens.At(k+2).Form != "m" {
				return "", 0, false // "10 a day" is no time
			}
			f += "m"
		}
		last = k
		// Take the "m" and the dots of "a.m." with it, and nothing after
		// ("4 p.m.," is "4 p.m.").
		for last+1 < end && last+1-k < 4 && (a.Tokens.At(last+1).Form == "." || a.Tokens.At(last+1).Form == "m") {
			last++
		}
		return f, last, true
	}
	return "", 0, false
}

// dateAt reads a day of a month at word token ti of a ("July 13",
// "13 July", "Jan. 13", "13 Jan"): its span, its value ("july 13", the
// month in full whichever way it is written) and the token after it.
func dateAt(a *corpus.Article, ti, end int) (sp corpus.Span, norm string, next int, ok bool) {
	k := ti + 1
	if k < end && a.Tokens.At(k).Form == "." && monthAbbreviations.Get()[a.Tokens.At(ti).Form] != "" {
		k++ // the point of "Jan. 13"
	}
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
	return corpus.Span{Start: x.Start, End: y.End}, monthOf(month.Form) + " " + strconv.Itoa(d), k + 1, true
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
