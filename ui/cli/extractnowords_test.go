package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMarkdownOfNoWords is a regression test: a Markdown file with no
// words in it (empty, or markup alone) extracted to nothing with exit
// status 0, where a page with no article text is an error, and add wrote
// it as an empty article.txt, said "skipped: no words" and left the file
// behind, for every later command on the folder to warn of. A title alone
// is a line of prose, and added.
func TestMarkdownOfNoWords(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"empty.md":  "",
		"blank.md":  "\n  \n",
		"markup.md": "![a photo](photo.jpg)\n\n<div></div>\n\n---\n",
		"front.md":  "---\ntitle: \noutlet: The Courier\n---\n\n",
		"title.md":  "---\ntitle: Bridge vote\n---\n",
	})
	for _, name := range []string{"empty.md", "blank.md", "markup.md", "front.md"} {
		file := filepath.Join(dir, name)
		le := newLocalEnv(t, false, "")
		want := "newsdiff extract: " + file + ": no article text found in the page\n"
		if code := le.run("extract", file); code != ExitError || le.out.Len() != 0 || le.errb.String() != want {
			t.Errorf("extract %s: exit %d, stdout %q, stderr %q; want %d, nothing, %q", name, code, le.out, le.errb, ExitError, want)
		}
		into := t.TempDir()
		le = newLocalEnv(t, false, "")
		want = "newsdiff add: " + file + ": no article text found in the page\n"
		if code := le.run("add", into, file); code != ExitError || le.errb.String() != want {
			t.Errorf("add %s: exit %d, stderr %q; want %d, %q", name, code, le.errb, ExitError, want)
		}
		entries, _ := os.ReadDir(into)
		for _, e := range entries {
			t.Errorf("add %s left %s behind", name, e.Name())
		}
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("extract", filepath.Join(dir, "title.md")); code != ExitOK || !strings.Contains(le.out.String(), "---\nBridge vote\n") {
		t.Errorf("extract title.md: exit %d, stdout %q, stderr %q; want the title", code, le.out, le.errb)
	}
}
