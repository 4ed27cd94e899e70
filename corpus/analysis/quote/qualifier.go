package quote

import (
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// qualifiedRun returns the name run that name run r, after a verb
// ("said Trump spokesman Sean Spicer"), stands for: a run that only says
// whose or of what the person after it is ("Trump", "White House", "U.S.
// Forest Service" before "spokesman", "press secretary", "volunteer")
// gives way to the name after its few lower-case words, and so does a
// run in the possessive ("Dade County Sheriff’s", before its office's
// name too: "Homicide Department spokesman Lt. Ann Ortiz"); a run ending in
// an organisation's word takes the name its "of" adds ("Department of
// Defense"). Otherwise it is r.
func (s *scanner) qualifiedRun(r corpus.Range, end int) corpus.Range {
	w := s.nextVisible(r.End, end)
	if s.isPossessive(r.End - 1) {
		// "says Dade County Sheriff’s Homicide Department spokesman
		// Lt. Ann Ortiz": whose office it is, then the office, then
		// the person; the possessive alone when no person follows.
		if w < 0 || s.toks.Kind(w) != corpus.TokWord || s.inside[w] {
			return r
		}
		if s.isName(w) {
			if next := s.runForward(w, end); !s.isPossessive(next.End - 1) {
				if q := s.qualifiedRun(next, end); q != next {
					return q
				}
			}
			return r
		}
	}
	if w >= 0 && s.toks.Form(w) == "of" && orgWords()[s.toks.Form(r.End-1)] {
		if n := s.nextWord(w+1, end); n >= 0 && s.nextVisible(w+1, end) == n && s.isName(n) {
			if of := s.runForward(n, end); !s.isPossessive(of.End - 1) {
				return corpus.Range{Start: r.Start, End: of.End}
			}
		}
		return r
	}
	for n := 0; n < 3 && w >= 0 && s.toks.Kind(w) == corpus.TokWord && !s.inside[w]; n++ {
		f := s.toks.Form(w)
		if s.isName(w) {
			if n == 0 {
				return r
			}
			if next := s.runForward(w, end); !s.isPossessive(next.End - 1) {
				return s.qualifiedRun(next, end)
			}
			return r
		}
		if wordSets().functionWords[f] || s.isVerbLike(w) || wordSets().afterVerbStops[f] || wordSets().notNames[f] ||
			!lexicon.IsLemma(lexicon.Lemma(f), "n") && !lexicon.IsLemma(lexicon.Lemma(f), "a") {
			return r // "Issa Abed al-Majid Mansour": not a description
		}
		nx := s.nextVisible(w+1, end)
		if nx < 0 || s.toks.Kind(nx) != corpus.TokWord {
			return r // a mark ends the words: "said Trump, spokesman …"
		}
		w = nx
	}
	return r
}

// quotedAs reads the object of "quoted … as" before verb v ("the source
// quoted Sa’ar as saying", "Yonhap quoted him as saying"): the one quoted
// says the words, not the one quoting. A name is the speaker; a pronoun
// or any other object leaves none. ok is false when v follows no such
// phrase.
func (s *scanner) quotedAs(start, v int) (name string, kind, subj int, ok bool) {
	as := s.prevWord(v, start)
	if as < 0 || s.toks.Form(as) != "as" {
		return "", speakerNone, -1, false
	}
	for o, n := s.prevWord(as, start), 0; o >= 0 && n < 6; o, n = s.prevWord(o, start), n+1 {
		switch s.toks.Form(o) {
		case "quoted", "quotes", "quoting":
			if p := s.prevWord(o, start); p >= 0 && wordSets().passiveMarkers[s.toks.Form(p)] {
				return "", speakerNone, -1, false // "Kim was quoted as saying": the subject
			}
			if w := s.prevWord(as, start); w > o && s.isName(w) && !s.isPossessive(w) {
				r := s.runBack(w, o+1)
				if r.Start == s.nextWord(o+1, as) {
					if name := s.nameOf(r); name != "" {
						return name, speakerName, w, true
					}
				}
			}
			return "", speakerNone, -1, true
		}
		if s.isVerbLike(o) {
			break
		}
	}
	return "", speakerNone, -1, false
}

// insertedVerbs are the verbs an inserted attribution uses, which take
// no person as their object: "told DeGeneres," is someone telling her.
var insertedVerbs = sync.OnceValue(func() map[string]bool {
	return wordSet("said", "says", "wrote", "writes", "added", "adds", "noted", "notes", "argued", "argues",
		"explained", "explains", "continued", "continues", "recalled", "insisted", "insists")
})

// insertedAttribution returns the name of an attribution inserted
// between commas, verb first ("Herman’s 2009 suspension, said Singer,
// indicated his “…”"): the name after verb v is the speaker, not the
// noun phrase before the comma, which is the subject of the sentence's
// own verb. It returns "" for a verb no comma stands right before, or a
// name no comma follows.
func (s *scanner) insertedAttribution(v, end int) (string, int) {
	if c := s.prevVisible(v, 0); c < 0 || s.toks.Form(c) != "," || !insertedVerbs()[s.toks.Form(v)] {
		return "", -1
	}
	n := s.nextWord(v+1, end)
	if n < 0 || s.nextVisible(v+1, end) != n || !s.isName(n) || s.isPossessive(n) {
		return "", -1
	}
	r := s.qualifiedRun(s.runForward(n, end), end)
	if c := s.nextVisible(r.End, end); c < 0 || s.toks.Form(c) != "," || s.isPossessive(r.End-1) {
		return "", -1
	}
	if name := s.nameOf(r); name != "" {
		return name, r.End - 1
	}
	return "", -1
}
