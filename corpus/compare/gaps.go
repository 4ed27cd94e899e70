package compare

import (
	"math"
	"slices"

	"github.com/newsdiff/newsdiff/corpus"
)

// Gaps between pairs: two outlets that report events in the same order
// pair sentence after sentence, and a sentence between two pairs on one
// side facing one between the same pairs on the other most likely reports
// the same event even when its words alone leave the model unsure. A pair
// the model scores at its Near or more, below its threshold, is made
// when the sentences right before (or right after) each are paired with
// each other; or, scored surer, when the pair before or after is one or
// two sentences further on one side (gapSteps); or, scored at
// nearThreshold or more, when it sits in one gap between two pairs on
// both sides, each up to maxGap sentences away (bracketed).
//
// Those further steps were measured with scripts/fitpairs, leaving one
// story out: paraphrase 111 to 114 of 365 event pairs, wrong pairings 3
// of 160 to 3 of 163 blocks; across stories still 0.19 paired blocks per
// 100. One sentence further alone made 113; made from Near up, as the
// first step is, it paired 121 in-sample with 4 of 171 blocks wrong, and
// the held-out folds chose thresholds of 0.7 and paired fewer; halfway
// from Near to the threshold, 113 held out but 4 of 168 wrong in-sample,
// over the gold test's 2%; three quarters of the way, 111. The pairs they
// gain in-sample: the IRS story's "It is the broadest federal rule change
// to come out of the landmark Supreme Court decision…" in the New York
// Times against Fox News's "Thursday's announcement comes on the heels of
// a historic decision by the U.S. Supreme Court…", one sentence of Fox's
// own after the two leads; and the Comey story's "three House Republican
// committee chairmen requested…" against "The chairmen of the three House
// committees that requested the documents…".
//
// The gap between two pairs, measured the same way: paraphrase 114 to 119
// of 365 event pairs, wrong pairings 3 of 163 to 3 of 167 blocks (from 0.25
// rather than 0.3, the same). Pairs up to 5 sentences away made 120 with 4
// of 169 wrong, up to 6 made 121 with 4 of 170; from the model's Near (0.15
// to 0.3 by fold) rather than nearThreshold, up to 6 away, 119 with 5 of
// 172. Pairs bracketed on one side only (the nearest pair before, or
// after), from two thirds of the way to the threshold, added a wrong
// pairing at each threshold from 0.7 to 0.55 that -curve tried. In the
// gold, in-sample, it gains USA Today's "The chairmen said the memos
// underscore that Comey had different standards…" against Breitbart's
// "…Comey held Trump to a different standard…", AP's "The crossroads is the
// site of several major hotel-casinos, including Bellagio, Caesars Palace
// and Bally's" against the sentence "in the shadow of such major hotels as
// Bellagio, Caesars Palace and Bally's" ends, and the Times' "They deal
// chiefly with the president's high-profile firings…" against Fox News's
// "The questions include information related to Flynn, Sessions, fired FBI
// Director James Comey…".

const (
	// nearThreshold is the least model probability at which a pair
	// between two pairs is made; see fillGaps. Measured on the 17
	// development folders, read pair by pair: at 0.3 it makes 8 pairs, 7
	// of them one event (the eighth: "North Korea will suspend its
	// nuclear and missile tests, North Korean state media reported"
	// against "the report does not appear on … KCNA Watch"); at 0.1, 13
	// with 3 wrong. Gold: paraphrase 73 to 76 of 365, quote 69 to 70 of
	// 79, wrong pairings 2 of 122 blocks.
	//
	// It is now the default only: scripts/fitpairs chooses the model's
	// Near among 0.3, 0.25, 0.2 and 0.15 (and 0.1 since: see its nears)
	// as it chooses its threshold, on the training stories of each fold
	// of its cross-validation, and took 0.2 for Fitted. Cross-validated
	// that way, when the list was first tried, paraphrase 108 to 111 of
	// 365 event pairs, wrong pairings 3 of 160 blocks either way; across
	// stories still 0.19 paired blocks per 100. A gained pair: the Las
	// Vegas Sun's "Cherry died in the Maserati, and his passenger was
	// shot" against "A passenger in the Maserati was among the injured"
	// (0.26).
	//
	// It is also the least probability of a pair bracketed between two
	// pairs further away (see bracketed), whatever the model's Near.
	nearThreshold = 0.3
	// maxNear bounds the near pairs kept in one comparison.
	maxNear = 1 << 14
)

