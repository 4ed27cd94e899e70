//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestDiffReadsPipes checks that a pipe named on the command line is read
// as diff(1) reads it, as bash names a process substitution
// (`newsdiff diff <(git show HEAD:a.txt) a.txt` gives /dev/fd/63): it was
// refused as "not a regular file".
func TestDiffReadsPipes(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "63")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	writeFilesIn(t, dir, map[string]string{"new.txt": "Bridge vote\n\nThe council voted on Monday to shut the old bridge over the river for repairs.\n"})
	go func() {
		// Opening a FIFO to write waits for its reader.
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		f.WriteString("Bridge vote\n\nThe council voted on Monday to close the old bridge over the river for repairs.\n")
	}()
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "plain", fifo, filepath.Join(dir, "new.txt")); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	for _, want := range []string{"--- " + fifo + " · Bridge vote\n", "[-close-]{+shut+}"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestExtractReadsPipes checks that extract reads a pipe named on the
// command line as it reads standard input, as an HTML page: `newsdiff
// extract <(curl -s …)` was refused as "not a regular file".
func TestExtractReadsPipes(t *testing.T) {
	page, err := os.ReadFile("../../corpus/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "63")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		f.Write(page)
	}()
	le := newLocalEnv(t, false, "")
	if code := le.run("extract", fifo); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if want := "title: Harbour bridge reopens after storm repairs\n"; !strings.Contains(le.out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, le.out)
	}
}

// TestDiffDevNull checks that /dev/null named on the command line is an
// article with nothing in it, as diff(1) takes it: `git difftool` names it
// for the missing side of a file added or deleted, and the difftool the
// README sets up failed on such a file with "/dev/null: no words".
func TestDiffDevNull(t *testing.T) {
	dir := writeFiles(t, map[string]string{"new.txt": "Bridge vote\n\nThe council voted on Monday to shut the old bridge over the river for repairs.\n"})
	file := filepath.Join(dir, "new.txt")
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"/dev/null", file}, []string{"--- /dev/null\n", "+++ new · Bridge vote\n", "@@ right only · ¶2 @@\n{+The council voted"}},
		{[]string{file, "/dev/null"}, []string{"--- new · Bridge vote\n", "+++ /dev/null\n", "@@ left only · ¶2 @@\n[-The council voted"}},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(append([]string{"diff", "--format", "plain"}, tt.args...)...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args, code, le.errb)
		}
		for _, w := range tt.want {
			if !strings.Contains(le.out.String(), w) {
				t.Errorf("%q: output lacks %q:\n%s", tt.args, w, le.out)
			}
		}
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "--exit-code", "/dev/null", "/dev/null"); code != 0 || le.out.Len() != 0 {
		t.Errorf("/dev/null against itself: exit %d, output %q; want 0 and nothing", code, le.out)
	}
	// The reader names an article by its outlet: /dev/null has one.
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", "--format", "json", "/dev/null", file); code != 0 || !strings.Contains(le.out.String(), `"left":{"id":"/dev/null","outlet":"/dev/null","title":"","source":"/dev/null"}`) {
		t.Errorf("JSON: exit %d, output %.200s; want /dev/null on the left, named as its outlet", code, le.out)
	}
}
