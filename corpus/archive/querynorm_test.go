package archive

import (
	"context"
	"strings"
	"testing"
)

// TestSearchQueryReadAsTextIs is a regression test: an article's text is
// indexed as it loads, accents composed (NFC) and zero-width characters
// and soft hyphens dropped, but the reader's "/" filter sent its query to
// the index as typed, so that "café" typed as "e" and a combining acute,
// or a name pasted with a zero-width space inside it, found nothing. Both
// the ranked search and the listing's unranked one are asked.
func TestSearchQueryReadAsTextIs(t *testing.T) {
	dir := t.TempDir()
	// The file itself holds a word decomposed and one cut by a
	// zero-width space: the loader reads both as the plain word.
	writeFile(t, dir, "cafe.txt", "Bridge reopens\n\nThe cafe\u0301 by the bridge reopened on Monday, said Vla\u200bdimir Petrov of \uc11c\uc6b8.\n")
	writeFile(t, dir, "zoo.txt", unrelated["zoo.txt"])
	a := open(t, dir, Options{})
	l := a.Listing(0)
	for _, tc := range []struct {
		name, query string
	}{
		{"composed", "caf\u00e9"},
		{"decomposed", "cafe\u0301"},
		{"decomposed, as a prefix", "reopened cafe\u0301"},
		// The index strips accents, which hid the decomposed é, but
		// not Hangul's jamo: "서울" decomposed is six letters of
		// another script.
		{"decomposed Hangul", "\u1109\u1165\u110b\u116e\u11af"},
		{"zero-width space", "Vla\u200bdimir"},
		{"word joiner", "Vladi\u2060mir petrov"},
		{"soft hyphen", "Vladi\u00admir"},
		{"zero-width no-break space", "petr\ufeffov"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ranked, err := a.Search(context.Background(), tc.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(ranked) != 1 || ranked[0].Path != "cafe.txt" {
				var paths []string
				for _, e := range ranked {
					paths = append(paths, e.Path)
				}
				t.Errorf("Search(%+q) = %q, want cafe.txt", tc.query, paths)
			}
			listed, err := l.Search(context.Background(), tc.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(listed) != 1 || !strings.HasSuffix(listed[0].Source, "cafe.txt") {
				t.Errorf("Listing.Search(%+q) found %d articles, want cafe.txt alone", tc.query, len(listed))
			}
		})
	}
}
