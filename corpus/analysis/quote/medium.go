package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// A medium's author: the words of "a tweet from Trump" are Trump's,
// whoever reads them out ("The anchor read a tweet from Trump: “…”",
// "“…,” read a tweet from Trump") and whether the medium is the verb's
// subject ("A tweet from Trump said: “…”") or its object.

// readVerbs read a medium's words out. They attribute a quote only
// when a medium a person speaks through is their object or subject
// ("read a tweet", "the post reads"): "the sign read" names no one.
var readVerbs = map[string]bool{"read": true, "reads": true}

// readsMedium reports whether word token i, a form of "read" in [start,
// end), has a speech medium as its object, within mediumWords words
// after it ("read a late-night Facebook post", "reads one Facebook
// post"), or as its subject right before it, itself or through the
// name it is from ("the tweet read", "A tweet from Ann Ortiz read").
func (s *scanner) readsMedium(i, start, end int) bool {
	if s.objectMedium(i, end) >= 0 {
		return true
	}
	p := s.prevWord(i, start)
	if p >= 0 && s.isName(p) && !s.isPossessive(p) {
		r := s.runBack(p, start)
		if by := s.prevWord(r.Start, start); by >= 0 && (s.toks.Form(by) == "from" || s.toks.Form(by) == "by") {
			p = s.prevWord(by, start)
		}
	}
	return p >= 0 && s.isMedium(p)
}

// objectMedium returns the speech medium that is the object of the verb
// at token v, at most mediumWords words after it with only determiners
// and modifiers before it, or -1.
func (s *scanner) objectMedium(v, end int) int {
	w := v
	for range mediumWords + 1 {
		if w = s.nextWord(w+1, end); w < 0 || s.inside[w] || s.toks.Kind(s.prevVisible(w, v)) != corpus.TokWord {
			return -1 // a mark between: no object of the verb
		}
		if s.isMedium(w) {
			// "one Facebook post": the medium's head is its last word.
			for n := s.nextWord(w+1, end); n == w+2 && s.isMedium(n); n = s.nextWord(w+1, end) {
				w = n
			}
			return w
		}
		if f := s.toks.Form(w); wordSets().functionWords[f] && !wordSets().determiners[f] && f != "one" || s.isVerbLike(w) {
			return -1
		}
	}
	return -1
}

// isMedium reports whether word token i is a medium a person speaks
// through: one of speechMedia, or X, the former Twitter, written so
// after "on" or "to" ("posted on X", "took to X").
func (s *scanner) isMedium(i int) bool {
	if speechMedia()[s.toks.Form(i)] {
		return true
	}
	if s.toks.Form(i) != "x" || s.toks.Span(i).Len() != 1 {
		return false
	}
	if r, _ := utf8.DecodeRune(s.a.Raw[s.toks.Span(i).Start:]); !unicode.IsUpper(r) {
		return false
	}
	p := s.prevWord(i, 0)
	return p >= 0 && (s.toks.Form(p) == "on" || s.toks.Form(p) == "to")
}

// readAuthor returns who wrote the medium that verb v, a form of "read",
// has as its object, as its "from" or "by" names them ("read a tweet
// from Ann Ortiz", "read a post on X by Ann Ortiz", "read a letter from
// the city council"), else the medium as a speaker phrase; no speaker
// when v has no medium as its object.
func (s *scanner) readAuthor(v, end int) (string, int, int) {
	if !readVerbs[s.toks.Form(v)] {
		return noSpeaker()
	}
	m := s.objectMedium(v, end)
	if m < 0 {
		return noSpeaker()
	}
	by := s.nextWord(m+1, end)
	// "a post on X from Ann Ortiz": the medium's own medium between.
	if by >= 0 && s.toks.Form(by) == "on" && s.nextVisible(m+1, end) == by {
		if n := s.nextWord(by+1, end); n >= 0 && s.isMedium(n) {
			by = s.nextWord(n+1, end)
		}
	}
	if by >= 0 && (s.toks.Form(by) == "from" || s.toks.Form(by) == "by") && !s.inside[by] {
		if name, kind, subj := s.authorAfter(by, end); kind != speakerNone {
			return name, kind, subj
		}
	}
	// "reads one Facebook post", "read Trump's tweet", "read a letter
	// from the Highway Department": the medium itself, judged as a
	// speaker phrase is: its owner, or the quote's source.
	return s.phrase(s.nextWord(v+1, end), m+1)
}

