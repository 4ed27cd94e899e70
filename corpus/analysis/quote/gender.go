package quote

import (
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
)

// A name's gender, as far as the article itself tells it: "he" or "she"
// takes a name only when what the article says of that name does not
// disagree. The evidence is the article's own, never a list of first
// names: a gendered title before the name (Mr., Mrs., Ms., Miss, or "mr."
// in a lower-cased text; Sen. or Dr. says nothing), "his", "her", "himself" or "herself" right after it
// ("Andrews herself"), and a
// "he said" or "she said" already resolved to it. A name with evidence
// both ways, or none, has no known gender and stays a candidate.
//
// Two readings of the text rule a candidate out whatever its gender: a
// look-back that passed a sentence whose subject is the other gender's
// pronoun ("He had known about it, although she had not told him")
// reaches that pronoun's name, which stands for this one only when its
// gender is known to agree, whether it is the subject of an earlier
// sentence, the speaker an earlier quote is attributed to ("“…,” Herman
// said. He had known …") or the holder of an earlier sentence's role
// ("The sheriff had met …"); the one an earlier question was asked of is
// that sentence's object, not the subject "He" stands for, and still
// answers. And a subject whose verb takes this gender's
// object pronoun ("McCullough … flashed her a private signal that she
// says means") is not the pronoun after it. A pronoun so left stays: a
// wrong name is worse than none.

const (
	genderUnknown byte = 0
	genderMale    byte = 'm'
	genderFemale  byte = 'f'
	genderBoth    byte = 'x' // evidence both ways: unknown
)

// genderOfPronoun is the gender a pronoun ("he", "herself") speaks of,
// else unknown.
func genderOfPronoun(p string) byte {
	switch strings.ToLower(p) {
	case "he", "him", "his", "himself":
		return genderMale
	case "she", "her", "hers", "herself":
		return genderFemale
	}
	return genderUnknown
}

// genderOfTitle is the gender a title before a name ("Mr.", "Ms")
// speaks of, else unknown.
func genderOfTitle(f string) byte {
	switch f {
	case "mr", "mr.":
		return genderMale
	case "mrs", "mrs.", "ms", "ms.", "miss":
		return genderFemale
	}
	return genderUnknown
}

// noteGender records gender g for the name whose last word has key key.
func (s *scanner) noteGender(key string, g byte) {
	if g == genderUnknown || key == "" {
		return
	}
	if s.gender == nil {
		s.gender = make(map[string]byte)
	}
	switch old := s.gender[key]; {
	case old == genderUnknown:
		s.gender[key] = g
	case old != g:
		s.gender[key] = genderBoth
	}
}

// genderOf returns the gender the article gives name, or genderUnknown.
func (s *scanner) genderOf(name string) byte {
	s.readGenders()
	if g := s.gender[speakerKey(name)]; g != genderBoth {
		return g
	}
	return genderUnknown
}

// genderDisagrees reports whether the article gives name a gender other
// than the one pronoun speaks of.
func (s *scanner) genderDisagrees(name, pronoun string) bool {
	return otherGender(s.genderOf(name), genderOfPronoun(pronoun))
}

// otherGender reports whether genders g and p are both known and not the
// same: a name's and a pronoun's, or two pronouns' ("He" and "she").
func otherGender(g, p byte) bool {
	return g != genderUnknown && p != genderUnknown && g != p
}

// readGenders reads, once, the titles and possessives the text gives its
// names.
func (s *scanner) readGenders() {
	if s.gendersRead {
		return
	}
	s.gendersRead = true
	n := s.toks.Len()
	for i := 0; i < n; i++ {
		if s.toks.Kind(i) != corpus.TokWord || s.inside[i] {
			continue
		}
		f := s.toks.Form(i)
		if g := genderOfTitle(f); g != genderUnknown && (s.toks.Span(i).Start < len(s.a.Raw) && s.a.Raw[s.toks.Span(i).Start] == 'M' || s.lowerTitle(i)) {
			// "Mr. Conlon", "Ms Andrews": the title's name is the run
			// of name words after it.
			j := i + 1
			if j < n && s.toks.Kind(j) == corpus.TokPunct && s.toks.Form(j) == "." {
				j++
			}
			if j < n && s.toks.Kind(j) == corpus.TokSpace && s.toks.Form(j) == " " {
				if w := j + 1; w < n && s.isName(w) {
					// A run from a name ends on a name word.
					r := s.runForward(w, n)
					s.noteGender(speakerKey(s.toks.Form(r.End-1)), g)
				}
			}
			continue
		}
		if f != "his" && f != "her" && f != "himself" && f != "herself" {
			continue
		}
		// "Andrews herself", "Conlon his": the name right before, not a
		// title. After a comma the pronoun is an apposition's ("Mario
		// Olgin, her father": her is his daughter).
		if w := s.prevWord(i, 0); w >= 0 && s.isName(w) && !corpus.IsTitle(s.toks.Form(w)) && !s.isPossessive(w) {
			s.noteGender(speakerKey(s.toks.Form(w)), genderOfPronoun(f))
		}
	}
}

