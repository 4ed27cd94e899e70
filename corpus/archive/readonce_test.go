//go:build linux

package archive

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/opentest"
)

// TestIndexReadsEachFileOnce is a regression test: indexing read every
// article file twice, once to hash it and once to load it. A first index,
// a refresh of files whose time changed but not their bytes, and one of
// files whose bytes changed each open every article file once.
func TestIndexReadsEachFileOnce(t *testing.T) {
	dir := writeArchive(t)
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range ents {
		if corpus.IsArticleName(e.Name()) {
			files = append(files, e.Name())
		}
	}
	if len(files) < 5 {
		t.Fatalf("only %d article files to index", len(files))
	}
	seen := opentest.Opens(t, dir)
	check := func(when string) {
		t.Helper()
		counts := seen()
		for _, name := range files {
			if counts[name] != 1 {
				t.Errorf("%s: %s opened %d times, want once", when, name, counts[name])
			}
		}
	}

	open(t, dir, Options{}).Close()
	check("first index")

	later := time.Now().Add(time.Hour)
	for _, name := range files {
		if err := os.Chtimes(filepath.Join(dir, name), later, later); err != nil {
			t.Fatal(err)
		}
	}
	open(t, dir, Options{}).Close()
	check("refresh, times changed")

	for _, name := range files {
		p := filepath.Join(dir, name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.TrimRight(string(b), "\n")+"\n\nOne more line for the refresh.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	seen() // the test's own reads and writes
	open(t, dir, Options{}).Close()
	check("refresh, bytes changed")
}
