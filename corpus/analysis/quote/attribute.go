package quote

import (
	"bytes"
	"iter"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// Attribution: the speaker, verb and hedges of each quote, from the
// words of its own sentence outside its marks.

// attribute finds the speaker and verb of quote k in its own sentences.
func (s *scanner) attribute(k int) {
	head, tail := s.head(k), s.tail(k)
	tailFirst := s.info[k].endsOnMark
	if i := s.nextVisible(tail.Start, tail.End); i >= 0 && s.toks.Form(i) == "," {
		tailFirst = true
	} else if tailFirst && s.setOff(k, head) && s.unsplitAfter(k) {
		// `the bird says, " don't shoot. " the sheriff later said`: in
		// a lower-cased text the splitter misses the sentence that
		// starts after a quote closed on a point, so the tail is the
		// next sentence's, and the words introducing the quote are
		// its attribution.
		tailFirst = false
	}
	// "Boris Johnson, who said in December 2015 “…”, tweeted the news":
	// a relative clause's verb before the quote is its attribution; the
	// main verb after it has another object.
	if v := s.findVerb(head, false); v >= 0 {
		if p := s.prevWord(v, head.Start); p >= 0 && s.toks.Form(p) == "who" {
			tailFirst = false
		}
	}
	tries := []func() bool{
		func() bool { return s.attributeHead(k, head) },
		func() bool { return s.attributeTail(k, tail) },
	}
	if tailFirst {
		tries[0], tries[1] = tries[1], tries[0]
	}
	for _, try := range tries {
		if try() {
			return
		}
	}
	if !s.attributeMedium(k, head, tail) {
		s.attributeManner(k, head)
	}
}

// speechMedia are the media a person speaks through, hung on a
// preposition in place of a verb of speech: "in a tweet", "in a
// statement", "on Twitter".
var speechMedia = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"tweet", "tweets", "post", "posts", "statement", "message", "email", "e-mail", "letter", "blog",
		"video", "interview", "op-ed", "twitter", "facebook", "instagram", "tiktok", "youtube", "linkedin",
		"snapchat", "weibo", "reddit",
	)
})

// mediumWords is how many words may stand between a medium's preposition
// and the medium: "in a late-night Facebook post".
const mediumWords = 3

// attributeMedium attributes quote k, which no verb of speech attributes,
// to the subject of its clause when the clause says the medium it was
// said in instead ("Trump, in a tweet Friday: “…”", "Khan took to
// Twitter: “…”", "“…,” Trump fumed in a Facebook post"): a name or a
// personal pronoun, never a phrase. The verb is the medium's phrase as
// written, its preposition in lower case ("in a tweet", "on Twitter").
func (s *scanner) attributeMedium(k int, head, tail corpus.Range) bool {
	if s.qs[k].Speaker != "" || s.qs[k].Source != "" {
		return false
	}
	try := func(n int, r corpus.Range, after bool) bool {
		p := s.mediumPreposition(n, r.Start)
		if p < 0 {
			return false
		}
		// After the quote, the subject comes before its medium ("Trump
		// fumed in a tweet"); a name after it is another clause's
		// ("following @b0yle on Twitter and adding +Alan Boyle").
		end := r.End
		if after {
			end = p
		}
		name, kind, subj := s.clauseSubject(r.Start, end)
		if kind != speakerName && kind != speakerPronoun {
			return false
		}
		if !s.set(k, p, name, kind, subj) {
			return false
		}
		for j := s.nextWord(n+1, r.End); j >= 0 && j == n+2 && speechMedia()[s.toks.Form(j)]; j = s.nextWord(n+1, r.End) {
			n = j // "in a Facebook post"
		}
		s.qs[k].Verb = s.toks.Form(p) + string(s.a.Raw[s.toks.Span(p).End:s.toks.Span(n).End])
		return true
	}
	words := 0
	for i := tail.Start; i < tail.End && words < tailWords; i++ {
		if s.toks.Kind(i) != corpus.TokWord || s.inside[i] {
			continue
		}
		words++
		if s.isMedium(i) && try(i, tail, true) {
			return true
		}
	}
	for i := head.End - 1; i >= head.Start; i-- {
		if s.toks.Kind(i) == corpus.TokWord && !s.inside[i] && s.isMedium(i) {
			return try(i, head, false)
		}
	}
	return false
}

// mediumPreposition returns the preposition that the medium at token n
// hangs on, at most mediumWords words before it and not before start
// ("in" of "in a Facebook post", "to" of "took to Twitter"), or -1.
func (s *scanner) mediumPreposition(n, start int) int {
	p := n
	for range mediumWords + 1 {
		p = s.prevWord(p, start)
		if p < 0 || s.inside[p] {
			return -1
		}
		if f := s.toks.Form(p); mediumPrepositions()[f] || f == "to" {
			return p
		}
		if wordSets().verbs[s.toks.Form(p)] || wordSets().prepositions[s.toks.Form(p)] {
			return -1
		}
	}
	return -1
}

// set records quote k's attribution, when a speaker was found.
func (s *scanner) set(k, verb int, speaker string, kind, subject int) bool {
	if kind == speakerPhrase {
		speaker, kind, subject = s.judgePhrase(speaker, subject, verb)
	}
	// "If you are saying things like “…”": the generic you, whom the
	// writer addresses, says nothing.
	if kind == speakerNone || strings.EqualFold(speaker, "you") {
		return false
	}
	q := &s.qs[k]
	if kind == speakerChannel {
		q.Source, q.Verb = speaker, verbForm(s.toks.Form(verb))
		return true
	}
	q.Speaker, q.Verb = speaker, verbForm(s.toks.Form(verb))
	s.info[k].kind, s.info[k].subject, s.info[k].verb = kind, subject, verb
	if askVerbs()[s.toks.Form(verb)] {
		s.info[k].ask = k + 1
	}
	return true
}

// verbForm is how a verb is reported: "according" as "according to".
func verbForm(f string) string {
	if f == "according" {
		return "according to"
	}
	return f
}

// attributeHead attributes quote k from the words r before it (or an
// introduction); attributeTail from the words r after it.
func (s *scanner) attributeHead(k int, r corpus.Range) bool {
	v := s.findVerb(r, false)
	if v < 0 {
		return false
	}
	if s.nextWord(r.Start, r.End) == v && k > 0 && (s.info[k-1].kind == speakerName || s.info[k-1].kind == speakerJoint) && s.info[k-1].subject >= 0 &&
		s.sentOf[s.info[k-1].subject] == s.sentOf[v] && s.info[k-1].subject < v {
		// "Boris Johnson, who said “…”, tweeted the news … was
		// “…”": a verb right after an earlier quote of its sentence
		// has the subject that quote's attribution named before it.
		prev := s.qs[k-1]
		return s.set(k, v, prev.Speaker, s.info[k-1].kind, s.info[k-1].subject)
	}
	if name, kind, subj := s.readAuthor(v, r.End); kind != speakerNone {
		return s.set(k, v, name, kind, subj) // "The anchor read a tweet from Ann Ortiz:"
	}
	if s.nextWord(r.Start, r.End) == v { // Said Trump: "…"
		if f := s.toks.Form(v); strings.HasSuffix(f, "ing") && f != "according" && s.sentOf[v] >= 0 && s.first[s.sentOf[v]] == int32(v) {
			// "Calling it “…,” the Democratic National Committee
			// filed": the words after an opening participle are its
			// object; its subject is the main clause's, after the quote.
			name, kind, subj := s.mainSubject(s.tail(k))
			return s.set(k, v, name, kind, subj)
		}
		name, kind, subj := s.subjectAfter(v, r.End)
		return s.set(k, v, name, kind, subj)
	}
	if name, subj := s.insertedAttribution(v, r.End); name != "" {
		return s.set(k, v, name, speakerName, subj) // "Herman’s suspension, said Singer, indicated"
	}
	name, kind, subj := s.subjectBefore(r.Start, v)
	return s.set(k, v, name, kind, subj)
}

// mainSubject returns the name that opens r, the rest of a sentence after
// its opening participle's quote (“…,” the Democratic National Committee
// filed), with its article; no speaker when r opens with anything else.
func (s *scanner) mainSubject(r corpus.Range) (string, int, int) {
	i := s.nextOutside(r.Start, r.End)
	if i >= 0 && s.toks.Form(i) == "," {
		i = s.nextOutside(i+1, r.End)
	}
	if i >= 0 && s.toks.Form(i) == "the" {
		i = s.nextWord(i+1, r.End)
	}
	if i < 0 || s.toks.Kind(i) != corpus.TokWord || !s.isName(i) {
		return noSpeaker()
	}
	run := s.runForward(i, r.End)
	if s.isPossessive(run.End - 1) {
		return noSpeaker()
	}
	if name := s.nameOf(run); name != "" {
		return name, speakerName, run.End - 1
	}
	return noSpeaker()
}

func (s *scanner) attributeTail(k int, r corpus.Range) bool {
	v := s.findVerb(r, true)
	if v < 0 {
		return false
	}
	if w := s.prevWord(v, r.Start); w >= 0 && (s.toks.Form(w) == "who" || s.toks.Form(w) == "that") {
		if c := s.prevVisible(w, r.Start); c >= 0 && s.toks.Form(c) != "," {
			// "“…” recovery has 741 people who say": a verb of
			// the people the clause picks out, not the quote's.
			return false
		}
	}
	if f := s.toks.Form(v); s.nextWord(r.Start, r.End) == v && strings.HasSuffix(f, "ing") && f != "according" {
		// "it said it had followed the situation with “…”, describing
		// the behaviour of the soldiers as": the words after the
		// participle are its object; its subject is the clause's, which
		// a verb before the quote names best.
		if s.findVerb(s.head(k), false) >= 0 {
			return false
		}
		// "at a briefing for “Take Your Daughters and Sons to Work
		// Day,” noting that": a preposition's object is a name, not
		// what the participle's subject said.
		if p := s.prevVisible(s.info[k].outer[0].Start, 0); p >= 0 && s.toks.Kind(p) == corpus.TokWord && wordSets().prepositions[s.toks.Form(p)] {
			return false
		}
		name, kind, subj := s.clauseSubject(s.sentenceStart(v, r.Start), v)
		return s.set(k, v, name, kind, subj)
	}
	if name, kind, subj := s.readAuthor(v, r.End); kind != speakerNone {
		return s.set(k, v, name, kind, subj) // "read a post on X from Ann Ortiz"
	}
	if s.reportsAfterPoint(k, v, r.End) {
		return false
	}
	if run, c := s.openingName(r); c >= 0 && c < v && s.wordsOutside(r.Start, v) >= tailWords {
		// Beyond the reach of a verb, past the appositive: the name
		// it describes, not one inside it ("Sarah Murphy, United’s
		// vice president of Operations, Planning and Design, said"),
		// and a person's, as an organisation's verb this far off is
		// as often another clause's.
		if name := s.nameOf(run); name != "" && s.isPerson(name) {
			return s.set(k, v, name, speakerName, run.End-1)
		}
		return false
	}
	if run, c := s.lowerOpening(r); c >= 0 && c < v {
		// `…, " couric, 61, told wendy williams`: in a lower-cased
		// text, the words the tail opens with, before the appositive
		// whose closing comma the verb follows; or the appositive,
		// when it is a bare name after a role (`…, " guardian
		// editor-in-chief, alan rusbridger, said`).
		if p := s.prevVisible(v, r.Start); p > c && s.toks.Form(p) == "," && s.nextWord(c+1, p) >= 0 {
			if a, ok := s.lowerName(c+1, p); ok && lexicon.IsLemma(lexicon.Lemma(s.toks.Form(run.End-1)), "n") {
				run = a
			}
			if name, kind, subj := s.phrase(run.Start, run.End); s.set(k, v, name, kind, subj) {
				return true
			}
		}
	}
	if s.nextWord(r.Start, r.End) == v || s.toks.Form(v) == "according" {
		name, kind, subj := s.subjectAfter(v, r.End)
		return s.set(k, v, name, kind, subj)
	}
	if name, subj := s.insertedAttribution(v, r.End); name != "" {
		return s.set(k, v, name, speakerName, subj)
	}
	name, kind, subj := s.subjectBefore(r.Start, v)
	return s.set(k, v, name, kind, subj)
}

// reportsAfterPoint reports whether verb v of the tail of quote k, in a
// text lower-cased wholesale, is the verb of the next sentence, which the
// splitter of such a text misses after a quote closed on a point: "said"
// or "says" with a clause of its own after it (`… families. " kathy
// harben, a spokeswoman for the agency, said the session would …`),
// where a tail attribution ends on its verb, a preposition or a day
// (`… families. " the mayor said on monday.`).
func (s *scanner) reportsAfterPoint(k, v, end int) bool {
	if !s.unsplitAfter(k) {
		return false
	}
	if s.colonAfterVerb(v, end) {
		return true // `… excited. " another source tells people: "…"`
	}
	if f := s.toks.Form(v); f != "said" && f != "says" && f != "say" {
		return false
	}
	n := s.nextVisible(v+1, end)
	if n < 0 || s.toks.Kind(n) != corpus.TokWord || s.inside[n] {
		return false
	}
	f := s.toks.Form(n)
	if f == "that" {
		return true
	}
	ws := wordSets()
	if ws.prepositions[f] || ws.skipWords[f] || ws.notNames[f] || strings.HasSuffix(f, "ly") {
		return false
	}
	return true
}

// unsplitAfter reports whether quote k, in a text lower-cased
// wholesale, closes on a point, after which the splitter of such a text
// misses the sentence that starts.
func (s *scanner) unsplitAfter(k int) bool {
	outer := s.info[k].outer
	return !s.casedText() && s.endsOnPoint(outer[len(outer)-1])
}

// colonAfterVerb reports whether a colon follows verb v within a few
// words, with no other mark before it ("tells people:"): the verb
// introduces what comes after the colon.
func (s *scanner) colonAfterVerb(v, end int) bool {
	for i, words := v+1, 0; i < end && words <= 3; i++ {
		switch t := s.toks.At(i); t.Kind {
		case corpus.TokWord:
			if s.inside[i] {
				return false
			}
			words++
		case corpus.TokPunct:
			return t.Form == ":"
		}
	}
	return false
}

// findVerb returns the attribution verb in r nearest the quote: the first
// within tailWords words when forward is set (r follows the quote),
// else the last. It returns -1 when there is none.
func (s *scanner) findVerb(r corpus.Range, forward bool) int {
	ok := func(i int) bool {
		t := s.toks.At(i)
		if t.Kind != corpus.TokWord || !wordSets().verbs[t.Form] && !(readVerbs[t.Form] && s.readsMedium(i, r.Start, r.End)) &&
			!(!forward && wordSets().thatVerbs[t.Form] && s.thatFollows(i, r.End)) || s.capitalisedInside(i) {
			return false
		}
		if t.Form == "according" {
			j := s.nextWord(i+1, r.End)
			return j >= 0 && s.toks.Form(j) == "to"
		}
		if bareVerbs[t.Form] {
			// "in court to argue that", "important to note that": an
			// infinitive of these tells an aim, not who speaks ("went on to
			// say" does, and stays). "note" is a noun more often than not.
			if p := s.prevWord(i, r.Start); p >= 0 && s.toks.Form(p) == "to" || t.Form == "note" && !s.noteHasSubject(i, r.Start) {
				return false
			}
		}
		if !forward && s.participleAside(i, r.End) {
			return false // "The video, posted June 5, that shows …": no one posts
		}
		// "the school on 23rd Street and called police", "a cover
		// story this week called “…”": "called" gives words to someone
		// only before them, with what it calls between ("called it
		// “…”", "called for “…”") or after what they call something
		// ("what they called “…”"); after them, or right after a noun,
		// it calls someone up or is the name of a thing.
		if namingVerbs()[t.Form] && (forward || s.nextWord(i+1, r.End) < 0 && !s.callsWhat(i, r.Start)) {
			return false
		}
		// "when asked", "was told": the verb has no speaker as subject;
		// "a warning", "his claims": it is a noun. "was asking" is the
		// subject speaking.
		if p := s.prevWord(i, r.Start); p >= 0 && (wordSets().passiveMarkers[s.toks.Form(p)] && !progressive(s.toks.Form(p), t.Form) || wordSets().determiners[s.toks.Form(p)]) {
			return false
		}
		// "we’re told", "they're asked": a contracted "are" makes the
		// verb passive too.
		if p := s.prevWord(i, r.Start); p >= 0 && (strings.HasSuffix(s.toks.Form(p), "'re") || strings.HasSuffix(s.toks.Form(p), "’re")) && !strings.HasSuffix(t.Form, "ing") {
			return false
		}
		return true
	}
	if forward {
		words := 0
		for i := r.Start; i < r.End && words < tailWords; i++ {
			if s.toks.Kind(i) != corpus.TokWord {
				continue
			}
			words++
			if ok(i) {
				return i
			}
		}
		return s.afterAppositive(r, ok)
	}
	for i := r.End - 1; i >= r.Start; i-- {
		if ok(i) {
			return i
		}
	}
	return -1
}

