package compare

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// TestMyersMatchesGoDiff diffs random sequences with myersDiff and with
// go-diff, whose algorithm it follows: every piece must be the same, op
// and text, so that the word diffs (and every comparison) are what they
// were with go-diff. Few distinct forms make the common prefixes, the
// containments and the slides over equalities that its merge makes.
func TestMyersMatchesGoDiff(t *testing.T) {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	rng := rand.New(rand.NewPCG(9, 1))
	var md myersDiff
	random := func(n, forms int) []rune {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = 'a' + rune(rng.IntN(forms))
		}
		return rs
	}
	// edited copies a, then deletes, inserts and replaces a few forms, as
	// one outlet rewords another.
	edited := func(a []rune, forms int) []rune {
		b := slices.Clone(a)
		for range rng.IntN(6) {
			i := rng.IntN(len(b) + 1)
			switch rng.IntN(3) {
			case 0:
				if i < len(b) {
					b = slices.Delete(b, i, i+1)
				}
			case 1:
				b = slices.Insert(b, i, random(1+rng.IntN(3), forms)...)
			default:
				if i < len(b) {
					b[i] = 'a' + rune(rng.IntN(forms))
				}
			}
		}
		return b
	}
	for trial := range 20000 {
		forms := 1 + rng.IntN(8)
		a := random(rng.IntN(40), forms)
		var b []rune
		if trial%2 == 0 {
			b = random(rng.IntN(40), forms)
		} else {
			b = edited(a, forms)
		}
		want := dmp.DiffMainRunes(a, b, false)
		md.a, md.b = a, b
		got := md.diff(slices.Clone(a), slices.Clone(b))
		md.a, md.b = a, b
		if !sameEdits(&md, got, want) {
			t.Fatalf("diff of %q and %q:\n got %v\nwant %v", string(a), string(b), got, want)
		}
	}

	// The merge on its own, over random diffs: the bisection's diffs
	// seldom have the common prefixes and suffixes it moves.
	for range 20000 {
		forms := 1 + rng.IntN(4)
		var a, b []rune
		var edits []edit
		var want []diffmatchpatch.Diff
		for range rng.IntN(8) {
			text := random(rng.IntN(4), forms)
			e := edit{op: editOp(rng.IntN(3)), n: len(text)}
			switch e.op {
			case editEqual:
				e.at = len(a)
				a, b = append(a, text...), append(b, text...)
				want = append(want, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(text)})
			case editDelete:
				e.at = len(a)
				a = append(a, text...)
				want = append(want, diffmatchpatch.Diff{Type: diffmatchpatch.DiffDelete, Text: string(text)})
			case editInsert:
				e.at = len(b)
				b = append(b, text...)
				want = append(want, diffmatchpatch.Diff{Type: diffmatchpatch.DiffInsert, Text: string(text)})
			}
			edits = append(edits, e)
		}
		want = dmp.DiffCleanupMerge(want)
		md.a, md.b, md.edits = a, b, edits
		md.merge(0)
		if got := md.edits; !sameEdits(&md, got, want) {
			t.Fatalf("merge of %v over %q and %q:\n got %v\nwant %v", edits, string(a), string(b), got, want)
		}
	}
}

// sameEdits reports whether edits, over md's sides, are go-diff's diffs.
func sameEdits(md *myersDiff, edits []edit, diffs []diffmatchpatch.Diff) bool {
	if len(edits) != len(diffs) {
		return false
	}
	ops := map[editOp]diffmatchpatch.Operation{editEqual: diffmatchpatch.DiffEqual,
		editDelete: diffmatchpatch.DiffDelete, editInsert: diffmatchpatch.DiffInsert}
	for i, e := range edits {
		if ops[e.op] != diffs[i].Type || string(md.text(e)) != diffs[i].Text {
			return false
		}
	}
	return true
}
