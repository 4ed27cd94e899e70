package quote

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// Judging a speaker phrase: the words attribution found before or after
// the verb are a speaker only when they name someone who can speak. A
// document or medium ("the statement said", "a Twitter message posted")
// is the channel the words came through, a role noun alone ("the sheriff
// said") stands for the name the text gave that role, and a phrase that
// runs over a verb ("Kim was quoted as") is a clause, not a noun phrase.

// channelNouns name the documents and media through which words reach a
// text. As the head of a speaker phrase they are never the speaker: the
// speaker is the clause's named subject (Mr. Trump … in a Twitter message
// posted …), or nobody.
var channelNouns = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"statement", "release", "suit", "lawsuit", "complaint", "filing", "motion", "report", "article",
		"story", "resolution", "original", "version", "draft", "letter", "memo", "memorandum", "email",
		"e-mail", "message", "tweet", "post", "note", "text", "question", "document", "order", "ruling",
		"indictment", "poll", "survey", "study", "website", "page", "video", "book", "column", "headline",
		"bill", "law", "code", "transcript", "interview", "speech", "petition", "caption", "sign", "banner",
		"broadcast", "editorial", "op-ed", "blog", "account", "feed", "record", "affidavit", "announcement",
		"query", "policy", "flyer", "flier", "leaflet", "pamphlet", "poster", "brochure", "notice",
		"agreement", "contract", "treaty", "warrant", "film", "movie", "documentary", "entry", "log", "logbook",
		"ledger", "diary", "inscription", "plaque", "placard",
	)
})

// isChannel reports whether word form f, or its lemma ("reports",
// "statements"), is one of channelNouns.
func isChannel(f string) bool {
	return channelNouns()[f] || channelNouns()[lexicon.Lemma(f)]
}

// mediumPrepositions put a document or medium under a clause as the way
// its subject spoke: "in a statement", "on Twitter", "via a message".
var mediumPrepositions = sync.OnceValue(func() map[string]bool {
	return wordSet("in", "on", "via", "through")
})

// reflexives after a name only stress it: "Trump himself said".
var reflexives = sync.OnceValue(func() map[string]bool {
	return wordSet("himself", "herself", "themselves", "itself")
})