// afterAppositive returns the verb of r, the words after a quote, that
// follows the appositive set off by commas after the name r opens with,
// beyond tailWords words: `…,” Matteo Borrini, a forensic scientist at
// Liverpool John Moores University in the United Kingdom, told
// BuzzFeed News`. The verb, for which ok holds, opens the words after a
// comma within appositiveTokens tokens of the name's; -1 when there is
// none, or r opens with anything but a name and its comma.
func (s *scanner) afterAppositive(r corpus.Range, ok func(int) bool) int {
	_, c := s.openingName(r)
	if c < 0 {
		_, c = s.lowerOpening(r)
	}
	if c < 0 {
		return -1
	}
	for i := c + 1; i < r.End && i-c <= appositiveTokens; i++ {
		if s.inside[i] {
			return -1
		}
		if s.toks.Kind(i) != corpus.TokPunct || s.toks.Form(i) != "," {
			continue
		}
		if v := s.nextVisible(i+1, r.End); v >= 0 && s.toks.Kind(v) == corpus.TokWord && ok(v) {
			return v
		}
	}
	return -1
}

// openingName returns the name that r, the words after a quote, opens
// with, and the comma after it, or after the name of where it is from,
// that opens its appositive (-1 when there is none).
func (s *scanner) openingName(r corpus.Range) (corpus.Range, int) {
	w := s.nextVisible(r.Start, r.End)
	if w >= 0 && s.toks.Form(w) == "," {
		w = s.nextVisible(w+1, r.End)
	}
	if w < 0 || s.toks.Kind(w) != corpus.TokWord || s.inside[w] || !s.isName(w) || s.isPossessive(w) {
		return corpus.Range{}, -1
	}
	run := s.runForward(w, r.End)
	c := s.nextVisible(run.End, r.End)
	if c >= 0 && (s.toks.Form(c) == "from" || s.toks.Form(c) == "of" || s.toks.Form(c) == "at") {
		// "Sue O'Connor from the Australian National University, who
		// …, told": where the name is from, then the appositive; a
		// person's name there has a given name ("Bank of America" is
		// no "Bank").
		if corpus.CountWords(s.toks.Slice(run.Start, run.End)) < 2 {
			return corpus.Range{}, -1
		}
		for i := run.Start; i < run.End; i++ {
			if corpus.IsTitle(s.toks.Form(i)) {
				return corpus.Range{}, -1 // "Chief Executive of Tesla"
			}
		}
		n := s.nextWord(c+1, r.End)
		if n >= 0 && s.toks.Form(n) == "the" {
			n = s.nextWord(n+1, r.End)
		}
		if n < 0 || s.inside[n] || !s.isName(n) {
			return corpus.Range{}, -1
		}
		c = s.nextVisible(s.runForward(n, r.End).End, r.End)
	}
	if c < 0 || s.toks.Form(c) != "," {
		return corpus.Range{}, -1
	}
	return run, c
}

// lowerOpening is openingName for a text lower-cased wholesale (see
// casedText), whose names are written as every other word is: the run
// of up to phraseWords words that r, the words after a quote closed on a
// comma, opens with, none of them a function word, a pronoun or a verb,
// and the comma right after it (`…, " family friend melanie villarreal,
// 18, told the associated press`); -1 when r opens otherwise, or the
// text is cased. Words closed on a comma are closed so before their
// attribution; after a quote closed on a full stop a lower-cased text's
// splitter misses the sentence that starts there, and what follows is
// rather that sentence's subject (`… " great scream in nature. "
// norwegian businessman petter olsen, whose father …, said he sold`).
func (s *scanner) lowerOpening(r corpus.Range) (corpus.Range, int) {
	if s.casedText() {
		return corpus.Range{}, -1
	}
	m := s.prevVisible(r.Start, 0)
	if m < 0 || s.toks.Form(m) != `"` {
		return corpus.Range{}, -1
	}
	if p := s.prevVisible(m, 0); p < 0 || s.toks.Form(p) != "," {
		return corpus.Range{}, -1
	}
	w := s.nextVisible(r.Start, r.End)
	i, words := w, 0
	for ; i >= 0 && i < r.End; i++ {
		t := s.toks.At(i)
		if t.Kind == corpus.TokSpace && t.Form == " " && words > 0 {
			continue
		}
		if t.Kind != corpus.TokWord || s.inside[i] || words == phraseWords {
			break
		}
		if closedClass(t.Form) || s.isVerbLike(i) {
			return corpus.Range{}, -1
		}
		words++
	}
	if words == 0 || i >= r.End || s.toks.Form(i) != "," {
		return corpus.Range{}, -1
	}
	return corpus.TrimSpace(s.toks, corpus.Range{Start: w, End: i}), i
}

// lowerName returns the words of [from, to) when they are a bare name in
// a lower-cased text: one to four words set apart by single spaces, none
// a function word, a pronoun or a figure, the last one no word of the
// lexicon (`alan rusbridger`, `aida parra`, `cortney`).
func (s *scanner) lowerName(from, to int) (corpus.Range, bool) {
	r := corpus.TrimSpace(s.toks, corpus.Range{Start: from, End: to})
	words := 0
	for i := r.Start; i < r.End; i++ {
		t := s.toks.At(i)
		if t.Kind == corpus.TokSpace && t.Form == " " {
			continue
		}
		if t.Kind != corpus.TokWord || s.inside[i] || closedClass(t.Form) {
			return corpus.Range{}, false
		}
		if c, _ := utf8.DecodeRuneInString(t.Form); !unicode.IsLetter(c) {
			return corpus.Range{}, false
		}
		words++
	}
	if words == 0 || words > 4 {
		return corpus.Range{}, false
	}
	l := lexicon.Lemma(s.toks.Form(r.End - 1))
	for _, part := range []string{"n", "v", "a", "r"} {
		if lexicon.IsLemma(l, part) {
			return corpus.Range{}, false
		}
	}
	return r, true
}

// closedClass says whether f is a function word, a determiner or a
// pronoun: no word of a name, which a lower-cased text tells from its
// other words by such lists alone (see lowerOpening and lowerName).
func closedClass(f string) bool {
	ws := wordSets()
	return ws.functionWords[f] || ws.determiners[f] || ws.pronounWords[f]
}

// wordsOutside counts the words from i to end outside any quote.
func (s *scanner) wordsOutside(i, end int) int {
	n := 0
	for ; i < end; i++ {
		if s.toks.Kind(i) == corpus.TokWord && !s.inside[i] {
			n++
		}
	}
	return n
}

// participleAside reports whether verb v, before end, is a past
// participle set off by commas after a noun, describing it ("The YouTube
// video, posted June 5, that shows …"): a comma before it with a noun
// before that which is no name and closes no appositive, words after it,
// and a comma closing the aside within asideWords words, before any
// quote. Its noun is what was posted, not who said the quote after it;
// "Smith, 45, added: “…”", "Trump, asked about it, said" and "Ayandeh,
// an Iranian news website, described" name no aside so.
func (s *scanner) participleAside(v, end int) bool {
	if !strings.HasSuffix(s.toks.Form(v), "ed") {
		return false
	}
	c := s.prevVisible(v, 0)
	if c < 0 || s.toks.Form(c) != "," {
		return false
	}
	if w := s.prevVisible(c, 0); w < 0 || s.toks.Kind(w) != corpus.TokWord || s.isName(w) || !lexicon.IsLemma(lexicon.Lemma(s.toks.Form(w)), "n") {
		return false
	}
	// "Ayandeh, an Iranian news website, described": the comma closes
	// an appositive, and the verb after it is the main clause's.
	for i, words := c-1, 0; i >= 0 && words <= asideWords; i-- {
		switch s.toks.Kind(i) {
		case corpus.TokWord:
			words++
		case corpus.TokPunct:
			if s.toks.Form(i) == "," {
				return false
			}
			if s.toks.Form(i) != "'" && s.toks.Form(i) != "’" && s.toks.Form(i) != "-" {
				i = -1 // the sentence's or a clause's start: no appositive
			}
		}
	}
	n := s.nextVisible(v+1, end)
	if n < 0 || s.toks.Kind(n) != corpus.TokWord {
		return false
	}
	for i, words := n, 0; i < end && words <= asideWords; i++ {
		switch s.toks.Kind(i) {
		case corpus.TokWord:
			if s.inside[i] {
				return false
			}
			words++
		case corpus.TokPunct:
			switch s.toks.Form(i) {
			case ",":
				return true
			case `"`, ":", ".":
				return false
			}
		}
	}
	return false
}

// asideWords is the most words a participle's aside has after it.
const asideWords = 6

// namingVerbs attribute words only as what someone calls something:
// "called it “a disgrace”", never "a story called “…”".
var namingVerbs = sync.OnceValue(func() map[string]bool { return wordSet("called", "calling") })

// callsWhat reports whether naming verb v has a subject of its own
// right before it that calls something what follows: "what they
// called", "what Trump called", "which critics called".
func (s *scanner) callsWhat(v, start int) bool {
	p := s.prevWord(v, start)
	if p < 0 {
		return false
	}
	if f := s.toks.Form(p); wordSets().pronounWords[f] || s.isName(p) {
		return true
	}
	for w, n := p, 0; w >= 0 && n < 4; w, n = s.prevWord(w, start), n+1 {
		if f := s.toks.Form(w); f == "what" || f == "which" {
			return true
		}
	}
	return false
}

// intendedSpeech reports whether the verb of speech at token v is an
// infinitive of an intent verb (wordLists.intentVerbs) that ends its
// clause: "Mr. Mueller planned to ask," or "… planned to ask." but not
// "Ann Ortiz wanted to say more", whose object is not the quote.
func (s *scanner) intendedSpeech(v, start int) bool {
	to := s.prevWord(v, start)
	if to < 0 || s.toks.Form(to) != "to" {
		return false
	}
	if p := s.prevWord(to, start); p < 0 || !wordSets().intentVerbs[s.toks.Form(p)] {
		return false
	}
	n := s.nextVisible(v+1, s.toks.Len())
	return n < 0 || s.toks.Kind(n) != corpus.TokWord
}

// thatVerbWords is the most words that may stand between a verb of
// wordLists.thatVerbs and its "that": "thundered on social media that".
const thatVerbWords = 3

