package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestListStoryOpensItAlone is a regression test: list --story opened the
// whole archive, to print the story's number, which only the whole
// listing had (1.7-2.2 s and 187 MB at 100,000 articles, where quotes
// --story opened its story alone through the index in 0.13 s and 34 MB).
// The index keeps each story's number, and list --story now opens the
// story alone, as quotes --story does: a file of another story that cannot
// be read is not looked at, nor said. What it prints is what it printed:
// the number and name, or "not grouped", and the ids a.txt and a.md are
// listed by, which are their file names for as long as another story of
// the archive has the other, as diff names them.
func TestListStoryOpensItAlone(t *testing.T) {
	dir := twoStoriesDir(t)
	writeFilesIn(t, dir, map[string]string{
		// Two files of one id, of two stories of their own: neither
		// reports what the other does.
		"a.txt":   "Harbour crane collapses\n\nA crane at the harbour collapsed on Tuesday morning, the port authority said, and no one was hurt.\n",
		"a.md":    "# Orchestra tour cancelled\n\nThe city orchestra cancelled its autumn tour of Asia, its director said, citing the cost of travel.\n",
		"zoo.txt": "Zoo welcomes panda cub\n\nThe zoo announced the birth of a panda cub on Sunday, the first in its history, keepers said.\n",
		// Two reports of one event, grouped into a story.
		"ferry-1.txt": "Ferry strike halts crossings\n\nFerry workers walked out on Friday over pay, halting every crossing to the islands until Monday, the union said in a statement to reporters at the harbour.\n",
		"ferry-2.txt": "Strike stops island ferries\n\nFerry workers walked out on Friday over pay, halting every crossing to the islands until Monday, the union said in a statement to reporters at the port.\n",
	})
	writeFilesIn(t, filepath.Join(dir, "other"), map[string]string{"broken.txt": "\x00\x01\x02\x03"})
	agedArchive(t, dir)

	run := func(args ...string) (string, string) {
		t.Helper()
		le := newLocalEnv(t, false, "")
		if code := le.run(append([]string{"list", dir}, args...)...); code != 0 {
			t.Fatalf("list %q: exit %d: %s", args, code, le.errb)
		}
		return le.out.String(), le.errb.String()
	}
	var full listDoc
	out, _ := run("--format", "json")
	if err := json.Unmarshal([]byte(out), &full); err != nil {
		t.Fatal(err)
	}

	var plain bytes.Buffer
	for _, tt := range []struct {
		story, name string // name is the story's, as the JSON names it
	}{
		{"1", "bridge-vote"},
		{"VOTE", "bridge-vote"},
		{"2", "Ferry strike halts crossings"},
		{"HALTS", "Ferry strike halts crossings"},
		{"gop", "gop-aide"},
		{"3", "gop-aide"},
		{"4", ""},
		{"5", ""},
		{"6", ""},
		{"crane", ""},
		{"orchestra", ""},
		{"panda", ""},
	} {
		out, errs := run("--story", tt.story)
		if errs != "" {
			t.Errorf("list --story %s said %q: the whole archive was opened, not the story alone", tt.story, errs)
		}
		heading, _, _ := strings.Cut(out, "\n")
		plain.WriteString("$ list --story " + tt.story + "\n" + out)

		out, errs = run("--story", tt.story, "--format", "json")
		if errs != "" {
			t.Errorf("list --story %s --format json said %q", tt.story, errs)
		}
		var doc listDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		// The story's articles, as the whole listing has them.
		name := tt.name
		if name == "" && len(doc.Articles) > 0 {
			name = doc.Articles[0].Story
		}
		want := slices.DeleteFunc(slices.Clone(full.Articles), func(e listEntry) bool { return e.Story != name })
		if len(want) == 0 || !slices.Equal(doc.Articles, want) {
			t.Errorf("list --story %s --format json (%s):\n%+v\nwant\n%+v", tt.story, heading, doc.Articles, want)
		}
	}
	golden(t, "list-story", plain.Bytes())
}
