package archive

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
