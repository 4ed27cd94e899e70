package archive

import (
	"path/filepath"
	"testing"
)

// TestListingPaths: the paths a listing gives its articles are the ones
// Path gives, clean or not, past the end of one shared buffer too.
func TestListingPaths(t *testing.T) {
	a := &Archive{root: filepath.Join(t.TempDir(), "news")}
	paths := a.paths()
	long := make([]byte, 3<<20)
	for i := range long {
		long[i] = 'x'
	}
	tests := []string{"a.txt", "story/b.txt", "./c.txt", "d//e.txt", "../f.txt", "g/", string(long), "h.txt"}
	var got []string
	for _, p := range tests {
		got = append(got, paths(Entry{Path: p}))
	}
	for i, p := range tests {
		if want := a.Path(Entry{Path: p}); got[i] != want {
			t.Errorf("path of %.20q = %.60q, want %.60q", p, got[i], want)
		}
	}
}