// judgePhrase checks the speaker phrase whose last (head) word is token
// head, found as the subject of verb, and returns the speaker
// it stands for: the phrase itself, a name the phrase points to, nobody
// (speakerChannel, with the phrase naming the document or medium), or
// speakerNone when it is no noun phrase at all.
func (s *scanner) judgePhrase(phrase string, head, verb int) (string, int, int) {
	words := s.phraseWords(head, strings.Count(phrase, " ")+1)
	// A phrase that runs over a verb is a clause: "Kim was quoted as",
	// "Comey said the president".
	for i, w := range words {
		if !s.isVerbLike(w) {
			continue
		}
		// "Comey said the president told": a noun phrase after the
		// last verb is the attribution verb's subject.
		last := len(words) - 1
		for last > i && !s.isVerbLike(words[last]) {
			last--
		}
		if rest := words[last+1:]; len(rest) > 0 && (wordSets().determiners[s.toks.Form(rest[0])] || s.isName(rest[0])) {
			if name, kind, subj := s.phrase(rest[0], head+1); kind == speakerPhrase {
				return s.judgePhrase(name, subj, verb)
			} else if kind != speakerNone {
				return name, kind, subj
			}
		}
		// "Kim was quoted as", "the worker, who asked": the phrase
		// before the first verb.
		before := words[:i]
		for len(before) > 0 && wordSets().functionWords[s.toks.Form(before[len(before)-1])] {
			before = before[:len(before)-1]
		}
		if len(before) == 0 {
			return noSpeaker()
		}
		if f := s.toks.Form(before[0]); len(before) == 1 && wordSets().pronounWords[f] {
			return f, speakerPronoun, before[0] // "He told WATE he has seen"
		}
		if s.isName(before[0]) {
			r := s.runForward(before[0], before[len(before)-1]+1)
			if name := s.nameOf(r); name != "" {
				return name, speakerName, r.End - 1
			}
		}
		if name, kind, subj := s.phrase(before[0], before[len(before)-1]+1); kind == speakerPhrase {
			return s.judgePhrase(name, subj, verb)
		}
		return noSpeaker()
	}
	// "a statement from several board members": the people the
	// document is from. "A report by the board" is a work the board
	// wrote, and the quote's source, as "the report of the board" is.
	for i, w := range words[:len(words)-1] {
		if !isChannel(s.toks.Form(w)) || i+2 >= len(words) {
			continue
		}
		switch prep := s.toks.Form(words[i+1]); {
		case s.worksAuthor(prep, words[i+2], head+1):
			// "a statement from the company", "a report by the
			// board": a work it issued.
			if name, kind, subj := s.phrase(words[0], w+1); kind == speakerPhrase {
				return s.judgePhrase(name, subj, verb)
			}
		case prep == "from" || prep == "by":
			// "a statement by spokeswoman Kathy Wilets": a
			// person's words.
			if name, kind, subj := s.phrase(words[i+2], head+1); kind == speakerPhrase {
				return s.judgePhrase(name, subj, verb)
			}
		}
	}
	// "The woman hung up saying": a phrase whose last word is no noun
	// ("up") is no noun phrase.
	if hl := lexicon.Lemma(s.toks.Form(head)); !s.isName(head) && !ellipticWords()[s.toks.Form(head)] && !lexicon.IsLemma(hl, "n") &&
		(lexicon.IsLemma(hl, "v") || lexicon.IsLemma(hl, "a") || lexicon.IsLemma(hl, "r")) {
		return noSpeaker()
	}
	hf := s.toks.Form(head)
	if reflexives()[hf] && len(words) > 1 && s.isName(words[len(words)-2]) {
		r := s.runBack(words[len(words)-2], words[0])
		if name := s.nameOf(r); name != "" {
			return name, speakerName, r.End - 1
		}
	}
	if len(words) == 1 && ellipticWords()[hf] {
		// "reads one of the queries …. “…” another asks": another
		// query, a document; "said one of the signers …. another
		// wrote": another signer.
		if x := s.ellipsisNoun(head); x >= 0 {
			// The elliptic word is a common word: "another question"
			// mid-sentence, though "Another" opened the sentence.
			phrase = hf + " " + lexicon.Lemma(s.toks.Form(x))
			if isChannel(s.toks.Form(x)) {
				return phrase, speakerChannel, -1
			}
			return phrase, speakerPhrase, head
		}
	}
	if s.isName(head) {
		return phrase, speakerPhrase, head
	}
	if name, subj := s.mediumOwner(words); name != "" {
		return name, speakerName, subj
	}
	if isChannel(hf) {
		// "in a Twitter message posted": the medium hangs on a
		// preposition, and the clause's subject spoke through it. "The
		// statement said": the medium is the subject, and its author is
		// not named.
		if p := s.prevWordSkipping(words[0], 0, wordSets().determiners); p >= 0 && mediumPrepositions()[s.toks.Form(p)] {
			if name, kind, subj := s.clauseSubject(s.clauseStart(p), p); kind == speakerName || kind == speakerPronoun {
				return name, kind, subj
			}
			return phrase, speakerChannel, -1
		}
		// "Spacey issued a statement saying": the participle's subject
		// is the one who issued it.
		if f := s.toks.Form(verb); strings.HasSuffix(f, "ing") && f != "according" {
			if name, kind, subj := s.clauseSubject(s.clauseStart(words[0]), words[0]); kind == speakerName || kind == speakerPronoun {
				return name, kind, subj
			}
		}
		return phrase, speakerChannel, -1
	}
	if name, subj := s.roleHolder(words); name != "" {
		return name, speakerRole, subj
	}
	if name := s.organisationNamed(words); name != "" {
		return name, speakerRole, head
	}
	return phrase, speakerPhrase, head
}

// organisationNamed returns the organisation that "the" and an
// organisation's noun alone ("the agency said", "the committee said")
// stand for: the nearest name before the phrase, of two words or more,
// that ends in that noun ("The Korean Central News Agency said …",
// "the International Olympics Committee"). It returns "" when the phrase
// is anything else or the text names no such organisation before it.
func (s *scanner) organisationNamed(words []int) string {
	head := words[len(words)-1]
	f := s.toks.Form(head)
	if len(words) != 1 || !orgWords()[f] || s.isName(head) {
		return ""
	}
	if p := s.prevWord(head, 0); p < 0 || s.toks.Form(p) != "the" {
		return ""
	}
	same := s.sameFormBefore(head, head)
	for k := len(same) - 1; k >= 0; k-- {
		i := int(same[k])
		if s.inside[i] || !s.isName(i) {
			continue
		}
		if r := s.runForward(i, s.sentenceEnd(i)); r.End != i+1 {
			continue // "Committee members": the noun does not end the name
		}
		r := s.runBack(i, 0)
		// "the Freedom and Justice Party": one name over its "and".
		if a := s.prevWord(r.Start, 0); a >= 0 && s.toks.Form(a) == "and" {
			if b := s.prevWord(a, 0); b >= 0 && s.isName(b) && !s.isPossessive(b) {
				r.Start = s.runBack(b, 0).Start
			}
		}
		if corpus.CountWords(s.toks.Slice(r.Start, r.End)) < 2 {
			continue
		}
		// Titles in it are part of the name: "Justice Party".
		if name := s.runText(r); !s.isPerson(name) {
			return name
		}
	}
	return ""
}

