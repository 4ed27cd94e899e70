package archive

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestListingReadsOnlyWhatIsAsked: the listing comes from the index, with
// no article read; Text reads one article, in the listing's story, and
// gives the same article while it is kept.
func TestListingReadsOnlyWhatIsAsked(t *testing.T) {
	a := open(t, writeArchive(t), Options{})
	l := a.Listing(0)
	var listed []*corpus.Article
	ungrouped := 0
	for _, s := range l.Corpus().Stories {
		if s.Ungrouped {
			ungrouped++
		}
		listed = append(listed, s.Articles...)
	}
	if len(listed) != 7 || ungrouped != 2 {
		t.Fatalf("listing of %d articles, %d not grouped; want 7 and 2", len(listed), ungrouped)
	}
	for _, art := range listed {
		if art.Raw != nil || art.Tokens.Len() != 0 || art.Outlet == "" && art.Title == "" {
			t.Fatalf("listed %s: text read or no metadata: %+v", art.ID, art)
		}
	}
	if _, n := l.TextUsed(); n != 0 {
		t.Fatalf("%d articles read before any was asked for", n)
	}
	first := listed[0]
	if _, ok := l.Peek(first); ok {
		t.Errorf("Peek found an article not read")
	}
	text, err := l.Text(context.Background(), first)
	if err != nil {
		t.Fatal(err)
	}
	if text.Tokens.Len() == 0 || text.Story != first.Story || text.Source != first.Source || l.Listed(text) != first {
		t.Errorf("Text(%s): %d tokens, story %q (want %q), listed as %p (want %p)", first.ID, text.Tokens.Len(), text.Story, first.Story, l.Listed(text), first)
	}
	if again, _ := l.Text(context.Background(), first); again != text {
		t.Errorf("Text read the article again")
	}
	if peek, ok := l.Peek(first); !ok || peek != text {
		t.Errorf("Peek after Text = %p, %v; want %p", peek, ok, text)
	}
	if _, n := l.TextUsed(); n != 1 {
		t.Errorf("%d articles kept, want 1", n)
	}
}

// TestListingTextBounded: reading every article of an archive many times
// over keeps the text within its budget.
func TestListingTextBounded(t *testing.T) {
	a := open(t, writeArchive(t), Options{})
	var listed []*corpus.Article
	for _, s := range a.Listing(0).Corpus().Stories {
		listed = append(listed, s.Articles...)
	}
	probe, err := a.Listing(0).Text(context.Background(), listed[0])
	if err != nil {
		t.Fatal(err)
	}
	budget := 2 * compare.ArticleBytes(probe)
	l := a.Listing(budget)
	for range 5 {
		for _, art := range l.Corpus().Stories {
			for _, la := range art.Articles {
				if _, err := l.Text(context.Background(), la); err != nil {
					t.Fatal(err)
				}
				if used, n := l.TextUsed(); used > budget || n > 3 {
					t.Fatalf("%d bytes of text in %d articles kept, budget %d", used, n, budget)
				}
			}
		}
	}
	// What nothing holds any more is collected, and the listing forgets
	// it: its memory does not grow with the articles read.
	for range 10 {
		runtime.GC()
		l.mu.Lock()
		n := len(l.alive)
		l.mu.Unlock()
		if n <= 3 {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("the listing remembers %d articles read, though at most 3 are kept", len(l.alive))
}

// TestListingRereadsChangedFile: an article whose file changes while it
// is listed is read again, though the index still holds the old one.
func TestListingRereadsChangedFile(t *testing.T) {
	dir := writeArchive(t)
	a := open(t, dir, Options{})
	l := a.Listing(0)
	zoo := l.Listed(&corpus.Article{Source: filepath.Join(a.Root(), "zoo.txt")})
	if zoo == nil {
		t.Fatal("zoo.txt is not listed")
	}
	before, err := l.Text(context.Background(), zoo)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "zoo.txt", strings.Replace(unrelated["zoo.txt"], "giant panda", "red panda", 1))
	// A file system whose times are coarse may give the rewrite the same
	// time; a time in the past is a change either way.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "zoo.txt"), old, old); err != nil {
		t.Fatal(err)
	}
	if _, ok := l.Peek(zoo); ok {
		t.Errorf("Peek gives the text of a file changed since")
	}
	after, err := l.Text(context.Background(), zoo)
	if err != nil {
		t.Fatal(err)
	}
	if after == before || !strings.Contains(string(after.Raw), "red panda") {
		t.Errorf("after the file changed, Text gives %q", after.Raw)
	}
}

// TestListingSearch: the listing's search gives listed articles, found by
// words of their text.
func TestListingSearch(t *testing.T) {
	a := open(t, writeArchive(t), Options{})
	l := a.Listing(0)
	found, err := l.Search(context.Background(), "zookeepers", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || !strings.HasSuffix(found[0].Source, "zoo.txt") || l.Listed(found[0]) != found[0] {
		t.Errorf("Search(zookeepers) = %v, want the listed zoo.txt", found)
	}
}
