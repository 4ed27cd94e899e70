package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestStoryJSONSaysWhatWasLeftOut checks that every story command's JSON
// says, as its text does, that a story larger than analysis.MaxArticles
// was analysed in part. The JSON said nothing, so a script took the first
// 24 articles' figures for the story's.
func TestStoryJSONSaysWhatWasLeftOut(t *testing.T) {
	dir, total := oversizedStory(t)
	want := analysis.Limit{Analysed: analysis.MaxArticles, Total: total}.String()
	for _, command := range []string{"matrix", "unique", "shared", "facts", "quotes"} {
		le := newLocalEnv(t, false, "")
		if code := le.run(command, dir, "--format", "json"); code != 0 {
			t.Fatalf("%s: exit %d: %s", command, code, le.errb)
		}
		var doc struct{ Stories []struct{ Note string } }
		if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", command, err)
		}
		if len(doc.Stories) != 1 || !leftOutNote(doc.Stories[0].Note, want, total) {
			t.Errorf("%s: stories %+v, want one with the note %q", command, doc.Stories, want)
		}
	}
}

// leftOutNote reports whether note says that part of a story of total
// articles was left out: the size bound's note, want, or, on a machine so
// busy (the race detector, other tests) that the time budget cut the story
// first, the budget's note, which says the same.
func leftOutNote(note, want string, total int) bool {
	return note == want || strings.HasPrefix(note, "only the first ") &&
		strings.HasSuffix(note, fmt.Sprintf(" of %d articles are analysed: comparing more would take over %v", total, analysis.Budget))
}

// oversizedStory writes a folder of one story, "bridge", of one article
// more than analysis.MaxArticles, and returns the folder and how many.
func oversizedStory(t *testing.T) (dir string, total int) {
	t.Helper()
	dir = t.TempDir()
	story := filepath.Join(dir, "bridge")
	if err := os.Mkdir(story, 0o755); err != nil {
		t.Fatal(err)
	}
	total = analysis.MaxArticles + 1
	for i := range total {
		text := fmt.Sprintf("Bridge vote, report %d\n\nThe council voted to close the river bridge on Monday. Outlet %d said the repairs would cost %d million dollars and take a year.\n", i, i, i+2)
		if err := os.WriteFile(filepath.Join(story, fmt.Sprintf("%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, total
}