// thatFollows reports whether the verb at token i takes "that" before
// end, the quote's opening mark, with at most thatVerbWords words and no
// punctuation between them.
func (s *scanner) thatFollows(i, end int) bool {
	for j, n := i+1, 0; j < end; j++ {
		switch s.toks.Kind(j) {
		case corpus.TokSpace:
			continue
		case corpus.TokWord:
			if s.inside[j] {
				return false
			}
			if s.toks.Form(j) == "that" {
				return true
			}
			if n++; n > thatVerbWords {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// bareVerbs are the base forms of verbs of speech that attribute only
// after their subject: "critics argue", "officials insist", "the report's
// authors note".
var bareVerbs = map[string]bool{"argue": true, "insist": true, "note": true}

// noteHasSubject reports whether "note" at token i is the verb of a
// plural subject right before it, past the adverbs a subject and its verb
// allow ("the report's authors note", "they also note", "as analysts
// note,"), and not the noun a writer leaves: "note" follows an adjective
// or a noun then ("a signed note:", "a suicide note that read", "the
// mom's note"), a determiner (which findVerb turns down for every verb),
// or nothing ("Note: …").
func (s *scanner) noteHasSubject(i, start int) bool {
	p := s.prevWordSkipping(i, start, wordSets().skipWords)
	if p < 0 {
		return false
	}
	switch f := s.toks.Form(p); f {
	case "i", "we", "you", "they":
		return true
	default:
		return len(f) > 3 && strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss") && !strings.HasSuffix(f, "'s") && !strings.HasSuffix(f, "’s") && !wordSets().determiners[f]
	}
}

// progressive reports whether a form of "be" and the verb after it are
// the subject doing it ("was asking", "is saying"), not having it done
// ("was asked").
func progressive(be, verb string) bool {
	return be != "when" && be != "if" && be != "being" && strings.HasSuffix(verb, "ing")
}

// nextWord returns the first word token in [i, end), or -1.
func (s *scanner) nextWord(i, end int) int {
	for ; i < end; i++ {
		if s.toks.Kind(i) == corpus.TokWord {
			return i
		}
	}
	return -1
}

// prevWord returns the word token right before i, skipping only
// whitespace, or -1 when the region starts or punctuation comes first.
func (s *scanner) prevWord(i, start int) int {
	j := s.prevVisible(i, start)
	if j >= 0 && s.toks.Kind(j) == corpus.TokWord {
		return j
	}
	return -1
}

// prevVisible returns the last word or punctuation token before i, not
// before start, or -1.
func (s *scanner) prevVisible(i, start int) int {
	for j := i - 1; j >= start; j-- {
		if k := s.toks.Kind(j); k == corpus.TokWord || k == corpus.TokPunct {
			return j
		}
	}
	return -1
}

// nextVisible returns the first word or punctuation token in [i, end), or -1.
func (s *scanner) nextVisible(i, end int) int {
	for ; i < end; i++ {
		if k := s.toks.Kind(i); k == corpus.TokWord || k == corpus.TokPunct {
			return i
		}
	}
	return -1
}

// isName reports whether token i is a word of a name: capitalised, and
// either inside its sentence or a word the article never writes in lower
// case ("During" opens a sentence; "Trump" is a name wherever it stands).
func (s *scanner) isName(i int) bool {
	t := s.toks.At(i)
	if t.Kind != corpus.TokWord {
		return false
	}
	if !upperInitial(s.a.Raw[t.Start:t.End]) {
		return s.lowerTitle(i)
	}
	f := strings.TrimSuffix(t.Form, "'s")
	if f == "i" || wordSets().notNames[f] || wordSets().pronounWords[f] {
		return false
	}
	// "Bonus Trump-led poll", "the Obama-era rules": a word whose last
	// part is in lower case, and whose first part the article writes as
	// a word of its own, is an adjective made of a name ("Kang
	// Kyung-wha" is a name).
	if raw := s.a.Raw[t.Start:t.End]; bytes.IndexByte(raw, '-') > 0 {
		h := bytes.LastIndexByte(raw, '-')
		if r, _ := utf8.DecodeRune(raw[h+1:]); unicode.IsLower(r) && len(s.wordsIn(strings.ToLower(string(raw[:h])), 0, s.toks.Len())) > 0 {
			return false
		}
	}
	// "A Shore Thing": an article opens a title inside a sentence; a
	// name's "A." is an initial.
	if (f == "a" || f == "an") && (i+1 >= s.toks.Len() || s.toks.Form(i+1) != ".") {
		return false
	}
	if s.singleQuoted(i) {
		return false
	}
	if s.opensSentence(i) {
		// "Denying any connection, Trump…": a participle opens the
		// sentence; "Last year, it …", "Dear Matt Damon,": a word that
		// only places or addresses.
		return !s.lower[f] && !wordSets().functionWords[f] && !strings.HasSuffix(f, "ing") && !openingWords()[f]
	}
	return true
}

// lowerTitles are the titles a lower-cased text still marks as such
// with their point before a capitalised name ("mr. Obama", "ms. Lee").
var lowerTitles = sync.OnceValue(func() map[string]bool { return wordSet("mr", "mrs", "ms", "dr") })

// lowerTitle reports whether word i is a title written in lower case, as
// a text lower-cased and re-capitalised after each point writes it: one
// of lowerTitles, its point right after it, then one space and a name
// ("mr. Obama"). It is a name word as "Mr." is in the cased text.
func (s *scanner) lowerTitle(i int) bool {
	if !lowerTitles()[s.toks.Form(i)] || i+3 >= s.toks.Len() || s.toks.Form(i+1) != "." || s.toks.Span(i+1).Start != s.toks.Span(i).End ||
		s.toks.Kind(i+2) != corpus.TokSpace || s.toks.Form(i+2) != " " {
		return false
	}
	n := s.toks.At(i + 3)
	return n.Kind == corpus.TokWord && !lowerTitles()[n.Form] && upperInitial(s.a.Raw[n.Start:n.End]) && s.isName(i+3)
}

// lowerSurname returns name run r, after a verb in a text lower-cased
// wholesale and re-capitalised after each point, with the word after it
// when that word is the surname the text left in lower case: r ends on
// the capitalised word right after a title's point ("said det. Mike
// miller", "said mr. Mike miller"), the word is in lower case and no
// function word, pronoun, verb, adverb, adjective alone, day or month,
// and the clause ends after it. Without its capitals a surname is known only by
// where it stands: "said mr. Obama yesterday" and "said mr. Obama
// angrily" keep "Obama", and "said det. Mike miller on monday", where
// the clause goes on, is left as "Mike", as "miller" could as well be
// anything the clause goes on with. A cased text writes a surname with
// its capital, and its r is returned as it is.
func (s *scanner) lowerSurname(r corpus.Range, end int) corpus.Range {
	if s.casedText() {
		return r
	}
	last := r.End - 1
	pt := s.prevVisible(last, 0)
	if pt < 0 || s.toks.Form(pt) != "." || pt < 1 || s.toks.Kind(pt-1) != corpus.TokWord || !corpus.IsTitle(s.toks.Form(pt-1)) {
		return r
	}
	n := s.nextVisible(r.End, end)
	if n < 0 || s.toks.Kind(n) != corpus.TokWord || s.inside[n] || upperInitial(s.a.Raw[s.toks.Span(n).Start:s.toks.Span(n).End]) {
		return r
	}
	f := s.toks.Form(n)
	if closedClass(f) || s.isVerbLike(n) || wordSets().afterVerbStops[f] || wordSets().notNames[f] || s.isPossessive(n) {
		return r
	}
	if c, n := utf8.DecodeRuneInString(f); !unicode.IsLetter(c) || n == len(f) {
		return r // "said dr. Howard d. Weiss": an initial, the name after its point
	}
	// A surname may be a common noun ("miller", "bird", "brown"), never
	// an inflected verb ("smiling", "laughed"), an adverb ("today",
	// "angrily") or an adjective alone ("tired").
	l := lexicon.Lemma(f)
	noun := lexicon.IsLemma(l, "n")
	if lexicon.IsLemma(l, "r") || lexicon.IsLemma(l, "v") && (l != f || !noun) || lexicon.IsLemma(l, "a") && !noun {
		return r
	}
	if e := s.nextVisible(n+1, end); e >= 0 && (s.toks.Kind(e) != corpus.TokPunct || !clauseEnd(s.toks.Form(e))) {
		return r
	}
	return corpus.Range{Start: r.Start, End: n + 1}
}

// clauseEnd reports whether punctuation f ends a clause after a name.
func clauseEnd(f string) bool {
	switch f {
	case ",", ".", ";", ":", "!", "?":
		return true
	}
	return false
}

// upperInitial reports whether b opens with a capital, upper or title
// case, as a name does.
func upperInitial(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// titleWords is the most words a title in single quotes has for
// singleQuoted.
const titleWords = 8

// singleQuoted reports whether word i is inside capitalised words set in
// single quotes, a title ("whose book, 'A Shore Thing,' hit shelves"):
// an opening mark after a space before them, a closing one before
// anything but a letter after them, with at most a comma or point
// between the last word and its mark.
func (s *scanner) singleQuoted(i int) bool {
	isMark := func(j int, open bool) bool {
		if j < 0 || j >= s.toks.Len() || s.toks.Kind(j) != corpus.TokPunct {
			return false
		}
		f := s.toks.Form(j)
		if open {
			return (f == "'" || f == "‘") && (j == 0 || s.toks.Kind(j-1) == corpus.TokSpace)
		}
		return (f == "'" || f == "’") && (j+1 >= s.toks.Len() || s.toks.Kind(j+1) != corpus.TokWord)
	}
	j, n := i, 0
	for ; j > 0 && n < titleWords; j-- {
		switch k := s.toks.Kind(j - 1); {
		case k == corpus.TokWord:
			n++
			continue
		case k == corpus.TokSpace && s.toks.Form(j-1) == " ":
			continue
		}
		break
	}
	if !isMark(j-1, true) {
		return false
	}
	j, n = i, 0
	for ; j+1 < s.toks.Len() && n < titleWords; j++ {
		switch k := s.toks.Kind(j + 1); {
		case k == corpus.TokWord:
			n++
			continue
		case k == corpus.TokSpace && s.toks.Form(j+1) == " ":
			continue
		}
		break
	}
	if f := s.toks.Form(j + 1); j+1 < s.toks.Len() && (f == "," || f == ".") {
		j++
	}
	return isMark(j+1, false)
}

// openingWords open a sentence, capitalised, without being a name: "Last
// year", "Next week", "Dear Matt Damon", and the imperatives of a page's
// furniture ("Watch part of the interview", "Click through the gallery").
var openingWords = sync.OnceValue(func() map[string]bool {
	return wordSet("last", "next", "dear", "every", "each", "another", "several", "such",
		"watch", "click", "follow", "download", "listen", "subscribe")
})

// isPossessive reports whether name word i owns what follows (Clinton’s
// adviser, Sanders’ bid) rather than being a subject.
func (s *scanner) isPossessive(i int) bool {
	f := s.toks.Form(i)
	if strings.HasSuffix(f, "'s") {
		return true
	}
	return i+1 < s.toks.Len() && s.toks.Kind(i+1) == corpus.TokPunct && s.toks.Form(i+1) == "'" && strings.HasSuffix(f, "s") &&
		(i+2 >= s.toks.Len() || s.toks.Kind(i+2) != corpus.TokWord)
}

// inRun reports whether token i may sit inside a name run: a name word, a
// single space, the point after an abbreviated title (Mr.), or a particle
// (van, de, bin).
func (s *scanner) inRun(i int) bool {
	t := s.toks.At(i)
	switch {
	case t.Kind == corpus.TokSpace:
		return t.Form == " "
	case t.Kind == corpus.TokPunct:
		return t.Form == "." && i > 0 && s.toks.Kind(i-1) == corpus.TokWord && (corpus.IsTitle(s.toks.Form(i-1)) || s.isInitial(i-1) || nameSuffixes[s.toks.Form(i-1)]) && s.toks.Span(i-1).End == t.Start
	case t.Kind == corpus.TokWord:
		return s.isName(i) || wordSets().nameParticles[t.Form]
	}
	return false
}

// runBack returns the name run ending at word i; runForward the one
// starting at i. Runs start and end on name words.
func (s *scanner) runBack(i, start int) corpus.Range {
	j := i
	for j-1 >= start && s.inRun(j-1) && !s.isPossessive(max(j-1, 0)) {
		j--
	}
	for j < i && !s.isName(j) {
		j++
	}
	return corpus.Range{Start: j, End: i + 1}
}

func (s *scanner) runForward(i, end int) corpus.Range {
	j := i
	for j+1 < end && s.inRun(j+1) && !s.isPossessive(j) {
		j++
	}
	for j > i && !s.isName(j) {
		j--
	}
	return corpus.Range{Start: i, End: j + 1}
}

// nameOf is the speaker's name in run r: its words without the titles
// before them ("Russian Foreign Minister Sergei Lavrov" → "Sergei Lavrov").
// A run ending on a title names an office, and the titles before it are
// its own ("Attorney General", "Vice President").
func (s *scanner) nameOf(r corpus.Range) string {
	var words []int
	for i := r.Start; i < r.End; i++ {
		if s.toks.Kind(i) == corpus.TokWord {
			words = append(words, i)
		}
	}
	from := 0
	last := len(words) - 1
	for last > 0 && nameSuffixes[s.toks.Form(words[last])] {
		last-- // "Martin Luther King Jr.": "King" ends the name, title or not
	}
	if of := s.prevWord(r.Start, 0); of >= 0 && s.toks.Form(of) == "of" {
		if t := s.prevWord(of, 0); t >= 0 && corpus.IsTitle(s.toks.Form(t)) && !corpus.IsTitle(s.toks.Form(words[last])) {
			// "Secretary of State John Kerry", "Director of
			// Communications Ann Lee": what the office is of opens
			// the run in common words; the name follows it. Two
			// words are kept for a given name and a surname, unless
			// the first is what offices are most often of, for a
			// surname alone follows it as often ("Secretary of
			// State Kerry", "Chief of Staff McDonough"), where a
			// given name may be a common word too ("Secretary of
			// State John Kerry").
			for from < last && s.officeObjectWord(words[from]) && (from < last-1 || officeObjects()[s.toks.Form(words[from])]) {
				from++
			}
		}
	}
	for w := last - 1; w >= from; w-- {
		if s.titleIn(words[last], r) {
			break // "Attorney General", "Vice President": an office, whole
		}
		if s.titleIn(words[w], r) {
			from = w + 1
			break
		}
		if len(words) > 0 && s.toks.Form(words[w]) == s.toks.Form(words[len(words)-1]) {
			from = w + 1 // "O.J. Simpson O.J. Simpson reacts": a caption's name twice
			break
		}
	}
	var parts []string
	for _, w := range words[from:] {
		part := string(s.a.Raw[s.toks.Span(w).Start:s.toks.Span(w).End])
		if w+1 < r.End && s.toks.Form(w+1) == "." && s.isInitial(w) {
			part += "." // "Anita L. Russell", "St. Louis"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, " ")
}

// nameWithOf returns name run r widened to the name before the "of"
// right before it, when that name is an organisation's in common words
// ("Bank of England", "University of Michigan", "Department of
// Justice"): the run after "of" is the end of that name, not a name of
// its own. A title before "of" ("Secretary of State John Kerry") or a
// person's name ("Ann Smith of Texas"), a name with no organisation's
// word and no determiner before it, leaves r as it is.
func (s *scanner) nameWithOf(r corpus.Range, start int) corpus.Range {
	h := s.nameBeforeOf(r, start)
	if h < 0 {
		return r
	}
	left := s.runBack(h, start)
	if !s.organisationBeforeOf(left, start) {
		return r
	}
	return corpus.Range{Start: left.Start, End: r.End}
}

// nameBeforeOf returns the last word of the name that stands right
// before the "of" right before name run r ("Bank" in "Bank of England",
// "Smith" in "Ann Smith of Texas"), for nameWithOf and personOfPlace to
// judge; or -1 when no "of" or no such name stands there.
func (s *scanner) nameBeforeOf(r corpus.Range, start int) int {
	of := s.prevWord(r.Start, start)
	if of < 0 || s.toks.Form(of) != "of" {
		return -1
	}
	h := s.prevWord(of, start)
	if h < 0 || s.inside[h] || !s.isName(h) || s.isPossessive(h) {
		return -1
	}
	return h
}

// nameWithOfAfter is nameWithOf read forward, for a name after its verb
// ("said the Bank of England"): run r widened to the name after the
// "of" right after it.
func (s *scanner) nameWithOfAfter(r corpus.Range, start, end int) corpus.Range {
	of := s.nextWord(r.End, end)
	if of < 0 || s.toks.Form(of) != "of" || s.isPossessive(r.End-1) {
		return r
	}
	n := s.nextWord(of+1, end)
	if n < 0 || s.inside[n] || !s.isName(n) || !s.organisationBeforeOf(r, start) {
		return r
	}
	return corpus.Range{Start: r.Start, End: s.runForward(n, end).End}
}

// organisationBeforeOf reports whether name run left, right before an
// "of", is an organisation's name in common words, no title among them,
// and not a person's name: it ends on an organisation's word
// ("Department", "University") or follows a determiner ("the Bank").
func (s *scanner) organisationBeforeOf(left corpus.Range, start int) bool {
	for i := left.Start; i < left.End; i++ {
		if s.toks.Kind(i) == corpus.TokWord && (s.inside[i] || !s.officeObjectWord(i) || corpus.IsTitle(s.toks.Form(i))) {
			return false
		}
	}
	name := s.nameOf(left)
	if name == "" {
		return false
	}
	return !s.isPerson(name) || s.afterDeterminer(left.Start, start)
}

// personOfPlace returns the person named right before the "of" that
// governs name run r ("Ann Smith of Texas", "Rep. Michael McCaul of
// Texas"), with the token of the name's last word: the place or the
// organisation after "of" says where the person is from, and did not
// speak. The name before "of" must be a person's: of two words or more,
// or after a title, and not all in common words ("Royal Bank of
// Scotland"). It returns "" otherwise.
func (s *scanner) personOfPlace(r corpus.Range, start int) (string, int) {
	h := s.nameBeforeOf(r, start)
	if h < 0 || corpus.IsTitle(s.toks.Form(h)) {
		return "", -1
	}
	left := s.runBack(h, start)
	name := s.nameOf(left)
	if name == "" || !s.isPerson(name) || strings.Count(name, " ") == 0 && !s.hasTitle(left, s.prevWord(left.Start, start)) {
		return "", -1
	}
	common := true
	for i := left.Start; i < left.End; i++ {
		if s.toks.Kind(i) == corpus.TokWord && !corpus.IsTitle(s.toks.Form(i)) && !s.officeObjectWord(i) {
			common = false
		}
	}
	if common {
		return "", -1
	}
	return name, h
}

// nameAfterTitleOf returns the name after the office that title run r
// opens with "of" ("Secretary of State John Kerry" → "John Kerry"), with
// the token of its last word, or "" when no title with no determiner
// before it ends r, or no name follows what the office is of ("said the
// Secretary of State").
func (s *scanner) nameAfterTitleOf(r corpus.Range, start, end int) (string, int) {
	t := r.End - 1
	for t > r.Start && s.toks.Kind(t) != corpus.TokWord {
		t--
	}
	if !corpus.IsTitle(s.toks.Form(t)) {
		return "", -1
	}
	if s.afterDeterminer(r.Start, start) {
		return "", -1
	}
	of := s.nextWord(r.End, end)
	if of < 0 || s.toks.Form(of) != "of" {
		return "", -1
	}
	n := s.nextWord(of+1, end)
	if n < 0 || s.inside[n] || !s.isName(n) {
		return "", -1
	}
	r2 := s.qualifiedRun(s.runForward(n, end), end)
	name := s.nameOf(r2)
	if name == "" || name == string(s.a.Raw[s.toks.Span(r2.Start).Start:s.toks.Span(r2.End-1).End]) {
		return "", -1
	}
	return name, r2.End - 1
}

// officeObjects are what an office before a name is most often of, the
// last word of it ("Secretary of State", "Secretary of Homeland
// Security", "Chief of Staff", "Director of National Intelligence"): a
// word no given name is, so that the one word after it is a surname.
var officeObjects = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"state", "defense", "defence", "staff", "security", "treasury", "justice", "health",
		"education", "energy", "commerce", "labor", "labour", "transportation", "transport",
		"agriculture", "interior", "communications", "intelligence", "police", "affairs",
		"operations", "housing", "finance", "war",
	)
})

// officeObjectWord reports whether word w, capitalised in a run after a
// title's "of", is a common word, a noun or an adjective in lower case
// ("State", "Communications", "Homeland Security"), that names what an
// office is of rather than the person holding it.
func (s *scanner) officeObjectWord(w int) bool {
	f := s.toks.Form(w)
	if s.isInitial(w) || wordSets().functionWords[f] {
		return false
	}
	l := lexicon.Lemma(f)
	return lexicon.IsLemma(l, "n") || lexicon.IsLemma(l, "a")
}

// hasTitle reports whether run r, or the word before it, is a title.
func (s *scanner) hasTitle(r corpus.Range, prev int) bool {
	for i := r.Start; i < r.End-1; i++ {
		if s.toks.Kind(i) == corpus.TokWord && s.titleIn(i, r) {
			return true
		}
	}
	return prev >= 0 && corpus.IsTitle(s.toks.Form(prev))
}

// titleIn reports whether word i of name run r is a title before a name:
// one of corpus.IsTitle; a British police rank's abbreviation in capitals
// ("PC Tim Bird", "DS Ann Lee"), with a name of two words after it, or
// of one that is no common word ("DC Comics" is no rank); or a word that
// is part of a rank beside another ("Det Con Tim Bird", "Ch Supt"),
// which alone is no title ("Con Edison").
func (s *scanner) titleIn(i int, r corpus.Range) bool {
	f := s.toks.Form(i)
	if corpus.IsTitle(f) {
		return true
	}
	next := s.nextWord(i+1, r.End)
	if policeRanks()[f] {
		if next < 0 || !capsWord(s.a.Raw[s.toks.Span(i).Start:s.toks.Span(i).End]) {
			return false
		}
		if s.nextWord(next+1, r.End) >= 0 {
			return true
		}
		l := lexicon.Lemma(s.toks.Form(next))
		return !lexicon.IsLemma(l, "n") && !lexicon.IsLemma(l, "a")
	}
	if !rankParts()[f] {
		return false
	}
	rank := func(w int) bool {
		return w >= 0 && s.toks.Kind(w) == corpus.TokWord && (corpus.IsTitle(s.toks.Form(w)) || rankParts()[s.toks.Form(w)])
	}
	prev := s.prevVisible(i, r.Start)
	if prev >= 0 && s.toks.Form(prev) == "." {
		prev = s.prevVisible(prev, r.Start) // "Det. Con"
	}
	return rank(prev) || rank(next)
}

// policeRanks are the abbreviations of British police ranks written in
// capitals before a name: police constable, detective constable,
// sergeant, inspector, chief inspector and superintendent.
var policeRanks = sync.OnceValue(func() map[string]bool {
	return wordSet("pc", "wpc", "pcso", "dc", "ds", "di", "dci", "dcs")
})

// rankParts are abbreviated words of a rank that are a title only beside
// another word of one: "Det Con" (detective constable), "Det Ch Insp",
// "Asst Ch Con", "Dep Ch Con".
var rankParts = sync.OnceValue(func() map[string]bool {
	return wordSet("con", "ch", "asst", "dep")
})

// subjectBefore finds who does verb v from the words before it in [start,
// v): the name or pronoun right before it (Mr Trump said, he insisted), a
// name set off before an appositive (Jake Sullivan, Mrs Clinton’s senior
// policy adviser, said), the clause's subject for a participle or after
// "and" (Trump doubted …, saying), else the noun phrase before the verb
// (Clinton’s campaign said).
func (s *scanner) subjectBefore(start, v int) (string, int, int) {
	if name, kind, subj, ok := s.quotedAs(start, v); ok {
		return name, kind, subj
	}
	if strings.HasSuffix(s.toks.Form(v), "ing") {
		if p := s.prevVisible(v, start); p < 0 || s.toks.Form(p) == "," {
			return s.clauseSubject(s.sentenceStart(v, start), v)
		}
		if s.addressesOthers(v, start) {
			ss := s.sentenceStart(v, start)
			if name, kind, subj := s.clauseSubject(ss, v); kind != speakerNone {
				return name, kind, subj
			}
			// "bachmann … sent a letter to inspectors … calling on
			// them", its names in lower case: the letter says it.
			for w := v - 1; w >= ss; w-- {
				if !s.inside[w] && s.toks.Kind(w) == corpus.TokWord && channelNouns()[s.toks.Form(w)] {
					return s.phrase(s.nounPhraseStart(w, ss), w+1)
				}
			}
			return noSpeaker()
		}
	}
	// Skip adverbs and auxiliaries: "Obama, meanwhile, said", "has also said";
	// and a day, with the word placing it: "Protect Democracy on Friday
	// noted".
	j := v - 1
	afterDay := false
	for ; j >= start; j-- {
		t := s.toks.At(j)
		if t.Kind == corpus.TokSpace || (t.Kind == corpus.TokPunct && t.Form == ",") {
			continue
		}
		if c := s.partyTag(j, start); c >= 0 {
			j = c // "Devin Nunes, R-Calif., said"
			continue
		}
		if t.Kind == corpus.TokWord && !s.isName(j) && (wordSets().skipWords[t.Form] || (strings.HasSuffix(t.Form, "ly") && len(t.Form) > 4 && !s.afterDeterminer(j, start))) {
			continue
		}
		if t.Kind == corpus.TokWord && wordSets().notNames[t.Form] {
			afterDay = true
			continue
		}
		if t.Kind == corpus.TokWord && t.Form == "to" && s.intendedSpeech(v, start) {
			j = s.prevWord(j, start) // "Mr. Mueller planned to ask"
			continue
		}
		if t.Kind == corpus.TokPunct && t.Form == "." && s.inRun(j) && j > start && nameSuffixes[s.toks.Form(j-1)] {
			continue // "Roger J. Stone Jr. said": the name ends on its suffix
		}
		if t.Kind == corpus.TokWord && afterDay && dayPlacers()[t.Form] {
			afterDay = false
			continue
		}
		break
	}
	if j < start || s.toks.Kind(j) != corpus.TokWord {
		if j >= start {
			return noSpeaker()
		}
		return s.clauseSubject(start, v)
	}
	j = s.pastParticipleAside(j, v, start)
	switch f := s.toks.Form(j); {
	case s.isName(j) && !s.isPossessive(j):
		r := s.withOpeningIng(s.runBack(j, start), start)
		r = s.nameWithOf(r, start)
		if name, w := s.mediumAuthorBefore(r, start); name != "" {
			return name, speakerName, w // "A tweet from Ann Ortiz said"
		}
		if s.linkedName(r.Start, start) {
			// "a poll in Wyoming said", "Kate Allen, director of
			// Amnesty International UK, said": the name is not the
			// subject; the subject is the name the appositive
			// describes, or the noun the name hangs on.
			if name, w := s.appositiveName(r.Start, start); name != "" && s.commaBetween(j, v) {
				return name, speakerName, w
			}
			prep := s.prevWordSkipping(r.Start, start, theOnly())
			if prep >= 0 && s.toks.Form(prep) == "of" && !s.commaBetween(j, v) {
				// "The director of the Harbour Board said": the
				// office holder, not the organisation.
				if h := s.prevWord(prep, start); h >= 0 && s.officeWord(h) {
					return s.officePhrase(s.nounPhraseStart(h, start), j+1)
				}
			}
			if prep >= 0 && (s.toks.Form(prep) == "by" || s.toks.Form(prep) == "from" && s.namesOrganisation(r.Start, j+1)) && !s.commaBetween(j, v) {
				// "A report by the Harbour Board said": a work by
				// someone is the source, as "a report by Ann
				// Ortiz" is, and so is one from an organisation
				// ("a statement from the Harbour Board").
				if h := s.prevWord(prep, start); h >= 0 && !s.isName(h) && isChannel(s.toks.Form(h)) {
					return s.phrase(s.nounPhraseStart(h, start), h+1)
				}
			}
			if name, w := s.personOfPlace(r, start); name != "" && !s.commaBetween(j, v) {
				return name, speakerName, w // "Ann Smith of Texas said"
			}
			if p := s.prevWord(r.Start, start); p >= 0 && !wordSets().determiners[s.toks.Form(p)] {
				if h := s.prevWord(p, start); h >= 0 && !wordSets().functionWords[s.toks.Form(h)] {
					if nounPrepositions()[s.toks.Form(p)] && !isChannel(s.toks.Form(h)) && s.commonNoun(h) && !s.commaBetween(j, v) {
						// "A spokesman for Google said",
						// "Officials in Washington said": the
						// noun with its phrase, as "a spokesman
						// for the company" is.
						return s.officePhrase(s.nounPhraseStart(h, start), j+1)
					}
					if !s.isName(h) {
						return s.phrase(s.nounPhraseStart(h, start), h+1)
					}
				}
			}
		}
		if name := s.nameOf(r); name != "" {
			if before := s.jointNames(r, start); len(before) > 0 {
				if !s.isPerson(name) {
					// "the Health and Human Services Department said":
					// one organisation's name.
					return strings.Join(append(before, name), " and "), speakerName, j
				}
				return joinNames(append(before, name)), speakerJoint, j
			}
			return name, speakerName, j
		}
	case wordSets().pronounWords[f]:
		return f, speakerPronoun, j
	case wordSets().pronounWords[contracted(f)]:
		return contracted(f), speakerPronoun, j // "He's said": he has said
	case wordSets().clauseJoiners[f] || wordSets().prepositions[f]:
		// "said Mr. Scotto was “not man enough” and added": the second
		// verb of speech has the first's subject, not a name the first
		// one reported.
		ss := s.sentenceStart(v, start)
		if f == "and" {
			for p := j - 1; p >= ss; p-- {
				if s.inside[p] || s.toks.Kind(p) != corpus.TokWord || !wordSets().verbs[s.toks.Form(p)] || strings.HasSuffix(s.toks.Form(p), "ing") {
					continue
				}
				if q := s.prevWord(p, ss); q >= 0 && wordSets().passiveMarkers[s.toks.Form(q)] {
					continue
				}
				if name, kind, subj := s.subjectBefore(ss, p); kind != speakerNone {
					return name, kind, subj
				}
				break
			}
		}
		// "and warned", "by saying": the verb belongs to the clause's
		// subject.
		return s.clauseSubject(ss, j)
	}
	// A comma before the verb may close an appositive: "Dmitry Bam, a
	// professor … who has written on recusals and ethics, said".
	if s.commaBetween(j, v) {
		if name, w := s.appositiveName(j, start); name != "" {
			return name, speakerName, w
		}
		if name, w := s.bareAppositiveName(j, start); name != "" {
			return name, speakerName, w
		}
	}
	// A noun phrase ends right before the verb: is it an appositive after
	// a name?
	np := s.nounPhraseStart(j, start)
	if h := s.participleHolder(np, start); h >= 0 {
		// "Officials overseeing the search said", "The head of the
		// agency co-ordinating the search said": the noun phrase is
		// the participle's object, and the participle describes the
		// noun before it, which is who spoke.
		j = h
		np = s.nounPhraseStart(j, start)
	}
	if c := s.prevVisible(np, start); c >= 0 && s.toks.Form(c) == "," {
		if name, w := s.appositiveName(np, start); name != "" {
			return name, speakerName, w
		}
	}
	if c := s.prevVisible(np, start); c >= 0 {
		if f := s.toks.Form(c); f == "'" || f == "’" || f == "\"" || f == "”" {
			c = s.prevVisible(c, start) // "whose book, 'A Shore Thing,' hit shelves"
		}
		if c >= 0 && s.toks.Form(c) == "," {
			if name, kind, subj, ok := s.beforeRelative(c, start); ok {
				return name, kind, subj
			}
		}
	}
	if name, w := s.unclosedAppositive(np, start); name != "" {
		return name, speakerName, w
	}
	if s.isName(np) {
		// "Department of Justice officials said": the name before the
		// noun runs back through its "of".
		np = s.nameWithOf(corpus.Range{Start: np, End: np + 1}, start).Start
	}
	// "the president at times said": the phrase is a preposition's
	// object; the subject is the one before the preposition.
	if name, kind, subj := s.subjectBeforePreposition(np, start, j+1, v); kind != speakerNone {
		return name, kind, subj
	}
	return s.phrase(np, j+1)
}

// afterDeterminer reports whether a determiner stands right before word
// j: a word in "-ly" after one is a noun ("the rally", "the family"), not
// an adverb to skip.
func (s *scanner) afterDeterminer(j, start int) bool {
	d := s.prevWord(j, start)
	return d >= 0 && wordSets().determiners[s.toks.Form(d)]
}

// addressesOthers reports whether participle v has an object pronoun
// for the people it addresses right after it ("calling on them",
// "urging him"): the noun phrase before it is then those people, to
// whom the clause's subject wrote or spoke ("sent a letter to the
// inspectors calling on them to investigate"), not who speaks, who
// would have been "themselves".
func (s *scanner) addressesOthers(v, start int) bool {
	n := s.nextWord(v+1, s.toks.Len())
	if n >= 0 && (s.toks.Form(n) == "on" || s.toks.Form(n) == "upon") {
		n = s.nextWord(n+1, s.toks.Len())
	}
	if n < 0 || s.inside[n] {
		return false
	}
	switch s.toks.Form(n) {
	case "them", "him", "us", "me":
	default:
		return false
	}
	p := s.prevWord(v, start)
	return p >= 0 && !wordSets().pronounWords[s.toks.Form(p)]
}

// appositiveOpeners open an appositive after a name: its article ("Ann
// Lee, a councillor …,") or where the name is from ("ann lee, of harbour
// police,").
var appositiveOpeners = sync.OnceValue(func() map[string]bool {
	return wordSet("a", "an", "the", "of", "from", "at")
})

// bareAppositiveName is appositiveName for a name written without
// capitals, which isName does not see: in a text lower-cased wholesale
// ("supt jim pearce, of devon and cornwall police, said") or with the
// surname lower-cased alone ("Gary alejano, an opposition politician
// who … as part of the complaint, said"). The appositive ends at the
// comma before word j and opens with an article or a preposition of
// place; the words before its opening comma are a bare name (lowerName)
// that opens its sentence, follows a full stop a lower-cased text's
// splitter missed, or follows "like" ("supporters like duane halstad,
// a 69-year-old …, said"). The appositive's last noun ("complaint",
// "police") is not who spoke. It returns "" and -1 when no such name
// stands there.
func (s *scanner) bareAppositiveName(j, start int) (string, int) {
	for i, n := j-1, 0; i >= start && n < appositiveTokens; i, n = i-1, n+1 {
		if s.inside[i] {
			return "", -1
		}
		if s.toks.Kind(i) != corpus.TokPunct || s.toks.Form(i) != "," {
			continue
		}
		if o := s.nextWord(i+1, j+1); o < 0 || !appositiveOpeners()[s.toks.Form(o)] {
			continue
		}
		from := i
		for k := s.prevVisible(i, start); k >= 0 && s.toks.Kind(k) == corpus.TokWord && !closedClass(s.toks.Form(k)) && s.toks.Form(k) != "like" && !s.inside[k]; k = s.prevVisible(k, start) {
			from = k
		}
		if from == i {
			continue
		}
		if b := s.prevVisible(from, start); b >= 0 && !s.opensSentence(from) {
			if f := s.toks.Form(b); f != "." && f != "like" {
				continue
			}
		}
		if r, ok := s.lowerName(from, i); ok {
			if name := s.nameOf(r); name != "" {
				return name, r.End - 1
			}
		}
	}
	return "", -1
}

// beforeRelative returns the subject that a relative clause ending at
// comma c is about, when one does: "The reality star-turned-author,
// whose book, 'A Shore Thing,' hit shelves yesterday, told": the words
// before the verb end the clause, and the subject is the name or noun
// phrase before its "who", "whose" or "which" and the comma before that.
// ok is false when no relative clause ends at c.
func (s *scanner) beforeRelative(c, start int) (name string, kind, subj int, ok bool) {
	for i, n := c-1, 0; i >= start && n < appositiveTokens; i, n = i-1, n+1 {
		if s.toks.Kind(i) != corpus.TokWord || s.inside[i] {
			continue
		}
		f := s.toks.Form(i)
		if s.isVerbLike(i) || f == "that" {
			// "Comey, who added that as Trump ended the call, the
			// president told him": the clause reports, and what
			// follows its comma is what it reports.
			return "", 0, 0, false
		}
		if f != "who" && f != "whose" && f != "which" {
			continue
		}
		c0 := s.prevVisible(i, start)
		if c0 < 0 || s.toks.Form(c0) != "," {
			return "", 0, 0, false
		}
		p := s.prevWord(c0, start)
		if p < 0 || s.inside[p] {
			name, kind, subj = noSpeaker()
			return name, kind, subj, true
		}
		if s.isName(p) && !s.isPossessive(p) {
			if name := s.nameOf(s.runBack(p, start)); name != "" {
				return name, speakerName, p, true
			}
		}
		name, kind, subj = s.phrase(s.nounPhraseStart(p, start), p+1)
		return name, kind, subj, true
	}
	return "", 0, 0, false
}

// unclosedAppositive returns the name that opens its sentence before an
// appositive whose closing comma the text left out, ending at the noun
// phrase at np before the verb: "Jo Swinson, Liberal Democrat deputy
// leader and Foreign Affairs spokesperson said" is Swinson speaking, not
// the spokesperson. The appositive holds words alone, at most
// epithetWords of them and no verb or relative pronoun; the name is not
// governed by a preposition, and a lone word opening the sentence is
// taken for a name only when the article attributed a quote to it.
func (s *scanner) unclosedAppositive(np, start int) (string, int) {
	for i, n := np-1, 0; i >= start && n < epithetWords; i-- {
		switch s.toks.Kind(i) {
		case corpus.TokSpace:
			continue
		case corpus.TokWord:
			if f := s.toks.Form(i); s.inside[i] || s.isVerbLike(i) || f == "who" || f == "which" || f == "that" {
				return "", -1
			}
			n++
			continue
		}
		if s.toks.Form(i) != "," || s.inside[i] {
			return "", -1
		}
		w := s.prevWord(i, start)
		if w < 0 || !s.isName(w) || s.isPossessive(w) {
			return "", -1
		}
		r := s.runBack(w, start)
		if s.prevVisible(r.Start, start) >= 0 || s.linkedName(r.Start, start) {
			return "", -1
		}
		if r.Len() == 1 && s.known[speakerKey(s.nameOf(r))] == "" {
			return "", -1
		}
		if name := s.nameOf(r); name != "" {
			return name, w
		}
		return "", -1
	}
	return "", -1
}

// partyTag returns the comma that opens the party-and-state tag ending
// at token j, the word or its point ("Devin Nunes, R-Calif., said",
// "Dick Durbin, D-Ill., told"): an appositive that says nothing of who
// spoke. It returns -1 when j ends no such tag.
func (s *scanner) partyTag(j, start int) int {
	w := j
	if s.toks.Kind(w) == corpus.TokPunct && s.toks.Form(w) == "." && w > start {
		w--
	}
	if w < start || s.toks.Kind(w) != corpus.TokWord {
		return -1
	}
	if b := s.a.Raw[s.toks.Span(w).Start:s.toks.Span(w).End]; len(b) < 3 || b[0] < 'A' || b[0] > 'Z' || b[1] != '-' || b[2] < 'A' || b[2] > 'Z' {
		return -1
	}
	if c := s.prevVisible(w, start); c >= 0 && s.toks.Form(c) == "," {
		return c
	}
	return -1
}

// jointNames returns the names listed before name run r when r ends a
// list of people who spoke together ("Goodlatte, Gowdy and Nunes noted",
// "Chairman Bob Goodlatte, R-Va.; Chairman Trey Gowdy, R-S.C.; and
// Chairman Devin Nunes, R-Calif., said"), first to last; nil when r ends
// none. A name governed by a preposition ("In Washington, Gowdy and
// Nunes") ends the list.
func (s *scanner) jointNames(r corpus.Range, start int) []string {
	and := s.prevWord(r.Start, start)
	if and < 0 || s.toks.Form(and) != "and" {
		return nil
	}
	var names []string
	for at := and; len(names) < 8; {
		p := s.prevVisible(at, start)
		if p >= 0 && (s.toks.Form(p) == "," || s.toks.Form(p) == ";") {
			p = s.prevVisible(p, start)
		} else if len(names) > 0 {
			break // names before the last are set off by commas
		}
		if p < 0 {
			break
		}
		if c := s.partyTag(p, start); c >= 0 {
			p = s.prevVisible(c, start)
		}
		if p < 0 || !s.isName(p) || s.isPossessive(p) {
			break
		}
		run := s.runBack(p, start)
		name := s.nameOf(run)
		if name == "" || s.linkedName(run.Start, start) {
			break
		}
		names = append(names, name)
		at = run.Start
	}
	slices.Reverse(names)
	return names
}

// joinNames writes a list of names as a text does: "A and B", "A, B and C".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// pastParticipleAside returns the last word before an aside that opens
// with a participle and ends with the comma between word j and verb v
// ("the congressman, speaking in a barely audible whisper as he stood
// close to the reporter, said": "congressman", not "reporter"), else j.
func (s *scanner) pastParticipleAside(j, v, start int) int {
	if !s.commaBetween(j, v) {
		return j
	}
	for i := j - 1; i >= start; i-- {
		if s.inside[i] {
			return j
		}
		if s.toks.Kind(i) != corpus.TokPunct || s.toks.Form(i) != "," {
			continue
		}
		n := s.nextWord(i+1, j+1)
		if n < 0 || !strings.HasSuffix(s.toks.Form(n), "ing") || s.isName(n) || s.toks.Form(n) == "according" {
			return j
		}
		if p := s.prevWord(i, start); p >= 0 {
			return p
		}
		return j
	}
	return j
}

// nounPhraseStart returns the first word of the noun phrase ending at word
// j: back over words that are not function words, to a determiner or
// "one" at most, and at most 16 tokens.
func (s *scanner) nounPhraseStart(j, start int) int {
	np := j
	for i := j - 1; i >= start && j-np < 16; i-- {
		t := s.toks.At(i)
		if t.Kind == corpus.TokSpace {
			continue
		}
		if t.Kind != corpus.TokWord || wordSets().functionWords[t.Form] && !wordSets().determiners[t.Form] && t.Form != "one" {
			break
		}
		np = i
		if wordSets().determiners[t.Form] || t.Form == "one" {
			break // "In November a spokesperson", "with one person": the phrase starts at its determiner
		}
	}
	return np
}

// participleHolder returns the noun right before the participle that
// stands right before the noun phrase starting at np ("officials
// overseeing the search", "the agency co-ordinating the search"): the
// participle opens a clause describing that noun, and the phrase is the
// participle's object. It returns -1 when no such participle stands
// there: a verb of speech ("saying") is an attribution of its own, and
// a participle after a function word ("after reviewing the file") or a
// punctuation mark opens no such clause.
func (s *scanner) participleHolder(np, start int) int {
	p := s.prevWord(np, start)
	if p < 0 || s.inside[p] || s.isName(p) {
		return -1
	}
	f := s.toks.Form(p)
	if !strings.HasSuffix(f, "ing") || wordSets().verbs[f] || wordSets().functionWords[f] || f == "according" {
		return -1
	}
	if l := lexicon.Lemma(f); l == f || !lexicon.IsLemma(l, "v") {
		return -1 // "building", "evening": a noun, not a participle
	}
	h := s.prevWord(p, start)
	if h < 0 || s.inside[h] || wordSets().functionWords[s.toks.Form(h)] || s.isVerbLike(h) {
		return -1
	}
	if !s.isName(h) && !lexicon.IsLemma(lexicon.Lemma(s.toks.Form(h)), "n") {
		return -1
	}
	return h
}

func noSpeaker() (string, int, int) { return "", speakerNone, -1 }

// opensSentence reports whether token i is the first of its sentence.
func (s *scanner) opensSentence(i int) bool {
	si := s.sentOf[i]
	return si >= 0 && s.first[si] == int32(i)
}

// sentenceStart returns the first token of the sentence holding token v,
// or start when that is later or v is in none. A participle's subject may
// stand before an earlier quote of its sentence ("Lauten posted an apology
// for her “hurtful” words, saying she had “judged…”").
func (s *scanner) sentenceStart(v, start int) int {
	if si := s.sentOf[v]; si >= 0 {
		return min(start, s.a.Sentences[si].Tokens().Start)
	}
	return start
}

// sentenceEnd returns the token the sentence holding token i ends before,
// or the text's end for a token between sentences.
func (s *scanner) sentenceEnd(i int) int {
	if si := s.sentOf[i]; si >= 0 {
		return s.a.Sentences[si].Tokens().End
	}
	return s.toks.Len()
}

// commaBetween reports whether a comma lies strictly between tokens i and j.
func (s *scanner) commaBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if s.toks.Kind(k) == corpus.TokPunct && s.toks.Form(k) == "," {
			return true
		}
	}
	return false
}

// subjectAfter finds who does verb v from the words after it, for a verb
// that comes first (said Jake Sullivan, said Clinton’s top foreign policy
// adviser Jake Sullivan, according to Peskov): the first name that is not
// a possessive, within a few words, else the noun phrase.
func (s *scanner) subjectAfter(v, end int) (string, int, int) {
	i := v + 1
	if s.toks.Form(v) == "according" {
		i = s.nextWord(i, end) + 1
		if i <= 0 {
			return noSpeaker()
		}
	}
	first, last, words, comma, beforeComma := -1, -1, 0, false, -1
	for ; i < end && words < 10; i++ {
		t := s.toks.At(i)
		if t.Kind == corpus.TokSpace {
			continue
		}
		if t.Kind != corpus.TokWord {
			if t.Kind == corpus.TokPunct && t.Form == "." && i > 0 && corpus.IsTitle(s.toks.Form(i-1)) {
				continue
			}
			// "said the statement from Grimm's attorney, William McGinley":
			// a description may come before the name, set off by a comma.
			if t.Kind == corpus.TokPunct && t.Form == "," && first >= 0 && !comma {
				comma, beforeComma = true, last
				continue
			}
			break
		}
		if words == 0 && wordSets().pronounWords[t.Form] {
			return t.Form, speakerPronoun, i
		}
		if wordSets().afterVerbStops[t.Form] || first >= 0 && s.placeWord(i, end) {
			if e := s.placeAfterNoun(first, last, i, end); e > 0 && !comma {
				return s.officePhrase(first, e) // "said a man in the crowd"
			}
			break
		}
		if !wordSets().verbs[t.Form] && s.isVerbLike(i) || modals()[t.Form] {
			if comma {
				break // "According to the town blog, the council is"
			}
			// "said now may be the time to": a clause after the verb
			// is what was said, not who said it ("said the prosecutor
			// declared", a verb of speech, is the one who said it
			// twice over).
			return noSpeaker()
		}
		if s.isName(i) && !s.isPossessive(i) {
			r := s.lowerSurname(s.qualifiedRun(s.runForward(i, end), end), end)
			r = s.nameWithOfAfter(r, v+1, end)
			if name, w := s.nameAfterTitleOf(r, v+1, end); name != "" {
				return name, speakerName, w // "said Secretary of State John Kerry"
			}
			if of := s.nextWord(r.End, end); of >= 0 && s.toks.Form(of) == "of" && s.officeWord(r.End-1) {
				// "said the Secretary of State": the office whole,
				// as before the verb.
				if n := s.nextWord(of+1, end); n >= 0 && !s.inside[n] && s.isName(n) {
					return s.officePhrase(r.Start, s.qualifiedRun(s.runForward(n, end), end).End)
				}
			}
			if name := s.nameOf(r); name != "" {
				return name, speakerName, r.End - 1
			}
		}
		if first < 0 {
			first = i
		}
		last = i
		words++
	}
	if first < 0 {
		return noSpeaker()
	}
	if comma {
		// "said dan schnur, a former adviser": no name came after
		// the comma, so the words before it are who, and what follows
		// describes them.
		last = beforeComma
	}
	return s.phrase(first, last+1)
}

// placeWord reports whether word i, one of placePrepositions after the
// verb, puts a place after the noun before it, as "in" and "at" do, so
// that the phrase read for a name ends there ("said a woman outside the
// US embassy", "said a woman outside."): a determiner, a name or the
// clause's end follows it, where a common word after it makes it the
// noun's adjective ("Trump's outside counsel").
func (s *scanner) placeWord(i, end int) bool {
	if !placePrepositions()[s.toks.Form(i)] {
		return false
	}
	n := s.nextVisible(i+1, end)
	if n >= 0 && s.toks.Kind(n) == corpus.TokWord && s.toks.Form(n) == "of" {
		n = s.nextVisible(n+1, end) // "outside of the embassy"
	}
	return n < 0 || s.toks.Kind(n) != corpus.TokWord || wordSets().determiners[s.toks.Form(n)] || s.isName(n)
}

// placeAfterNoun returns the end of the place or gathering that
// preposition p ("in", "at", "outside", "near", "outside of", one of
// placePrepositions) puts after the common noun phrase running from word
// first to word last after a verb ("said a man in the crowd", "said one
// woman at the rally", "said a woman outside the embassy"), which says
// which one spoke as it does before the verb; else 0. The phrase must
// open with a determiner or "one", and what p names must be a noun
// phrase of common words with its own determiner, to the clause's end or
// a word that ends the phrase after the verb ("on Monday"): "in a
// statement", "at a news conference", "in court" and "at the time" say
// how, where or when the words were said, "said Ann Ortiz at the rally"
// is named, and "said a spokesman in London" and "said a woman outside
// the US embassy" leave the named place out, as a name there is no
// common word.
func (s *scanner) placeAfterNoun(first, last, p, end int) int {
	f := s.toks.Form(p)
	if first < 0 || !placePrepositions()[f] {
		return 0
	}
	if of := s.nextWord(p+1, end); (f == "outside" || f == "inside") && of >= 0 && s.toks.Form(of) == "of" {
		p = of // "said a woman outside of the embassy"
	}
	if f := s.toks.Form(first); !wordSets().determiners[f] && f != "one" || first == last || !s.commonNoun(last) || s.isName(last) {
		return 0
	}
	d := s.nextWord(p+1, end)
	if d < 0 || !wordSets().determiners[s.toks.Form(d)] || s.toks.Kind(s.prevVisible(d, p)) != corpus.TokWord {
		return 0
	}
	e, h := 0, -1
	for i := d + 1; i < end; i++ {
		t := s.toks.At(i)
		if t.Kind == corpus.TokSpace {
			continue
		}
		if t.Kind != corpus.TokWord {
			if t.Form != "," && t.Form != "." && t.Form != ";" {
				return 0
			}
			break
		}
		if h >= 0 && wordSets().afterVerbStops[t.Form] {
			break // "said a woman at the scene on Monday"
		}
		if s.inside[i] || s.isName(i) || wordSets().functionWords[t.Form] || s.isVerbLike(i) || i-d > 8 {
			return 0
		}
		if isChannel(t.Form) || speechMedia()[t.Form] || occasionNouns()[t.Form] {
			return 0
		}
		h, e = i, i+1
	}
	if h < 0 || !lexicon.IsLemma(lexicon.Lemma(s.toks.Form(h)), "n") {
		return 0
	}
	return e
}

// occasionNouns after "in" or "at" say when or at what the words were
// said, not which one said them: "at a news conference", "at the time".
var occasionNouns = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"conference", "briefing", "hearing", "court", "trial", "time", "moment", "point", "end", "outset",
		"start", "beginning", "past", "event", "session", "forum", "appearance", "debate",
	)
})

