package cli

import (
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestSharedNames checks that sharedNames finds the names two or more
// entries have whichever extension comes first, among entries of one
// extension, of several, and in folders.
func TestSharedNames(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		want  []string
	}{
		{nil, nil},
		{[]string{"a.txt", "b.txt", "c.txt"}, nil},
		{[]string{"a.md", "a.txt", "b.txt"}, []string{"a"}},
		{[]string{"a.txt", "b.md", "b.txt", "c.txt"}, []string{"b"}},
		{[]string{"a.html", "a.md", "b.txt"}, []string{"a"}},
		{[]string{"a.html", "a.md", "a.txt"}, []string{"a"}},
		{[]string{"a.md", "b.html", "c.txt"}, nil},
		{[]string{"x/a.txt", "y/a.txt", "y/a.md", "z/a.html"}, []string{"y/a"}},
		{[]string{"x/a.txt", "x/a.b.txt", "x/a.b.md", "x/a"}, []string{"x/a", "x/a.b"}},
		{[]string{"a", "a.txt", "b", "c.md"}, []string{"a"}},
	} {
		var entries []archive.Entry
		for _, p := range tc.paths {
			entries = append(entries, archive.Entry{Path: p})
		}
		var got []string
		for n, shared := range sharedNames(slices.Values(entries)) {
			if shared {
				got = append(got, n)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: shared %q, want %q", tc.paths, got, tc.want)
		}
	}
}
