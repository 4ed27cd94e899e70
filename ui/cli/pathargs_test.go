package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFilesNamedAsDiffTakesThem checks that diff and the reader take file
// names as diff(1) does: a file named without a dot ("old") is read, and
// a missing file or a directory is named as such. "newsdiff diff old new"
// said there was no article "old"; "newsdiff diff missing.txt new" and
// "newsdiff diff new d" spoke of ids and outlets; "newsdiff a.txt
// missing.txt" called missing.txt an unknown command.
func TestFilesNamedAsDiffTakesThem(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"old":   "Bridge vote\n\nThe council voted to close the bridge on Monday.\n",
		"new":   "Bridge vote\n\nThe council voted to shut the bridge on Monday.\n",
		"a.txt": "Budget passed\n\nThe parliament passed the budget after a long night.\n",
	})
	writeFilesIn(t, dir+"/folder", map[string]string{})
	t.Chdir(dir)
	tests := []struct {
		args    []string
		code    int
		stdout  string // what the output must hold
		stderr  string // what the one line of error must hold
		notSaid string
	}{
		{[]string{"diff", "--format", "plain", "old", "new"}, 0, "--- old · Bridge vote\n", "", ""},
		{[]string{"diff", "--format", "plain", "--dir", ".", "old", "new"}, 0, "+++ new · Bridge vote\n", "", ""},
		{[]string{"diff", "missing.txt", "new"}, 1, "", "missing.txt: no such file or directory", ""},
		{[]string{"diff", "--dir", ".", "old", "missing.txt"}, 1, "", "missing.txt: no such file or directory", ""},
		// A folder beside a file stands for its file of that name, as
		// in diff(1) (see TestDiffFileAndFolder).
		{[]string{"diff", "new", "folder"}, 1, "", filepath.Join("folder", "new") + ": no such file or directory", "id or outlet"},
		{[]string{"diff", "--dir", ".", "new", "folder"}, 1, "", "folder: is a directory", "id or outlet"},
		{[]string{"a.txt", "missing.txt"}, 1, "", "missing.txt: no such file or directory", "unknown command"},
		{[]string{"missing.txt", "a.txt"}, 1, "", "missing.txt: no such file or directory", "unknown command"},
		// Three files are a usage error whether the third is there or
		// not: a missing one was named, status 1.
		{[]string{"a.txt", "new", "missing.txt"}, 2, "", "", ""},
		{[]string{"a.txt", "new", "old"}, 2, "", "", ""},
		{[]string{"a.txt", "missing.txt", "old"}, 2, "", "", ""},
		// Only extract and add fetch: an address elsewhere is said to be
		// one, not a missing file.
		{[]string{"diff", "https://news.example/a", "new"}, 1, "", "https://news.example/a: a web address, not a file: newsdiff add DIR URL… saves pages to compare", "no such file"},
		{[]string{"https://news.example/a", "https://news.example/b"}, 1, "", "https://news.example/a: a web address, not a file", "no such file"},
		{[]string{"list", "http://news.example/"}, 1, "", "http://news.example/: a web address, not a file", "no such file"},
		// Nor is "-" a folder: standard input is an article's, and "no
		// such file" of it read as if the file should be there.
		{[]string{"list", "-"}, 1, "", `-: no such folder ("-" reads standard input only where an article goes: diff, extract, add,`, "no such file"},
		{[]string{"quotes", "-"}, 1, "", `-: no such folder ("-" reads standard input only where an article goes: diff, extract, add,`, "no such file"},
		{[]string{"index", "-"}, 1, "", `-: no such folder ("-" reads standard input only where an article goes: diff, extract, add,`, "no such file"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		code := le.run(tt.args...)
		if code != tt.code {
			t.Errorf("%q: exit %d, want %d; stderr %q", tt.args, code, tt.code, le.errb)
			continue
		}
		if !strings.Contains(le.out.String(), tt.stdout) {
			t.Errorf("%q: stdout lacks %q:\n%s", tt.args, tt.stdout, le.out)
		}
		errs := le.errb.String()
		if tt.stderr == "" {
			continue
		}
		if !strings.Contains(errs, tt.stderr) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: stderr %q, want one line saying %q", tt.args, errs, tt.stderr)
		}
		if tt.notSaid != "" && strings.Contains(errs, tt.notSaid) {
			t.Errorf("%q: stderr %q speaks of %q", tt.args, errs, tt.notSaid)
		}
	}
}

// TestWarningsNameFilesAsGiven checks that a folder's load warnings name
// its files under the path the command line gave, as diff and git do:
// "newsdiff list news" and "newsdiff index news" warned of
// "/tmp/…/news/bin.txt".
func TestWarningsNameFilesAsGiven(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "news"), map[string]string{
		"a.txt":   "Bridge vote\n\nThe council voted to close the bridge on Monday.\n",
		"bin.txt": "Bridge\x00vote",
	})
	t.Chdir(dir)
	for _, cmd := range []string{"list", "index"} {
		le := newLocalEnv(t, false, "")
		if code := le.run(cmd, "news"); code != 0 {
			t.Fatalf("%s: exit %d: %s", cmd, code, le.errb)
		}
		want := "newsdiff: warning: " + filepath.Join("news", "bin.txt") + ": skipped: binary file"
		if errs := le.errb.String(); !strings.HasPrefix(errs, want) || strings.Contains(errs, dir) {
			t.Errorf("%s: stderr %q, want %q…", cmd, errs, want)
		}
	}
}

