package story

import "github.com/newsdiff/newsdiff/corpus"

// Words: how grouping hashes word forms and which words it passes over.

// formHash is FNV-1a, finished with mix64.
func formHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix64(h)
}

// mix64 is the splitmix64 finaliser: a cheap bijection in which every bit
// of the output depends on every bit of the input.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// isNewsWord reports whether w is too common in news writing to tell which
// event a document reports, beyond the function words of corpus.IsStopword:
// reporting verbs, "new", "year", and the contractions and reflexives the
// shared list lacks. Grouping passes over both.
func isNewsWord(w string) bool {
	switch w {
	case "according", "asked", "below", "can't", "doesn't", "get", "go", "going", "got", "i've",
		"like", "made", "make", "new", "ourselves", "saying", "tell", "themselves", "they'd",
		"they'll", "they've", "time", "two", "us", "we'd", "we've", "weren't", "won't", "year",
		"years", "you've", "yourself", "yourselves":
		return true
	}
	return false
}

// isGroupStopword reports whether grouping passes over the word w.
func isGroupStopword(w string) bool {
	return corpus.IsStopword(w) || isNewsWord(w) || isFrenchFunctionWord(w)
}

// isFrenchFunctionWord reports whether w is one of French's articles,
// pronouns, prepositions, conjunctions and forms of être and avoir, or
// one of its commonest adverbs: two French articles on different events
// share dozens of them ("de", "la", "les", "dans", "est"), and in an
// archive of English articles the few French ones hold them alone, so
// they weighed as the rare terms of one event and grouped the French
// articles with one another. Words that are English ones too ("son",
// "plus", "more") are left out.
func isFrenchFunctionWord(w string) bool {
	switch w {
	case "à", "ainsi", "alors", "après", "au", "aussi", "autre", "autres", "aux", "avait",
		"avant", "avec", "avoir", "c'est", "ce", "cela", "celle", "celui", "certains", "ces",
		"cet", "cette", "chez", "comme", "d'un", "d'une", "dans", "de", "depuis", "des", "deux",
		"dont", "du", "elle", "elles", "en", "encore", "entre", "est", "et", "été", "étaient",
		"était", "être", "eux", "fait", "il", "ils", "je", "l'a", "la", "le", "les", "leur",
		"leurs", "lors", "lui", "mais", "même", "ne", "nous", "ont", "ou", "où", "par", "pas",
		"pendant", "peu", "peut", "pour", "qu'il", "qu'elle", "que", "qui", "s'est", "sa",
		"sans", "se", "selon", "ses", "sont", "sous", "sur", "tous", "tout", "toute", "toutes",
		"très", "un", "une", "vous", "y":
		return true
	}
	return false
}