// modals open a verb phrase: a phrase holding one is a clause.
var modals = sync.OnceValue(func() map[string]bool {
	return wordSet("may", "might", "could", "would", "will", "can", "should", "must", "shall")
})

// clauseSubject finds the subject of the clause in [start, end) that a
// participle or a second verb belongs to, skipping quoted words: an opening
// pronoun (He also said…), else the first name that is not a possessive
// and not the object of a preposition or article (During the news
// conference, Trump doubted…; In an interview with NBC News, President
// Obama…), else the phrase that opens the clause (Clinton’s campaign).
func (s *scanner) clauseSubject(start, end int) (string, int, int) {
	start = s.pastSubordinate(start, end)
	if i := s.nextOutside(start, end); i >= 0 && s.toks.Kind(i) == corpus.TokWord && (s.toks.Form(i) == "he" || s.toks.Form(i) == "she" || s.toks.Form(i) == "they") {
		return s.toks.Form(i), speakerPronoun, i
	}
	for i := start; i < end; i++ {
		if s.inside[i] || !s.isName(i) {
			continue
		}
		r := s.runForward(i, end)
		i = r.End - 1
		if s.isPossessive(r.End - 1) {
			continue
		}
		if n := s.nextVisible(r.End, end+1); n == end || n >= 0 && s.toks.Kind(n) == corpus.TokWord && wordSets().verbs[s.toks.Form(n)] {
			// The run is the subject of the verb after it, "Downing
			// Street confirmed …, saying" as well as "Downing Street
			// said": "Downing" is no participle.
			r = s.withOpeningIng(r, start)
		}
		// "Metro spokesman Officer Jose Hernandez": the first run only
		// says whose spokesman.
		if n := s.nextVisible(r.End, end); n >= 0 && s.toks.Kind(n) == corpus.TokWord && !s.isName(n) && corpus.IsTitle(s.toks.Form(n)) {
			continue
		}
		if s.titledNameAfter(r.End, end) {
			continue // "White House press secretary Sarah Huckabee Sanders"
		}
		if s.modifiesNoun(r, end) {
			continue
		}
		prev := s.prevWord(r.Start, start)
		if prev >= 0 {
			pf := s.toks.Form(prev)
			if wordSets().prepositions[pf] || pf == "with" || wordSets().determiners[pf] && !s.hasTitle(r, prev) {
				continue // "a lawyer for Mr. Grimm", but "the Foreign Minister Sergei Lavrov"
			}
			if pf == "dear" {
				continue // "Dear Matt Damon,": whom a letter addresses
			}
			if givesName[pf] {
				continue // "the baby they had named Tate Elise": a name given, not a subject
			}
			if w := s.withOpeningIng(r, start); w.Start == prev && !s.isName(prev) {
				continue // "Addressing Congress on Tuesday, Obama …": the participle's object
			}
			if to := s.prevWord(prev, start); to >= 0 && s.toks.Form(to) == "to" && !s.isName(prev) && lexicon.IsLemma(lexicon.Lemma(pf), "v") {
				continue // "started to take Planet Nine seriously": an infinitive's object
			}
			if pf == "and" && s.linkedName(r.Start, start) {
				continue // "a spokesman for the Las Vegas Convention and Visitors Authority"
			}
		}
		if name := s.nameOf(r); name != "" {
			return name, speakerName, r.End - 1
		}
	}
	// The phrase opening the clause: "Clinton’s campaign", and after an
	// article a role's too: "The prime minister's office".
	i := s.nextOutside(start, end)
	article := i >= 0 && wordSets().determiners[s.toks.Form(i)]
	if article {
		i = s.nextWord(i+1, end)
	}
	from := i
	for n := 0; article && n < 2 && i >= 0 && s.toks.Kind(i) == corpus.TokWord && !s.isName(i) && !s.isPossessive(i) && !wordSets().functionWords[s.toks.Form(i)]; n++ {
		i = s.nextWord(i+1, end) // "prime" of "the prime minister's"
	}
	if i < 0 || s.toks.Kind(i) != corpus.TokWord || !s.isPossessive(i) || !s.isName(i) && !(article && corpus.IsTitle(strings.TrimSuffix(contracted(s.toks.Form(i)), "'"))) {
		return noSpeaker()
	}
	if j := s.nextVisible(i+1, end); j >= 0 && s.toks.Kind(j) == corpus.TokWord && !s.isName(j) && !wordSets().functionWords[s.toks.Form(j)] {
		return s.phrase(from, j+1)
	}
	return noSpeaker()
}

