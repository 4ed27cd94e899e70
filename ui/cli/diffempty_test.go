package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDiffEmptyFile is a regression test: diff refused a file of no words
// (empty, blank) with "no words", status 1, where it took /dev/null for an
// empty article, so a difftool on a file emptied in an edit failed. As
// diff(1), wdiff and git do, such a file is now an empty side: every word
// of the other side is shown inserted or deleted, in every format, and
// --exit-code says the texts differ.
func TestDiffEmptyFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":     "Bridge vote\n\nThe council voted to open the bridge on Monday.\n",
		"empty.txt": "",
		"blank.txt": "  \n\n\t\n",
		"page.html": "",
	})
	a, empty, blank := filepath.Join(dir, "a.txt"), filepath.Join(dir, "empty.txt"), filepath.Join(dir, "blank.txt")
	tests := []struct {
		args  []string
		stdin string
		code  int
		want  []string
	}{
		{[]string{"diff", empty, a, "--format", "plain"}, "", 0, []string{"--- empty\n", "+++ a · Bridge vote\n", "0 words deleted, 11 inserted", "{+Bridge vote+}"}},
		{[]string{"diff", a, blank, "--format", "plain"}, "", 0, []string{"--- a · Bridge vote\n", "+++ blank\n", "11 words deleted, 0 inserted", "[-Bridge vote-]"}},
		{[]string{"diff", a, empty, "--format", "plain", "--exit-code"}, "", 1, []string{"[-The council voted"}},
		{[]string{"diff", a, empty, "--format", "ansi", "--color", "always"}, "", 0, []string{"\x1b[", "The council voted"}},
		{[]string{"diff", empty, a, "--format", "html"}, "", 0, []string{"<title>empty vs a</title>", "The council voted"}},
		{[]string{"diff", "-", a, "--format", "plain"}, "", 0, []string{"--- -\n", "{+Bridge vote+}"}},
		{[]string{"diff", "-", a, "--format", "plain"}, " \n\n", 0, []string{"--- -\n", "{+Bridge vote+}"}},
		// A page emptied, as git's external diff sees it too.
		{[]string{"diff", filepath.Join(dir, "page.html"), a, "--format", "plain"}, "", 0, []string{"--- page\n", "{+Bridge vote+}"}},
		{[]string{"page.html", a, strings.Repeat("ab", 20), "100644", filepath.Join(dir, "page.html"), strings.Repeat("ab", 20), "100644"}, "", 0, []string{"--- a/page.html · Bridge vote\n+++ b/page.html\n", "[-Bridge vote-]"}},
		// Two sides of no words say the same: nothing, status 0.
		{[]string{"diff", empty, blank, "--exit-code"}, "", 0, nil},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, tt.stdin)
		if code := le.run(tt.args...); code != tt.code {
			t.Errorf("%q: exit %d, want %d: %s", tt.args, code, tt.code, le.errb)
			continue
		}
		if le.errb.Len() > 0 {
			t.Errorf("%q: stderr %q", tt.args, le.errb)
		}
		for _, w := range tt.want {
			if !strings.Contains(le.out.String(), w) {
				t.Errorf("%q: no %q in\n%s", tt.args, w, le.out)
			}
		}
		if tt.want == nil && le.out.Len() > 0 {
			t.Errorf("%q: want no output, got\n%s", tt.args, le.out)
		}
	}

	le := newLocalEnv(t, false, "")
	if code := le.run("diff", a, empty, "--format", "json", "--exit-code"); code != 1 {
		t.Fatalf("json: exit %d: %s", code, le.errb)
	}
	var got jsonComparison
	if err := json.Unmarshal(le.out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Differs || got.Right.ID != "empty" || got.Right.Source != empty || len(got.Blocks) == 0 || got.Blocks[0].Kind != "left-only" {
		t.Errorf("json: %+v", got)
	}
}

// TestReaderEmptyFile is a regression test: the reader on two files
// refused one of no words ("newsdiff: empty.txt: no words", status 1),
// where it took /dev/null, and diff took the same file, for an empty
// side.
func TestReaderEmptyFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":     "Bridge vote\n\nThe council voted to open the bridge on Monday.\n",
		"empty.txt": "",
		"blank.txt": "  \n\n\t\n",
	})
	a := filepath.Join(dir, "a.txt")
	for _, tt := range []struct {
		args  []string
		stdin string
		empty string // the empty side's id
	}{
		{[]string{filepath.Join(dir, "empty.txt"), a}, "", "empty"},
		{[]string{a, filepath.Join(dir, "blank.txt")}, "", "blank"},
		{[]string{"-", a}, "\n", "-"},
		{[]string{"/dev/null", a}, "", "/dev/null"},
	} {
		le := newLocalEnv(t, true, tt.stdin)
		if code := le.run(tt.args...); code != ExitOK || le.read == nil || le.read.Corpus == nil {
			t.Errorf("the reader on %q: exit %d, stderr %q", tt.args, code, le.errb)
			continue
		}
		var ids []string
		words := 0
		for _, art := range le.read.Corpus.Articles() {
			ids = append(ids, art.ID)
			if art.ID == tt.empty {
				words = art.Words
			}
		}
		if len(ids) != 2 || !slices.Contains(ids, tt.empty) || words != 0 {
			t.Errorf("the reader on %q: articles %q, want %q among two, of no words", tt.args, ids, tt.empty)
		}
	}
}
