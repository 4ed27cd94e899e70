package analysis

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/lazy"
	"github.com/newsdiff/newsdiff/corpus/internal/unionfind"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// FactKind is the kind of a fact that outlets may give differently.
type FactKind int

// Fact kinds.
const (
	FactNumber      FactKind = iota // a count or amount: "30,000 emails" against "33,000 emails"
	FactDay                         // a day of the week or month: "on Wednesday" against "on Tuesday"
	FactName                        // a person or organisation named in the same passage
	FactAttribution                 // who an outlet says spoke a quote, and with which verb and hedges
	FactTime                        // a clock time, whole: "4:20 a.m." against "4:30 a.m."
)

var factKindNames = [...]string{"number", "day", "name", "attribution", "time"}

func (k FactKind) String() string {
	if int(k) < len(factKindNames) {
		return factKindNames[k]
	}
	return "FactKind(" + strconv.Itoa(int(k)) + ")"
}

// Mention is one outlet's version of a fact.
type Mention struct {
	Article *corpus.Article
	Span    corpus.Span // the words giving the fact
	Value   string      // as the article writes it
	norm    string      // what is compared: the number's value, the day's name
	kind    FactKind
	art     int      // the article's index in the analysis
	sent    int      // the sentence it sits in
	context []uint64 // content words near it, sorted
	act     []string // for a day: the lemmas of the act it dates, sorted (see dayAct)
	report  bool     // for a day: it dates a report of the news (see datesReport)
	hedge   hedge    // for a number: the words before it that make it a bound or a round figure
	// hedgeStart is where those words start ("at least six"): a bound
	// against the other bound of one figure is shown with them.
	hedgeStart int
	// countedBy is, for a number, the act its sentence counts it by
	// ("killed", "injured"; see countedBy), and unit the noun it then
	// counts, its sentence's earlier count's for one left out ("six were
	// injured"): two counts by different acts are two facts.
	countedBy, unit string
}

// Context returns the passage mention m is shown in: the whole sentences
// its span touches. An attribution's span is its quote's, which runs from
// the first quoted word to the last and so starts and ends inside the
// marks; cut there, a quote split around its attribution ("…opponent,”
// Jake Sullivan … said. “This has gone…") shows a closing mark with no
// opening one and an opening one with no closing one. The sentences hold
// the marks as the outlet wrote them.
func (m Mention) Context() corpus.Span {
	a := m.Article
	first, last := a.SentenceAt(m.Span.Start), a.SentenceAt(max(m.Span.End-1, m.Span.Start))
	if first < 0 || last < first {
		return m.Span
	}
	return corpus.Span{
		Start: min(m.Span.Start, a.Sentences[first].Span().Start),
		End:   max(m.Span.End, a.Sentences[last].Span().End),
	}
}

// ContextText returns the text of Context, unsanitised, with each
// paragraph break inside it written " ¶ ": a quotation running over
// paragraphs opens each one with a mark, and closes only its last, as
// news text does. Use termsafe for anything that reaches a terminal.
func (m Mention) ContextText() string {
	a := m.Article
	c := m.Context()
	var parts []string
	for _, p := range a.Paragraphs {
		if p.End <= c.Start || p.Start >= c.End {
			continue
		}
		s, e := max(p.Start, c.Start), min(p.End, c.End)
		if t := strings.TrimSpace(string(a.Raw[s:e])); t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return a.Text(c)
	}
	return strings.Join(parts, " ¶ ")
}

// Disagreement is a fact that two or more outlets give differently about
// the same thing: Mentions hold at least two different values, one per
// article at most, in article order.
type Disagreement struct {
	Kind     FactKind
	Mentions []Mention
	// About names what the fact is about, e.g. "emails" for a count or the
	// rare words the outlets' sentences share for a day.
	About string
	// Act is, for a count, the act the outlets' sentences count it by:
	// "killed" in "Three people were killed", "injured" in "and six were
	// injured". Empty when they say none.
	Act string
}

var weekdays = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
		"friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
	}
}}

// Tuning of fact matching, set on the seed story.
const (
	// numberRatio bounds how far apart two counts of the same thing may be
	// and still be taken as the same count given differently; beyond it
	// they count different things ("2 emails", "30,000 emails").
	numberRatio = 1.5
)

// Disagreements returns the facts the story's outlets give differently,
// found once by Analyze (see disagreements). The slice is shared: do not
// modify it.
func (an *Analysis) Disagreements() []Disagreement { return an.facts }

// disagreements lists the facts the story's outlets give differently:
// counts of the same thing, days and times of the same event, and the names
// on the two sides of a change inside a paired passage. A number, day or
// time is compared only with those of the passages the comparison pairs
// with its own: the same event first (see pairedOf).
func (an *Analysis) disagreements() []Disagreement {
	idf := compare.IDF(an.Articles...)
	paired := an.pairedOf()
	var ms [][]Mention // per article
	for ai, a := range an.Articles {
		ms = append(ms, factMentions(a, ai))
	}
	carried := carriedValues(ms)
	// Values are compared only between sentences the comparison pairs:
	// the same event (see pairedOf).
	same := func(x, y Mention) (string, bool) {
		if !paired.same(x.art, x.sent, y.art, y.sent) || !carried.differ(x, y) ||
			carried.givenBeside(x, y.art, paired) || carried.givenBeside(y, x.art, paired) {
			return "", false
		}
		if x.kind == FactNumber {
			what, _ := sameCount(x, y)
			return what, true
		}
		return rarestShared(x, y, idf), true
	}
	var out []Disagreement
	out = append(out, linkMentions(an.Articles, ms, FactDay, same)...)
	out = append(out, linkMentions(an.Articles, ms, FactTime, same)...)
	out = append(out, linkMentions(an.Articles, ms, FactNumber, same)...)
	out = append(out, an.nameChanges()...)
	out = append(out, an.attributions()...)
	return out
}

