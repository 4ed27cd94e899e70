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
