package compare

import (
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/sorted"
)

// One phrase is not one event (issue 9, in the manner of its third
// defect): a verbatim run of runLen words pairs two sentences on its own,
// however little else they share, because copy is the strongest sign of
// one passage. But when the run holds every content word the two share,
// it may be a phrase the story repeats ("the questions obtained by the
// Times", "at the Pecan Grove Mobile Home Park", "the denuclearization of
// the Korean Peninsula"), said of different events. Such a pair is
// judged by its words, as any other, unless each sentence is the other's
// best candidate and the phrase is more than names ("couples regardless
// of where they live").

// maxPhrase is the longest shared run, in words, that may be a repeated
// phrase: a longer one ("all legally married gay couples regardless of
// where they live") is copy of the passage itself.
const maxPhrase = runLen + 1

// phraseOnly reports whether every content word u and v share lies in
// the runLen-word runs they share, and these make a run of at most
// maxPhrase words, when f (their features) does not make them each
// other's best candidate sharing more than names. Its cost is what the
// two sentences weigh.
//
// Its sets are sorted slices in the matcher's kept buffers (phraseRuns,
// phraseWords), searched by bisection: two maps a call were a tenth of
// the candidate search at 10,000 generated words, where more pairs share
// a run, and part of why the search grew faster than the articles.
func (m *matcher) phraseOnly(u, v *unit, f Features) bool {
	if len(u.words) < runLen || len(v.words) < runLen {
		return false
	}
	runs := v.appendGramHashes(m.phraseRuns[:0])
	slices.Sort(runs)
	// The words of u that some shared run covers (each position once),
	// and the longest stretch of shared runs.
	covered := m.phraseWords[:0]
	longest, stretch, end := 0, 0, -1
	for i := 0; i+runLen <= len(u.words); i++ {
		if _, ok := slices.BinarySearch(runs, corpus.HashWords(u.words[i:i+runLen])); !ok {
			continue
		}
		covered = append(covered, u.words[max(i, end+1):i+runLen]...)
		if i <= end {
			stretch += i + runLen - 1 - end
		} else {
			stretch = runLen
		}
		end = i + runLen - 1
		longest = max(longest, stretch)
	}
	m.phraseRuns, m.phraseWords = runs[:0], covered[:0]
	if longest == 0 || longest > maxPhrase {
		return false
	}
	slices.Sort(covered)
	all := true
	sorted.Each(u.content, v.content, func(i, _ int) {
		if _, ok := slices.BinarySearch(covered, u.content[i]); !ok {
			all = false
		}
	})
	if !all || f[fMutualBest] == 0 {
		return all
	}
	// Each is the other's best: the phrase pairs them unless it is only
	// names. The meaning features are not known yet (see prune.go), and
	// a pair that is all a phrase is rare: they are computed here.
	g := f
	m.meaningFeatures(&g, u, v)
	return g[fNameOnly] == 1
}
