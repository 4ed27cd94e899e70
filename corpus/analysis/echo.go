package analysis

import (
	"math"
	"slices"
	"unicode"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// Echo thresholds: a sentence the comparisons leave one-sided is still not
// an outlet's own when a sentence of another outlet carries most of its
// content in other words ("Trump said he had “serious reservations” about
// Flynn" against "Trump told Comey that he had serious reservations about
// Flynn’s judgment"): the pairing, made to be sure of what it pairs, lets
// such paraphrases go. Most is measured by weight, rare words weighing more
// than the story's common ones, and needs at least minEchoWords content
// words in common, so that a short sentence is not another's for sharing a
// name and a verb.
const (
	minEchoShare = 0.6
	minEchoWords = 4
	// minEchoCommon of the words in common must be no names: "The New
	// York Times" and "BuzzFeed" in two sentences are two outlets named,
	// not one report.
	minEchoCommon = 2
)

// contentLemmas returns the lemmas of sentence si's content words (the
// words with a letter or digit that are not function words), and which of
// them are only names there: capitalised, and not the sentence's first
// word.
func contentLemmas(a *corpus.Article, si int) (lemmas []string, names map[string]bool) {
	seen := make(map[string]bool)
	names = make(map[string]bool)
	first := true
	for _, t := range a.Tokens.In(a.Sentences[si].Tokens()).All() {
		if t.Kind != corpus.TokWord {
			continue
		}
		text := a.Text(t.Span)
		name := !first && startsUpper(text)
		first = false
		if corpus.IsStopword(t.Form) || !hasAlnum(t.Form) {
			continue
		}
		l := lexicon.Lemma(t.Form)
		if !seen[l] {
			seen[l] = true
			lemmas = append(lemmas, l)
			names[l] = name
		} else if !name {
			names[l] = false
		}
	}
	return lemmas, names
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func hasAlnum(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// echoed marks, per article, the prose sentences not paired already whose
// content a prose sentence of another article carries: at least
// minEchoWords content lemmas in common (a lemma is in a sentence that has
// it or a word of its related-word groups, see lexicon.Groups), weighing
// at least minEchoShare of the sentence's own. A lemma's weight is the log of how few of the
// story's prose sentences hold it. Sentences are found through an index of
// lemmas, so the work grows with the words two sentences share, not with
// the square of the story.
func echoed(arts []*corpus.Article, paired [][]bool) [][]bool {
	type at struct{ art, sent int32 }
	lemmas := make([][][]string, len(arts))
	names := make([][]map[string]bool, len(arts))
	index := make(map[string][]at)
	groups := make(map[string][]uint32) // each lemma's related-word groups
	byGroup := make(map[uint32][]at)
	n := 0
	for ai, a := range arts {
		lemmas[ai] = make([][]string, len(a.Sentences))
		names[ai] = make([]map[string]bool, len(a.Sentences))
		for si, s := range a.Sentences {
			if a.Paragraphs[s.Para()].Role != corpus.RoleProse {
				continue
			}
			ls, ns := contentLemmas(a, si)
			lemmas[ai][si], names[ai][si] = ls, ns
			n++
			var sentGroups []uint32
			for _, l := range ls {
				index[l] = append(index[l], at{int32(ai), int32(si)})
				gs, ok := groups[l]
				if !ok {
					gs = lexicon.Groups(l)
					groups[l] = gs
				}
				for _, g := range gs {
					if !slices.Contains(sentGroups, g) {
						sentGroups = append(sentGroups, g)
						byGroup[g] = append(byGroup[g], at{int32(ai), int32(si)})
					}
				}
			}
		}
	}
	weight := func(l string) float64 { return math.Log(float64(n+1) / float64(len(index[l]))) }
	out := make([][]bool, len(arts))
	type tally struct {
		weight        float64
		count, common int
	}
	shared := make(map[at]tally)
	reached := make(map[at]bool) // the sentences one word reaches

	for ai, a := range arts {
		out[ai] = make([]bool, len(a.Sentences))
		for si := range a.Sentences {
			own := lemmas[ai][si]
			if paired[ai][si] || len(own) < minEchoWords {
				continue
			}
			clear(shared)
			total := 0.0
			for _, l := range own {
				w := weight(l)
				total += w
				common := 0
				if !names[ai][si][l] {
					common = 1
				}
				// A word is in another sentence as itself or as a word
				// related to it: "legislature" in "legislative",
				// "investigators" in "investigation".
				clear(reached)
				reach := func(ps []at) {
					for _, p := range ps {
						if int(p.art) != ai && !reached[p] {
							reached[p] = true
							t := shared[p]
							shared[p] = tally{t.weight + w, t.count + 1, t.common + common}
						}
					}
				}
				reach(index[l])
				for _, g := range groups[l] {
					reach(byGroup[g])
				}
			}
			for _, t := range shared {
				if t.count >= minEchoWords && t.common >= minEchoCommon && t.weight >= minEchoShare*total {
					out[ai][si] = true
					break
				}
			}
		}
	}
	return out
}