// runText returns name run r as the text writes it, its points and
// single spaces included.
func (s *scanner) runText(r corpus.Range) string {
	return string(s.a.Raw[s.toks.Span(r.Start).Start:s.toks.Span(r.End-1).End])
}

// ellipticWords stand for a noun the text gave before: "another" of the
// queries, "one" of the signers.
var ellipticWords = sync.OnceValue(func() map[string]bool {
	return wordSet("another", "one", "others", "some", "several", "many", "each")
})

// ellipsisNoun returns the noun an elliptic word at token w stands for:
// the plural head of "one of the queries", "some of the signers", or for
// "another" the singular noun of "one question", in w's sentence before
// it or in the sentence before that, outside quotes, looking at no more
// than the maxNameLookBack "of" nearest before w; -1 for none.
func (s *scanner) ellipsisNoun(w int) int {
	si := int(s.sentOf[w])
	if si < 0 {
		return -1
	}
	from := s.a.Sentences[max(si-1, 0)].Tokens().Start
	if x := s.oneNoun(w, from); x >= 0 {
		return x
	}
	ofs := s.wordsIn("of", from, w)
	for k := len(ofs) - 1; k >= 0; k-- {
		i := int(ofs[k])
		if s.inside[i] {
			continue
		}
		if q := s.prevWord(i, from); q < 0 || !ellipticWords()[s.toks.Form(q)] {
			continue
		}
		d := s.nextWord(i+1, w)
		if d < 0 || !wordSets().determiners[s.toks.Form(d)] {
			continue
		}
		// The first plural noun after the determiner: "the queries
		// supplied", not "supplied".
		for x, n := s.nextWord(d+1, w), 0; x >= 0 && n < 4 && !s.inside[x] && !wordSets().functionWords[s.toks.Form(x)]; x, n = s.nextWord(x+1, w), n+1 {
			if !s.isName(x) && s.pluralNoun(x) {
				return x
			}
		}
	}
	return -1
}

// oneNoun returns, for "another" at token w, the noun of the nearest
// "one question" between from and w, outside quotes ("… reads one
// question. Another asks …": another question); -1 for none, or when
// the word after "one" is no singular common noun ("one of", "one
// more", "one Republican").
func (s *scanner) oneNoun(w, from int) int {
	if s.toks.Form(w) != "another" {
		return -1
	}
	ones := s.wordsIn("one", from, w)
	for k := len(ones) - 1; k >= 0; k-- {
		i := int(ones[k])
		if s.inside[i] {
			continue
		}
		x := s.nextWord(i+1, w)
		if x < 0 || s.inside[x] || s.isName(x) {
			continue
		}
		if f := s.toks.Form(x); lexicon.IsLemma(f, "n") && !wordSets().functionWords[f] && !pluralWord(f) {
			return x
		}
	}
	return -1
}

// clauseStart returns the first token of the stretch of i's sentence that
// ends at i without crossing a quote.
func (s *scanner) clauseStart(i int) int {
	start := i
	for start > 0 && s.sentOf[start-1] == s.sentOf[i] && !s.inside[start-1] {
		start--
	}
	return start
}

// mediumOwner returns the person whose own tweet, post or statement the
// phrase words name ("Trump’s tweet", "Ms. Lee’s latest Facebook post"),
// and the token of the possessive: the medium said what its owner
// said. It returns "" for anything else, an organisation's statement
// included ("the White House’s statement" stays a source).
func (s *scanner) mediumOwner(words []int) (string, int) {
	n := len(words)
	if n < 2 || !speechMedia()[s.toks.Form(words[n-1])] {
		return "", -1
	}
	for i := n - 2; i >= 0 && i >= n-1-mediumWords; i-- {
		w := words[i]
		if !s.isName(w) || !s.isPossessive(w) {
			if s.isVerbLike(w) || wordSets().prepositions[s.toks.Form(w)] {
				return "", -1
			}
			continue
		}
		name := strings.TrimSuffix(strings.TrimSuffix(s.nameOf(s.runBack(w, words[0])), "'s"), "’s")
		if name == "" || !s.isPerson(name) {
			return "", -1
		}
		return name, w
	}
	return "", -1
}

// phraseWords returns the n word tokens ending at head.
func (s *scanner) phraseWords(head, n int) []int {
	words := make([]int, 0, n)
	for i := head; i >= 0 && len(words) < n; i-- {
		if s.toks.Kind(i) == corpus.TokWord {
			words = append(words, i)
		}
	}
	slices.Reverse(words)
	return words
}