// givesName are the verbs that give the name after them to someone or
// something: the name is their object.
var givesName = map[string]bool{
	"named": true, "called": true, "dubbed": true, "nicknamed": true, "christened": true, "renamed": true,
}

// titledNameAfter reports whether the words from token i on are a few
// lower-case words ending in a title, then a name: "press secretary
// Sarah Huckabee Sanders" after "White House", whose run only says
// whose secretary she is.
func (s *scanner) titledNameAfter(i, end int) bool {
	w := s.nextVisible(i, end)
	for n := 0; n < 3 && w >= 0 && s.toks.Kind(w) == corpus.TokWord && !s.isName(w) && !wordSets().functionWords[s.toks.Form(w)]; n++ {
		nx := s.nextVisible(w+1, end)
		if nx >= 0 && s.toks.Kind(nx) == corpus.TokWord && s.isName(nx) {
			return corpus.IsTitle(s.toks.Form(w))
		}
		w = nx
	}
	return false
}

// subordinators open a clause that comes before its sentence's subject:
// "After reporter Michael Scotto finished his report, Grimm stormed back".
var subordinators = sync.OnceValue(func() map[string]bool {
	return wordSet("after", "when", "while", "before", "although", "though", "because", "since", "until", "once", "whereas")
})

// pastSubordinate returns where the main clause of [start, end) starts
// when it opens with a subordinate clause set off by a comma ("After
// reporter Michael Scotto finished his report, Grimm …"; "While the
// Democratic presidential candidate declined …, he said"), else start. A
// name in the subordinate clause is not the sentence's subject.
func (s *scanner) pastSubordinate(start, end int) int {
	i := s.nextOutside(start, end)
	if i < 0 || s.toks.Kind(i) != corpus.TokWord || !subordinators()[s.toks.Form(i)] {
		return start
	}
	for j := i + 1; j < end; j++ {
		if s.inside[j] {
			return start // a quote before any comma: no clause to pass
		}
		if s.toks.Kind(j) == corpus.TokPunct && s.toks.Form(j) == "," {
			return j + 1
		}
	}
	return start
}

