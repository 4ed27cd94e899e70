package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestListHintNamesTheFolder is a regression test: a command run on a
// folder that named no article or story there sent the user to
// "(try: newsdiff list)", which lists the built-in story, not the folder,
// and "newsdiff list --story gop" then said there was no such story. The
// hint now names the folder as the shell reads it back.
func TestListHintNamesTheFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "news")
	odd := filepath.Join(root, "it's news")
	for i := range 9 {
		files := map[string]string{
			"01_a.txt": fmt.Sprintf("Story %d\n\nThe council voted on item %d on Monday, said the mayor of the town.\n", i, i),
			"02_b.txt": fmt.Sprintf("Story %d\n\nThe council voted on item %d on Tuesday, the mayor of the town said.\n", i, i),
		}
		writeFilesIn(t, filepath.Join(dir, fmt.Sprintf("s%d-council", i)), files)
		if i == 0 {
			writeFilesIn(t, odd, files)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "--dir", dir, "--story", "s3", "nosuch", "01_a"}, "(try: newsdiff list " + dir + " --story s3)"},
		{[]string{"diff", "--dir", dir, "nosuch", "01_a"}, "(try: newsdiff list " + dir + ")"},
		{[]string{"list", dir, "--story", "nosuch"}, "(try: newsdiff list " + dir + ")"},
		{[]string{"matrix", dir}, "(newsdiff list " + dir + " shows them)"},
		{[]string{"diff", "--dir", odd, "nosuch", "01_a"}, `(try: newsdiff list '` + strings.ReplaceAll(odd, "'", `'\''`) + `')`},
		// The built-in story is listed by list alone.
		{[]string{"diff", "nosuch", "swell"}, "(try: newsdiff list)\n"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code == 0 {
			t.Errorf("%q: exit 0", tt.args)
		}
		if !strings.Contains(le.errb.String(), tt.want) {
			t.Errorf("%q: stderr %q, want %q", tt.args, le.errb, tt.want)
		}
	}
}

func TestShellWord(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"news", "news"},
		{"/srv/news-2024/a_b.c", "/srv/news-2024/a_b.c"},
		{"café", "café"},
		{"it's news", `'it'\''s news'`},
		{"a b", "'a b'"},
		{"$HOME", "'$HOME'"},
		{"~x", "'~x'"},
		{"", "''"},
		{"a\x1b[31mb'c", `$'a\x1b[31mb\'c'`},
		{"a\xffb", `$'a\xffb'`},
	} {
		if got := shellWord(tt.in); got != tt.want {
			t.Errorf("shellWord(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