// roleHolder finds who holds the role that words, a phrase headed by a
// role noun ("the sheriff said", "its director said", "the former vice
// president said"), names: the nearest name before it that the text gave
// the same words as a title ("Bexar County Sheriff Javier Salazar",
// "former FBI Director James Comey", "former Vice President Dick Cheney").
// News text introduces a person with their role and then calls them by
// it, so the nearest such name is the one meant; but a holder the article
// has already quoted comes first ("the president said" after quotes of
// President Trump is not the President Obama named in between). It
// returns "" when the text names no holder before the phrase.
func (s *scanner) roleHolder(words []int) (string, int) {
	head := words[len(words)-1]
	if r, _ := utf8.DecodeRune(s.a.Raw[s.toks.Span(head).Start:]); !unicode.IsLower(r) {
		return "", -1 // "I", "CBS": no role noun
	}
	nearest, nearestEnd := "", -1
	same := s.sameFormBefore(head, words[0])
	for k := len(same) - 1; k >= 0; k-- {
		i := int(same[k])
		if i+2 >= s.toks.Len() {
			continue
		}
		if t := s.toks.At(i + 1); t.Kind != corpus.TokSpace || t.Form != " " || !s.isName(i+2) {
			continue
		}
		if !s.wordsBefore(i, words[:len(words)-1]) {
			continue // "the vice president" is not "President Trump"
		}
		r := s.runForward(i+2, s.sentenceEnd(i+2))
		if !s.personRun(r) {
			continue
		}
		name := s.nameOf(r)
		if name == "" {
			continue
		}
		if known := s.known[speakerKey(name)]; known != "" {
			return known, r.End - 1 // a holder quoted before is the one speaking again
		}
		if nearest == "" {
			nearest, nearestEnd = name, r.End-1
		}
	}
	return nearest, nearestEnd
}

// personRun reports whether name run r, found after a role word, names a
// person who may hold it: not a possessive ("Sheriff Salazar's office"),
// not another title ("Hurricane Center Director Bill Read"), not an
// organisation ("Police Department"), not a headline's run of capitals,
// and in the article's prose.
func (s *scanner) personRun(r corpus.Range) bool {
	words := corpus.CountWords(s.toks.Slice(r.Start, r.End))
	last := s.toks.Form(r.End - 1)
	if words == 0 || words > 4 || s.isPossessive(r.End-1) || corpus.IsTitle(s.toks.Form(r.Start)) || orgWords()[last] {
		return false
	}
	si := s.sentOf[r.Start]
	return si >= 0 && s.a.Paragraphs[s.a.Sentences[si].Para()].Role == corpus.RoleProse
}

// orgWords end the names of organisations and places, which hold no role.
var orgWords = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"department", "office", "agency", "committee", "council", "service", "services", "party", "police",
		"court", "ministry", "bureau", "board", "university", "college", "school", "company", "corporation",
		"inc", "group", "center", "centre", "institute", "association", "foundation", "house", "news",
		"county", "city", "state", "states", "street", "station", "commission", "administration", "union",
	)
})

// wordsBefore reports whether the words right before token i have the
// forms of mods, in order, and the title has no further rank word before
// them: a role's modifiers ("former vice") must stand in the title too,
// and "the president" is not "Vice President Mike Pence".
func (s *scanner) wordsBefore(i int, mods []int) bool {
	for m := len(mods) - 1; m >= 0; m-- {
		i = s.prevWord(i, 0)
		if i < 0 || s.toks.Form(i) != s.toks.Form(mods[m]) {
			return false
		}
	}
	p := s.prevWord(i, 0)
	return p < 0 || !rankWords()[s.toks.Form(p)]
}

// rankWords make a title another role: a vice president, a deputy
// director, a former president are not the president or the director.
var rankWords = sync.OnceValue(func() map[string]bool {
	return wordSet("vice", "deputy", "assistant", "associate", "acting", "former", "ex", "lieutenant", "under", "interim")
})

// linkedName reports whether the name run starting at token r is governed
// by the word before it: a preposition or an indefinite article ("a poll
// in Wyoming said", "director of Amnesty International UK, said", "Trump,
// a Republican, wrote"). Such a run is not the verb's subject.
func (s *scanner) linkedName(runStart, start int) bool {
	p := s.prevWord(runStart, start)
	if p < 0 {
		return false
	}
	if s.toks.Form(p) == "and" {
		// "on Oversight and Government Reform": a name joined to a
		// governed name is governed too.
		if q := s.prevWord(p, start); q >= 0 && s.isName(q) && !s.isPossessive(q) {
			return s.linkedName(s.runBack(q, start).Start, start)
		}
		return false
	}
	if s.toks.Form(p) == "the" { // "ambassador to the United States"
		if p = s.prevWord(p, start); p < 0 {
			return false
		}
	}
	return linkWords()[s.toks.Form(p)]
}

// linkWords govern a name that follows them: prepositions that are not
// also conjunctions ("before Trump told" has Trump as the subject), and
// the indefinite article of an appositive ("Trump, a Republican").
var linkWords = sync.OnceValue(func() map[string]bool {
	return wordSet("of", "in", "at", "for", "from", "on", "by", "to", "about", "with", "into", "near", "against", "a", "an")
})

