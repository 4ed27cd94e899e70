package quote

import (
	"strings"
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
)

// Questions and answers: a reporter's question and the answer quoted
// after it are two people's words. "“…?” CNN’s Jake Tapper asked Ortiz.
// “…”" gives the answer to Ortiz, the one asked, not to Tapper; and "he"
// or "she" after "Tapper asked Ortiz whether …" stands for Ortiz. When
// the text does not name the one asked, an answer to a journalist's
// question has no speaker. A newsmaker's own question ("“Why would we do
// that?” Trump asked. “It makes no sense.”") is rhetorical: the words
// after it are still the asker's.

// askVerbs put a question to someone.
var askVerbs = sync.OnceValue(func() map[string]bool {
	return wordSet("asked", "asks", "asking", "ask", "questioned")
})

// journalistNouns name those whose trade is asking: "CNN host Jake
// Tapper", "reporter April Ryan", "the moderator asked".
var journalistNouns = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"reporter", "reporters", "host", "hosts", "anchor", "anchors", "interviewer", "moderator",
		"correspondent", "journalist", "journalists", "presenter", "co-host", "columnist", "editor",
	)
})

// question reports whether quote k is a question put to someone: a
// verb of asking attributes it, itself or the quote it took its speaker
// from, and it ends on a question mark.
func (s *scanner) question(k int) bool {
	if k < 0 || s.info[k].ask == 0 {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(s.qs[k].Text(), "”\"' "), "?")
}

// answerer returns who answers the question that quote j's verb of
// asking put, for a quote after it with no attribution of its own, or
// attributed to a pronoun: see answererOf.
func (s *scanner) answerer(j int, pronoun bool) (string, int) {
	inf := s.info[j]
	return s.answererOf(inf.verb, inf.subject, inf.kind, s.qs[j].Speaker, pronoun)
}

// answererOf returns who answers what verb of asking v, whose subject's
// last word is token sub, of kind kind and named asker, asked: the person
// the verb names as asked ("Tapper asked Ortiz"), with the token of
// their last word; or, when the text names no one asked, the asker again,
// unless a journalist asked ("CNN’s Jake Tapper"). An object the text
// does not name ("asked him", "asked the president") makes a quote with
// no attribution of its own nobody's answer; a pronoun's, whose gender
// may tell the two apart ("Ryan asked the president if …. “…,” she
// said"), stays the asker's. It returns "" when the answer is no one's
// the text names.
func (s *scanner) answererOf(v, sub, kind int, asker string, pronoun bool) (string, int) {
	name, named, obj := s.addressee(v, sub)
	switch {
	case named:
		return name, obj
	case obj >= 0 && !pronoun, s.journalist(sub, kind):
		return "", -1 // "asked him", or a journalist's question
	}
	return asker, sub
}

// addressee returns the person verb of asking v, whose subject's last
// word is token sub, names as asked: its object right after it ("Tapper
// asked Ortiz", "asked Ann Ortiz on CNN"), with named set and the token
// of their last word. For an object the text does not name ("asked
// him", "asked the mayor"), named is false and the token is the
// object's; it is -1 when the verb has no object.
func (s *scanner) addressee(v, sub int) (name string, named bool, obj int) {
	if sub < 0 || sub > v || !askVerbs()[s.toks.Form(v)] {
		return "", false, -1 // "asked CNN’s Jake Tapper": the verb's subject after it
	}
	end := s.sentenceEnd(v)
	o := s.nextVisible(v+1, end)
	if o < 0 || s.inside[o] || s.nextWord(v+1, end) != o {
		return "", false, -1
	}
	f := s.toks.Form(o)
	switch {
	case s.isName(o):
		r := s.runForward(o, end)
		if s.isPossessive(r.End - 1) {
			return "", false, o // "asked Ortiz’s aide"
		}
		if n := s.nameOf(r); n != "" && s.isPerson(n) {
			return s.knownAs(n), true, r.End - 1
		}
		return "", false, o
	case f == "him" || f == "her" || f == "them" || wordSets().determiners[f]:
		return "", false, o
	}
	return "", false, -1 // "asked whether", "asked about"
}

// journalist reports whether the speaker whose last word is token sub,
// of kind kind, is a journalist: a phrase headed by a journalist's noun
// ("a reporter asked"), or a name that, here or where the text gave it
// before, follows one or an outlet's possessive ("CNN host Jake
// Tapper", "CNN’s Jake Tapper").
func (s *scanner) journalist(sub, kind int) bool {
	if sub < 0 {
		return false
	}
	if kind == speakerPhrase {
		return journalistNouns()[s.toks.Form(sub)]
	}
	for _, i := range append(s.sameFormBefore(sub, sub), int32(sub)) {
		if s.inside[i] || !s.isName(int(i)) {
			continue
		}
		r := s.runBack(int(i), 0)
		if p := s.prevWord(r.Start, 0); p >= 0 && (journalistNouns()[s.toks.Form(p)] || s.isName(p) && s.isPossessive(p)) {
			return true
		}
	}
	return false
}

// askedIn returns the verb of asking right after the subject whose last
// word is token sub ("Jake Tapper asked", "Tapper later asked"), before
// end, or -1.
func (s *scanner) askedIn(sub, end int) int {
	for w := sub + 1; w < end; w++ {
		switch s.toks.Kind(w) {
		case corpus.TokSpace:
			continue
		case corpus.TokWord:
			f := s.toks.Form(w)
			if s.inside[w] {
				return -1
			}
			if askVerbs()[f] {
				return w
			}
			if wordSets().skipWords[f] || strings.HasSuffix(f, "ly") && len(f) > 4 {
				continue
			}
		}
		return -1
	}
	return -1
}

