package analysis

import (
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/lazy"
)

// A sentence can hold two counts of one noun, each counted by its own
// act: "Three people were killed and six were injured". Another outlet
// may give the two the other way round ("Six people were injured and
// three were killed"), and a third other figures ("Four people were
// killed and five were injured"). Keyed by the noun alone, the six
// injured of one outlet stood against the four killed of another, and
// the outlets that agree on both counts did not show as agreeing. So a
// count keeps the act the sentence counts it by, when it says one (see
// countedBy), and two counts by different acts are two facts: "people ·
// killed" and "people · injured". A second count that leaves its noun
// out ("and six were injured", "and six others injured") counts the
// noun of the count before it.

// countActs maps the words of an act a count is counted by to the act's
// name: the one fact that "three killed", "three dead" and "three people
// died" give. Injured, hurt and wounded are one act, as outlets write
// them of one event ("six wounded" against "five injured"); shot is not
// killed, nor hospitalized injured. "Wounds" is left out: in a count it
// is the noun ("150 to 200 puncture wounds").
var countActs = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"killed": "killed", "kill": "killed", "kills": "killed", "killing": "killed",
		"dead": "killed", "died": "killed", "die": "killed", "dies": "killed", "dying": "killed",
		"injured": "injured", "injure": "injured", "injures": "injured", "injuring": "injured",
		"hurt": "injured", "hurting": "injured",
		"wounded": "injured", "wounding": "injured",
		"arrested": "arrested", "arrest": "arrested", "arrests": "arrested", "arresting": "arrested",
		"detained": "arrested", "detain": "arrested", "detaining": "arrested",
		"shot": "shot", "shooting": "shot",
		"missing": "missing",
		"rescued": "rescued", "rescuing": "rescued",
		"evacuated": "evacuated", "evacuating": "evacuated",
		"hospitalized": "hospitalized", "hospitalised": "hospitalized",
		"displaced": "displaced", "displacing": "displaced",
	}
}}

// notBefore are the act words of countActs that count nothing after them:
// those that take no object ("died three days later", "dead", "missing",
// "hospitalized") and the forms of a verb that read as its noun
// ("arrests three days later"), or that a count does not follow in news
// copy ("detain"). Every other act word counts what follows it ("killing
// three", "injured six others").
var notBefore = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"dead": true, "died": true, "die": true, "dies": true, "dying": true,
		"arrest": true, "arrests": true, "detain": true,
		"missing": true, "hospitalized": true, "hospitalised": true,
	}
}}

// countLinks stand between a count and its act without changing what
// is counted: "were", "have been", "seriously", "reportedly".
var countLinks = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"was": true, "were": true, "is": true, "are": true, "be": true, "been": true, "being": true,
		"has": true, "have": true, "had": true, "also": true, "all": true, "reportedly": true,
		"later": true, "seriously": true, "critically": true, "fatally": true, "badly": true,
		"slightly": true, "severely": true, "gravely": true, "mortally": true, "now": true,
	}
}}

// elidedNouns stand in a count's noun phrase for the noun of the count
// before: "and six others were injured", "three more were arrested".
var elidedNouns = lazy.Value[map[string]bool]{Build: func() map[string]bool { return map[string]bool{"others": true, "other": true, "more": true} }}

// measureNouns count a span or a share, which no act is done to:
// "arrested three days later", "shot three times", "injured 40 percent"
// give no count of people arrested, shot or injured.
var measureNouns = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"times": true, "seconds": true, "minutes": true, "hours": true, "days": true, "weeks": true,
		"months": true, "years": true, "miles": true, "kilometres": true, "kilometers": true, "km": true,
		"metres": true, "meters": true, "feet": true, "yards": true, "percent": true, "per": true,
	}
}}

// countNounWords is how many words a count's noun phrase may have
// between it and its act: "three young children were killed".
const countNounWords = 3