// theOnly is the skip set of prevWordSkipping that passes over "the".
var theOnly = sync.OnceValue(func() map[string]bool { return wordSet("the") })

// prevWordSkipping returns the word before token i, passing over the words
// in skip, or -1 when punctuation or token start comes first.
func (s *scanner) prevWordSkipping(i, start int, skip map[string]bool) int {
	p := s.prevWord(i, start)
	for p >= 0 && skip[s.toks.Form(p)] {
		p = s.prevWord(p, start)
	}
	return p
}

// isVerbLike reports whether word token w is a verb of speech or an
// auxiliary: a phrase holding one is a clause, not a noun phrase.
func (s *scanner) isVerbLike(w int) bool {
	f := s.toks.Form(w)
	return wordSets().verbs[f] || wordSets().passiveMarkers[f] || f == "has" || f == "had" || f == "have"
}

// appositiveName finds the name set off by a comma before token from, the
// subject an appositive describes ("Kate Allen, director of Amnesty
// International UK, said"): back over at most appositiveTokens tokens,
// past commas whose name is itself governed by a preposition ("Gaspar
// Pasqualetto, of Diamond Bar, 83, said").
func (s *scanner) appositiveName(from, start int) (string, int) {
	for i, n := from-1, 0; i >= start && n < appositiveTokens; i, n = i-1, n+1 {
		if s.toks.Kind(i) != corpus.TokPunct || s.toks.Form(i) != "," {
			continue
		}
		w := s.prevWord(i, start)
		if w < 0 || !s.isName(w) || s.isPossessive(w) {
			return "", -1
		}
		r := s.runBack(w, start)
		// "A lawyer for Mr. Grimm, William McGinley of Patton Boggs,
		// confirmed": the governed name before the comma only says
		// whose lawyer; the name after it is the one the phrase is.
		if s.linkedName(r.Start, start) {
			if n := s.nextWord(i+1, from); n >= 0 && s.isName(n) && !s.isPossessive(n) && !s.linkedName(n, start) {
				if name := s.nameOf(s.runForward(n, from)); name != "" {
					return name, n
				}
			}
		}
		for s.linkedName(r.Start, start) {
			p := s.prevWordSkipping(r.Start, 0, theOnly())
			if s.toks.Form(p) == "with" {
				break // "with Jake Sullivan, … stating": the subject itself
			}
			// "Joaquin Castro of Texas, …": the place belongs to the
			// name before it.
			if q := s.prevWord(p, start); q >= 0 && s.isName(q) && !s.isPossessive(q) {
				r = s.runBack(q, start)
				continue
			}
			// ", of Diamond Bar,": an appositive of its own, after the
			// name it describes.
			if c := s.prevVisible(p, start); c >= 0 && s.toks.Form(c) == "," {
				i = r.Start
				r = corpus.Range{}
			}
			break
		}
		if r.Len() == 0 {
			continue
		}
		if p := s.prevWordSkipping(r.Start, 0, theOnly()); s.linkedName(r.Start, start) && s.toks.Form(p) != "with" && s.prevVisible(p, start) < 0 {
			return "", -1 // "In Westport, the spokesperson said": a place, not who
		}
		if name := s.nameOf(r); name != "" {
			return name, w
		}
		return "", -1
	}
	return "", -1
}

// isInitial reports whether word token i is an initial or an abbreviation
// that a point ends inside a name: "Anita L. Russell", "Donald J. Trump",
// "St. Louis", "U.S. Forest Service".
func (s *scanner) isInitial(i int) bool {
	t := s.toks.At(i)
	if t.Kind != corpus.TokWord {
		return false
	}
	raw := s.a.Raw[t.Start:t.End]
	r, n := utf8.DecodeRune(raw)
	if !unicode.IsUpper(r) {
		return false
	}
	return n == len(raw) || t.Form == "st" || t.Form == "ft" || t.Form == "mt" || dotted(raw) && t.Form != "a.m" && t.Form != "p.m"
}