// questionIn returns the last quote before quote k attributed in
// sentence si that is a question put to someone (see question), or -1.
func (s *scanner) questionIn(si, k int) int {
	for j := k - 1; j >= max(k-maxNameLookBack, 0); j-- {
		sub := s.info[j].subject
		if sub < 0 {
			continue
		}
		switch sj := int(s.sentOf[sub]); {
		case sj == si:
			if s.question(j) {
				return j
			}
			return -1
		case sj < si:
			return -1
		}
	}
	return -1
}

// addressedTo reports whether quote k's verb has name's person as its
// object, right after it or after "to": "“…,” he told Ryan", "she said
// to Trump". The subject of such a verb is someone else.
func (s *scanner) addressedTo(k int, name string) bool {
	v, sub := s.info[k].verb, s.info[k].subject
	if s.qs[k].Verb == "" || sub < 0 || sub > v {
		return false
	}
	end := s.sentenceEnd(v)
	o := s.nextWord(v+1, end)
	if o >= 0 && s.toks.Form(o) == "to" && s.nextVisible(v+1, end) == o {
		v, o = o, s.nextWord(o+1, end)
	}
	if o < 0 || s.nextVisible(v+1, end) != o || s.inside[o] || !s.isName(o) {
		return false
	}
	r := s.runForward(o, end)
	return !s.isPossessive(r.End-1) && SameSpeaker(s.nameOf(r), name)
}

// askedBefore returns the person asked in the sentence right before
// quote k, when that sentence reports a question put to someone the text
// names ("CNN’s Jake Tapper asked Ann Ortiz whether the bridge would
// carry traffic.") and the quote stands alone in its sentence after it:
// the quote is the answer. It returns "" otherwise.
func (s *scanner) askedBefore(k int) (string, int) {
	si := s.a.SentenceAt(s.qs[k].Span.Start)
	if si < 1 || !s.onlyQuotes(s.a.Sentences[si].Tokens()) {
		return "", -1
	}
	prev := si - 1
	pp := s.a.Sentences[prev].Para()
	if pp < s.qs[k].Para-1 || s.a.Paragraphs[pp].Role != corpus.RoleProse || s.onlyQuotes(s.a.Sentences[prev].Tokens()) {
		return "", -1
	}
	r := s.a.Sentences[prev].Tokens()
	end := min(r.End, r.Start+subjectTokens)
	_, kind, subj, _ := s.personSubject(r.Start, end)
	if kind != speakerName {
		return "", -1
	}
	v := s.askedIn(subj, r.End)
	if v < 0 {
		return "", -1
	}
	if who, named, obj := s.addressee(v, subj); named {
		return who, obj
	}
	return "", -1
}

// firstPersonWords are the words by which a quote's speaker speaks of
// themself.
var firstPersonWords = sync.OnceValue(func() map[string]bool {
	return wordSet("i", "me", "my", "mine", "myself")
})

// speaksAsI reports whether the words in parts hold one of
// firstPersonWords.
func (s *scanner) speaksAsI(parts []corpus.Range) bool {
	for _, r := range parts {
		for i := r.Start; i < r.End; i++ {
			if s.toks.Kind(i) == corpus.TokWord && firstPersonWords()[s.toks.Form(i)] {
				return true
			}
		}
	}
	return false
}

// reportedQuestion gives quote k, attributed by a verb of asking, to the
// one asked when its words put the question as someone else wrote it:
// they open with "if" or "whether", as a question reported does, and
// speak of an "I", who is not the asker, whom such words call "he"
// ("Trump called Comey again on April 11 to ask “if I did what he had
// asked last time”": the words of Comey's memo). The one asked is the
// verb's object ("asked Comey") or a person named between the asker and
// the verb ("called Comey … to ask"); when the text names no one there,
// the quote has no speaker. The words are not the asker's question, so
// no answer follows them.
func (s *scanner) reportedQuestion(k int) {
	inf := &s.info[k]
	if inf.verb < 0 || inf.subject < 0 || inf.subject > inf.verb || inf.kind == speakerNone || !askVerbs()[s.toks.Form(inf.verb)] {
		return
	}
	p := inf.parts[0]
	if w := s.nextWord(p.Start, p.End); w < 0 || s.toks.Form(w) != "if" && s.toks.Form(w) != "whether" {
		return
	}
	if !s.speaksAsI(inf.parts) {
		return
	}
	name, named, obj := s.addressee(inf.verb, inf.subject)
	if !named {
		name, obj = "", -1
		for i := inf.subject + 1; i < inf.verb; i++ {
			if s.inside[i] || s.toks.Kind(i) != corpus.TokWord || !s.isName(i) || wordSets().notNames[s.toks.Form(i)] {
				continue
			}
			r := s.runForward(i, inf.verb)
			if n := s.nameOf(r); n != "" && s.isPerson(n) && !SameSpeaker(n, s.qs[k].Speaker) {
				name, obj = s.knownAs(n), r.End-1
				break
			}
			i = r.End - 1
		}
	}
	q := &s.qs[k]
	q.Speaker, q.Verb, inf.verb, inf.ask = name, "", -1, 0
	if name == "" {
		inf.kind, inf.subject, inf.settled = speakerNone, -1, true
		return
	}
	inf.kind, inf.subject = speakerName, obj
}
