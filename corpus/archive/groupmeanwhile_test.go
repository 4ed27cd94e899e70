package archive

import (
	"context"
	"slices"
	"testing"
)

// TestGroupingOutrunByAnotherProcess is a regression test: two newsdiffs
// refreshing one archive at once (newsdiff index DIR, and a list or a
// reader started meanwhile) each grouped the articles it found ungrouped
// against the index as it had listed it, and both wrote their groupings:
// the terms of the articles counted twice in the document frequencies,
// and stories the other had made not looked for, so that an index built
// so held hundreds of stories fewer and thousands of articles more "not
// grouped" (10,000 articles: 2,495 stories and 4,091 alone, against 2,888
// and 1,893), for good. Here another process groups everything while
// this one groups: this one's groupings, made against an index that is no
// more, are not written, and the archive is as one process alone makes
// it.
func TestGroupingOutrunByAnotherProcess(t *testing.T) {
	want := shape(open(t, writeArchive(t), Options{}))

	dir := writeArchive(t)
	other := false
	a := open(t, dir, Options{Progress: func(p Progress) {
		if p.Phase != "grouping" || other {
			return
		}
		other = true
		b, err := Open(context.Background(), dir, Options{})
		if err != nil {
			t.Errorf("the other process: %v", err)
			return
		}
		if w := b.Warnings(nil); len(w) != 0 {
			t.Errorf("the other process's warnings: %q", w)
		}
		b.Close()
	}})
	if !other {
		t.Fatal("no grouping to interleave with")
	}
	if got := shape(a); !slices.Equal(got, want) {
		t.Errorf("stories\n%q\nwant, as one process alone makes them,\n%q", got, want)
	}

	// The document frequencies count each grouped article's terms once.
	s := mustStore(t, dir)
	ctx := context.Background()
	counted := map[uint32]int32{}
	rows, err := s.db.QueryContext(ctx, `SELECT terms FROM articles WHERE grp != 0 AND story = '' AND skipped = 0`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var terms []byte
		if err := rows.Scan(&terms); err != nil {
			t.Fatal(err)
		}
		for _, term := range fromU32s(terms) {
			counted[term]++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	df, docs, err := s.DocFreq(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if docs == 0 {
		t.Fatal("no article grouped by content")
	}
	for term, n := range df {
		if counted[term] != n {
			t.Errorf("term %d counted %d times in the document frequencies, used by %d grouped articles", term, n, counted[term])
		}
	}
	for term, n := range counted {
		if _, ok := df[term]; !ok {
			t.Errorf("term %d of %d grouped articles not counted", term, n)
		}
	}
}
