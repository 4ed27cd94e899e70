package compare

import (
	"context"
	"testing"
	"unsafe"
)

// TestEmptiedMatcherBuffersBounded compares a pair long enough that the
// buffers sized by the articles (the candidate search's touched classes,
// the per-form and per-lemma tables, the Differ's runes and runs) pass
// maxKeptBufBytes, then checks that none of them is kept past it by the
// matcher going back to the pool: an idle pooled matcher after a 5 MiB
// article held 16.2 MB, 7.4 MB of it the candidate search's buffer.
func TestEmptiedMatcherBuffersBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("compares a 300,000-word pair")
	}
	a, b := syntheticPair(300000, 3)
	m := newMatcher(nil)
	if _, err := compareFull(context.Background(), a, b, m); err != nil {
		t.Fatal(err)
	}
	if got := bufBytes(m.found); got <= maxKeptBufBytes {
		t.Fatalf("the candidate search kept %d bytes of touched classes: the pair is too short to test the bound", got)
	}
	m.empty()
	d := m.differ
	for name, bytes := range map[string]int{
		"near": bufBytes(m.near), "kinds": bufBytes(m.kinds), "quoteRows": bufBytes(m.quoteRows), "contentRows": bufBytes(m.contentRows),
		"contentA": bufBytes(m.contentA), "contentB": bufBytes(m.contentB),
		"found": bufBytes(m.found), "touched": bufBytes(m.touched), "best": bufBytes(m.best),
		"ldf": bufBytes(m.ldf), "lidf": bufBytes(m.lidf), "df": bufBytes(m.df),
		"lemmaIDs": bufBytes(m.lemmaIDs.slots), "wordIDs": bufBytes(m.wordIDs.slots), "wordIDs keys": bufBytes(m.wordIDs.keys),
		"forms":          bufBytes(m.forms.forms),
		"sortBuf":        bufBytes(m.sortBuf),
		"differ runes 0": bufBytes(d.byArticle[0].runes), "differ runes 1": bufBytes(d.byArticle[1].runes),
		"differ ma": bufBytes(d.ma), "differ mb": bufBytes(d.mb), "differ la": bufBytes(d.la), "differ lb": bufBytes(d.lb),
		"differ lpos": bufBytes(d.lpos), "differ rpos": bufBytes(d.rpos),
		"differ solidRuns": bufBytes(d.solidRuns), "differ runs": bufBytes(d.runs), "differ folded": bufBytes(d.folded),
		"differ offL": bufBytes(d.offL), "differ offR": bufBytes(d.offR), "differ words": bufBytes(d.words), "differ stretch": bufBytes(d.stretch),
	} {
		if bytes > maxKeptBufBytes {
			t.Errorf("an emptied matcher keeps %s of %d bytes, more than %d", name, bytes, maxKeptBufBytes)
		}
	}
}

// bufBytes is what buf's backing array takes.
func bufBytes[T any](buf []T) int {
	var zero T
	return cap(buf) * int(unsafe.Sizeof(zero))
}