// sentenceValues holds the values of each kind that each sentence gives.
type sentenceValues map[sentenceKey][]givenValue

type sentenceKey struct {
	art, sent int
	kind      FactKind
}

// givenValue is a value as a sentence gives it: a number with its hedge
// and the act it is counted by.
type givenValue struct {
	norm      string
	hedge     hedge
	countedBy string
}

func carriedValues(ms [][]Mention) sentenceValues {
	vs := make(sentenceValues)
	for _, am := range ms {
		for _, m := range am {
			k := sentenceKey{m.art, m.sent, m.kind}
			if v := (givenValue{m.norm, m.hedge, m.countedBy}); !slices.Contains(vs[k], v) {
				vs[k] = append(vs[k], v)
			}
		}
	}
	return vs
}

// gives reports whether sentence k gives m's value: as it is, or for a
// number, rounded ("70 percent" gives "70.3 percent", and "70.3 percent"
// "70 percent"; see oneRounded), and not as the other bound ("almost
// four dozen" does not give "at least four dozen"; see boundsApart), and
// not as a count by another act ("three were killed" does not give
// "three were injured").
func (vs sentenceValues) gives(k sentenceKey, m Mention) bool {
	for _, v := range vs[k] {
		if v.countedBy != "" && m.countedBy != "" && v.countedBy != m.countedBy {
			continue
		}
		if v.norm == m.norm && !boundsApart(v.hedge, m.hedge) ||
			k.kind == FactNumber && oneRounded(v.norm, m.norm) {
			return true
		}
	}
	return false
}

// differ reports whether x and y, a number, day or time each in
// sentences of two articles that the comparison pairs, give one fact two
// ways: this is the rule, for the story's Disagreements and for the flags
// of a paraphrase pair (see Shared). Two values of one kind differ unless
// a sentence gives both (see bothSides); two days or times unless they
// date different acts (see differentActs); two numbers only when they are
// near (numberRatio) and count the same thing (see sameCount), or are
// one figure given as bounds that leave no value between them (see
// boundsApart).
func (vs sentenceValues) differ(x, y Mention) bool {
	if x.kind != y.kind || !differentValues(x, y) || vs.bothSides(x, y) {
		return false
	}
	switch x.kind {
	case FactDay:
		// A day of the week and a day of a month are one date written two
		// ways, or two dates, and which only the articles' dates say:
		// "the night of July 21" against "received Thursday", "published
		// online today (April 15)" against "published online Monday". So
		// are a day relative to the article's date and any other (see
		// datedDiffer).
		if isRelative(x.norm) || isRelative(y.norm) || isWeekday(x.norm) != isWeekday(y.norm) {
			return datedDiffer(x, y) && !differentActs(x, y)
		}
		return !differentActs(x, y)
	case FactTime:
		return !sameClock(x.norm, y.norm) && !differentActs(x, y)
	case FactNumber:
		if x.norm == y.norm {
			_, same := sameCount(x, y)
			return same
		}
		vx, _ := strconv.ParseFloat(x.norm, 64)
		vy, _ := strconv.ParseFloat(y.norm, 64)
		if vx <= 0 || vy <= 0 || math.Max(vx, vy)/math.Min(vx, vy) > numberRatio {
			return false
		}
		if allows(x, vx, y, vy) || allows(y, vy, x, vx) || oneRounded(x.norm, y.norm) {
			return false
		}
		_, same := sameCount(x, y)
		return same
	}
	return false
}

// differentValues reports whether x and y give different values: two
// values, or one number as two bounds that leave nothing between them.
func differentValues(x, y Mention) bool {
	return x.norm != y.norm || x.kind == FactNumber && boundsApart(x.hedge, y.hedge)
}

// bothSides reports whether x's sentence also gives y's value or y's
// sentence x's: then the two sentences agree on it, and x and y are two
// different facts of the passage ("disputed on Friday a report" against "a
// statement issued Friday night disputed … report Thursday": the dispute
// is on Friday in both, the report on Thursday).
func (vs sentenceValues) bothSides(x, y Mention) bool {
	return vs.gives(sentenceKey{y.art, y.sent, x.kind}, x) || vs.gives(sentenceKey{x.art, x.sent, y.kind}, y)
}

// givenBeside reports whether article art gives m's value in a sentence
// that the comparison pairs with m's: then the two outlets agree on it,
// and what art gives differently in another sentence paired with m's is
// another fact. Two outlets that print one paragraph of figures alike
// ("72 percent versus 63 percent" of surgery, "53 percent versus 48
// percent" of radiation) have each sentence paired with both of the
// other's.
func (vs sentenceValues) givenBeside(m Mention, art int, paired pairedSentences) bool {
	for k := range vs {
		if k.art == art && k.kind == m.kind && paired.same(m.art, m.sent, art, k.sent) && vs.gives(k, m) {
			return true
		}
	}
	return false
}

// attributions lists the quotes that outlets attribute to different
// speakers: "This has gone from being a matter of curiosity…" is Jake
// Sullivan's in one outlet and "Clinton's campaign"'s in another. Speakers
// are compared by their last word, so "Sullivan" and "Jake Sullivan"
// agree; pronouns and missing speakers are no disagreement.
func (an *Analysis) attributions() []Disagreement {
	var out []Disagreement
	fullNames := make(map[*corpus.Article][][]string)
	for _, g := range an.Quotes {
		if len(g.Quotes) < 2 {
			continue
		}
		d := Disagreement{Kind: FactAttribution, About: g.Speaker}
		var keys []string
		var names []map[string]bool // the words of each quote's sentences, and of its speaker's full names
		for _, q := range g.Quotes {
			key := attributionKey(q.Speaker)
			if key == "" {
				continue
			}
			keys = append(keys, key)
			words := sentenceWords(q.Article, q.Span)
			if fullNames[q.Article] == nil {
				fullNames[q.Article] = articleNames(q.Article)
			}
			for _, n := range fullNames[q.Article] {
				if slices.Contains(n, key) {
					for _, w := range n {
						words[w] = true
					}
				}
			}
			names = append(names, words)
			value := q.Speaker
			if q.Verb != "" {
				value += " (" + q.Verb + ")"
			}
			d.Mentions = append(d.Mentions, Mention{Article: q.Article, Span: q.Span, Value: value})
		}
		if twoSpeakers(keys, names) {
			if len(g.Quotes) > 0 {
				d.About = firstWords(g.Quotes[g.Common].Text(), 8)
			}
			out = append(out, d)
		}
	}
	return out
}

