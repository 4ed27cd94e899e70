// Package lexicon says which English words are forms of one another and
// which are related in meaning, so that two outlets' wordings of one event
// can be compared by what they say rather than by their exact strings:
// hack, hacked and hacking share a lemma; hack and hacker, deny and denial,
// Russia and Russian share a related-word group; "thirty", "30" and "30,"
// normalise to one number, "Wed." and "Wednesday" to one weekday.
//
// The related words and the lemma list come from WordNet 3.0 (see
// WORDNET-LICENSE), turned into a sorted table, wordnet.tsv, by
// scripts/wordnet, and embedded in the binary in a compact form made from
// it, table.bin (its layout is in tablehash.go), searched in place, so
// that nothing is parsed or allocated at start-up.
//
// The package owns only words: it knows nothing of articles, sentences or
// comparisons, and imports nothing of newsdiff.
package lexicon

//go:generate go run ../../scripts/wordnet -o wordnet.tsv
//go:generate go test -run TestTableIndex -update

import (
	"strings"
)

// Entry is what the table says of one word.
type Entry struct {
	// Parts lists the parts of speech WordNet knows the word under as a
	// lemma: n, v, a (adjective), r (adverb). Empty for an inflected form
	// that only has exceptions.
	Parts string
	// groups are the related-word groups, two bytes each (see
	// tablehash.go); lemmas the comma-separated exceptions field.
	groups, lemmas string
}

// IsLemma reports whether WordNet lists word as a lemma in part of speech
// part (n, v, a or r), or in any part when part is empty.
func IsLemma(word, part string) bool {
	e, ok := lookup(word)
	if !ok || e.Parts == "" {
		return false
	}
	return part == "" || strings.Contains(e.Parts, part)
}

// detachments are WordNet's rules for taking the inflection off a word
// (morphy, in WordNet's morph.c), by part of speech.
var detachments = []struct {
	part          string
	suffix, stem  string
	minStemLength int
}{
	{"n", "ses", "s", 2}, {"n", "xes", "x", 1}, {"n", "zes", "z", 1}, {"n", "ches", "ch", 1},
	{"n", "shes", "sh", 1}, {"n", "men", "man", 1}, {"n", "ies", "y", 2}, {"n", "s", "", 3},
	{"v", "ies", "y", 2}, {"v", "es", "e", 2}, {"v", "es", "", 2}, {"v", "s", "", 3},
	{"v", "ed", "e", 2}, {"v", "ed", "", 3}, {"v", "ing", "e", 2}, {"v", "ing", "", 3},
	{"a", "er", "", 3}, {"a", "est", "", 3}, {"a", "er", "e", 2}, {"a", "est", "e", 2},
}

// Lemma returns the dictionary form of a lower-case word: its WordNet
// exception when it has one (went: go, children: child), else the first
// stem WordNet's detachment rules give that is a lemma of the part of
// speech the rule is for (hacking: hack, emails: email), else the word
// itself. A word that is already a lemma of a part is not detached by that
// part's rules, so "gas" stays "gas" and "news" stays "news". A possessive
// ending ('s, ') is dropped first.
func Lemma(word string) string {
	lemma, _, _ := lemmaEntry(word)
	return lemma
}

// lemmaEntry is Lemma, with what the table holds of the lemma when the
// search has it (searched): its entry, or the zero Entry when the table
// has none, so that its groups need no second search. A word the table
// does not hold was searched for once, not twice: such words (names,
// mostly) were a third of a comparison's searches.
func lemmaEntry(word string) (lemma string, e Entry, searched bool) {
	word = strings.TrimSuffix(word, "'s")
	if len(word) > 2 && strings.HasSuffix(word, "s'") {
		word = word[:len(word)-1]
	}
	word = undotted(word)
	e, ok := lookup(word)
	if ok && e.lemmas != "" {
		first, _, _ := strings.Cut(e.lemmas, ",")
		return first, Entry{}, false
	}
	for _, d := range detachments {
		if ok && strings.Contains(e.Parts, d.part) {
			continue
		}
		base, found := strings.CutSuffix(word, d.suffix)
		if !found || len(base) < d.minStemLength {
			continue
		}
		stem := base + d.stem
		se, sok := lookup(stem)
		stemIsLemma := sok && se.Parts != "" && strings.Contains(se.Parts, d.part)
		// A doubled final consonant is WordNet's exception list's job for
		// irregular verbs, but "stopped" and "planning" are regular:
		// undouble when the doubled stem is no lemma.
		if d.part == "v" && d.stem == "" && (d.suffix == "ed" || d.suffix == "ing") && !stemIsLemma &&
			len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] {
			undoubled := stem[:len(stem)-1]
			if ue, uok := lookup(undoubled); uok && ue.Parts != "" && strings.Contains(ue.Parts, "v") {
				return undoubled, ue, true
			}
		}
		if stemIsLemma {
			return stem, se, true
		}
	}
	return word, e, true // e is the zero Entry when the table lacks word
}

// KeyGroups returns Key(word) and, for a Plain word, Groups of that key,
// searching the table once for the two where Key and Groups would search
// it twice: a comparison asks both of every word.
func KeyGroups(word string) (key string, class Class, groups []uint32) {
	if n, c := Normalise(word); c != Plain {
		return n, c, nil
	}
	lemma, e, searched := lemmaEntry(word)
	if !searched {
		return lemma, Plain, Groups(lemma)
	}
	return lemma, Plain, e.groupList()
}

// Groups returns the related-word groups of a lemma, in increasing order:
// two lemmas that share a group are related (hack~hacker, Russia~Russian,
// deny~denial). It allocates; callers that ask often should keep the result.
func Groups(lemma string) []uint32 {
	e, ok := lookup(lemma)
	if !ok {
		return nil
	}
	return e.groupList()
}

// groupList returns the entry's groups.
func (e Entry) groupList() []uint32 {
	if e.groups == "" {
		return nil
	}
	gs := make([]uint32, len(e.groups)/2)
	for i := range gs {
		gs[i] = uint32(e.groups[2*i]) | uint32(e.groups[2*i+1])<<8
	}
	return gs
}

// undotted returns an initialism written with dots (f.b.i, n.a.a.c.p, the
// word as it is tokenised, without its last dot) as its letters (fbi,
// naacp), the way most outlets write it; anything else unchanged. Some
// outlets' style puts dots in every initialism, so without this their
// F.B.I. and D.N.C. share nothing with everyone else's FBI and DNC.
func undotted(word string) string {
	if len(word) < 3 || len(word)%2 == 0 || word == "a.m" || word == "p.m" {
		// a.m and p.m are a clock's, and "am" is a form of "be".
		return word
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if i%2 == 1 {
			if c != '.' {
				return word
			}
		} else if c < 'a' || c > 'z' {
			return word
		}
	}
	return strings.ReplaceAll(word, ".", "")
}