// withOpeningIng returns name run r with the capitalised -ing word that
// opens its sentence right before it. The caller knows r is the subject
// of the verb: "Downing Street confirmed" is said by Downing Street, not
// "Street". isName takes such a word for a participle ("Speaking Tuesday
// night, Obama said"), whose run is not the verb's subject.
func (s *scanner) withOpeningIng(r corpus.Range, start int) corpus.Range {
	w := r.Start - 2 // the word before, a space between
	if w < start || s.toks.Kind(w) != corpus.TokWord || s.toks.Kind(w+1) != corpus.TokSpace || s.toks.Form(w+1) != " " {
		return r
	}
	if !s.opensSentence(w) || !strings.HasSuffix(s.toks.Form(w), "ing") {
		return r
	}
	if first, _ := utf8.DecodeRune(s.a.Raw[s.toks.Span(w).Start:]); !unicode.IsUpper(first) {
		return r
	}
	return corpus.Range{Start: w, End: r.End}
}

// nextOutside returns the first word or mark in [i, end) outside quotes,
// or -1.
func (s *scanner) nextOutside(i, end int) int {
	for ; i < end; i++ {
		if k := s.toks.Kind(i); (k == corpus.TokWord || k == corpus.TokPunct) && !s.inside[i] {
			return i
		}
	}
	return -1
}

// phrase returns the words of [from, to) as a speaker phrase: without a
// leading article, possessive pronoun or other function word ("one" stays
// before a noun: "one person", "one of the signers"), and at most the
// last phraseWords words, or phraseNameWords where that keeps a name
// whole: "North Korea's Rodong Sinmun newspaper", not "Korea's Rodong
// Sinmun newspaper". A name that does not fit is left out whole.
func (s *scanner) phrase(from, to int) (string, int, int) {
	var words []int
	for i := from; i < to; i++ {
		if s.toks.Kind(i) == corpus.TokWord {
			words = append(words, i)
		}
	}
	trim := func() {
		for len(words) > 0 {
			f := s.toks.Form(words[0])
			if f == "one" && len(words) > 1 || !wordSets().determiners[f] && !wordSets().functionWords[f] {
				break
			}
			words = words[1:]
		}
	}
	trim()
	if len(words) > phraseWords {
		cut := len(words) - phraseWords
		if s.isName(words[cut-1]) && s.isName(words[cut]) {
			c := cut
			for c > 0 && s.isName(words[c-1]) && len(words)-c < phraseNameWords {
				c--
			}
			if c > 0 && s.isName(words[c-1]) {
				for cut < len(words)-1 && s.isName(words[cut]) {
					cut++
				}
			} else {
				cut = c
			}
		}
		words = words[cut:]
		trim()
	}
	if len(words) == 0 {
		return noSpeaker()
	}
	if r, _ := utf8.DecodeRuneInString(s.toks.Form(words[len(words)-1])); !unicode.IsLetter(r) {
		return noSpeaker() // "since 2012 … posted": a date is no speaker
	}
	var parts []string
	for _, w := range words {
		parts = append(parts, string(s.a.Raw[s.toks.Span(w).Start:s.toks.Span(w).End]))
	}
	return strings.Join(parts, " "), speakerPhrase, words[len(words)-1]
}

// SameSpeaker reports whether two names are one speaker's as grouping
// counts them: by the last word ("Sullivan" and "Jake Sullivan" are one).
func SameSpeaker(a, b string) bool { return speakerKey(a) == speakerKey(b) }

// speakerKey is what two names are compared by: the last word before a
// suffix ("Jr.", "III"), lower case, with curly apostrophes made straight.
func speakerKey(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, ' '); i >= 0 && IsNameSuffix(name[i+1:]) {
		name = strings.TrimRight(name[:i], " ,") // "Roger J. Stone Jr": Stone
	}
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSuffix(strings.ReplaceAll(strings.ToLower(name), "’", "'"), "'s")
}

// knownAs returns the fullest name the article's attributions gave the
// speaker name stands for, by its last word ("Donald Trump" for "Trump";
// see scanner.known), or name when none.
func (s *scanner) knownAs(name string) string {
	if known := s.known[speakerKey(name)]; known != "" {
		return known
	}
	return name
}

// resolvePronoun replaces "he" or "she" with the subject of the nearest
// sentence before it that has a named one, looking back a few sentences
// past sentences whose subject is a pronoun or no name.
func (s *scanner) resolvePronoun(k int) {
	s.antecedent = -1
	q := &s.qs[k]
	inf := s.info[k]
	if inf.kind != speakerPronoun || (q.Speaker != "he" && q.Speaker != "she") || inf.subject < 0 {
		return
	}
	si := int(s.sentOf[inf.subject])
	if si < 0 {
		return
	}
	// The quote's own sentences before its attribution name no one and do
	// not count towards resolveSentences: a quote of five sentences ends
	// no further from its speaker's name than a quote of one.
	own := si
	// otherSubject is set once a sentence passed has for its subject a
	// pronoun of the other gender ("He had known about it, although she
	// had not told him"): the name the look-back reaches then is most
	// likely that pronoun's, and stands for this one only when the
	// article has shown it to be of this one's gender.
	otherSubject := false
	// pastOther reports whether name, reached past such a sentence, is
	// not known to be of the pronoun's gender: whichever step reaches
	// it, it is then most likely the other pronoun's.
	pastOther := func(name string) bool {
		return otherSubject && s.genderOf(name) != genderOfPronoun(q.Speaker)
	}
	for back := 0; back <= resolveSentences && si >= 0; si-- {
		// The own sentence is read up to the pronoun, an earlier one whole.
		end := inf.subject
		if si != own {
			end = s.a.Sentences[si].Tokens().End
		}
		if si != own && s.a.Sentences[si].Span().End > q.Span.Start && s.onlyQuotes(s.a.Sentences[si].Tokens()) {
			continue
		}
		back++
		role := s.a.Paragraphs[s.a.Sentences[si].Para()].Role
		if role == corpus.RoleTitle || s.captionSentence(si) {
			break // a headline or a picture's caption names no antecedent
		}
		// A line that does not end as a sentence does is page
		// furniture ("… Replay More Videos ... MUST WATCH … 02:15") or
		// a post's signature ("— Alyssa Milano (@Alyssa_Milano)
		// December 16, 2017"): only a name the article writes in its
		// prose too is an antecedent there.
		furniture := si != own && !s.endsAsProse(s.a.Sentences[si].Para())
		// A sentence's subject is near its start: a long one is read only
		// so far, which keeps a text of one endless sentence linear.
		start := s.a.Sentences[si].Tokens().Start
		if w := s.prevWord(inf.subject, start); si == own && w >= 0 && (s.toks.Form(w) == "who" || s.toks.Form(w) == "whom") {
			// "his sister Mirella, who he once told": the one the
			// relative clause is about is the pronoun's object, and
			// the clause's own sentence names no one else for it.
			continue
		}
		// "with one person, who refused to give his name, pulling the
		// handle": the pronoun stands for someone the text says it does
		// not name.
		if who := s.anonymous(start, end); who != "" {
			q.Speaker, s.info[k].kind = who, speakerPhrase
			return
		}
		asking := askVerbs()[s.toks.Form(inf.verb)] // "“…?” he asked": the asker asking again
		if si != own && !asking {
			// "“…?” CNN’s Jake Tapper asked Ortiz. “…,” she said.":
			// the one asked answers.
			if j := s.questionIn(si, k); j >= 0 {
				// The one asked is the sentence's object, not the
				// subject a "he" after it stands for: no pastOther.
				if name, _ := s.answerer(j, true); name != "" && s.isPerson(name) {
					s.adopt(k, name)
				}
				return
			}
		}
		if si != own {
			// "…,” Williams said. “…,” he said.": a quote of the
			// sentence before attributed to a name gives the name.
			if name := s.namedQuoteIn(si, k); name != "" && s.isPerson(name) {
				if s.genderDisagrees(name, q.Speaker) {
					continue // "“…,” Ms. Williams said. “…,” he said.": not her
				}
				if pastOther(name) {
					// "“…,” Herman said. He had known about it,
					// although she had not told him. “…,” she said.":
					// not Herman.
					return
				}
				s.adopt(k, name)
				s.antecedent = si
				return
			}
			// An earlier sentence about "the liberal icon justice" is
			// about the one the pronoun stands for, who is then named
			// only if the text gave a name that role ("Justice
			// Ginsburg").
			if i := s.nextOutside(s.pastOpeningPhrase(start, end), end); i >= 0 && wordSets().determiners[s.toks.Form(i)] {
				switch name, kind, words := s.openingEpithet(i, end); kind {
				case epithetRole:
					if !pastOther(name) {
						s.adopt(k, name)
					}
					return
				case epithetUnnamed:
					if s.thingSubject(i, end) {
						// "The announcement followed months of drama
						// …, with Trump turning down …. He also
						// declined": a thing is no one the pronoun
						// stands for; the sentence may still name
						// someone, or one before it.
						break
					}
					// "The New York businessman said" after a sentence
					// about Trump alone.
					if name := s.epithetAntecedent(words, si, k); name != "" && !pastOther(name) {
						s.adopt(k, name)
					}
					return
				}
			}
		}
		if si != own && s.joinedToPronoun(start, min(end, start+subjectTokens), q.Speaker) {
			return // "a TV show that he and O'Neil had presented": he is not O'Neil
		}
		name, kind, subj, passed := s.personSubject(start, min(end, start+subjectTokens))
		if kind == speakerPronoun && otherGender(genderOfPronoun(name), genderOfPronoun(q.Speaker)) {
			otherSubject = true
		}
		if kind != speakerName && !passed && si != own {
			// "…, with Vermont Sen. Bernie Sanders giving qualified
			// support": the one doing what the absolute clause says.
			if n := s.absoluteName(start, end); n != "" {
				name, kind = n, speakerName
			}
		}
		if passed && kind != speakerName {
			// "Breitbart London reported … on Khan's remarks, when he
			// said": whose remarks they are is who said them.
			if si == own {
				if owner := s.remarksOwner(start, inf.subject); owner != "" {
					s.adopt(k, owner)
				}
			}
			return // a wrong name is worse than the pronoun
		}
		if kind == speakerName && role == corpus.RoleProse {
			if v := s.askedIn(subj, end); v >= 0 && si != own && !asking {
				// "Jake Tapper asked Ortiz whether …. She replied":
				// the one asked answers.
				if name, _ = s.answererOf(v, subj, kind, name, true); name == "" {
					return
				}
			}
			if !s.namesPerson(name, subj) {
				return // "Laughter — and applause — ensued": no one
			}
			if furniture && !s.nameInProse(subj) {
				continue
			}
			if s.genderDisagrees(name, q.Speaker) {
				// "Ms. Andrews said …. “…,” he said.": he is someone
				// named before her.
				continue
			}
			if pastOther(name) {
				return
			}
			if si == own && s.objectPronounBetween(subj, inf.subject, q.Speaker) {
				// "McCullough … flashed her a private signal that she
				// says means": she is the one he flashed it to.
				return
			}
			if si != own {
				if later := s.agreeingLaterSpeaker(subj, end, q.Speaker); later != "" {
					// "Andrews said …, and Conlon says he's …. “…,” he
					// said.", Conlon known a man: not Andrews, of whom
					// the article says nothing.
					name = later
				}
			}
			if s.adopt(k, name) {
				s.antecedent = si
			}
			return
		}
	}
}

