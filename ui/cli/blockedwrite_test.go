package cli_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptWhileOutputBlocked is a regression test: a command whose
// reader had stopped reading (newsdiff list DIR | less: less reads a
// screenful and ignores Ctrl-C) was blocked writing its output, and an
// interrupt did not end the write: it went on with whatever the reader
// took next, and exited 130 only once all was written, or never. It now
// exits 130 at once, its output cut where the reader left it.
func TestInterruptWhileOutputBlocked(t *testing.T) {
	bin := newsdiffBinary(t)
	dir := t.TempDir()
	var page strings.Builder
	page.WriteString("<html><head><title>Council notes</title></head><body><article><h1>Council notes</h1>")
	for _, name := range []string{"a.txt", "b.txt"} {
		var b strings.Builder
		b.WriteString("Council notes\n\n")
		for i := range 400 {
			p := fmt.Sprintf("Item %d of %s: the council voted on the bridge, the school road and the park, said the mayor of the town.", i, name)
			fmt.Fprintf(&b, "%s\n\n", p)
			fmt.Fprintf(&page, "<p>%s %s</p>", p, strings.Repeat("The mayor spoke at length. ", 8))
		}
		os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644)
	}
	page.WriteString("</article></body></html>")
	os.WriteFile(filepath.Join(dir, "page.html"), []byte(page.String()), 0o644)
	for _, args := range [][]string{
		{"diff", "--format", "json", "--with-text", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")},
		{"extract", filepath.Join(dir, "page.html")},
	} {
		t.Run(args[0], func(t *testing.T) { interruptBlockedWriter(t, bin, args) })
	}
}

// interruptBlockedWriter runs bin with args, its output to a pipe that is
// read no further than its first byte, interrupts it and checks that it
// exits 130.
func interruptBlockedWriter(t *testing.T, bin string, args []string) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	// The output is many times a pipe's buffer, so the command blocks
	// writing it while nothing reads.
	cmd := exec.Command(bin, args...)
	cmd.Stdout = w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	// Its first byte says it is writing the output.
	if _, err := io.ReadFull(r, make([]byte, 1)); err != nil {
		t.Fatalf("no output: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-done:
		if ee, ok := errors.AsType[*exec.ExitError](err); !ok || ee.ExitCode() != 130 {
			t.Errorf("exit %v, want status 130", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatal("still writing 10 s after SIGINT, with nothing reading its output")
	}
}