// dotted reports whether raw is capitals joined by points, an
// abbreviation whose last point the tokens leave out: "U.S", "D.C"
// (but "A.M" and "P.M" are times, no part of a name).
func dotted(raw []byte) bool {
	if len(raw) < 3 || len(raw)%2 == 0 {
		return false
	}
	for i, c := range raw {
		if i%2 == 0 && (c < 'A' || c > 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// capitalisedInside reports whether word token i is written with a capital
// inside its sentence and never in lower case in the article: such a word
// is part of a name ("the United States, said"), not a verb. A headline's
// "What the Judges Said:" writes "said" in lower case elsewhere.
func (s *scanner) capitalisedInside(i int) bool {
	r, _ := utf8.DecodeRune(s.a.Raw[s.toks.Span(i).Start:])
	if !unicode.IsUpper(r) || s.lower[s.toks.Form(i)] {
		return false
	}
	return !s.opensSentence(i)
}

// speakerChannel marks an attribution whose subject is a document or a
// medium and names nobody: the quote has no speaker, and takes none from
// the quotes before it either.
const speakerChannel = speakerName + 1

// speakerRole marks a speaker named through a role noun ("the sheriff
// said" → the sheriff named before). It is shown as a name, but not
// learnt as one of the article's named speakers: pronouns and surnames
// are resolved only through names the text attributes directly.
const speakerRole = speakerName + 2

// speakerJoint marks people named together as one speaker ("Goodlatte,
// Gowdy and Nunes said"). A later "they" stands for them; no one of them
// is learnt as the article's named speaker, and no "he" stands for them.
const speakerJoint = speakerName + 3

// subjectBeforePreposition returns the noun phrase standing before the
// preposition that governs the bare phrase starting at np and ending
// before end: "the president at times said". Before "of", the phrase is
// a document's ("A memo of the results … says") or an office holder's
// ("The head of the agency said"), or no one's. It returns no speaker when no preposition comes right
// before np, when np opens with its own determiner, or when the word
// before the preposition is no noun.
func (s *scanner) subjectBeforePreposition(np, start, end, v int) (string, int, int) {
	p := s.prevWord(np, start)
	if d := s.prevVisible(np, start); p < 0 && d > start && s.toks.Form(d) == "." && s.toks.Kind(d-1) == corpus.TokWord && s.isName(d-1) {
		p = d - 1 // "U.S. judges"
	}
	if p >= 0 && s.isName(p) && !s.isPossessive(p) {
		p = s.prevWord(s.runBack(p, start).Start, start) // "for U.S. judges"
	}
	if p >= 0 && s.toks.Form(p) == "of" && wordSets().determiners[s.toks.Form(np)] {
		// "A memo of the results of the department’s investigation
		// says": a document an "of" hangs on, the first of a chain of
		// them, is what says it, not the last one's object.
		for p >= 0 && s.toks.Form(p) == "of" {
			h := s.prevWord(p, start)
			if h < 0 || s.isName(h) && !s.officeWord(h) || wordSets().functionWords[s.toks.Form(h)] || !lexicon.IsLemma(lexicon.Lemma(s.toks.Form(h)), "n") {
				break
			}
			hp := s.nounPhraseStart(h, start)
			if p = s.prevWord(hp, start); p < 0 || s.toks.Form(p) != "of" {
				if channelNouns()[s.toks.Form(h)] {
					return s.phrase(hp, h+1)
				}
				if s.officeWord(h) {
					// "The head of the agency said": a person
					// holding an office of what the phrase names,
					// not the agency.
					return s.officePhrase(hp, end)
				}
				break
			}
		}
		return noSpeaker()
	}
	if name, kind, subj := s.nounWithPhrase(p, np, start, end, v); kind != speakerNone {
		return name, kind, subj
	}
	if p < 0 || !wordSets().prepositions[s.toks.Form(p)] || wordSets().determiners[s.toks.Form(np)] {
		return noSpeaker() // "from my agent saying": a whole noun phrase, the speaker itself
	}
	if f := s.toks.Form(p); f == "after" || f == "before" {
		// "evacuated on Friday after police said": a clause opens, and
		// the noun phrase is its subject, not "after"'s object.
		return noSpeaker()
	}
	h := s.prevWord(p, start)
	if h >= 0 && s.toks.Form(p) == "of" && s.officeWord(h) {
		// "The vatican secretary of state said", "the chief of staff
		// said": an office named with what it is of, kept whole.
		return s.officePhrase(s.nounPhraseStart(h, start), end)
	}
	if h >= 0 && s.isName(h) {
		// "the Code of Conduct for U.S. judges says": a document's
		// title before the preposition is what says it, not the people
		// it is for.
		for w, n := h, 0; w >= 0 && n < 4; w, n = s.prevWord(w, start), n+1 {
			if f := s.toks.Form(w); channelNouns()[f] && s.isName(w) {
				return string(s.a.Raw[s.toks.Span(w).Start:s.toks.Span(h).End]), speakerChannel, -1
			} else if !s.isName(w) && f != "of" {
				break
			}
		}
		// "Obama at one point said", "with President Barack Obama at
		// one point tweeting": a person's name before the preposition
		// is the subject, unless a preposition governs it.
		r := s.runBack(h, start)
		gov := s.prevWordSkipping(r.Start, 0, theOnly())
		if name := s.nameOf(r); name != "" && !s.isPossessive(h) && s.isPerson(name) &&
			(!s.linkedName(r.Start, start) || gov >= 0 && s.toks.Form(gov) == "with" && strings.HasSuffix(s.toks.Form(v), "ing")) {
			return name, speakerName, h
		}
		return noSpeaker()
	}
	if h < 0 || wordSets().functionWords[s.toks.Form(h)] || !lexicon.IsLemma(lexicon.Lemma(s.toks.Form(h)), "n") {
		return noSpeaker()
	}
	return s.phrase(s.nounPhraseStart(h, start), h+1)
}

// nounPrepositions hang a phrase on the noun before them that says
// which one it is, by where it is or whose it is: "a spokesman for the
// company", "officials in the city", "protesters outside the embassy";
// placePrepositions and those of whose or among whom.
var nounPrepositions = sync.OnceValue(func() map[string]bool {
	m := wordSet("for", "from", "on", "with", "among")
	for w := range placePrepositions() {
		m[w] = true
	}
	return m
})

// placePrepositions put a noun where it is: a document's place ("the
// entry at the school", "a sign outside the hall") says which document,
// not who wrote it.
var placePrepositions = sync.OnceValue(func() map[string]bool {
	return wordSet("in", "at", "outside", "inside", "near", "within", "behind", "across", "around")
})

// nounWithPhrase returns the speaker of finite verb v when the noun
// phrase np, opening with its own determiner and ending before end, is
// the object of preposition p and a common noun stands before p: the
// noun with its phrase ("spokesman for the company", "man in the crowd"),
// as an office holder's phrase is kept whole ("head of the agency"), for
// the city or the crowd did not speak. A document by someone ("a report
// by the board") is the quote's source, as "the report of the board" is,
// and so is one on or about something ("a report on the crash"): what it
// is about said nothing. It returns no speaker otherwise: a participle's noun phrase after a
// preposition is its subject ("from my agent saying"), and a phrase set
// off by a comma before the verb closes an aside ("the student, named
// as John Doe in the lawsuit, claims").
func (s *scanner) nounWithPhrase(p, np, start, end, v int) (string, int, int) {
	if p < 0 || !wordSets().determiners[s.toks.Form(np)] || strings.HasSuffix(s.toks.Form(v), "ing") || s.commaBetween(end-1, v) {
		return noSpeaker()
	}
	f := s.toks.Form(p)
	h := s.prevWord(p, start)
	if f == "to" && h >= 0 && s.toks.Form(h) == "close" {
		f, h = "close to", s.prevWord(h, start) // "a source close to the family"
	} else if !nounPrepositions()[f] && f != "by" && f != "about" {
		return noSpeaker()
	}
	if h < 0 || s.inside[h] || !s.commonNoun(h) {
		return noSpeaker()
	}
	hp := s.nounPhraseStart(h, start)
	if isChannel(s.toks.Form(h)) {
		if s.worksAuthor(f, np, end) {
			return s.phrase(hp, h+1) // "a report by the board said", "a statement from the company said"
		}
		if placePrepositions()[f] {
			return s.phrase(hp, h+1) // "the ledger entry at the school said": where it is kept
		}
		if f == "on" || f == "about" {
			return s.phrase(hp, h+1) // "a report on the crash said": what it is about
		}
		return noSpeaker()
	}
	if f == "by" || f == "about" {
		return noSpeaker() // "people killed by the storm"
	}
	return s.officePhrase(hp, end)
}

// worksAuthor reports whether the words in [from, to), after preposition
// prep that follows a document's noun, name who issued the document as
// a work of their own, which is then the quote's source: "by" a board or
// a committee, not by a person named by title or office ("a report by
// the board", not "a statement by spokeswoman Kathy Wilets"); "from" an
// organisation ("a statement from the company", not "from several
// harbour pilots").
func (s *scanner) worksAuthor(prep string, from, to int) bool {
	return prep == "by" && !s.namesHolder(from, to) || prep == "from" && s.namesOrganisation(from, to)
}

// namesHolder reports whether the words in [from, to) name a person by
// a title or an office ("the spokeswoman", "spokeswoman Kathy Wilets"):
// a statement by such a one is that person's words, where one by a board
// or a committee is a document.
func (s *scanner) namesHolder(from, to int) bool {
	for i := from; i < to; i++ {
		if f := s.toks.Form(i); s.toks.Kind(i) == corpus.TokWord && (corpus.IsTitle(f) || officeHolders()[lexicon.Lemma(f)]) {
			return true
		}
	}
	return false
}

// namesOrganisation reports whether the words in [from, to) end in an
// organisation's noun ("the company", "the Harbour Board", "the
// ministry"): a document from such a one is a work it issued, where one
// from people or a person ("several harbour pilots", "Ann Ortiz") is
// their words.
func (s *scanner) namesOrganisation(from, to int) bool {
	last := -1
	for i := from; i < to; i++ {
		if s.toks.Kind(i) == corpus.TokWord {
			last = i
		}
	}
	return last >= 0 && !s.isPossessive(last) && orgWords()[s.toks.Form(last)] && !s.namesHolder(from, to)
}

// commonNoun reports whether word h is a common noun: in lower case, or
// capitalised only as the first word of its sentence ("Officials in the
// city said").
func (s *scanner) commonNoun(h int) bool {
	f := s.toks.Form(h)
	if s.isPossessive(h) || wordSets().functionWords[f] || !lexicon.IsLemma(lexicon.Lemma(f), "n") {
		return false
	}
	if !s.isName(h) {
		return true
	}
	return s.opensSentence(h)
}

// officeHolders are the nouns for a person by the office they hold in
// what an "of" after them names: "the head of the agency", "members of
// the board". Such a phrase is the speaker whole; the organisation alone
// is not who spoke.
var officeHolders = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"head", "chief", "director", "leader", "chairman", "chairwoman", "chairperson", "chair",
		"president", "spokesman", "spokeswoman", "spokesperson", "secretary", "minister",
		"commander", "commissioner", "governor", "founder", "boss", "member", "manager",
		"owner", "representative", "deputy", "superintendent", "inspector",
		"general", "mayor", "ambassador",
	)
})

