package compare

import (
	"slices"
	"sync"

	"github.com/newsdiff/newsdiff/corpus"
)

// A report has a frame, who said it, where and by which verb, and a
// content, what happened. Two sentences that share only the frame report
// two different things: Swell Digest's "Soon after, he wrote on Twitter
// that if anyone had the emails, they should hand them over to the FBI"
// and Hacked.com's "On Twitter, Miller wrote:" share "wrote" and
// "Twitter", and nothing of what was written. Such a pair is judged as
// one that shares only names (fNameOnly): it is never made on the model's
// word alone.
//
// The frame is told apart by a short list of words rather than by the
// lexicon: WordNet files "write" and "tweet" with the verbs of
// communication, and also "deny", "accuse" and "threaten", which are what
// a story's events are made of.
//
// Verbs that say whether or how an act was undertaken (attempt, try,
// begin, continue, plan, want) carry no event either: the act they govern
// does. Swell Digest's "Mike Pence said there would be 'serious
// consequences' if the FBI could prove Russia was attempting to interfere
// with the election" and Hacked.com's "Jason Miller attempted to clarify
// Trump's comments" share a name, the frame word "comments" and
// "attempt", and report two different things. Of the sentence pairs the
// model is fitted on (the development gold), 75 share nothing else but
// the frame, names and numbers: all 75 mark two events, and none scores
// 0.3 or more. "Ask", "respond" and "issue", which look as
// light, each carry a pair that marks one event, and are not listed.

// frameWords are the words that frame a report: the verbs of saying that
// carry no content of their own, and the places a statement is made.
var frameWords = []string{
	// saying
	"say", "tell", "write", "tweet", "post", "add", "state", "note",
	"comment", "statement", "remark",
	// where it is said
	"twitter", "facebook", "instagram", "interview", "message",
}

// undertakingWords are the verbs, and their nouns, that say whether or how
// an act was undertaken, begun, kept up or meant, and not what the act
// was. A verb whose own sense is often the event is left out: "the bill
// failed", "the court decided", "he kept the documents", "she manages the
// fund".
var undertakingWords = []string{
	// trying
	"attempt", "try", "seek", "effort",
	// beginning, going on, stopping
	"begin", "start", "continue", "stop",
	// meaning to
	"plan", "want", "intend", "hope", "wish", "aim", "expect", "need",
}

var (
	frameOnce sync.Once
	frameKeys map[uint64]bool
)

// carriesNoEvent reports whether a lemma key is one of frameWords' or
// undertakingWords': a word two reports of different events may share.
// The words are lemmas, each its own key (TestFrameWordsAreTheirKeys), so
// their keys are hashed without asking the lexicon, which the first
// comparison of a process asked 32 more words of.
func carriesNoEvent(key uint64) bool {
	frameOnce.Do(func() {
		frameKeys = make(map[uint64]bool, len(frameWords)+len(undertakingWords))
		for _, w := range slices.Concat(frameWords, undertakingWords) {
			frameKeys[corpus.HashForm(w)] = true
		}
	})
	return frameKeys[key]
}

// sharesOnlyFrame reports whether every event word that a and b share,
// the same or related through the lexicon (as meaningFeatures counts
// them), frames a report or says how an act was undertaken: what is left
// in common is names, numbers, days, the frame and such verbs.
func (m *matcher) sharesOnlyFrame(a, b *unit) bool {
	return !m.sharesContent(a, b) && !m.sharesContent(b, a)
}

// sharesContent reports whether an event word of a that carries an event
// is in b, or related to one of b's words.
func (m *matcher) sharesContent(a, b *unit) bool {
	for _, w := range a.event {
		if carriesNoEvent(w) {
			continue
		}
		if _, ok := slices.BinarySearch(b.event, w); ok || relatedTo(infoGroups(m, w), b.groups) {
			return true
		}
	}
	return false
}

// onlyFramed reports whether judge's pair of u and v, with features f,
// must be undone because it shares only a report's frame. A verbatim run
// pairs on its own, as it does when the pair shares only names.
func (m *matcher) onlyFramed(u, v *unit, f Features) bool {
	if f[fVerbatim] == 1 && f[fSurface] >= matchThreshold {
		return false
	}
	return m.sharesOnlyFrame(u, v)
}