// twoSpeakers reports whether two of the quotes' speakers (keys) differ
// and neither quote's sentences (names) name the other's speaker. A quote
// from a memo is Comey's in one outlet ("…, Comey wrote") and Trump's in
// another ("Mr. Trump told Mr. Comey …: “…”"): the second names both
// people of the one exchange, so the outlets tell it alike, one through
// the person who wrote it down, the other through the one who spoke.
func twoSpeakers(keys []string, names []map[string]bool) bool {
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[i] != keys[j] && !names[i][keys[j]] && !names[j][keys[i]] {
				return true
			}
		}
	}
	return false
}

// articleNames returns the names of a's prose, each as its words in
// matching form, without a possessive ending: a speaker named by one
// word ("Clarissa", "Winter") is the one the article names in full
// ("Clarissa Dickson Wright", "Ariel Winter"), whom another outlet may
// call by another of its words. "Clarissa" against "Dickson Wright", and
// "Ariel" against "Winter", were each reported as two speakers of one
// quote.
func articleNames(a *corpus.Article) [][]string {
	var out [][]string
	for _, n := range proseNames(a, sentenceStarts(a)) {
		if len(n.words) > 1 {
			out = append(out, n.words)
		}
	}
	return out
}

// sentenceWords returns the words, in matching form and without a
// possessive ending, of the sentences of a that span s touches.
func sentenceWords(a *corpus.Article, s corpus.Span) map[string]bool {
	words := make(map[string]bool)
	first, last := a.SentenceAt(s.Start), a.SentenceAt(max(s.End-1, s.Start))
	if first < 0 || last < first {
		return words
	}
	for si := first; si <= last; si++ {
		for _, t := range a.Tokens.In(a.Sentences[si].Tokens()).All() {
			if t.Kind == corpus.TokWord {
				words[strings.TrimSuffix(strings.TrimSuffix(t.Form, "'s"), "'")] = true
			}
		}
	}
	return words
}

// attributionKey is what two attributions are compared by: the last word of
// the speaker before a suffix ("Jr.", "III"), lower-cased; empty for no speaker, a pronoun or a role noun
// ("the president" is most likely the person another outlet names).
func attributionKey(speaker string) string {
	words := strings.Fields(speaker)
	f := strings.Fields(strings.ToLower(speaker))
	if len(f) > 1 && quote.IsNameSuffix(f[len(f)-1]) {
		f, words = f[:len(f)-1], words[:len(words)-1] // "Roger J. Stone Jr": Stone
	}
	if len(f) == 0 || !namesSomeone(speaker) || len(words) == 1 && isCallSign(words[0]) {
		return ""
	}
	switch last := strings.Trim(f[len(f)-1], "’'"); {
	case last == "he", last == "she", last == "they", last == "it", last == "we", last == "i", last == "you":
		return ""
	case titleSurname(words):
		return last
	case corpus.IsTitle(strings.TrimSuffix(last, ".")), corpus.IsTitle(lexicon.Lemma(last)), unnamedSpeakers.Get()[last]:
		return ""
	default:
		return last
	}
}

// isCallSign reports whether a speaker's one word is a US broadcast
// station's call sign: four capitals, the first K or W ("WOFL", "KTLA"),
// with a band or "TV" after a hyphen or not. A station that "says" words
// carried them, as "a statement" did ("WOFL says, “…”" of the officer's
// words another outlet gives her): it is no speaker another outlet's
// naming the person disagrees with.
func isCallSign(w string) bool {
	if i := strings.IndexByte(w, '-'); i >= 0 {
		switch w[i+1:] {
		case "TV", "FM", "AM", "DT":
			w = w[:i]
		default:
			return false
		}
	}
	if len(w) != 4 || w[0] != 'K' && w[0] != 'W' {
		return false
	}
	for i := range len(w) {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// titleSurname reports whether the last of a speaker's words is a title
// that is a surname there: "King" of "Larry King" or "Martin Luther
// King", written capitalised after a capitalised given name. The titles
// are those of a rank a person holds (surnameTitles), not an office whose
// body's name may come before it ("Health Secretary", "House Speaker");
// the word before must be no title, function word or acronym, and
// WordNet must know it as a noun alone if at all, as it knows "Luther"
// and not "Saudi" (an adjective) or "Court" (a verb too). A speaker left
// unkeyed is compared with no one, which is why a doubtful one is.
func titleSurname(words []string) bool {
	if len(words) < 2 {
		return false
	}
	last, prev := strings.TrimRight(words[len(words)-1], ".,"), strings.TrimRight(words[len(words)-2], ".,")
	if !surnameTitles.Get()[strings.ToLower(last)] || !capitalised(last) || !capitalised(prev) || strings.ToUpper(prev) == prev {
		return false
	}
	p := strings.ToLower(prev)
	if corpus.IsTitle(p) || nameModifiers.Get()[p] || corpus.IsStopword(p) {
		return false
	}
	return !lexicon.IsLemma(p, "a") && !lexicon.IsLemma(p, "v") && !lexicon.IsLemma(p, "r")
}

// capitalised reports whether a word starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// surnameTitles are the titles of a rank that are surnames too ("Larry
// King", "Jim Justice", "Mike Judge").
var surnameTitles = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"king": true, "queen": true, "prince": true, "lord": true, "judge": true, "justice": true,
	}
}}