// officeWord reports whether word h is one of officeHolders as a common
// noun: in lower case, capitalised only as the first word of its
// sentence ("Members of the harbour board said", "Members of the Harbour
// Board said"), where a capital says nothing of a name, unless a name
// follows "of" bare, as after a title before a person's name ("Secretary
// of State John Kerry said"), or in a noun phrase opening with a determiner ("The
// Vatican Secretary of State said", "the President of France"), where a
// title names an office, not the person whose name would follow it.
func (s *scanner) officeWord(h int) bool {
	if !officeHolders()[lexicon.Lemma(s.toks.Form(h))] {
		return false
	}
	if !s.isName(h) {
		return true
	}
	if s.opensSentence(h) {
		// "Secretary of State John Kerry said": a title before a name,
		// the office's own name after "of" with no determiner.
		of := s.nextWord(h+1, s.toks.Len())
		n := -1
		if of >= 0 {
			n = s.nextWord(of+1, s.toks.Len())
		}
		return n < 0 || wordSets().determiners[s.toks.Form(n)] || !s.isName(n)
	}
	d := s.nounPhraseStart(h, 0)
	return d < h && wordSets().determiners[s.toks.Form(d)]
}

// officePhrase returns the office holder's phrase running from word from
// to end ("head of the Australian agency", without its leading
// determiner) as a role speaker, or no speaker when it runs past
// phraseNameWords words.
func (s *scanner) officePhrase(from, end int) (string, int, int) {
	for from < end && (s.toks.Kind(from) != corpus.TokWord || wordSets().determiners[s.toks.Form(from)]) {
		from++
	}
	words := 0
	for i := from; i < end; i++ {
		if s.toks.Kind(i) == corpus.TokWord {
			words++
		}
	}
	if words == 0 || words > phraseNameWords {
		return noSpeaker()
	}
	return string(s.a.Raw[s.toks.Span(from).Start:s.toks.Span(end-1).End]), speakerRole, from
}

