package compare

import "slices"

// Two headlines of one story sum up its main event in the story's
// commonest words, which the IDF weights of the model's features count
// for little: "Trump asks Russia to hack Clinton's email" and "Trump urges
// Russia to find Clinton's missing emails" score far below the model's
// threshold, and titleThreshold, though they report one event. Their
// words are judged unweighted instead: two titles that have most of their
// words in common, as lemmas or related through the lexicon, and an event
// word among them, are paired (see titleWordsThreshold).

// titleWordsThreshold is the least Dice of two titles' words (titleWords)
// at which they pair whatever the model says. Measured on the 86 title
// pairs of the 17 development stories, the 10 of the sample story and 162
// pairs of titles of two different stories: the cross-story pairs reach
// 0.38 ("Robert Mueller provides list of questions to Trump's lawyers"
// against "Trump says he appreciates Mueller's statement disputing
// BuzzFeed report"). From 0.45 up lie 36 same-story pairs, 16 of which
// the model paired; 35 now pair, the 36th sharing only names. All report
// the story's event in two wordings but one, two headlines of one
// incident that name two acts of it ("G.O.P. Aide Quits After Ridiculing
// Obama's Daughters" against "Aide to GOP lawmaker apologizes for
// Facebook post ripping Obama daughters", 0.47). Titles paired: 42 of the
// 96 same-story pairs (23 before), none of the cross-story ones.
const titleWordsThreshold = 0.45

// minTitleWords is the fewest words two titles must share to pair on
// their words: two words in common is too little to tell an event by.
const minTitleWords = 3

// judgeTitles pairs the titles u and v, which the model did not, when
// their words (titleWords) say they report one event; f is their
// features. Its score is that Dice.
func (m *matcher) judgeTitles(u, v *unit, f Features) candidate {
	if f[fNameOnly] == 1 || f[fEvent] == 0 {
		return candidate{} // names alone, or nothing that says what happened
	}
	shared, dice := m.titleWords(u, v)
	if shared < minTitleWords || dice < titleWordsThreshold {
		return candidate{}
	}
	return candidate{score: dice, para: true}
}

// titleWords returns how many content words two units share, unweighted
// (a word counts when the other has it or a word related to it; the
// fewer of the two directions' counts), and the Dice of that over their
// words.
func (m *matcher) titleWords(u, v *unit) (shared int, dice float64) {
	in := func(a, b *unit) int {
		n := 0
		for _, w := range a.lemmas {
			if _, ok := slices.BinarySearch(b.lemmas, w); ok || relatedTo(infoGroups(m, w), b.groups) {
				n++
			}
		}
		return n
	}
	shared = min(in(u, v), in(v, u))
	if total := len(u.lemmas) + len(v.lemmas); total > 0 {
		dice = 2 * float64(shared) / float64(total)
	}
	return shared, dice
}