// namesSomeone reports whether a speaker holds a name: a capitalised
// word that is no function word. A speaker described and not named ("a
// forensic investigator", "the company", "the worker") is most likely the
// one another outlet names ("Borrini", "McNeil Consumer Healthcare"), and
// no disagreement with them; "Clinton’s campaign" names one.
func namesSomeone(speaker string) bool {
	for _, w := range strings.Fields(speaker) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !corpus.IsStopword(strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// unnamedSpeakers end a speaker that names no one: what carried the words
// ("in a statement", "a Twitter message") or an unnamed source ("a person
// familiar with the talks"). Another outlet naming the speaker does not
// disagree with them; on the development folders, "McGinley" against "a
// statement", "Trump" against "a Twitter message" and "Kim" against "a
// statement" were each reported as two speakers of one quote.
var unnamedSpeakers = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"statement": true, "statements": true, "message": true, "tweet": true, "post": true,
		"release": true, "letter": true, "memo": true, "email": true, "video": true,
		"interview": true, "person": true, "people": true, "source": true, "sources": true,
	}
}}

// firstWords returns the first n words of s, with an ellipsis if it had
// more.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

// factMentions finds the numbers, days, dates and times in a's prose; ai
// is a's index in the analysis. A time ("4:20 a.m.") and a date ("July
// 13") are one value each, never a count.
func factMentions(a *corpus.Article, ai int) []Mention {
	var ms []Mention
	for si := range a.Sentences {
		ms = sentenceMentions(ms, a, ai, si)
	}
	return ms
}

// sentenceMentions appends to ms the numbers, days, dates and times of
// sentence si of a, if it is prose; ai is a's index in the analysis.
func sentenceMentions(ms []Mention, a *corpus.Article, ai, si int) []Mention {
	s := a.Sentences[si]
	if a.Paragraphs[s.Para()].Role != corpus.RoleProse {
		return ms
	}
	add := func(sp corpus.Span, norm string, kind FactKind, ti int) {
		ts := a.TokensIn(sp)
		ms = append(ms, Mention{Article: a, Span: sp, Value: a.Text(sp), norm: norm, kind: kind, art: ai, sent: si, context: window(a, s.Tokens(), ts.Start, ts.End-1)})
	}
	for ti := s.Tokens().Start; ti < s.Tokens().End; ti++ {
		t := a.Tokens.At(ti)
		if t.Kind != corpus.TokWord {
			continue
		}
		if day, ok := weekdays.Get()[t.Form]; ok {
			if asOf(a, s.Tokens(), ti) {
				continue
			}
			add(t.Span, day, FactDay, ti)
			ms[len(ms)-1].act = dayAct(a, s.Tokens(), ti, ti)
			ms[len(ms)-1].report = datesReport(a, s.Tokens(), ti, ti)
			continue
		}
		if sp, norm, next, ok := relativeDayAt(a, ti, s.Tokens()); ok {
			if asOf(a, s.Tokens(), ti) {
				ti = next - 1
				continue
			}
			add(sp, norm, FactDay, ti)
			ms[len(ms)-1].act = dayAct(a, s.Tokens(), ti, next-1)
			ms[len(ms)-1].report = datesReport(a, s.Tokens(), ti, next-1)
			ti = next - 1
			continue
		}
		if sp, norm, next, ok := timeAt(a, ti, s.Tokens().End); ok {
			add(sp, norm, FactTime, ti)
			ti = next - 1
			continue
		}
		if sp, norm, next, ok := dateAt(a, ti, s.Tokens().End); ok {
			if asOf(a, s.Tokens(), ti) {
				ti = next - 1
				continue
			}
			add(sp, norm, FactDay, ti)
			ms[len(ms)-1].report = datesReport(a, s.Tokens(), ti, next-1)
			ti = next - 1
			continue
		}
		if startsWithDigit(t.Form) {
			v := strings.ReplaceAll(t.Form, ",", "")
			if _, err := strconv.ParseFloat(v, 64); err == nil && !isYear(v) {
				add(t.Span, v, FactNumber, ti)
				counted(ms, a, ai, si, ti, ti+1)
			}
			continue
		}
		if sp, norm, next, ok := spelledNumberAt(a, ti, s.Tokens()); ok {
			add(sp, norm, FactNumber, ti)
			counted(ms, a, ai, si, ti, next)
			ti = next - 1
		}
	}
	return ms
}

// counted sets the hedge, the act and the noun of the number just added
// to ms, written in word tokens ti to next-1 of sentence si of a.
func counted(ms []Mention, a *corpus.Article, ai, si, ti, next int) {
	r := a.Sentences[si].Tokens()
	m := &ms[len(ms)-1]
	m.hedge, m.hedgeStart = hedgeBefore(a, r, ti)
	m.countedBy, m.unit = countedBy(a, r, ti, next, m.hedgeStart)
	if m.countedBy != "" && m.unit == "" {
		m.unit = countedNoun(ms[:len(ms)-1], ai, si)
	}
}

// contextWords is how many words either side of a fact count as its
// context: the words that say what a day or number is about ("interview
// with NBC News on Wednesday") sit next to it.
const contextWords = 8

