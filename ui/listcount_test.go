package ui

import (
	"testing"
)

// TestListCountFollowsTheEntries checks the counts the list keeps of what
// it shows (the cursor's place and how many are shown, for the status
// bar; how many are under each heading, for the heading's "2 of 5")
// against counting the entries shown, after each way the entries shown
// change: a filter, a narrower one, a wider one, an archive search's
// finds, new entries, none.
func TestListCountFollowsTheEntries(t *testing.T) {
	l, k := testList(4)
	more := func() []listEntry {
		var le []listEntry
		for i, lab := range []string{"A", "a1", "a2", "B", "C", "c1", "c2", "c3", "c4"} {
			le = append(le, listEntry{item: i, height: 1, head: len(lab) == 1, label: lab})
		}
		return le
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"unfiltered", func() {}},
		{"down to b1", func() { l.Move(3) }},
		{"filter b", func() { l.SetFilter("b", nil) }},
		{"narrower b2", func() { l.SetFilter("b2", nil) }},
		{"wider 2", func() { l.SetFilter("2", nil) }},
		{"found a1 and b3", func() { l.Include([]int{1, 7}, func(it int) bool { return it == 1 || it == 7 }) }},
		{"to the end", func() { l.Update(keyMsg("G"), k) }},
		{"no match", func() { l.SetFilter("zz", nil) }},
		{"no filter", func() { l.SetFilter("", nil) }},
		{"new entries", func() { l.SetEntries(more()) }},
		{"filter c", func() { l.SetFilter("c", nil) }},
		{"no entries", func() { l.SetEntries(nil) }},
	}
	for _, st := range steps {
		st.do()
		wantAt, wantN, under := 0, 0, map[int]int{}
		head := -1
		for i := range l.Len() {
			if l.Entry(i).heading() {
				head = i
				under[i] = 0
				continue
			}
			wantN++
			if i == l.Cursor() {
				wantAt = wantN
			}
			if head >= 0 && (i == head+1+under[head]) {
				under[head]++
			}
		}
		at, n := l.Count()
		if at != wantAt || n != wantN {
			t.Errorf("%s: Count() = %d, %d; counted %d, %d", st.name, at, n, wantAt, wantN)
		}
		for i, want := range under {
			if got := l.Under(i); got != want {
				t.Errorf("%s: Under(%d) = %d; counted %d", st.name, i, got, want)
			}
		}
		if t.Failed() {
			t.Logf("%s: shown %v, cursor %d", st.name, l.shown, l.Cursor())
		}
	}
}
