package archive

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

// rec is a record of a text file at path whose title is its path.
func rec(path, text string) Record {
	return Record{FileState: FileState{Path: path, Hash: []byte{1}}, Title: path, Text: text,
		Sig: Signature{Terms: []uint32{1, 2}, Counts: []uint16{1, 1}}}
}

// TestPutReplacesByPath checks what Put does with a path the index holds:
// the article keeps its id, and loses its old words from the full-text
// index and its grouping keys, while other articles keep theirs.
func TestPutReplacesByPath(t *testing.T) {
	ctx := context.Background()
	s := mustOpenSQLite(t, filepath.Join(t.TempDir(), "index.db"))
	if err := s.Put(ctx, []Record{rec("a.txt", "zebra crossing"), rec("b.txt", "zebra herd"), rec("c.txt", "quiet")}); err != nil {
		t.Fatal(err)
	}
	ids := func() map[string]int64 {
		es, err := s.Entries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int64{}
		for _, e := range es {
			out[e.Path] = e.ID
		}
		return out
	}
	before := ids()
	a, b := before["a.txt"], before["b.txt"]
	if err := s.SetGroups(ctx, []Grouping{{ID: a, Group: a, Keys: []uint64{7, 8}}, {ID: b, Group: a, Keys: []uint64{7}}}, map[uint32]int32{1: 2, 2: 2}); err != nil {
		t.Fatal(err)
	}
	// a.txt changed, and d.txt is new, in one batch.
	if err := s.Put(ctx, []Record{rec("a.txt", "giraffe"), rec("d.txt", "zebra stripes")}); err != nil {
		t.Fatal(err)
	}
	after := ids()
	if len(after) != 4 || after["a.txt"] != a || after["b.txt"] != b || after["c.txt"] != before["c.txt"] {
		t.Errorf("ids %v after putting a.txt again, want a.txt, b.txt and c.txt as they were (%v) and d.txt", after, before)
	}
	search := func(q string) []int64 {
		got, err := s.Search(ctx, q, 10)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		return got
	}
	want := []int64{b, after["d.txt"]}
	slices.Sort(want)
	if got := search("zebra"); !slices.Equal(got, want) {
		t.Errorf("search for a word a.txt lost: %v, want %v (b.txt and d.txt)", got, want)
	}
	if got := search("giraffe"); !slices.Equal(got, []int64{a}) {
		t.Errorf("search for a.txt's new word: %v, want [%d]", got, a)
	}
	lists, err := s.Neighbours(ctx, []uint64{7, 8}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lists[0], []int64{b}) || len(lists[1]) != 0 {
		t.Errorf("keys after a.txt was put again: %v, want only b.txt's", lists)
	}
	// The groupings were written: b.txt is in a's group, a.txt ungrouped
	// again.
	es, err := s.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		want := int64(0)
		if e.Path == "b.txt" {
			want = a
		}
		if e.Group != want {
			t.Errorf("%s: group %d, want %d", e.Path, e.Group, want)
		}
	}
}

// TestPutSamePathTwice checks that a path put twice in one batch keeps one
// row, with the id it was first given, as when the two are put one after
// the other: the rows go in many to a statement, and one statement
// replacing its own row would give the path a new id.
func TestPutSamePathTwice(t *testing.T) {
	ctx := context.Background()
	s := mustOpenSQLite(t, filepath.Join(t.TempDir(), "index.db"))
	if err := s.Put(ctx, []Record{rec("a.txt", "zebra"), rec("b.txt", "lion"), rec("a.txt", "giraffe")}); err != nil {
		t.Fatal(err)
	}
	es, err := s.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, fmt.Sprintf("%d %s", e.ID, e.Path))
	}
	if want := []string{"1 a.txt", "2 b.txt"}; !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
	if ids, err := s.Search(ctx, "giraffe", 10); err != nil || !slices.Equal(ids, []int64{1}) {
		t.Errorf("search for the second text: %v, %v, want [1]", ids, err)
	}
	// The first text is gone from the search, as it would be had it been
	// put in an earlier Put: it was found still.
	if ids, err := s.Search(ctx, "zebra", 10); err != nil || len(ids) != 0 {
		t.Errorf("search for the first text: %v, %v, want none", ids, err)
	}
}
