package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDiffFileAndFolder is a regression test: "newsdiff diff
// new/story.txt old/" failed with "old/: is a directory", where diff(1)
// and git diff --no-index compare the file with the folder's file of the
// same name, either way round.
func TestDiffFileAndFolder(t *testing.T) {
	root := t.TempDir()
	for dir, text := range map[string]string{
		"new": "Bridge vote\n\nThe council voted to open the bridge on Monday, the mayor said.\n",
		"old": "Bridge vote\n\nThe council voted to shut the bridge on Monday, the mayor said.\n",
	} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, dir, "story.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	newFile, oldDir := filepath.Join(root, "new", "story.txt"), filepath.Join(root, "old")
	tests := []struct {
		args       []string
		code       int
		head, errs string
	}{
		{[]string{newFile, oldDir}, ExitOK, "--- " + newFile + " · Bridge vote\n+++ " + filepath.Join(oldDir, "story.txt") + " · Bridge vote\n", ""},
		{[]string{oldDir, newFile}, ExitOK, "--- " + filepath.Join(oldDir, "story.txt") + " · Bridge vote\n+++ " + newFile + " · Bridge vote\n", ""},
		{[]string{newFile, filepath.Join(root, "empty")}, ExitError, "", filepath.Join(root, "empty", "story.txt") + ": no such file or directory\n"},
		// Standard input is no file's name: the folder is still one.
		{[]string{"-", oldDir}, ExitError, "", oldDir + ": is a directory\n"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "The council voted.\n")
		code := le.run(append([]string{"diff"}, tt.args...)...)
		if code != tt.code || !strings.HasPrefix(le.out.String(), tt.head) || !strings.HasSuffix(le.errb.String(), tt.errs) || (tt.errs == "") != (le.errb.Len() == 0) {
			t.Errorf("diff %q: exit %d, stdout\n%s\nstderr %q; want exit %d, stdout starting\n%s\nstderr ending %q", tt.args, code, le.out, le.errb, tt.code, tt.head, tt.errs)
		}
	}
	// The reader takes two articles as diff does.
	le := newLocalEnv(t, true, "")
	if code := le.run(newFile, oldDir); code != ExitOK || le.read == nil || le.read.Corpus == nil {
		t.Fatalf("the reader on %q: exit %d, stderr %q", []string{newFile, oldDir}, code, le.errb)
	}
	var sources []string
	for _, art := range le.read.Corpus.Articles() {
		sources = append(sources, art.Source)
	}
	if want := []string{newFile, filepath.Join(oldDir, "story.txt")}; !slices.Equal(sources, want) {
		t.Errorf("the reader's articles %q, want %q", sources, want)
	}
}