// agreeingLaterSpeaker returns, when the subject name at token subj has
// no known gender, the last name in (subj, end) that an attribution verb
// follows ("…, and Conlon says") and whose known gender is the one
// pronoun speaks of; else "". Of two people a sentence has speak, the
// pronoun stands for the one the article has shown it can, not the one
// it says nothing of.
func (s *scanner) agreeingLaterSpeaker(subj, end int, pronoun string) string {
	p := genderOfPronoun(pronoun)
	if p == genderUnknown || subj < 0 || s.genderOf(s.toks.Form(subj)) != genderUnknown {
		return ""
	}
	found := ""
	for i := subj + 1; i < end; i++ {
		if s.inside[i] || !s.isName(i) || s.isPossessive(i) {
			continue
		}
		v := s.nextWord(i+1, end)
		if v != i+2 || s.toks.Kind(i+1) != corpus.TokSpace || !wordSets().verbs[s.toks.Form(v)] {
			continue
		}
		if SameSpeaker(s.toks.Form(i), s.toks.Form(subj)) || s.genderOf(s.toks.Form(i)) != p {
			continue
		}
		if name := s.nameOf(s.runBack(i, subj+1)); name != "" && s.isPerson(name) {
			found = name
		}
	}
	return found
}

// otherPronounBetween reports whether the text from sentence si's start
// to token end, outside quotes, has a pronoun of the gender other than
// pronoun's. Such a resolution is no evidence of the name's gender:
// "McCullough turned toward his stepdaughter … that she says means" took
// the name of a man for "she", and "He had known about it, although she
// had not told him" passed a sentence about him.
func (s *scanner) otherPronounBetween(si, end int, pronoun string) bool {
	p := genderOfPronoun(pronoun)
	for i := s.a.Sentences[si].Tokens().Start; i < end && i < s.toks.Len(); i++ {
		if s.toks.Kind(i) != corpus.TokWord || s.inside[i] {
			continue
		}
		if g := genderOfPronoun(s.toks.Form(i)); g != genderUnknown && g != p {
			return true
		}
	}
	return false
}

// objectPronounBetween reports whether the words in (subj, end), outside
// quotes, hold an object pronoun of pronoun's gender, "him", or "her"
// that no noun follows ("flashed her a private signal", "told her"), in
// the clause of subject subj: before it no other pronoun of that gender
// ("thinks his grandfather may have abused him": his grandfather's
// clause) and no name that a word follows as a verb would ("said Comey
// told him"). The subject of a clause is not its verb's object, which
// would be "herself": a he or she after such an object in the same
// sentence is the object's, not the subject's.
func (s *scanner) objectPronounBetween(subj, end int, pronoun string) bool {
	p := genderOfPronoun(pronoun)
	for i := subj + 1; i < end && i < s.toks.Len(); i++ {
		if s.toks.Kind(i) != corpus.TokWord || s.inside[i] {
			continue
		}
		f := s.toks.Form(i)
		n := s.nextWord(i+1, end)
		next := n >= 0 && s.nextVisible(i+1, end) == n // a word, not a mark, follows
		switch {
		case f == "him" && p == genderMale:
			return true
		case f == "her" && p == genderFemale:
			return !next || wordSets().determiners[s.toks.Form(n)] || wordSets().functionWords[s.toks.Form(n)]
		case genderOfPronoun(f) == p:
			return false
		case s.isName(i) && next && !s.isName(n) && !wordSets().functionWords[s.toks.Form(n)] && !wordSets().determiners[s.toks.Form(n)]:
			return false
		}
	}
	return false
}