// countedBy returns the act that the number written in word tokens ti
// to next-1 of the sentence's token range r is counted by, as its name
// in countActs, and the noun it counts, the last word of the phrase
// after it: "Three people were killed" gives (killed, people), "six were
// injured" and "three dead" (injured, "") and (killed, ""); "killing at
// least three people", with the act before the count and its hedge,
// whose words start at offset hedgeStart (0 for none), (killed, people).
// A count with no act beside it, or of a measure (see measureNouns),
// gives ("", "").
func countedBy(a *corpus.Article, r corpus.Range, ti, next, hedgeStart int) (act, noun string) {
	act, noun = actAfter(a, r, next)
	if measureNouns.Get()[noun] {
		return "", ""
	}
	if act != "" {
		return act, noun
	}
	first := ti
	if hedgeStart > 0 {
		for first > r.Start && a.Tokens.At(first-1).End > hedgeStart {
			first--
		}
	}
	if p := nextToken(a, r, first-1, -1); p >= 0 && a.Tokens.Kind(p) == corpus.TokWord {
		if act, ok := countActs.Get()[a.Tokens.Form(p)]; ok && !notBefore.Get()[a.Tokens.Form(p)] {
			return act, noun
		}
	}
	return "", ""
}

// actAfter reads what follows a count from token i of range r: its noun
// phrase (at most countNounWords words, none a function word or another
// count), then words that link it to its act (countLinks), then the act.
// A phrase set off by commas that starts with "including" may stand
// before the link ("13 people, including children, died"). It returns
// the act's name, or "" if the words after the count say none, and the
// noun phrase's last word.
func actAfter(a *corpus.Article, r corpus.Range, i int) (act, noun string) {
	words, linked := 0, false
	for i = nextToken(a, r, i, 1); i >= 0; i = nextToken(a, r, i+1, 1) {
		form := a.Tokens.Form(i)
		if a.Tokens.Kind(i) != corpus.TokWord {
			if form != "," || linked {
				break
			}
			// ", including children," stands aside: what follows is the
			// link or the act.
			w := nextToken(a, r, i+1, 1)
			if w < 0 || a.Tokens.Form(w) != "including" {
				break
			}
			end := closingComma(a, r, w)
			if end < 0 {
				break
			}
			i, linked = end, true
			continue
		}
		if name, ok := countActs.Get()[form]; ok {
			return name, noun
		}
		if countLinks.Get()[form] {
			linked = true
			continue
		}
		if linked || words == countNounWords || startsWithDigit(form) || wordCount(form) > 0 ||
			corpus.IsStopword(form) && !elidedNouns.Get()[form] {
			break
		}
		if !elidedNouns.Get()[form] {
			noun = form
		}
		words++
	}
	return "", noun
}

// closingComma returns the index of the comma that closes a phrase
// starting at token i of r, if one comes within eight words; else -1.
func closingComma(a *corpus.Article, r corpus.Range, i int) int {
	for words := 0; i >= 0 && words <= 8; i = nextToken(a, r, i+1, 1) {
		switch {
		case a.Tokens.Kind(i) == corpus.TokWord:
			words++
		case a.Tokens.Form(i) == ",":
			return i
		default:
			return -1
		}
	}
	return -1
}

// countedNoun returns the noun a count of sentence si counted by act
// counts when its own phrase names none ("and six were injured"): that
// of the last count before it in ms, of the same sentence, that names
// one and is counted by an act.
func countedNoun(ms []Mention, ai, si int) string {
	for k := len(ms) - 1; k >= 0 && ms[k].art == ai && ms[k].sent == si; k-- {
		if m := ms[k]; m.kind == FactNumber && m.countedBy != "" && m.unit != "" {
			return m.unit
		}
	}
	return ""
}

// sameCount reports whether numbers x and y count the same thing, and
// what: a word they both count (see sharedUnit), or when each is counted
// by an act (see countedBy), its noun, a count that names none taking
// the other's ("killing three" and "three people were killed"; "and six
// were injured" of a sentence that names no noun before). Two counts by
// different acts count different things, whatever their nouns.
func sameCount(x, y Mention) (string, bool) {
	if x.countedBy != "" && y.countedBy != "" {
		switch {
		case x.countedBy != y.countedBy:
			return "", false
		case x.unit == y.unit && x.unit != "" || y.unit == "":
			return x.unit, true
		case x.unit == "":
			return y.unit, true
		}
	}
	u := sharedUnit(x, y)
	return u, u != ""
}