// TestDiffDirIsAFile is a regression test: diff's DIR (a third argument or
// --dir) naming a file was read as a folder of that one article, so
// "diff a.txt b.txt c.txt" compared a and b and said nothing of c, exit 0,
// and "diff a b c.txt" called a no article at all. Then it said "c.txt:
// not a directory", exit 1, as if something had gone wrong while
// comparing. DIR is a folder or nothing: anything else there is a usage
// error naming the argument, exit 2, as diff(1) says of a third file, and
// nothing is printed.
func TestDiffDirIsAFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"b.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
		"c.txt": "Bridge shut\n\nThe bridge is shut, the council said on Tuesday.\n",
	})
	a, b, c := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")
	third := c + " is not a folder: a third argument is the folder A and B are looked up in"
	flag := "--dir " + c + " is not a folder: it names the folder A and B are looked up in"
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", a, b, c}, third},
		{[]string{"diff", "a", "b", c}, third},
		{[]string{"diff", "--dir", c, "a", "b"}, flag},
		{[]string{"diff", "--exit-code", a, b, c}, third},
		{[]string{"diff", a, b, os.DevNull}, os.DevNull + " is not a folder: a third argument is the folder A and B are looked up in"},
	} {
		le := newLocalEnv(t, false, "")
		code := le.run(tt.args...)
		want := "newsdiff diff: " + tt.want + "\nusage: newsdiff diff [flags] A B [DIR]\n"
		if code != ExitUsage || !strings.HasPrefix(le.errb.String(), want) || le.out.Len() > 0 {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want exit %d, stderr %q…", tt.args, code, le.errb, le.out, ExitUsage, want)
		}
	}
	// A folder as DIR is as before.
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "a", "b", dir); code != 0 || !strings.Contains(le.out.String(), "[-open-]{+close+}") {
		t.Errorf("diff a b DIR: exit %d, %q %q", code, le.out, le.errb)
	}
}

// TestDiffHeadsTwoFilesOfOneName is a regression test: two files of one
// name (old/story.txt and new/story.txt, two stories' 01_nytimes) were
// both headed by their id, "--- story" and "+++ story", so the headers
// did not say which was which. Each is then headed as it was named, as
// diff(1) and git do; JSON keeps the ids, beside each one's source.
func TestDiffHeadsTwoFilesOfOneName(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, filepath.Join(dir, "old"), map[string]string{"story.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n"})
	writeFilesIn(t, filepath.Join(dir, "new"), map[string]string{"story.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n"})
	t.Chdir(dir)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "old/story.txt", "new/story.txt"}, "--- old/story.txt · Bridge vote\n+++ new/story.txt · Bridge vote\n"},
		{[]string{"diff", "--dir", ".", "old/story", "new/story"}, "--- old/story · Bridge vote\n+++ new/story · Bridge vote\n"},
		{[]string{"diff", "old/story", "new/story", "."}, "--- old/story · Bridge vote\n+++ new/story · Bridge vote\n"},
		// Two ids: as before.
		{[]string{"diff", "old/story.txt", "-"}, "--- story · Bridge vote\n+++ - · Bridge vote\n"},
	} {
		le := newLocalEnv(t, false, "Bridge vote\n\nThe council voted to shut the bridge.\n")
		if code := le.run(tt.args...); code != 0 || !strings.HasPrefix(le.out.String(), tt.want) {
			t.Errorf("%q: exit %d, output starts %q, want %q (%s)", tt.args, code, le.out.String()[:min(len(le.out.String()), len(tt.want))], tt.want, le.errb)
		}
	}
}

// TestDiffNamesTwoFilesOfOneID is a regression test: a folder holding
// a.txt and a.md has two articles of id "a", and diff --dir said `"a" is
// ambiguous: a, a`, naming neither; nor could either be named by its file
// name from another folder. The choices are now named by their paths,
// which diff takes, and list shows them so.
func TestDiffNamesTwoFilesOfOneID(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday.\n",
		"a.md":  "# Bridge vote\n\nThe council voted to *close* the bridge on Monday.\n",
		"b.txt": "Ferry strike\n\nFerry crews walked out on Tuesday over pay.\n",
	})
	t.Chdir(t.TempDir())
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--dir", dir, "a", "b"); code != ExitError || !strings.Contains(le.errb.String(), `"a" is ambiguous: a.md, a.txt`) {
		t.Errorf("diff --dir DIR a b: exit %d, stderr %q", code, le.errb)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--dir", dir, "a.md", "a.txt"); code != 0 || !strings.Contains(le.out.String(), "[-close-]{+open+}") {
		t.Errorf("diff --dir DIR a.md a.txt: exit %d, %q %q", code, le.out, le.errb)
	}
	// list shows them as diff takes them; b alone by its id.
	le = newLocalEnv(t, false, "")
	if code := le.run("list", dir); code != 0 {
		t.Fatalf("list: exit %d: %s", code, le.errb)
	}
	for _, row := range []string{"\na.md ", "\na.txt ", "\nb "} {
		if !strings.Contains(le.out.String(), row) {
			t.Errorf("list lacks a row starting %q:\n%s", row[1:], le.out)
		}
	}
}
