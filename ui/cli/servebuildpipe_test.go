package cli_test

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/newsdiff/newsdiff/articles"
)

// TestServeReaderGoneWhileIndexing is a regression test: serve ignored
// a broken pipe on stderr only once its server ran (see
// TestServeLogReaderGone), and the first index of the folder it serves
// is built before that, its progress said on stderr. With stderr a pipe
// whose reader had gone (newsdiff serve DIR 2>&1 | head -1), the first
// progress line ended the process with SIGPIPE before it served. It
// serves now, its lines lost.
func TestServeReaderGoneWhileIndexing(t *testing.T) {
	bin := newsdiffBinary(t)
	dir := articleFolder(t)
	// A port free a moment ago: the log that would say which one the
	// server took is the pipe nobody reads.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close() // the reader has gone before the first line
	cmd := exec.Command(bin, "serve", "--listen", addr, "--host-key", filepath.Join(t.TempDir(), "host_key"), dir)
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		_ = cmd.Process.Kill()
		<-exited
	}()

	config := anyKeyConfig(t, 10*time.Second)
	var client *gossh.Client
	for deadline := time.Now().Add(30 * time.Second); client == nil; {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("serve ended before it served, its stderr's reader gone: %v", err)
		case <-time.After(50 * time.Millisecond):
		}
		if client, err = gossh.Dial("tcp", addr, config); err != nil && time.Now().After(deadline) {
			t.Fatalf("serve did not serve: %v", err)
		}
	}
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.Output("list")
	client.Close()
	if err != nil || len(out) == 0 {
		t.Fatalf("list: %v, %d bytes", err, len(out))
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		exited <- err
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Errorf("after SIGTERM serve exited with %v, want 0", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}

// articleFolder writes the sample articles into a folder of their own,
// which has no index yet.
func articleFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := fs.WalkDir(articles.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(articles.FS, p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