// fillGaps pairs the near candidates whose neighbours pair, best first,
// and returns gs with the new groups.
func (m *matcher) fillGaps(gs []group, left, right []unit) []group {
	if len(m.near) == 0 {
		return gs
	}
	ownerL, ownerR := groupOwners(gs, len(left), len(right))
	slices.SortFunc(m.near, byScore)
	// paired reports whether the units dl and dr away from l and r (on the
	// same side of both) are paired with each other, with nothing but
	// the sentences between them in their articles.
	paired := func(l, r, dl, dr int) bool {
		nl, nr := l+dl, r+dr
		if nl < 0 || nr < 0 || nl >= len(left) || nr >= len(right) {
			return false
		}
		g := ownerL[nl]
		if g < 0 || g != ownerR[nr] {
			return false
		}
		return sentencesApart(left, l, dl) && sentencesApart(right, r, dr)
	}
	// A pair whose neighbours are further on one side is made surer: two
	// thirds of the way from the model's Near to its threshold (0.43 for
	// Fitted), see gapSteps. A pair in one gap with the pairs on both
	// sides of it is made from nearThreshold, or the model's Near when
	// that is higher (bracketed). Without a model (no near pairs are made
	// then) neither is.
	skipAt, bracketAt := math.Inf(1), math.Inf(1)
	if m.model != nil {
		skipAt = (m.model.near() + 2*m.model.Threshold) / 3
		bracketAt = max(m.model.near(), nearThreshold)
	}
	for _, c := range m.near {
		if ownerL[c.l] >= 0 || ownerR[c.r] >= 0 || left[c.l].title || right[c.r].title {
			continue
		}
		steps := gapSteps[:]
		if c.score < skipAt {
			steps = steps[:2] // only right before or after
		}
		if !slices.ContainsFunc(steps, func(d [2]int) bool { return paired(c.l, c.r, d[0], d[1]) }) &&
			!(c.score >= bracketAt && bracketed(ownerL, ownerR, c.l, c.r)) {
			continue
		}
		gi := len(gs)
		gs = append(gs, group{l: corpus.Range{Start: c.l, End: c.l + 1}, r: corpus.Range{Start: c.r, End: c.r + 1}, score: c.score, para: true})
		ownerL[c.l], ownerR[c.r] = gi, gi
	}
	return gs
}

// gapSteps are where, from a near pair, a pair of neighbours makes it:
// right before or after both sentences, or one or two sentences further
// on one side, where an outlet has put sentences of its own between two
// it shares with the other.
var gapSteps = [...][2]int{{-1, -1}, {1, 1}, {-1, -2}, {-2, -1}, {1, 2}, {2, 1}, {-1, -3}, {-3, -1}, {1, 3}, {3, 1}}

// sentencesApart reports whether units i and i+d of us are d sentences
// apart in their article: no title or dropped sentence between them.
func sentencesApart(us []unit, i, d int) bool {
	return us[i+d].sent-us[i].sent == d
}

// maxGap is the most units a pair that brackets a near pair may be from
// it, on each side (see bracketed).
const maxGap = 4

// bracketed reports whether units l and r sit in one gap between pairs,
// in the same order on both sides: the nearest paired unit before l and
// the nearest before r, each at most maxGap units away, are in one group
// (or both are the articles' start), and so are the nearest after them
// (or both are the articles' end). Outlets that report events in the same
// order pair sentence for sentence around a passage that each words its
// own way; the pair is then the one that keeps the order, though other
// sentences of either outlet may stand between it and its neighbours.
func bracketed(ownerL, ownerR []int, l, r int) bool {
	const edge, none = -2, -3
	// nearest is the group of the nearest paired unit d-ward of i, edge
	// past the article's edge, none when maxGap units are unpaired.
	nearest := func(owner []int, i, d int) int {
		for k := 1; k <= maxGap; k++ {
			j := i + d*k
			if j < 0 || j >= len(owner) {
				return edge
			}
			if owner[j] >= 0 {
				return owner[j]
			}
		}
		return none
	}
	for _, d := range [2]int{-1, 1} {
		gl := nearest(ownerL, l, d)
		if gl == none || gl != nearest(ownerR, r, d) {
			return false
		}
	}
	return true
}
