package quote

import (
	"strings"
	"sync"
)

// The word lists attribution reads: verbs of speech, hedges, and the words
// that start, end or never make a name.

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// wordLists holds the word lists as sets.
type wordLists struct {
	verbs, passiveMarkers, notNames, functionWords, pronounWords, determiners, clauseJoiners,
	nameParticles, prepositions, afterVerbStops, clauseOpeners, skipWords, hedgeWords,
	thatVerbs, intentVerbs map[string]bool
}

// wordSets returns the word lists, built on their first use rather than when
// the package is initialised: building them took 44 allocations and a few
// fresh heap pages before main in every run of newsdiff, a diff that reads
// no quotation included (issue 11).
var wordSets = sync.OnceValue(func() *wordLists {
	return &wordLists{
		// verbs are the verbs that attribute speech, in every form an
		// attribution uses.
		verbs: wordSet(
			"said", "says", "say", "saying", "told", "tells", "telling", "stated", "states", "stating",
			"wrote", "writes", "writing", "tweeted", "tweets", "tweeting", "posted", "posting", "added", "adds", "adding",
			"retweeted", "retweets", "retweeting", "texted", "emailed", "messaged", "blogged",
			"insisted", "insists", "insist", "insisting", "urged", "urges", "urging", "warned", "warns",
			"asked", "asks", "ask", "asking", "questioned", "answered", "answers", "answering", "wondered", "wonders", "wondering", "explained", "explains", "explaining", "noted", "notes", "note", "noting", "declared", "declares",
			"claimed", "claims", "claim", "claiming", "argued", "argues", "argue", "arguing", "replied", "replies", "reply", "responded", "responds",
			"continued", "continues", "announced", "announces", "remarked", "commented", "acknowledged", "admitted",
			"suggested", "suggests", "recalled", "recalls", "recounted", "recounts", "recounting", "concluded", "concludes", "quipped", "joked", "conceded", "countered", "maintained", "asserted",
			"yelled", "yells", "shouted", "shouts", "screamed", "exclaimed", "chanted",
			"vowed", "promised", "pledged", "demanded", "called", "calling", "described", "describing", "denied",
			"according", "confirmed", "predicted", "complained", "boasted", "repeated", "reiterated", "revealed", "disclosed",
		),
		// thatVerbs say how someone spoke, not that they did ("thundered",
		// "fumed"), and so attribute a quote only when they take a clause
		// opened by "that" that holds it: "Mr. Trump thundered on social
		// media that there was “NO COLLUSION …”". Alone they are as often
		// a noise or a mood ("the jets thundered", "fans fumed for days").
		thatVerbs: wordSet(
			"thundered", "fumed", "raged", "scoffed", "groused", "grumbled", "griped", "crowed", "bragged",
			"lamented", "proclaimed", "contended", "mused", "charged", "stressed", "emphasized", "emphasised",
			"cautioned", "protested", "testified",
		),
		// intentVerbs, with "to", stand between a subject and the verb of
		// speech it means to use: "“…?” Mr. Mueller planned to ask" is
		// Mueller's question, though it is still to be put.
		intentVerbs: wordSet(
			"planned", "plans", "planning", "intended", "intends",
			"wanted", "wants", "hoped", "hopes",
		),
		// passiveMarkers before a verb make it no attribution: "when asked",
		// "was told".
		passiveMarkers: wordSet("when", "if", "was", "were", "being", "been", "be", "is", "are"),
		// notNames are capitalised words that never name a speaker.
		notNames: wordSet(
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
			"march", "april", "june", "july", "august", "september", "october", "november", "december",
		),
		// functionWords never start a name, even at a sentence's start.
		functionWords: wordSet(
			"the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "yet", "for", "during", "after", "before",
			"while", "when", "as", "with", "meanwhile", "however", "also", "earlier", "later", "asked", "responding",
			"according", "since", "although", "though", "if", "then", "this", "that", "these", "those", "it", "its",
			"his", "her", "their", "there", "here", "what", "who", "which", "where", "speaking", "writing", "in",
			"to", "from", "of", "by", "about", "over", "under", "still", "now", "today", "yesterday", "separately",
			"instead", "indeed", "because", "despite", "whether", "both", "all", "some", "many", "most", "one", "our",
			"inside", "outside", "across", "among", "amid", "around", "behind", "beyond", "within", "throughout",
			"beside", "upon", "without", "near", "until", "unlike", "toward", "towards", "through", "between",
			"against", "into", "onto", "above", "below", "beneath",
		),
		pronounWords:  wordSet("he", "she", "they", "we", "it"),
		determiners:   wordSet("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your"),
		clauseJoiners: wordSet("and", "but", "or", "then", "before", "after", "while"),
		nameParticles: wordSet("de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "el", "abu"),
		prepositions:  wordSet("in", "on", "at", "from", "to", "for", "of", "by", "about", "against", "over", "into", "during", "after", "before", "under", "between", "through", "toward", "towards", "than", "like"),
		// clauseOpeners after a verb open the clause that is its
		// object: what was said or asked, not how or where.
		clauseOpeners:  wordSet("that", "whether", "if", "why", "how", "what", "when", "where", "who", "which"),
		afterVerbStops: wordSet("in", "on", "at", "during", "after", "before", "while", "when", "as", "since", "that", "following", "because", "to", "than", "if", "and", "but", "who", "which", "whose"),
		// skipWords sit between a subject and its verb: "Trump also
		// said", "Obama, meanwhile, said".
		skipWords: wordSet(
			"also", "then", "later", "meanwhile", "further", "once", "again", "earlier", "previously", "recently",
			"has", "had", "have", "was", "is", "would", "will", "could", "can", "might", "did", "does", "had", "today", "yesterday",
			"subsequently", "simply", "only", "just", "not", "never", "already", "still", "even", "however",
			"too", "so", "reportedly", "allegedly", "apparently", "quickly", "repeatedly", "publicly", "privately",
		),
		// hedgeWords are the adverbs and adjectives by which an outlet
		// keeps its distance from what it reports. A verb of speech that
		// does so ("claimed") is the quote's verb, shown as such. Nouns
		// that name a claim ("allegations", "claims") and verbs of others'
		// acts ("accused", "suggested", "appeared") say what the sentence
		// is about: of the 21 such words found beside quotes in the sample
		// and development folders, one hedged ("it appears"), and the
		// others read "Dennis accused the NAACP", "the allegations are a
		// “fake story”", "appeared in court", "claimed the lives".
		hedgeWords: wordSet(
			"alleged", "allegedly", "reportedly", "purportedly", "supposedly", "apparently", "probably",
			"possibly", "perhaps", "maybe", "likely", "presumably", "ostensibly", "seemingly", "so-called",
			"unconfirmed", "unverified", "unproven", "suspected", "rumoured", "rumored",
		),
	}
})

// IsSpeechVerb reports whether form, a word's matching form, is a verb that
// attributes speech ("said", "confirmed", "announced"), as attribution
// reads them.
func IsSpeechVerb(form string) bool { return wordSets().verbs[form] }

// nameSuffixes end a person's name after the surname, by their matching
// forms: "Jr.", "Sr.", "III".
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// IsNameSuffix reports whether a word of a name, as written ("Jr.",
// "III"), is a suffix after the surname rather than the surname.
func IsNameSuffix(word string) bool {
	return nameSuffixes[strings.ToLower(strings.TrimSuffix(word, "."))]
}
