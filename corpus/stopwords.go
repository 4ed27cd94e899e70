package corpus

// stopwords are the function words that carry no content of their own,
// in matching form.
var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{
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
	} {
		m[w] = true
	}
	return m
}()

// IsStopword reports whether the matching form of a word (see Token.Form) is
// a function word that carries no content of its own ("the", "said",
// "you're"): words that find no partners and weigh nothing when passages
// are compared.
func IsStopword(form string) bool { return stopwords[form] }