// namedQuoteIn returns the speaker of the last quote before quote k whose
// attribution names its speaker in sentence si, or "". A pronoun right
// after such a quote stands for its speaker, even when the sentence opens
// with another noun ("The lawsuit “…,” Williams said."). It looks at
// the maxNameLookBack quotes before k at most: a pronoun is resolved for
// each quote, and a text whose quotes name no one was read back to its
// first quote for each.
func (s *scanner) namedQuoteIn(si, k int) string {
	for j := k - 1; j >= max(k-maxNameLookBack, 0); j-- {
		sub := s.info[j].subject
		if sub < 0 || s.info[j].kind != speakerName {
			continue
		}
		switch sj := int(s.sentOf[sub]); {
		case sj == si:
			return s.qs[j].Speaker
		case sj < si:
			return ""
		}
	}
	return ""
}

// modifiesNoun reports whether name run r opens its sentence as a single
// capitalised word that only qualifies the noun after it, which a name
// then follows: "First-grade teacher Maria Morales told", "Celebrity chef
// Brian Turner called". The sentence's first word is capitalised whatever
// it is, so such a word is no name; the noun must be nothing but a noun
// ("Trump told Comey" keeps Trump).
func (s *scanner) modifiesNoun(r corpus.Range, end int) bool {
	si := s.sentOf[r.Start]
	if si < 0 || s.first[si] != int32(r.Start) || r.Len() != 1 {
		return false
	}
	n := s.nextVisible(r.End, end)
	if n < 0 || s.toks.Kind(n) != corpus.TokWord || s.isName(n) {
		return false
	}
	f := s.toks.Form(n)
	if wordSets().functionWords[f] || !lexicon.IsLemma(lexicon.Lemma(f), "n") || lexicon.IsLemma(lexicon.Lemma(f), "v") {
		return false
	}
	m := s.nextVisible(n+1, end)
	return m >= 0 && s.isName(m)
}
