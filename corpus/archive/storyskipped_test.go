package archive

import (
	"os"
	"path/filepath"
	"testing"
)

// TestOpenStorySeesItsSkippedFiles is a regression test: a story opened
// alone (Options.Story, --story) checked only the files of its articles,
// so that a file of its folder that was skipped (empty, say) and then
// written in place, which leaves the folder's time as it was, stayed out
// of the story, and a skipped file of its folder was not said, as the
// whole archive says it. The skipped files of the story's folder are
// the story's files too.
func TestOpenStorySeesItsSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	bridge := filepath.Join(dir, "bridge")
	budget := filepath.Join(dir, "budget")
	for _, d := range []string{bridge, budget} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, bridge, "a.txt", "Bridge vote\n\nThe council voted on Monday to close the old bridge over the river for repairs.\n")
	writeFile(t, bridge, "b.txt", "Bridge shut\n\nThe council voted on Monday to shut the old bridge over the river for repairs.\n")
	writeFile(t, bridge, "c.txt", "")
	writeFile(t, budget, "a.txt", "Budget passed\n\nThe parliament passed the budget after a long night of debate on taxes.\n")
	writeFile(t, budget, "b.txt", "Budget approved\n\nLawmakers approved the budget after debating taxes through the night.\n")
	open(t, dir, Options{}).Close()
	age(t, dir)
	open(t, dir, Options{}).Close()

	a := open(t, dir, Options{Story: "bridge"})
	if len(a.Stories()) != 1 {
		t.Fatalf("the story bridge is not opened alone: %d stories", len(a.Stories()))
	}
	if p := problemOf(a, "c.txt"); p == "" {
		t.Error("bridge/c.txt, empty, is not said to be skipped with the story opened alone")
	}
	a.Close()

	writeFile(t, bridge, "c.txt", "Bridge closed\n\nThe old bridge over the river is closed for repairs, the council said on Monday.\n")
	a = open(t, dir, Options{Story: "bridge"})
	s, err := a.FindStory("bridge")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range s.Entries {
		names = append(names, filepath.Base(e.Path))
	}
	if len(names) != 3 {
		t.Errorf("the story bridge, its c.txt written in place, holds %q; want a.txt, b.txt and c.txt", names)
	}
	if p := problemOf(a, "c.txt"); p != "" {
		t.Errorf("bridge/c.txt, written, is said to be %q", p)
	}
}
