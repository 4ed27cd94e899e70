package quote

import (
	"strings"
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
)

// Manner: "Senator Ben Sasse was blunt: “…”", "As Warren put it
// bluntly: “…”", "Unsatisfied, Cohen followed up: “…”". No verb of
// speech attributes the quote, but the words before its colon say how
// their subject spoke, and the quote after the colon is what was said.
// Only a person's name, or "he" or "she", is such a subject ("The
// headline was blunt:", "The New York Times chimed in:" name no one),
// and only when the quote follows
// the colon directly; the verb is the phrase as written, in lower case
// ("was blunt", "put it bluntly").

// mannerPhrases are the predicates that say how someone spoke, as the
// word forms that end the words before the colon. "put it" takes up to
// mannerPutWords words after it ("put it more bluntly", "put it this
// way").
var mannerPhrases = sync.OnceValue(func() [][]string {
	var out [][]string
	for _, be := range []string{"was", "were", "is", "are"} {
		for _, degree := range []string{"", "more ", "even more ", "less ", "equally ", "just as ", "far more ", "much more "} {
			for _, adj := range []string{
				"blunt", "direct", "succinct", "emphatic", "unequivocal", "adamant", "defiant", "candid",
				"frank", "terse", "curt", "forthright", "scathing", "explicit", "to the point",
			} {
				out = append(out, strings.Fields(be+" "+degree+adj))
			}
		}
		out = append(out, strings.Fields(be+" blunter"), strings.Fields(be+" blunter still"))
	}
	for _, p := range []string{
		"followed up", "summed it up", "summed up", "chimed in", "weighed in", "piped up",
		"had this to say", "did not mince words", "didn't mince words", "didn’t mince words", "minced no words",
		"got right to the point", "cut to the chase", "kept it short", "kept it simple",
	} {
		out = append(out, strings.Fields(p))
	}
	return out
})

// mannerPutWords is the most words "put it" takes before the colon:
// "put it a little more bluntly".
const mannerPutWords = 4

// attributeManner attributes quote k, which nothing else attributes, to
// the subject of the words before its colon when they say how it spoke.
func (s *scanner) attributeManner(k int, head corpus.Range) bool {
	q := &s.qs[k]
	if q.Speaker != "" || q.Source != "" || s.info[k].intro >= 0 {
		return false
	}
	c := s.colonBefore(k, head.Start)
	if c < 0 {
		return false
	}
	var words []int // the words before the colon, nearest first
	for i := c - 1; i >= head.Start && len(words) < mannerPutWords+2; i-- {
		switch t := s.toks.At(i); {
		case t.Kind == corpus.TokWord && !s.inside[i]:
			words = append(words, i)
			continue
		case t.Kind == corpus.TokSpace && t.Form == " ":
			continue
		}
		break
	}
	first := s.mannerStart(words)
	if first < 0 {
		return false
	}
	name, kind, subj := s.subjectBefore(head.Start, first)
	switch {
	case kind == speakerName && s.isPerson(name) && !s.determined(subj, head.Start):
	case kind == speakerPronoun && (name == "he" || name == "she"):
	default:
		return false
	}
	if !s.set(k, first, name, kind, subj) {
		return false
	}
	q.Verb = strings.ToLower(string(s.a.Raw[s.toks.Span(first).Start:s.toks.Span(c-1).End]))
	return true
}

// mannerStart returns the first word of the manner phrase that words,
// the words before a colon nearest first, end with, or -1.
func (s *scanner) mannerStart(words []int) int {
	form := func(n int) string { return s.toks.Form(words[n]) }
	for _, p := range mannerPhrases() {
		if len(p) > len(words) {
			continue
		}
		match := true
		for n := range p {
			if form(n) != p[len(p)-1-n] {
				match = false
				break
			}
		}
		if match {
			return words[len(p)-1]
		}
	}
	// "put it", then up to mannerPutWords words in lower case.
	for n := 1; n < len(words) && n <= mannerPutWords+1; n++ {
		if form(n) == "put" && form(n-1) == "it" {
			for m := n - 2; m >= 0; m-- {
				if s.isName(words[m]) {
					return -1
				}
			}
			return words[n]
		}
	}
	return -1
}

// determined reports whether the name ending at token w has an article
// or another determiner before it, as a document's or a newspaper's
// has and a person's has not: "the Area Forecast Discussion", "The New
// York Times".
func (s *scanner) determined(w, start int) bool {
	p := s.prevWord(s.runBack(w, start).Start, start)
	return p >= 0 && wordSets().determiners[s.toks.Form(p)]
}