// window returns the content words within contextWords words of tokens
// first to last in the sentence's token range r: the words around a
// value, not the words of a value written in several ("two weeks ago").
func window(a *corpus.Article, r corpus.Range, first, last int) []uint64 {
	var out []uint64
	add := func(t corpus.Token) bool {
		if t.Kind != corpus.TokWord {
			return false
		}
		if !corpus.IsStopword(t.Form) && weekdays.Get()[t.Form] == "" {
			out = append(out, corpus.HashForm(t.Form))
		}
		return true
	}
	for i, n := first-1, 0; i >= r.Start && n < contextWords; i-- {
		if add(a.Tokens.At(i)) {
			n++
		}
	}
	for i, n := last+1, 0; i < r.End && n < contextWords; i++ {
		if add(a.Tokens.At(i)) {
			n++
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// isYear reports whether a number is most likely a year, which dates a
// report rather than counting anything.
func isYear(v string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && len(v) == 4 && n >= 1900 && n <= 2100
}

// linkMentions joins mentions of one kind from different articles that
// same says are about the same thing, and reports each joined set that
// holds two or more values. A set holds counts by one act at most (see
// countedBy): a count its sentence says no act of, linked to "three
// killed" and to "six injured", would join the two facts.
func linkMentions(arts []*corpus.Article, ms [][]Mention, kind FactKind, same func(x, y Mention) (string, bool)) []Disagreement {
	type node struct{ art, i int }
	var nodes []node
	for ai := range ms {
		for i, m := range ms[ai] {
			if m.kind == kind {
				nodes = append(nodes, node{ai, i})
			}
		}
	}
	sets := unionfind.New(len(nodes))
	about := make([]string, len(nodes))
	act := make([]string, len(nodes)) // by root: the act of the set's counts
	for i, n := range nodes {
		act[i] = ms[n.art][n.i].countedBy
	}
	for i := range nodes {
		for j := i + 1; j < len(nodes); j++ {
			x, y := ms[nodes[i].art][nodes[i].i], ms[nodes[j].art][nodes[j].i]
			if nodes[i].art == nodes[j].art || !differentValues(x, y) {
				continue
			}
			ri, rj := sets.Find(int32(i)), sets.Find(int32(j))
			if act[ri] != "" && act[rj] != "" && act[ri] != act[rj] {
				continue
			}
			if what, ok := same(x, y); ok {
				r := sets.Union(ri, rj)
				act[r] = cmp.Or(act[ri], act[rj])
				if about[r] == "" {
					about[r] = what
				}
			}
		}
	}
	groups := make(map[int][]int)
	var roots []int
	for i := range nodes {
		r := int(sets.Find(int32(i)))
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	var out []Disagreement
	// One pair of sentences gives one day or time at most: two that each
	// give a weekday and a date ("Saturday, Jan. 14" against "Sunday,
	// Jan. 15") are reported by the first values that differ, not again
	// by the next. Numbers are not so joined: one pair of sentences may
	// count the killed and the injured differently.
	reported := make(map[string]bool)
	for _, r := range roots {
		d := Disagreement{Kind: kind, About: about[r], Act: act[r]}
		seen := make(map[int]bool)
		values := make(map[string]bool)
		bounds := false // two bounds of one figure
		for _, i := range groups[r] {
			if seen[nodes[i].art] {
				continue
			}
			seen[nodes[i].art] = true
			m := ms[nodes[i].art][nodes[i].i]
			bounds = bounds || slices.ContainsFunc(d.Mentions, func(o Mention) bool { return o.norm == m.norm && boundsApart(o.hedge, m.hedge) })
			d.Mentions = append(d.Mentions, m)
			values[m.norm] = true
		}
		if len(values) < 2 && !bounds {
			continue
		}
		if bounds {
			// "four dozen" against "four dozen" says nothing: the bounds
			// are what differ.
			for k, m := range d.Mentions {
				d.Mentions[k].Span = withHedge(m)
				d.Mentions[k].Value = m.Article.Text(d.Mentions[k].Span)
			}
		}
		slices.SortStableFunc(d.Mentions, func(a, b Mention) int {
			return cmp.Compare(slices.Index(arts, a.Article), slices.Index(arts, b.Article))
		})
		var sentences strings.Builder
		for _, m := range d.Mentions {
			sentences.WriteString(strconv.Itoa(m.art) + ":" + strconv.Itoa(m.sent) + " ")
		}
		if kind != FactNumber && reported[sentences.String()] {
			continue
		}
		reported[sentences.String()] = true
		out = append(out, d)
	}
	return out
}

// rarestShared returns what two mentions of a day or a time are about, as
// x writes it: the act both date, if they date one (see dayAct), or else
// the rarest content word their contexts share, a word of what happened
// before a piece of a name; when the contexts share none, the rarest the
// two sentences share.
//
// A title or a name's modifier ("former", "Mayor", "U.S.") says of whom,
// not what, and a name is named by its last word, as speakers are: of
// "former New York City Mayor Rudy Giuliani", "Giuliani", not "former"
// or "New". With no such word the fact has no heading but its kind.
func rarestShared(x, y Mention, idf map[uint64]float64) string {
	a := x.Article
	ts := a.Tokens.In(a.Sentences[x.sent].Tokens())
	for _, t := range ts.All() {
		if t.Kind != corpus.TokWord {
			continue
		}
		if l := lexicon.Lemma(t.Form); slices.Contains(x.act, l) && slices.Contains(y.act, l) {
			// The act both days date ("published Saturday", "published
			// Sunday") is what the fact is about.
			return a.Text(t.Span)
		}
	}
	inContexts := func(h uint64) bool {
		_, inX := slices.BinarySearch(x.context, h)
		_, inY := slices.BinarySearch(y.context, h)
		return inX && inY
	}
	if w := rarestWord(a, ts, idf, inContexts); w != "" {
		return w
	}
	// "last week by former New York City Mayor Rudy Giuliani" against
	// "Two weeks ago, Trump recruited to his legal team former New York
	// mayor Rudy Giuliani": the words near the days share only "former"
	// and "New"; the sentences share "Giuliani".
	b := y.Article
	// A number the sentences share is no more what the fact is about
	// ("Connor Cummings, 20," in both): only words are.
	inY := make(map[uint64]bool)
	for _, t := range b.Tokens.In(b.Sentences[y.sent].Tokens()).All() {
		if r, _ := utf8.DecodeRuneInString(t.Form); t.Kind == corpus.TokWord && unicode.IsLetter(r) {
			inY[corpus.HashForm(t.Form)] = true
		}
	}
	return rarestWord(a, ts, idf, func(h uint64) bool { return inY[h] })
}

// rarestWord returns the rarest content word of tokens ts of article a
// that shared reports of (by its form's hash), a word of what happened
// before the last word of a name; "" when there is none (see
// rarestShared).
func rarestWord(a *corpus.Article, ts corpus.Tokens, idf map[uint64]float64, shared func(uint64) bool) string {
	best, word := -1.0, ""
	bestLower, lower := -1.0, ""
	for i, t := range ts.All() {
		if t.Kind != corpus.TokWord || corpus.IsStopword(t.Form) || weekdays.Get()[t.Form] != "" || meridiem(t.Form) {
			// The "p.m" of "11:15 p.m." and "10:40 p.m." is part of the
			// two values, not what they are about ("time · p.m").
			continue
		}
		if corpus.IsTitle(strings.TrimSuffix(t.Form, ".")) || nameModifiers.Get()[t.Form] {
			continue
		}
		h := corpus.HashForm(t.Form)
		if !shared(h) {
			continue
		}
		c, _ := utf8.DecodeRuneInString(a.Text(t.Span))
		if !unicode.IsUpper(c) {
			if idf[h] > bestLower {
				bestLower, lower = idf[h], a.Text(t.Span)
			}
		} else if idf[h] > best && !nameGoesOn(a, ts, i) {
			best, word = idf[h], a.Text(t.Span)
		}
	}
	if lower != "" {
		// A word of what happened names the fact better than a piece of
		// a name: "published" rather than the "York" of "The New York
		// Times", which both sentences also carry.
		return lower
	}
	return word
}

// meridiem reports whether a word is the "a.m." or "p.m." of a time.
func meridiem(form string) bool {
	switch strings.ReplaceAll(form, ".", "") {
	case "am", "pm":
		return true
	}
	return false
}

// sharedUnit returns the word two numbers count: the first content word
// after one, when it is among the three after the other ("30,000 emails",
// "33,000 illegally deleted emails"); or, for a number set off by a comma after a
// name, as an age is ("Clifford Knight, 46,"), the name, which must be
// the other's. Any content word in common among the three after each,
// the rule before, made "21 cases for the whole year" and "24 states so
// far this year" one count of a "year", and "James Zordel, 59, of
// Russell" and "Interstate 70 near Russell" one of "russell". A number in
// brackets after what it is of ("“the avengers” ($1.519 billion)", see
// bracketedTo) counts that, and another's counts it too only in a
// sentence that names it.
func sharedUnit(x, y Mention) string {
	if ax, ay := apposedTo(x), apposedTo(y); ax != "" || ay != "" {
		if ax == ay {
			return ax
		}
		return ""
	}
	if px, py := bracketedTo(x), bracketedTo(y); px != "" || py != "" {
		// "passed “the avengers” ($1.519 billion), “furious 7”
		// ($1.516 billion)": a figure in brackets is the thing's before
		// them, and another outlet's figure is of that thing only when
		// its sentence names it.
		if px != "" && py != "" && px != py || px == "" && !sentenceWords(x.Article, x.Span)[py] || py == "" && !sentenceWords(y.Article, y.Span)[px] {
			return ""
		}
	}
	ux, uy := following(x, 3), following(y, 3)
	switch {
	case len(ux) > 0 && slices.Contains(uy, ux[0]):
		return ux[0]
	case len(uy) > 0 && slices.Contains(ux, uy[0]):
		return uy[0]
	}
	return ""
}

// apposedTo returns, for a number between commas or after a comma at the
// end of its sentence ("Clifford Knight, 46, and"), the word before the
// first comma, in matching form: whom the number is of.
func apposedTo(m Mention) string {
	a := m.Article
	r := a.Sentences[m.sent].Tokens()
	ts := a.TokensIn(m.Span)
	ti := ts.Start
	next := nextToken(a, r, ts.End, 1)
	if next >= 0 && !(a.Tokens.Kind(next) == corpus.TokPunct && (a.Tokens.Form(next) == "," || a.Tokens.Form(next) == ".")) {
		return ""
	}
	comma := nextToken(a, r, ti-1, -1)
	if comma < 0 || a.Tokens.Form(comma) != "," {
		return ""
	}
	if w := nextToken(a, r, comma-1, -1); w >= 0 && a.Tokens.Kind(w) == corpus.TokWord {
		return a.Tokens.Form(w)
	}
	return ""
}

// bracketedTo returns, for a number in brackets with at most a currency
// sign before it and a unit word after it ("“the avengers” ($1.519
// billion)"), the word before the opening bracket, past any quote mark,
// in matching form: what the number is of.
func bracketedTo(m Mention) string {
	a := m.Article
	r := a.Sentences[m.sent].Tokens()
	ts := a.TokensIn(m.Span)
	open := nextToken(a, r, ts.Start-1, -1)
	if open >= 0 && a.Tokens.Kind(open) == corpus.TokPunct && a.Tokens.Form(open) != "(" {
		open = nextToken(a, r, open-1, -1) // "$"
	}
	if open < 0 || a.Tokens.Form(open) != "(" {
		return ""
	}
	closing := nextToken(a, r, ts.End, 1)
	if closing >= 0 && a.Tokens.Kind(closing) == corpus.TokWord {
		closing = nextToken(a, r, closing+1, 1) // "billion"
	}
	if closing < 0 || a.Tokens.Form(closing) != ")" {
		return ""
	}
	w := nextToken(a, r, open-1, -1)
	for w >= 0 && a.Tokens.Kind(w) == corpus.TokPunct && isQuoteMark(a.Tokens.Form(w)) {
		w = nextToken(a, r, w-1, -1)
	}
	if w < 0 || a.Tokens.Kind(w) != corpus.TokWord {
		return ""
	}
	return a.Tokens.Form(w)
}

// isQuoteMark reports whether punctuation form f is a quote mark.
func isQuoteMark(f string) bool {
	switch f {
	case `"`, "'", "“", "”", "‘", "’", "«", "»":
		return true
	}
	return false
}

// nextToken returns the first token from i on, stepping by step (1 or
// -1) inside the token range r, that is not a space; -1 if none.
func nextToken(a *corpus.Article, r corpus.Range, i, step int) int {
	for ; i >= r.Start && i < r.End; i += step {
		if a.Tokens.Kind(i) != corpus.TokSpace {
			return i
		}
	}
	return -1
}

// following returns the matching forms of up to n content words after m in
// its sentence.
func following(m Mention, n int) []string {
	a := m.Article
	s := a.Sentences[m.sent]
	var out []string
	seen := false
	for _, t := range a.Tokens.In(s.Tokens()).All() {
		if t.Start >= m.Span.End {
			seen = true
		}
		if !seen || t.Kind != corpus.TokWord {
			continue
		}
		if len(out) == n {
			break
		}
		if !corpus.IsStopword(t.Form) {
			out = append(out, t.Form)
		}
	}
	return out
}

// nameChanges finds paired passages where each side names someone the
// other does not, in the same change: "Jake Sullivan said" against
// "Clinton's campaign said". A paraphrase pair is left out: its word diff
// lines up little of what the two wordings say, so a name deleted beside
// a name inserted is chance ("Russia stands accused of hacking" against
// "Wikileaks released a trove of hacked emails"). So is a name change
// where either article names elsewhere what the other gives: the outlet
// knows both, and uses each for its own part of the story. One outlet
// that says "says Delynn" had noted that the paperwork gave him a wrong
// name and that "His name is Dallas Swonger"; one that says "NASA
// officials said" of one claim quotes "McComas said" of another.
func (an *Analysis) nameChanges() []Disagreement {
	var out []Disagreement
	starts := make([]map[int]bool, len(an.Articles))
	named := make([][]name, len(an.Articles)) // the names of each article's prose
	for i, a := range an.Articles {
		starts[i] = sentenceStarts(a)
		named[i] = proseNames(a, starts[i])
	}
	for i := range an.Articles {
		for j := i + 1; j < len(an.Articles); j++ {
			c := an.Pairs[i][j]
			for _, b := range c.Blocks {
				if (b.Kind != compare.Aligned && b.Kind != compare.Moved) || b.Role != corpus.RoleProse || b.Match == compare.Paraphrase {
					continue
				}
				var del, ins []corpus.Span
				flush := func() {
					ln := names(c.Left, del, starts[i])
					rn := names(c.Right, ins, starts[j])
					// A name against a role ("Trump wrote" against "the
					// president said") is most likely one person.
					if len(ln) > 0 && len(rn) > 0 && !overlaps(ln, rn) &&
						otherWords(c.Left, del, ln) <= nameChangeSlack && otherWords(c.Right, ins, rn) <= nameChangeSlack &&
						!roleNoun(c.Left, del) && !roleNoun(c.Right, ins) &&
						!overlaps(names(c.Left, []corpus.Span{b.Left}, starts[i]), rn) &&
						!overlaps(names(c.Right, []corpus.Span{b.Right}, starts[j]), ln) &&
						!overlaps(named[i], rn) && !overlaps(named[j], ln) {
						out = append(out, Disagreement{Kind: FactName, Mentions: []Mention{
							{Article: c.Left, Span: ln[0].span, Value: ln[0].text},
							{Article: c.Right, Span: rn[0].span, Value: rn[0].text},
						}})
					}
					del, ins = nil, nil
				}
				for _, op := range b.Ops {
					switch op.Kind {
					case compare.OpEqual:
						flush()
					case compare.OpDelete:
						del = append(del, op.Left)
					case compare.OpInsert:
						ins = append(ins, op.Right)
					}
				}
				flush()
			}
		}
	}
	return out
}

type name struct {
	span  corpus.Span
	text  string
	key   string   // lower-case surname: what two outlets' mentions share
	words []string // its words as nameWord folds them
}

// nameWord folds a name's word so that spellings of one name compare
// equal: "F.B.I." and "FBI", "Korea’s" and "Korea".
func nameWord(form string) string {
	form = strings.TrimSuffix(strings.TrimSuffix(form, "'"), "'s")
	return strings.ReplaceAll(form, ".", "")
}

// names finds runs of capitalised words inside spans of a that are not at
// the start of a sentence (first holds a's sentence starts; see
// sentenceStarts) and not titles: "Jake Sullivan", "Mike Pence".
func names(a *corpus.Article, spans []corpus.Span, first map[int]bool) []name {
	var out []name
	for _, s := range spans {
		var run []corpus.Token
		flush := func() {
			if len(run) > 0 {
				sp := corpus.Span{Start: run[0].Start, End: run[len(run)-1].End}
				n := name{span: sp, text: a.Text(sp), key: run[len(run)-1].Form}
				for _, t := range run {
					n.words = append(n.words, nameWord(t.Form))
				}
				out = append(out, n)
			}
			run = nil
		}
		toks := a.TokensIn(s)
		for i := toks.Start; i < toks.End; i++ {
			t := a.Tokens.At(i)
			switch t.Kind {
			case corpus.TokSpace:
				continue
			case corpus.TokWord:
				r, _ := utf8.DecodeRune(a.Raw[t.Start:t.End])
				if unicode.IsUpper(r) && !first[t.Start] && !corpus.IsTitle(t.Form) && !nameModifiers.Get()[t.Form] && !corpus.IsStopword(t.Form) && weekdays.Get()[t.Form] == "" && !isMonth(t.Form) && !timeZones.Get()[t.Form] {
					run = append(run, t)
					continue
				}
			}
			flush()
		}
		flush()
	}
	return out
}

// overlaps reports whether two name lists share a surname, or one name is
// part of another, as nameWord spells them: "Sullivan" of "Jake
// Sullivan", "FBI" of "F.B.I. special agent", "the North's" of "North
// Korea's".
func overlaps(x, y []name) bool {
	for _, a := range x {
		for _, b := range y {
			if a.key == b.key || strings.Contains(a.text, b.text) || strings.Contains(b.text, a.text) ||
				containsRun(a.words, b.words) || containsRun(b.words, a.words) ||
				strings.Contains(squeezed(a.text), squeezed(b.text)) || strings.Contains(squeezed(b.text), squeezed(a.text)) ||
				initialsOf(a.text, b.text) || initialsOf(b.text, a.text) {
				return true
			}
		}
	}
	return false
}

// squeezed returns a name lower-cased, without its possessive ending, its
// hyphens and its dots: "Re-establishment" and "Reestablishment" are one
// word, and "Bronson's" is the "Bronson" of "Bronson-starring".
func squeezed(text string) string {
	text = strings.ToLower(text)
	text = strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s")
	return strings.NewReplacer("-", "", ".", "", "'", "", "’", "").Replace(text)
}

// initialsOf reports whether short, one word in capitals, is the initials
// of long, a name of several words, in order, some maybe left out: "SAG"
// of "Screen Actors Guild", "UCSD" of "UC San Diego" (a word in capitals
// gives all its letters), "LASD" of "Los Angeles County Sheriff's
// Department".
func initialsOf(short, long string) bool {
	short = strings.TrimSuffix(strings.TrimSuffix(short, "'s"), "’s")
	words := strings.Fields(long)
	if strings.ContainsAny(short, " -") || len(words) < 2 || len(short) < 2 || strings.ToUpper(short) != short {
		return false
	}
	var initials []rune
	for _, w := range words {
		if strings.ToUpper(w) == w {
			initials = append(initials, []rune(w)...)
		} else if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	acronym := []rune(short)
	if len(initials) == 0 || initials[0] != acronym[0] {
		return false
	}
	k := 0
	for _, r := range initials {
		if k < len(acronym) && r == acronym[k] {
			k++
		}
	}
	return k == len(acronym)
}

// containsRun reports whether run occurs in words, word for word.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// nameChangeSlack is how many words other than names either side of a
// change may hold for its names to be taken as one replacing the other.
// A name change reads "Sheriff Javier Salazar said" against "Sheriff John
// Smith said": little else changes. On the 17 development folders every
// name pair found in a longer change was chance, the two names doing
// different things in two different clauses: "could be difficult for
// Democrats because typically" against "The Post noted that suing Russia
// presents legal challenges, since" (5 such, none real).
const nameChangeSlack = 3

// otherWords counts the words of spans in a that are not in ns.
func otherWords(a *corpus.Article, spans []corpus.Span, ns []name) int {
	n := 0
	for _, s := range spans {
		n += a.WordsIn(s)
	}
	for _, nm := range ns {
		n -= len(nm.words)
	}
	return n
}

// proseNames returns the names of a's prose paragraphs; first holds the
// offsets of a's sentence starts (see sentenceStarts).
func proseNames(a *corpus.Article, first map[int]bool) []name {
	var prose []corpus.Span
	for _, p := range a.Paragraphs {
		if p.Role == corpus.RoleProse {
			prose = append(prose, p.Span)
		}
	}
	return names(a, prose, first)
}

// sentenceStarts returns the offsets where a's sentences start, where a
// capital letter says nothing about a name.
func sentenceStarts(a *corpus.Article) map[int]bool {
	m := make(map[int]bool, len(a.Sentences))
	for _, s := range a.Sentences {
		m[s.Span().Start] = true
		// A sentence opening on a quote mark starts at its first word.
		for _, t := range a.Tokens.In(s.Tokens()).All() {
			if t.Kind == corpus.TokWord {
				m[t.Start] = true
				break
			}
		}
	}
	return m
}

// nameModifiers stand before a name without being part of it, like a
// title (corpus.IsTitle), but only in the sense of a name's party or
// country: "U.S. Secretary", "Democratic Senator".
var nameModifiers = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"us": true, "u.s": true, "republican": true, "democratic": true, "democrat": true, "foreign": true,
	}
}}

// nameGoesOn reports whether the word after token i of ts, past white
// space, is capitalised: then token i is a piece of a name that goes on
// ("New" of "New York"), and not the word that names it.
func nameGoesOn(a *corpus.Article, ts corpus.Tokens, i int) bool {
	for j := i + 1; j < ts.Len(); j++ {
		switch t := ts.At(j); t.Kind {
		case corpus.TokSpace:
			continue
		case corpus.TokWord:
			return capitalised(a.Text(t.Span))
		default:
			return false
		}
	}
	return false
}

// isWeekday reports whether a day's value is a day of the week, not of a
// month.
func isWeekday(norm string) bool { return weekdays.Get()[strings.ToLower(norm)] == norm }

// timeZones follow a time and name no one: "shortly before 10 p.m. ET"
// against "shortly before 10 p.m. EST" was reported as one name given for
// another.
var timeZones = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"et": true, "est": true, "edt": true, "ct": true, "cst": true, "cdt": true, "mt": true, "mst": true,
		"mdt": true, "pt": true, "pst": true, "pdt": true, "gmt": true, "utc": true, "bst": true, "cet": true,
	}
}}

// isMonth reports whether a word's matching form names a month, in full
// or abbreviated as news style writes it ("Jan.", "Sept.").
func isMonth(form string) bool { return monthOf(form) != "" }

// monthOf returns the month a word's matching form names, in full and
// lower case, or "" when it names none: "sept" gives "september".
func monthOf(form string) string {
	switch form {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december":
		return form
	}
	return monthAbbreviations.Get()[form]
}

var monthAbbreviations = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
		"jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october",
		"nov": "november", "dec": "december",
	}
}}
