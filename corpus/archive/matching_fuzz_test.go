package archive

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/newsdiff/newsdiff/corpus"
)

// FuzzSearchQuery sends arbitrary queries, as a reader's "/" filter takes
// them from a client's keys, to the index's full-text search. The query
// is words, never FTS5 syntax: no query may fail, and a text that holds
// the very words typed (indexed as the loader reads an article's body)
// must be found (when it holds a word at all), by the ranked search and the unranked one alike.
func FuzzSearchQuery(f *testing.F) {
	for _, q := range []string{
		"bridge", "harbour bridge re", `"`, `a"b`, "NEAR(a b)", "a OR b", "a AND NOT b", "-a", "^a", "a:b", "title:x",
		"*", "(", ")", "bridge -", "café caf\u00e9", "Vla\u200bdimir", "\x00", "\xff\xfe", "\x1b[31mred", "a\u202eb", "{a b}", "a + b",
	} {
		f.Add(q)
	}
	s, err := OpenSQLite(context.Background(), filepath.Join(f.TempDir(), indexFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, query string) {
		if len(query) > 1<<10 {
			t.Skip()
		}
		// An article of those words, indexed as an archive indexes it,
		// in place of the last one.
		a := corpus.Parse("q", []byte("Title\n\n"+query+"\n"))
		body := a.Text(a.Body)
		if err := s.Put(ctx, []Record{rec("q.txt", body)}); err != nil {
			t.Fatal(err)
		}
		ranked, err := s.Search(ctx, query, 10)
		if err != nil {
			t.Fatalf("Search(%q), FTS5 query %q: %v", query, ftsQuery(query), err)
		}
		unranked, err := s.Matching(ctx, query, 10)
		if err != nil {
			t.Fatalf("Matching(%q), FTS5 query %q: %v", query, ftsQuery(query), err)
		}
		// A query of punctuation alone has no word to find.
		if !strings.ContainsFunc(corpus.NormaliseString(query), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			return
		}
		for name, ids := range map[string][]int64{"Search": ranked, "Matching": unranked} {
			if len(ids) != 1 {
				t.Fatalf("%s(%q), FTS5 query %q, found %v in the text %q", name, query, ftsQuery(query), ids, body)
			}
		}
	})
}
