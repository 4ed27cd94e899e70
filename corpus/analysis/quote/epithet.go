package quote

import (
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// An epithet for the one a story is about: "The New York businessman
// said …. “…,” he said." is Trump speaking, when the sentence before
// the epithet is about Trump and no one else the article quotes.

// personEpithets are the nouns by which news text calls a person it has
// named, in place of the name, that say what the person is rather than
// whose they are: "the New York businessman", "the billionaire", "the
// former reality TV star". A role ("the president", "the sheriff") is
// the title a name was given (roleHolder); a relation ("his lawyer",
// "the adviser") stands for someone else.
var personEpithets = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"businessman", "businesswoman", "billionaire", "millionaire", "mogul", "tycoon", "magnate",
		"entrepreneur", "developer", "nominee", "candidate", "hopeful", "contender", "front-runner",
		"frontrunner", "politician", "populist", "incumbent", "actor", "actress", "singer", "rapper",
		"comedian", "musician", "entertainer", "celebrity", "star", "athlete",
	)
})

// epithetPronouns gives the pronoun of the epithets that have a gender.
var epithetPronouns = map[string]string{"businessman": "he", "businesswoman": "she", "actress": "she"}

// epithetAntecedent returns the person that the epithet words, the
// subject opening sentence si ("The New York businessman said"), stand
// for, for quote k attributed to "he" or "she": the named subject of the
// nearest sentence before si, when that person is one quote before k is
// attributed to, the sentence names no one else the article quotes, and
// the epithet is one of personEpithets, of the pronoun's gender, and
// names no one the article quotes itself ("the Trump nominee"). It
// returns "" otherwise.
func (s *scanner) epithetAntecedent(words []int, si, k int) string {
	if len(words) == 0 {
		return ""
	}
	head := s.toks.Form(words[len(words)-1])
	if !personEpithets()[head] || s.isName(words[len(words)-1]) {
		return ""
	}
	if g := epithetPronouns[head]; g != "" && g != s.qs[k].Speaker {
		return ""
	}
	for _, w := range words[:len(words)-1] {
		if s.isPossessive(w) || s.isName(w) && s.known[speakerKey(s.toks.Form(w))] != "" {
			return ""
		}
	}
	for sj := si - 1; sj >= 0; sj-- {
		r := s.a.Sentences[sj].Tokens()
		if s.onlyQuotes(r) {
			continue
		}
		if s.a.Paragraphs[s.a.Sentences[sj].Para()].Role != corpus.RoleProse || s.captionSentence(sj) {
			return ""
		}
		name, kind, _, _ := s.personSubject(r.Start, min(r.End, r.Start+subjectTokens))
		if kind != speakerName || !s.quotedBefore(name, k) {
			return ""
		}
		for i := r.Start; i < r.End; i++ {
			if !s.inside[i] && s.isName(i) && s.known[speakerKey(s.toks.Form(i))] != "" && !SameSpeaker(s.toks.Form(i), name) {
				return "" // "Trump attacked Clinton. The former candidate said"
			}
		}
		return name
	}
	return ""
}

// quotedBefore reports whether a quote before quote k is attributed to
// name's person by name.
func (s *scanner) quotedBefore(name string, k int) bool {
	for j := range k {
		if s.info[j].kind == speakerName && SameSpeaker(s.qs[j].Speaker, name) {
			return true
		}
	}
	return false
}

// pastOpeningPhrase returns where a sentence in [start, end) goes on
// after the prepositional phrase it opens with, set off by a comma, of
// at most epithetWords words and no name ("In his closing remarks, the
// senator said"): the subject comes after it. It returns start for a
// sentence opening otherwise, or a phrase holding a name ("In an
// interview with CNN, Trump"), whose subject clauseSubject finds.
func (s *scanner) pastOpeningPhrase(start, end int) int {
	i := s.nextOutside(start, end)
	if i < 0 || s.toks.Kind(i) != corpus.TokWord || !wordSets().prepositions[s.toks.Form(i)] {
		return start
	}
	for j, n := i+1, 0; j < end && n < epithetWords; j++ {
		switch s.toks.Kind(j) {
		case corpus.TokWord:
			if s.inside[j] || s.isName(j) || s.isVerbLike(j) {
				return start
			}
			n++
		case corpus.TokPunct:
			if s.toks.Form(j) == "," {
				return j + 1
			}
			return start
		}
	}
	return start
}

// thingSubject reports whether the noun phrase that determiner i opens,
// before end, is a document's or a medium's ("The announcement followed
// …", "The arms announcement from North Korea came …"): its head, the
// last of the words after the determiner before a function word, a mark
// or a word that can only be a verb, is one of channelNouns. Such a
// subject is no one a "he" or "she" can stand for.
func (s *scanner) thingSubject(i, end int) bool {
	head := ""
	for j, n := s.nextWord(i+1, end), 0; j >= 0 && n < epithetWords && !s.inside[j]; j, n = s.nextWord(j+1, end), n+1 {
		f := s.toks.Form(j)
		if wordSets().functionWords[f] || s.isVerbLike(j) || !lexicon.IsLemma(f, "n") && lexicon.IsLemma(lexicon.Lemma(f), "v") {
			break
		}
		head = f
		if s.nextVisible(j+1, end) != s.nextWord(j+1, end) {
			break // a mark ends the phrase
		}
	}
	return channelNouns()[head]
}
