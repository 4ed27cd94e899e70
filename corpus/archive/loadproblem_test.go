package archive

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestLoadProblemNamesTheFileOnce: an article emptied after it was indexed
// is skipped when its story is loaded, and the problem names the file
// once. The loader's error is itself a Problem that names the file, and
// its whole text became the new Problem's message: "…/000.txt: skipped:
// …/000.txt: skipped: no words".
func TestLoadProblemNamesTheFileOnce(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	a := open(t, dir, Options{NoRefresh: true})
	var emptied string
	for _, s := range a.Stories() {
		if len(s.Entries) < 2 {
			continue
		}
		emptied = a.Path(s.Entries[0])
		if err := os.WriteFile(emptied, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		_, problems, err := a.Load(context.Background(), s, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 1 {
			t.Fatalf("problems = %v, want the emptied file's", problems)
		}
		msg := problems[0].Error()
		if n := strings.Count(msg, filepath.Base(emptied)); n != 1 {
			t.Errorf("problem %q names the file %d times, want once", msg, n)
		}
		return
	}
	t.Fatal("no story of two articles in the sample")
}

// TestPartReadStoryCountsTheRest: a story read only in part, by the
// archive for a story command or by the reader's listing for an analysis,
// says how many articles it did not read, so that an analysis cut short
// counts the whole story.
func TestPartReadStoryCountsTheRest(t *testing.T) {
	dir := writeArchive(t)
	a := open(t, dir, Options{})
	defer a.Close()
	listed := map[string]*corpus.Story{}
	for _, s := range a.Listing(0).Corpus().Stories {
		listed[s.Name] = s
	}
	for _, s := range a.Stories() {
		n := len(s.Entries)
		for _, max := range []int{0, 1, n - 1, n, n + 1} {
			want := 0
			if max > 0 && max < n {
				want = n - max
			}
			st, _, err := a.Load(context.Background(), s, max)
			if err != nil {
				t.Fatal(err)
			}
			if st.Unread != want || len(st.Articles)+st.Unread != n {
				t.Errorf("Load %q (%d articles), max %d: %d read, %d unread, want %d unread", s.Name, n, max, len(st.Articles), st.Unread, want)
			}
			ls, err := a.Listing(0).Story(context.Background(), listed[s.Name], max)
			if err != nil {
				t.Fatal(err)
			}
			if ls.Unread != want || len(ls.Articles)+ls.Unread != n {
				t.Errorf("Listing.Story %q (%d articles), max %d: %d read, %d unread, want %d unread", s.Name, n, max, len(ls.Articles), ls.Unread, want)
			}
		}
	}
}
