package compare

import (
	"math"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLemmaIDsAndPostings checks weigh's dense lemma ids against the keys
// they stand for, and the postings built on them: each sentence's
// lemmas numbered alike on both sides, their idf counted over every
// sentence carrying the key, and the classes of each lemma listed in
// class order unless more than maxDF sentences carry it.
func TestLemmaIDsAndPostings(t *testing.T) {
	a := corpus.Parse("left", []byte("Title\n\nSenators delayed the budget vote. The budget vote fell. Storms hit the coast."))
	b := corpus.Parse("right", []byte("Title\n\nThe budget vote was delayed. Storms hit the coast again. Storms hit the coast again. Senators wept."))
	m := newMatcher(nil)
	left, right := m.units(a), m.units(b)
	m.weigh(left, right)

	// The ids stand for the keys one to one, and the idf is over keys.
	sentences := map[uint64]int{}
	idOf := map[uint64]int32{}
	for _, us := range [][]unit{left, right} {
		for _, u := range us {
			if len(u.lids) != len(u.lemmas) {
				t.Fatalf("%d ids for %d lemmas", len(u.lids), len(u.lemmas))
			}
			for k, w := range u.lemmas {
				sentences[w]++
				if id, ok := idOf[w]; ok && id != u.lids[k] {
					t.Fatalf("lemma %x has ids %d and %d", w, id, u.lids[k])
				}
				idOf[w] = u.lids[k]
			}
		}
	}
	if len(idOf) != len(m.ldf) {
		t.Fatalf("%d lemmas numbered %d ids", len(idOf), len(m.ldf))
	}
	n := len(left) + len(right)
	for w, id := range idOf {
		if int(m.ldf[id]) != sentences[w] {
			t.Errorf("lemma %x: ldf %d, want %d sentences", w, m.ldf[id], sentences[w])
		}
		want := max(0.1, math.Log(float64(n+1)/(float64(sentences[w])+0.5)))
		if m.lidf[id] != want || m.lemmaIDF(w) != want {
			t.Errorf("lemma %x: idf %v (by key %v), want %v", w, m.lidf[id], m.lemmaIDF(w), want)
		}
	}
	if m.lemmaIDF(1) != 0 {
		t.Errorf("a key no sentence carries has idf %v, want 0", m.lemmaIDF(1))
	}

	// "storm" and "budget" are carried by three sentences or more,
	// "senator" by two: with maxDF 2 only the rarer find classes, and the
	// repeated right sentence is one class.
	rmembers := m.classes(right)
	for _, maxDF := range []int32{2, 8} {
		p := m.lemmaPostings(right, rmembers, maxDF)
		cut := 0
		for id := range m.ldf {
			var want []int32
			if m.ldf[id] > maxDF {
				cut++
			} else {
				for rc, ms := range rmembers {
					if slices.Contains(right[ms[0]].lids, int32(id)) {
						want = append(want, int32(rc))
					}
				}
			}
			if got := p.classes(int32(id)); !slices.Equal(got, want) {
				t.Errorf("maxDF %d: lemma %d (in %d sentences) finds classes %v, want %v", maxDF, id, m.ldf[id], got, want)
			}
		}
		if (cut > 0) != (maxDF == 2) {
			t.Errorf("maxDF %d cut %d lemmas", maxDF, cut)
		}
	}
}