// adopt gives quote k, attributed to "he" or "she", the speaker name,
// as the article knows it, unless the article gives name the other
// gender; it reports whether it did.
func (s *scanner) adopt(k int, name string) bool {
	q := &s.qs[k]
	if s.genderDisagrees(name, q.Speaker) {
		return false
	}
	q.Speaker, s.info[k].kind = s.knownAs(name), speakerName
	return true
}

// nameInProse reports whether the article writes the name word subj
// also as a name in a paragraph that ends as prose does.
func (s *scanner) nameInProse(subj int) bool {
	for _, o := range s.wordsIn(s.toks.Form(subj), 0, s.toks.Len()) {
		if i := int(o); i != subj && s.isName(i) && s.sentOf[i] >= 0 && s.endsAsProse(s.a.Sentences[s.sentOf[i]].Para()) {
			return true
		}
	}
	return false
}

// endsAsProse reports whether paragraph pi ends as a sentence does, on
// a full stop, a question or exclamation mark, an ellipsis or a closing
// quote mark: a line that ends on a word or a number is a heading or a
// page's furniture.
func (s *scanner) endsAsProse(pi int) bool {
	r := s.paraTokens(pi)
	for i := r.End - 1; i >= r.Start; i-- {
		switch t := s.toks.At(i); t.Kind {
		case corpus.TokSpace:
			continue
		case corpus.TokPunct:
			switch t.Form {
			case ".", "!", "?", "…", "\"", "”", "’", "'", ")", ":":
				return true
			}
			return false
		default:
			return false
		}
	}
	return false
}

// anonymityWords say that a text does not name someone: "who refused to
// give his name", "who declined to be named", "who asked not to be
// identified", "who spoke on condition of anonymity". A clause holding
// one of the first group names no one; one of the second group does only
// with a refusal or negation of the third.
var (
	anonymityWords = sync.OnceValue(func() map[string]bool { return wordSet("anonymity", "anonymous", "anonymously") })
	namingWords    = sync.OnceValue(func() map[string]bool {
		return wordSet("name", "named", "identified", "identify", "identity")
	})
	refusalWords = sync.OnceValue(func() map[string]bool {
		return wordSet("refused", "declined", "not", "without", "asked", "requested", "withheld")
	})
)

// anonymous returns the noun phrase of someone a clause in [start, end)
// says is not named ("one person, who refused to give his name", "a
// woman who asked not to be identified"), or "". The phrase must be one:
// a name before "who" is the person's name, given.
func (s *scanner) anonymous(start, end int) string {
	for _, w := range s.wordsIn("who", start, end) {
		i := int(w)
		if s.inside[i] {
			continue
		}
		anon, naming, refusal := false, false, false
		for w, n := s.nextWord(i+1, end), 0; w >= 0 && n < epithetWords && !s.inside[w]; w, n = s.nextWord(w+1, end), n+1 {
			f := s.toks.Form(w)
			anon = anon || anonymityWords()[f]
			naming = naming || namingWords()[f]
			refusal = refusal || refusalWords()[f]
			if nx := s.nextVisible(w+1, end); nx < 0 || s.toks.Kind(nx) != corpus.TokWord {
				break
			}
		}
		if !anon && !(naming && refusal) {
			continue
		}
		h := s.prevVisible(i, start)
		if h >= 0 && s.toks.Form(h) == "," {
			h = s.prevVisible(h, start)
		}
		if h < 0 || s.toks.Kind(h) != corpus.TokWord || s.isName(h) || wordSets().functionWords[s.toks.Form(h)] {
			continue
		}
		if who, kind, _ := s.phrase(s.nounPhraseStart(h, start), h+1); kind == speakerPhrase {
			return who
		}
	}
	return ""
}

// absoluteName returns the person an absolute clause in [start, end)
// opens with: "with Vermont Sen. Bernie Sanders giving qualified support"
// names Sanders as the one who gives it. It returns "" for none, or for a
// name that is no person's.
func (s *scanner) absoluteName(start, end int) string {
	for _, w := range s.wordsIn("with", start, end) {
		i := int(w)
		if s.inside[i] {
			continue
		}
		n := s.nextWord(i+1, end)
		if n < 0 || s.nextVisible(i+1, end) != n || !s.isName(n) {
			continue
		}
		r := s.runForward(n, end)
		if s.isPossessive(r.End - 1) {
			continue
		}
		v := s.nextVisible(r.End, end)
		if v < 0 || s.toks.Kind(v) != corpus.TokWord || !strings.HasSuffix(s.toks.Form(v), "ing") || s.isName(v) {
			continue
		}
		if name := s.nameOf(r); name != "" && s.isPerson(name) {
			return name
		}
	}
	return ""
}

// resolveIt gives a quote attributed to "it" the attribution of the
// quote before it that "it" stands for: the document an earlier sentence
// quoted ("the original called for … “…”. It said …“…”"), or the
// organisation it quoted ("North Korea's Rodong Sinmun newspaper said …
// “…”. But it criticised …. It said: “…”"); or the document a sentence
// before it opens with, as its source ("An arms announcement from North
// Korea came …. It also said …"). It looks back as far as
// resolvePronoun does, past sentences whose subject is "it" again or that
// have none, and stops at a sentence about anyone or anything else, or at
// an earlier quote a person spoke: "it" is never a person.
func (s *scanner) resolveIt(k int) {
	q := &s.qs[k]
	if s.info[k].kind != speakerPronoun || q.Speaker != "it" {
		return
	}
	for si, j := range s.sentencesBefore(k) {
		if j >= 0 {
			p, pinf := s.qs[j], s.info[j]
			switch {
			case p.Source != "":
				q.Speaker, q.Source = "", p.Source
				s.info[k].kind, s.info[k].subject = speakerNone, -1
			case p.Speaker != "" && !IsPronoun(p.Speaker) && (pinf.kind == speakerPhrase || !s.isPerson(p.Speaker)):
				q.Speaker = p.Speaker
				s.info[k].kind = pinf.kind
			}
			return
		}
		start := s.a.Sentences[si].Tokens().Start
		end := min(s.a.Sentences[si].Tokens().End, start+subjectTokens)
		// "An arms announcement from North Korea came …. It also
		// said": the document the sentence is about is the source.
		if i := s.nextOutside(s.pastSubordinate(start, end), end); i >= 0 && wordSets().determiners[s.toks.Form(i)] {
			if head, to := s.qualifiedNoun(i+1, end); head >= 0 && !s.isName(head) && isChannel(s.toks.Form(head)) {
				if src, kind, _ := s.phrase(i, to); kind == speakerPhrase {
					q.Speaker, q.Source = "", src
					s.info[k].kind, s.info[k].subject = speakerNone, -1
				}
				return
			}
		}
		switch name, kind, _ := s.clauseSubject(start, end); {
		case kind == speakerNone, kind == speakerPronoun && name == "it":
			continue
		}
		return
	}
}

// qualifiedNoun reads the noun phrase whose words start at or after
// token i, after its determiner: its head, the last word before a
// function word, a verb or a mark, and the token its phrase ends before,
// past a name it is "of", "from", "by" or "in" ("announcement from North
// Korea", "prosecutors in New York"). The head is -1 when no word comes
// first, or more than epithetWords do.
func (s *scanner) qualifiedNoun(i, end int) (head, to int) {
	head = -1
	w := s.nextWord(max(i, 0), end)
	for n := 0; w >= 0 && n < epithetWords; n++ {
		if s.inside[w] || s.isVerbLike(w) || wordSets().functionWords[s.toks.Form(w)] {
			break
		}
		head = w
		if nx := s.nextVisible(w+1, end); nx < 0 || s.toks.Kind(nx) != corpus.TokWord {
			break
		}
		w = s.nextWord(w+1, end)
	}
	if head < 0 || (w >= 0 && s.inside[w]) || w >= 0 && s.isVerbLike(w) {
		return head, head + 1
	}
	to = head + 1
	if p := s.nextVisible(head+1, end); p >= 0 && s.toks.Kind(p) == corpus.TokWord {
		switch s.toks.Form(p) {
		case "of", "from", "by", "in":
			if n := s.nextWord(p+1, end); n >= 0 && s.nextVisible(p+1, end) == n && s.isName(n) && !s.isPossessive(n) {
				if r := s.runForward(n, end); !s.isPossessive(r.End - 1) {
					to = r.End
				}
			}
		}
	}
	return head, to
}

// accordingTo returns the people a sentence's "according to" names as
// the source of what it reports, when they are a plural noun phrase:
// "according to federal prosecutors", or the authors of the document it
// names, "according to a sentencing memo by federal prosecutors in New
// York". It returns no speaker otherwise.
func (s *scanner) accordingTo(r corpus.Range) (string, int, int) {
	for i := r.Start; i < r.End; i++ {
		if s.inside[i] || s.toks.Form(i) != "according" {
			continue
		}
		to := s.nextWord(i+1, r.End)
		if to < 0 || s.toks.Form(to) != "to" {
			continue
		}
		np := s.nextWord(to+1, r.End)
		if np < 0 {
			return noSpeaker()
		}
		if wordSets().determiners[s.toks.Form(np)] {
			np++
		}
		head, end := s.qualifiedNoun(np, r.End)
		if head < 0 || s.isName(head) {
			return noSpeaker()
		}
		if isChannel(s.toks.Form(head)) {
			by := s.nextVisible(head+1, r.End)
			if by < 0 || (s.toks.Form(by) != "by" && s.toks.Form(by) != "from") {
				return noSpeaker()
			}
			if np = s.nextWord(by+1, r.End); np < 0 {
				return noSpeaker()
			}
			if wordSets().determiners[s.toks.Form(np)] {
				np++
			}
			if head, end = s.qualifiedNoun(np, r.End); head < 0 || s.isName(head) {
				return noSpeaker()
			}
		}
		if !s.pluralNoun(head) {
			return noSpeaker()
		}
		return s.phrase(np, end)
	}
	return noSpeaker()
}

// sentencesBefore yields the sentences before the one whose subject
// quote k is attributed to, nearest first, each with the index of the
// earlier quote attributed in it, or -1: as far back as resolvePronoun
// looks (resolveSentences; the quote's own sentences do not count), and
// up to the first that is not prose. resolveIt and resolveThey walk it.
func (s *scanner) sentencesBefore(k int) iter.Seq2[int, int] {
	return func(yield func(si, j int) bool) {
		inf := s.info[k]
		if inf.subject < 0 {
			return
		}
		own := int(s.sentOf[inf.subject])
		if own < 0 {
			return
		}
		quoteStart := s.qs[k].Span.Start
		j := k - 1
		back := 0
		for si := own - 1; si >= 0 && back < resolveSentences; si-- {
			if s.a.Sentences[si].Span().End > quoteStart && s.onlyQuotes(s.a.Sentences[si].Tokens()) {
				continue // the quote's own sentences
			}
			back++
			if s.a.Paragraphs[s.a.Sentences[si].Para()].Role != corpus.RoleProse || s.captionSentence(si) {
				return
			}
			for j >= 0 && s.attributionSentence(j) > si {
				j--
			}
			earlier := -1
			if j >= 0 && s.attributionSentence(j) == si {
				earlier = j
			}
			if !yield(si, earlier) {
				return
			}
		}
	}
}

// resolveThey gives a quote attributed to "they" the plural noun phrase
// that opens the nearest sentence before it with a subject ("The chairmen
// said the memos underscore … . … “…,” they said." is the chairmen's),
// the plural speaker phrase or the people named together of an earlier
// quote there, or else the plural people that sentence's "according to"
// names ("according to a memo by federal prosecutors in New York"). It looks back as
// far as resolvePronoun does, past sentences whose subject is "they"
// again or that have none, and stops at one about anyone or anything else:
// "they" is never one person.
func (s *scanner) resolveThey(k int) {
	q := &s.qs[k]
	if s.info[k].kind != speakerPronoun || q.Speaker != "they" {
		return
	}
	if who, kind := s.relativeAntecedent(s.info[k].subject); who != "" {
		q.Speaker, s.info[k].kind = who, kind
		return
	}
	for si, j := range s.sentencesBefore(k) {
		if j >= 0 && s.info[j].subject >= 0 {
			p := s.qs[j]
			switch {
			case p.Speaker == "they":
				continue
			case s.info[j].kind == speakerPhrase && pluralWord(p.Speaker[strings.LastIndexByte(p.Speaker, ' ')+1:]):
				q.Speaker, s.info[k].kind = p.Speaker, speakerPhrase
			case s.info[j].kind == speakerJoint:
				q.Speaker, s.info[k].kind = p.Speaker, speakerJoint
			}
			return
		}
		r := s.a.Sentences[si].Tokens()
		if who := s.anonymous(r.Start, r.End); who != "" && pluralWord(strings.ToLower(who[strings.LastIndexByte(who, ' ')+1:])) {
			q.Speaker, s.info[k].kind = who, speakerPhrase // "two officials, who spoke on condition of anonymity"
			return
		}
		start := s.pastSubordinate(r.Start, min(r.End, r.Start+subjectTokens))
		i := s.nextOutside(start, r.End)
		if i < 0 {
			continue
		}
		switch f := s.toks.Form(i); f {
		case "they":
			continue
		case "the", "these", "those":
			head := -1
			for w := s.nextWord(i+1, r.End); w >= 0 && w-i < 16; w = s.nextWord(w+1, r.End) {
				if s.isVerbLike(w) || wordSets().functionWords[s.toks.Form(w)] || s.inside[w] {
					break
				}
				if f := s.toks.Form(w); head >= 0 && strings.HasSuffix(f, "ed") && lexicon.IsLemma(lexicon.Lemma(f), "v") {
					break // "The police closed": a verb after the noun
				}
				head = w
				if n := s.nextVisible(w+1, r.End); n < 0 || s.toks.Kind(n) != corpus.TokWord {
					break // "The three Republican chairmen — …"
				}
			}
			if head >= 0 && !s.isName(head) && s.pluralNoun(head) {
				if name, kind, _ := s.phrase(i, head+1); kind == speakerPhrase {
					q.Speaker, s.info[k].kind = name, speakerPhrase
				}
				return
			}
		}
		// "…, according to a memo by federal prosecutors. …, they
		// said": the people whose word the sentence reports.
		if name, kind, _ := s.accordingTo(r); kind == speakerPhrase {
			q.Speaker, s.info[k].kind = name, speakerPhrase
		}
		return
	}
}

// relativeAntecedent returns what the relative clause holding pronoun p
// stands for: "a warning from the Clinton campaign, who had already
// sounded the alarm over what they called" is the campaign's. The clause
// opens with "who" or "which" after a comma, in p's sentence, with no
// comma between it and p; its antecedent is the noun phrase before the
// comma, or an organisation's name, never a person's. It returns "" for
// none.
func (s *scanner) relativeAntecedent(p int) (string, int) {
	if p < 0 || s.sentOf[p] < 0 {
		return "", speakerNone
	}
	start := s.a.Sentences[s.sentOf[p]].Tokens().Start
	for i := p - 1; i >= start; i-- {
		if s.inside[i] {
			continue
		}
		if f := s.toks.Form(i); f == "," || f == ";" {
			return "", speakerNone
		} else if f != "who" && f != "which" {
			continue
		}
		c := s.prevVisible(i, start)
		if c < 0 || s.toks.Form(c) != "," {
			return "", speakerNone
		}
		h := s.prevWord(c, start)
		if h < 0 || wordSets().functionWords[s.toks.Form(h)] {
			return "", speakerNone
		}
		if s.isName(h) {
			if s.isPossessive(h) {
				return "", speakerNone
			}
			if name := s.nameOf(s.runBack(h, start)); name != "" && !s.isPerson(name) {
				return name, speakerName
			}
			return "", speakerNone
		}
		if who, kind, _ := s.phrase(s.nounPhraseStart(h, start), h+1); kind == speakerPhrase {
			return who, speakerPhrase
		}
		return "", speakerNone
	}
	return "", speakerNone
}