// authorAfter returns the author a medium's "from" or "by" at token by
// names: a person's name, or a noun phrase (judged as any speaker
// phrase is); no speaker for a possessive ("from Saab's account") or an
// organisation's name ("a tweet from the National Weather Service"),
// whose medium is the source, not a speaker.
func (s *scanner) authorAfter(by, end int) (string, int, int) {
	n := s.nextWord(by+1, end)
	if n < 0 || s.inside[n] || s.nextVisible(by+1, end) != n {
		return noSpeaker()
	}
	if s.isName(n) {
		r := s.runForward(n, end)
		if s.isPossessive(r.End - 1) {
			return noSpeaker()
		}
		name := s.nameOf(r)
		if name == "" || !s.isPerson(name) {
			return noSpeaker()
		}
		if names, last := s.namesAfter(r, end); len(names) > 0 {
			return joinNames(append([]string{name}, names...)), speakerJoint, last
		}
		return name, speakerName, r.End - 1
	}
	np := n
	if wordSets().determiners[s.toks.Form(n)] {
		if np = s.nextWord(n+1, end); np < 0 {
			return noSpeaker()
		}
	}
	head, to := s.qualifiedNoun(np, end)
	if head < 0 || s.isName(head) || s.inside[head] {
		return noSpeaker()
	}
	return s.phrase(n, to)
}

// mediumAuthorBefore returns the person name run r names as the author
// of the medium before it, when the medium is the verb's subject: "A
// tweet from Ann Ortiz said" is Ann Ortiz speaking. It returns "" for
// a run no "from" or "by" after a medium governs, or no person's name.
func (s *scanner) mediumAuthorBefore(r corpus.Range, start int) (string, int) {
	by := s.prevWord(r.Start, start)
	if by < 0 || s.toks.Form(by) != "from" && s.toks.Form(by) != "by" {
		return "", -1
	}
	if m := s.prevWord(by, start); m < 0 || !s.isMedium(m) {
		return "", -1
	}
	if s.isPossessive(r.End - 1) {
		return "", -1
	}
	if name := s.nameOf(r); name != "" && s.isPerson(name) {
		return name, r.End - 1
	}
	return "", -1
}

// namesAfter returns the people listed after name run r, first to last,
// when r opens a list of them ("from House Judiciary Chairman Bob
// Goodlatte, House Oversight Chairman Trey Gowdy, and House Intelligence
// Chairman Devin Nunes"), with the token of the last one's last word;
// nil when r opens none. A list ends at its "and".
func (s *scanner) namesAfter(r corpus.Range, end int) ([]string, int) {
	var names []string
	last := -1
	for at := r.End; len(names) < 8; {
		c := s.nextVisible(at, end)
		and := false
		if c >= 0 && s.toks.Form(c) == "," {
			c = s.nextVisible(c+1, end)
		}
		if c >= 0 && s.toks.Form(c) == "and" {
			and = true
			c = s.nextVisible(c+1, end)
		}
		if c < 0 || c == at || s.inside[c] || !s.isName(c) {
			break
		}
		n := s.runForward(c, end)
		name := s.nameOf(n)
		if name == "" || s.isPossessive(n.End-1) || !s.isPerson(name) {
			break
		}
		names, last, at = append(names, name), n.End-1, n.End
		if and {
			return names, last
		}
	}
	return nil, -1 // a list ends with "and": without one, the names are something else
}
