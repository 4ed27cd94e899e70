package corpus

// The package's word sets are switches rather than maps, so that nothing
// is built before main: building them was most of the package's start-up,
// in every run of newsdiff, and a switch, a binary search the compiler
// lays out, is no slower than a map for words this short.

// IsStopword reports whether the matching form of a word (see Token.Form) is
// a function word that carries no content of its own ("the", "said",
// "you're"): words that find no partners and weigh nothing when passages
// are compared.
func IsStopword(form string) bool {
	switch form {
	case "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
		"any", "are", "as", "at", "be", "because", "been", "before", "being", "between", "both",
		"but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
		"for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
		"herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
		"itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
		"off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
		"she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
		"then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
		"until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
		"who", "whom", "why", "will", "with", "would", "you", "your", "yours", "it's", "he's",
		"she's", "they're", "you're", "i'm", "we're", "that's", "'s", "s", "t", "said", "says",
		"say", "told", "mr", "mrs", "ms", "may", "might", "must", "shall", "one", "there's",
		"don't", "didn't", "isn't", "wasn't", "i'll", "you'll", "we'll", "he'd", "i'd", "you'd":
		return true
	}
	return false
}

// IsTitle reports whether the matching form of a word is a title or
// honorific that stands before a name ("president", "mr", "minister").
func IsTitle(form string) bool {
	switch form {
	case "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice",
		"minister", "secretary", "governor", "gov", "senator", "sen", "rep", "representative",
		"congressman", "congresswoman", "chancellor", "prime", "premier", "general", "gen",
		"admiral", "adm", "judge", "justice", "mayor", "ambassador", "spokesman", "spokeswoman",
		"spokesperson", "chairman", "chairwoman", "chair", "ceo", "director", "professor", "prof",
		"king", "queen", "prince", "princess", "pope", "sheikh", "emir", "rev", "reverend",
		"father", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt",
		"commander", "speaker", "mp", "attorney", "candidate", "nominee", "leader", "chief", "deputy",
		"former", "retired", "adviser", "advisor", "analyst", "expert", "correspondent",
		"reporter", "editor", "founder", "officer", "official", "envoy", "aide", "manager",
		"superintendent", "supt", "inspector", "insp", "detective", "det", "corporal", "cpl",
		"cmdr", "atty", "constable", "sheriff":
		return true
	}
	return false
}
