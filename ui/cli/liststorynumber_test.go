package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestListNumbersStories checks that list heads each story with the
// number --story takes: the README and --help say "the story's number in
// newsdiff list", and list showed none, so a reader of a long listing had
// to count headings.
func TestListNumbersStories(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "bridge"), map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor of the town.\n",
	})
	writeFilesIn(t, filepath.Join(dir, "budget"), map[string]string{
		"b.txt": "Budget passed\n\nThe parliament passed the budget after a long night of debate on taxes.\n",
	})
	heading := regexp.MustCompile(`(?m)^# (\d+) · (\S+)$`)
	check := func(how, out string) {
		t.Helper()
		got := heading.FindAllStringSubmatch(out, -1)
		if len(got) != 2 || got[0][1] != "1" || got[1][1] != "2" {
			t.Fatalf("%s: headings %q, want \"# 1 · …\" and \"# 2 · …\":\n%s", how, got, out)
		}
		for _, h := range got {
			le := newLocalEnv(t, false, "")
			if code := le.run("matrix", "--story", h[1], dir); code != 0 {
				t.Fatalf("matrix --story %s: exit %d: %s", h[1], code, le.errb)
			}
			if first, _, _ := strings.Cut(le.out.String(), "\n"); !strings.HasPrefix(first, "# "+h[2]+" ·") {
				t.Errorf("%s: --story %s analysed %q, list names %q", how, h[1], first, h[2])
			}
		}
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("list", dir); code != 0 {
		t.Fatalf("list: exit %d: %s", code, le.errb)
	}
	check("list DIR", le.out.String())

	// A corpus in memory, as served over SSH, is listed the same way.
	c, _, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := &printer{app: &app{}}
	if err := writeList(p, c, nil); err != nil {
		t.Fatal(err)
	}
	check("a corpus in memory", p.stdout.String())
}