// pluralNoun reports whether word token w is a plural noun: its lemma is
// a noun other than itself ("chairmen", "prosecutors").
func (s *scanner) pluralNoun(w int) bool { return pluralWord(s.toks.Form(w)) }

// pluralWord reports whether word form f is a plural noun.
func pluralWord(f string) bool {
	if strings.HasSuffix(f, "ing") || strings.HasSuffix(f, "ed") {
		return false // "meeting", "closed": a verb's forms, whatever nouns share their lemma
	}
	l := lexicon.Lemma(f)
	return l != f && lexicon.IsLemma(l, "n") || collectiveNouns()[f]
}

// collectiveNouns are plural without a plural form: "the police said …
// “…,” they added".
var collectiveNouns = sync.OnceValue(func() map[string]bool { return wordSet("police", "staff", "personnel") })

// attributionSentence returns the index of the sentence holding quote k's
// attribution: its speaker's, or for a source or no attribution, the
// sentence the quote opens in; -1 for none.
func (s *scanner) attributionSentence(k int) int {
	if sub := s.info[k].subject; sub >= 0 && s.info[k].kind != speakerNone {
		return int(s.sentOf[sub])
	}
	return s.a.SentenceAt(s.qs[k].Span.Start)
}

// remarkNouns name what someone said.
var remarkNouns = sync.OnceValue(func() map[string]bool {
	return wordSet("remarks", "comments", "words", "statement", "speech")
})

// remarksOwner returns the person whose remarks the pronoun at token p
// speaks in: "on Khan's remarks, when he said" is Khan speaking. The
// pronoun must follow "when" right after the remarks and their comma;
// else "".
func (s *scanner) remarksOwner(start, p int) string {
	w := s.prevWord(p, start)
	if w < 0 || s.toks.Form(w) != "when" {
		return ""
	}
	c := s.prevVisible(w, start)
	if c < 0 || s.toks.Form(c) != "," {
		return ""
	}
	n := s.prevWord(c, start)
	if n < 0 || !remarkNouns()[s.toks.Form(n)] {
		return ""
	}
	o := s.prevWord(n, start)
	if o < 0 || !s.isName(o) || !s.isPossessive(o) {
		return ""
	}
	name := strings.TrimSuffix(strings.TrimSuffix(s.nameOf(s.runBack(o, start)), "'s"), "’s")
	if name == "" || !s.isPerson(name) {
		return ""
	}
	return name
}

// What a sentence's opening determiner phrase is, for a pronoun after it.
const (
	epithetNone    = iota // no subject: "That day, Mr. Trump …", "A convention-goer, Jeff Martin, …"
	epithetUnnamed        // a subject the text names no one by: "The liberal icon justice had …"
	epithetRole           // a role the text gave a name: "Justice Ginsburg" before it
)

// epithetWords is how many words after its determiner an opening phrase
// is read for.
const epithetWords = 16

// openingEpithet reads the phrase a sentence opens with at determiner
// token i, before end. Set off by a comma before a name, it is a time or
// an appositive ("That day, Mr. Trump defended", "A spokesman for the
// authority, Jeremy Handel, reassured"), and the subject is the name:
// epithetNone. Otherwise it is the sentence's subject, the one a later
// pronoun stands for; when its head noun before the verb is a role the
// text gave a name as a title before it ("the liberal icon justice" after
// "Justice Ginsburg"), that name is returned with epithetRole (see
// roleHolder); else epithetUnnamed, since a wrong name is worse than none.
// When the phrase is the subject of a verb, its words before any function
// word are returned too (the head's phrase: "New York businessman").
func (s *scanner) openingEpithet(i, end int) (string, int, []int) {
	var words []int // the words before the first function word: the head's phrase
	headDone := false
	for j, n := i+1, 0; j < end && n < epithetWords; j++ {
		switch t := s.toks.At(j); t.Kind {
		case corpus.TokSpace:
			continue
		case corpus.TokWord:
			if s.inside[j] {
				return "", epithetUnnamed, nil
			}
			if s.isVerbLike(j) {
				name, kind := s.epithetHolder(words)
				return name, kind, words
			}
			n++
			if wordSets().functionWords[t.Form] {
				headDone = true // "A spokesman for the authority": the head is "spokesman"
			} else if !headDone {
				words = append(words, j)
			}
			continue
		}
		if s.toks.Form(j) == "," {
			if n := s.nextWord(j+1, end); n >= 0 && s.isName(n) && len(words) > 0 {
				return "", epithetNone, nil
			}
		}
		return "", epithetUnnamed, nil
	}
	return "", epithetUnnamed, nil
}

// epithetHolder returns the holder of the role that the phrase words,
// read as a subject, names (see openingEpithet): its head noun with the
// rank words before it ("former", "vice"), other modifiers ("liberal
// icon") being no part of any title.
func (s *scanner) epithetHolder(words []int) (string, int) {
	if len(words) == 0 {
		return "", epithetUnnamed
	}
	head := words[len(words)-1]
	var role []int
	for _, w := range words[:len(words)-1] {
		if rankWords()[s.toks.Form(w)] {
			role = append(role, w)
		}
	}
	if name, _ := s.roleHolder(append(role, head)); name != "" && s.isPerson(name) {
		return name, epithetRole
	}
	return "", epithetUnnamed
}

// inherit gives a quote with no attribution of its own the speaker the
// text implies: the introduction before a paragraph that opens with the
// quote ("Peskov said:"), the quote before it in its paragraph, or, for a
// paragraph that is nothing but quotes, the last quote of the paragraph
// before. After a document's or medium's quote it takes that source, as
// a quote after a person's takes the person.
func (s *scanner) inherit(k int) {
	q := &s.qs[k]
	inf := s.info[k]
	if q.Speaker != "" || q.Source != "" || inf.settled { // a document or medium said it: no speaker to inherit
		return
	}
	if inf.paraStart && inf.intro < 0 && q.Para > 0 {
		prev := s.a.Paragraphs[q.Para-1]
		if prev.Role == corpus.RoleProse && prev.Sentences.Len() > 0 {
			r := corpus.TrimSpace(s.toks, s.a.Sentences[prev.Sentences.End-1].Tokens())
			if r.Len() > 0 && s.toks.Form(r.End-1) == ":" && s.attributeHead(k, corpus.Range{Start: r.Start, End: r.End - 1}) {
				s.resolvePronoun(k)
				return
			}
		}
	}
	if name, subj := s.askedBefore(k); name != "" {
		// "Tapper asked Ortiz whether …. “…”": Ortiz answers.
		q.Speaker = name
		s.info[k].kind, s.info[k].subject = speakerName, subj
		return
	}
	if k == 0 {
		return
	}
	p := s.qs[k-1]
	switch {
	case s.info[k-1].lastPara == q.Para:
	case s.info[k-1].lastPara == q.Para-1 && s.onlyQuotes(s.paraTokens(q.Para)):
	default:
		return
	}
	if s.question(k - 1) {
		// "“…?” CNN’s Jake Tapper asked Ortiz. “…”": the quote after
		// a question is its answer.
		if name, subj := s.answerer(int(s.info[k-1].ask-1), false); name != "" {
			q.Speaker = name
			s.info[k].kind, s.info[k].subject = speakerName, subj
		}
		return
	}
	if p.Speaker == "" && p.Source != "" {
		// "“…,” the flyer continues. “…”": the document goes on,
		// unless a sentence of the writer's comes between ("“…,” the
		// statement said. A spokeswoman declined to elaborate,
		// saying “…”").
		if s.followsAttribution(k) {
			q.Source = p.Source
		}
		return
	}
	if s.ownAttribution(k) {
		// "“…,” Reed said. Ann Lowe, who runs the sail shop at the
		// quay, said the tides were “…”": a sentence of its own with
		// a verb of speech says someone else speaks, even when who
		// could not be read.
		return
	}
	q.Speaker = p.Speaker
	s.info[k].kind = s.info[k-1].kind
	s.info[k].ask = s.info[k-1].ask
}

// ownAttribution reports whether the words before quote k, in its own
// sentence as a reader sees it, hold a verb of speech, and that sentence
// is not the one quote k-1 is in: a sentence the splitter did not see
// starts after a full stop in a lower-cased text with spaced marks too
// (`… happened. " neighbours said … monday. ann lowe, …, said`). A
// participle is not such a verb, nor one after a definite epithet: the
// subject is the clause's, or the one the epithet describes, and when
// that could not be read ("The communications pro also took a shot at
// them, writing “…”"), who the text has been quoting is the better guess.
func (s *scanner) ownAttribution(k int) bool {
	head := s.head(k)
	prev := s.info[k-1].outer[len(s.info[k-1].outer)-1]
	start := head.Start
	for i := head.End - 1; i >= head.Start; i-- {
		if !s.inside[i] && s.toks.Kind(i) == corpus.TokPunct && fullStop(s.toks.Form(i)) {
			start = i + 1
			break
		}
	}
	if start == head.Start && prev.End > 0 && s.sentOf[prev.End-1] == s.sentOf[s.info[k].outer[0].Start] && !s.endsOnFullStop(prev) {
		return false
	}
	v := s.findVerb(corpus.Range{Start: start, End: head.End}, false)
	if v < 0 || strings.HasSuffix(s.toks.Form(v), "ing") {
		return false
	}
	// "When the 30-year-old answered “no”": a definite epithet right
	// before the verb is most often the person the text is about.
	n := s.prevWord(v, start)
	for n >= 0 && wordSets().skipWords[s.toks.Form(n)] {
		n = s.prevWord(n, start)
	}
	if n >= 0 {
		if d := s.prevVisible(n, start); d >= 0 && s.toks.Form(d) == "the" {
			return false
		}
	}
	return true
}

// followsAttribution reports whether every word outside quotes between
// quote k-1 and quote k is in the sentence quote k-1 ends in, and none
// but quote k-1's own is a verb of speech: its attribution, and no
// sentence or speaker besides.
//
// A text lower-cased and re-capitalised only here and there, with its
// quote marks set apart by spaces ("“@alt_uscis. ” the account, one of
// several …"), is one sentence to the splitter where a reader sees
// several: a full stop that ends quote k-1's words or stands between the
// two ends a sentence there too, unless what follows it is quote k-1's
// own attribution (“…!” the flyer says). A quote mark left unpaired
// between the two says the marks went wrong there, and nothing goes on.
func (s *scanner) followsAttribution(k int) bool {
	prev, cur := s.info[k-1].outer, s.info[k].outer
	from, to := prev[len(prev)-1].End, cur[0].Start
	if from <= 0 || from > to {
		return false
	}
	si, own := s.sentOf[from-1], s.qs[k-1].Verb
	stopped := s.endsOnFullStop(prev[len(prev)-1])
	for i := from; i < to; i++ {
		if s.inside[i] {
			continue
		}
		switch s.toks.Kind(i) {
		case corpus.TokPunct:
			if f := s.toks.Form(i); f == `"` {
				return false
			} else if fullStop(f) {
				stopped = true
			}
			continue
		case corpus.TokWord:
		default:
			continue
		}
		if stopped {
			// A sentence the splitter did not see starts here: it
			// must be quote k-1's attribution, up to its verb.
			if !s.attributionAhead(i, to, own) {
				return false
			}
			stopped = false
		}
		if s.sentOf[i] != si {
			return false
		}
		if f := s.toks.Form(i); wordSets().verbs[f] {
			if verbForm(f) != own {
				return false
			}
			own = "" // its own verb, once
		}
	}
	return true
}

// endsOnFullStop reports whether the words a quote's outer range r
// encloses end on a full stop, a question or exclamation mark or an
// ellipsis ("@alt_uscis." inside its marks).
func (s *scanner) endsOnFullStop(r corpus.Range) bool {
	f, ok := s.lastMark(r)
	return ok && fullStop(f)
}

// lastMark returns the punctuation the words a quote's outer range r
// encloses end on, past spaces and quotation marks; ok is false when they
// end on a word.
func (s *scanner) lastMark(r corpus.Range) (form string, ok bool) {
	for i := r.End - 1; i >= r.Start; i-- {
		switch s.toks.Kind(i) {
		case corpus.TokSpace:
			continue
		case corpus.TokPunct:
			switch f := s.toks.Form(i); f {
			case `"`, "'", "’":
				continue
			default:
				return f, true
			}
		}
		return "", false
	}
	return "", false
}

// setOff reports whether quote k follows a comma or a colon that ends
// its head, as a quotation a verb before it introduces does (`the bird
// says, "…"`, `told him in 2015, "…"`, `said: "…"`).
func (s *scanner) setOff(k int, head corpus.Range) bool {
	p := s.prevVisible(s.info[k].outer[0].Start, head.Start)
	return p >= 0 && (s.toks.Form(p) == "," || s.toks.Form(p) == ":")
}

// endsOnPoint reports whether the words a quote's outer range r encloses
// end on a point: a full stop, not a question or exclamation mark, which
// a tail attribution follows (“Why?” she asked), nor an ellipsis.
func (s *scanner) endsOnPoint(r corpus.Range) bool {
	f, ok := s.lastMark(r)
	return ok && f == "."
}

// fullStop reports whether punctuation form f ends a sentence: a full
// stop, a question or exclamation mark or an ellipsis.
func fullStop(f string) bool {
	switch f {
	case ".", "!", "?", "…", "...":
		return true
	}
	return false
}

// attributionAhead reports whether the words from token i, before to
// and the next full stop, hold verb, the attribution verb of the quote
// before them ("“…!” the flyer says."), as verbForm gives it.
func (s *scanner) attributionAhead(i, to int, verb string) bool {
	for ; i < to && verb != ""; i++ {
		if s.inside[i] {
			continue
		}
		switch f := s.toks.Form(i); s.toks.Kind(i) {
		case corpus.TokPunct:
			if fullStop(f) {
				return false
			}
		case corpus.TokWord:
			if wordSets().verbs[f] && verbForm(f) == verb {
				return true
			}
		}
	}
	return false
}

// onlyQuotes reports whether token range r, a sentence's or a
// paragraph's, has no words outside quotes.
func (s *scanner) onlyQuotes(r corpus.Range) bool {
	for i := r.Start; i < r.End; i++ {
		if s.toks.Kind(i) == corpus.TokWord && !s.inside[i] {
			return false
		}
	}
	return true
}

// hedges lists the hedge words around quote k, outside any quote and
// outside any aside: in its sentences before and after it, and in a block
// quote's introduction. An aside (between two dashes or in brackets) is
// about someone or something else: "President Obama – whose own government
// has been accused of carrying out hacks – refused to rule out …, adding:
// “…”" keeps no distance from Obama's words.
func (s *scanner) hedges(k int) []string {
	var out []string
	for _, r := range []corpus.Range{s.head(k), s.tail(k)} {
		aside := s.asides(r)
		for i := r.Start; i < r.End; i++ {
			if t := s.toks.At(i); t.Kind == corpus.TokWord && !s.inside[i] && !aside[i-r.Start] && wordSets().hedgeWords[t.Form] && !slices.Contains(out, t.Form) {
				out = append(out, t.Form)
			}
		}
	}
	return out
}

// asides marks the tokens of r that sit in an aside: from a dash to the
// next dash, or inside brackets. A lone dash opens no aside: what follows
// it is as often the sentence's own point as an aside.
func (s *scanner) asides(r corpus.Range) []bool {
	marks := make([]bool, r.Len())
	dash, depth := -1, 0
	for i := r.Start; i < r.End; i++ {
		if s.toks.Kind(i) == corpus.TokPunct {
			switch s.toks.Form(i) {
			case "-":
				if dash < 0 {
					dash = i
				} else {
					for j := dash; j <= i; j++ {
						marks[j-r.Start] = true
					}
					dash = -1
				}
			case "(", "[":
				depth++
			case ")", "]":
				depth = max(depth-1, 0)
			}
		}
		if depth > 0 {
			marks[i-r.Start] = true
		}
	}
	return marks
}
