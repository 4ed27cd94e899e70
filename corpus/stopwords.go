package corpus

// stopwords are the function words that carry no content of their own,
// in matching form.
var stopwords = func() map[string]bool {
	words := []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
		"be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
		"doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
		"here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
		"just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
		"other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the",
		"their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
		"until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
		"with", "would", "you", "your", "yours", "it's", "he's", "she's", "they're", "you're", "i'm", "we're", "that's",
		"'s", "s", "t", "said", "says", "say", "told", "mr", "mrs", "ms", "would", "may", "might", "must", "shall", "one",
		"there's", "don't", "didn't", "isn't", "wasn't", "i'll", "you'll", "we'll", "he'd", "i'd", "you'd", "its",
	}
	return wordSet(words)
}()

// IsStopword reports whether the matching form of a word (see Token.Form) is
// a function word that carries no content of its own ("the", "said",
// "you're"): words that find no partners and weigh nothing when passages
// are compared.
func IsStopword(form string) bool { return stopwords[form] }

// titles are the words that stand before a name and are not part of it
// ("President", "Foreign Minister", "Mr"), in matching form.
var titles = func() map[string]bool {
	words := []string{
		"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice", "minister",
		"secretary", "governor", "gov", "senator", "sen", "rep", "representative", "congressman", "congresswoman",
		"chancellor", "prime", "premier", "general", "gen", "admiral", "adm", "judge", "justice", "mayor",
		"ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "ceo",
		"director", "professor", "prof", "king", "queen", "prince", "princess", "pope", "sheikh", "emir", "rev",
		"reverend", "father", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt",
		"commander", "speaker", "attorney", "candidate", "nominee", "leader", "chief", "deputy", "former",
		"retired", "adviser", "advisor", "analyst", "expert", "correspondent", "reporter", "editor", "founder",
		"officer", "official", "envoy", "aide", "manager",
	}
	return wordSet(words)
}()

// IsTitle reports whether the matching form of a word is a title or
// honorific that stands before a name ("president", "mr", "minister").
func IsTitle(form string) bool { return titles[form] }

// wordSet makes a set of words, its map sized for them at once: grown
// from empty, the package's sets were rehashed a dozen times between them
// before main, in every run of newsdiff.
func wordSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
