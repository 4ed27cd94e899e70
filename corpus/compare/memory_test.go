package compare

import (
	"runtime"
	"testing"
)

// TestUnitsMemory bounds what the matcher keeps of each prose sentence
// while it pairs them: two 5 MiB articles, their text model and the
// comparison must fit 256 MiB (issue 13, item 2). On this text of short
// words, units that stored every six-word run's hash and three IDF slices
// of float64, each unit with its own copy of its meaning, kept 23.0
// bytes per byte; now they keep 18.2.
func TestUnitsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("compares 2 MB of text")
	}
	const maxLivePerByte = 20
	left, right := syntheticPair(150000, 3)
	size := len(left.Raw) + len(right.Raw)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m := newMatcher(&Fitted)
	lu, ru := m.units(left), m.units(right)
	m.weigh(lu, ru)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(lu)
	runtime.KeepAlive(ru)
	runtime.KeepAlive(m)
	runtime.KeepAlive(left)
	runtime.KeepAlive(right)
	if got := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(size); got > maxLivePerByte {
		t.Errorf("the units of %d bytes of text keep %.1f bytes live per byte, want at most %d", size, got, maxLivePerByte)
	}
}

// TestNewDifferSmall bounds what a new Differ allocates: its form map is
// made for a short pair's forms, since the first diff of every run touches
// the map's whole table, each fresh page a page fault. Made for 512 forms
// it took 25 KiB where the seed pair maps 74.
func TestNewDifferSmall(t *testing.T) {
	const maxBytes = 12 << 10
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := NewDiffer()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	if got := after.TotalAlloc - before.TotalAlloc; got > maxBytes {
		t.Errorf("NewDiffer allocated %d bytes, want at most %d", got, maxBytes)
	}
}
