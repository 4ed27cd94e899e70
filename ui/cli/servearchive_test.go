package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui/serve"
)

// flatFolder writes a folder of articles with no story folders: the five
// sample articles, their metadata, and three reports of other events,
// which the folder's grouping must tell apart from them.
func flatFolder(t *testing.T) string {
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
	writeFilesIn(t, dir, map[string]string{
		"bridge.txt":  "Council votes to reopen the river bridge\n\nThe town council voted on Monday to reopen the old river bridge after two years of repairs, the mayor said.\n\nTraffic will cross again from next week, and the toll will stay at one pound.\n",
		"storm.txt":   "Storm floods coastal villages\n\nA storm brought high tides and heavy rain to the coast overnight, flooding dozens of homes in three fishing villages.\n\nRescue crews moved families to a school hall, and no one was hurt, the fire service said.\n",
		"harvest.txt": "Wheat harvest best in a decade\n\nFarmers across the region brought in the largest wheat harvest in ten years, helped by a warm spring and a dry summer.\n\nPrices fell at the grain market as buyers expected plenty.\n",
	})
	return dir
}

// startServeDir runs `newsdiff serve DIR` through the command line, with
// the real SSH server, until the test ends, and returns it as a client
// sees it, with what it wrote on stderr until it served.
func startServeDir(t *testing.T, dir string) (*sshServer, string) {
	t.Helper()
	le := newLocalEnv(t, false, "")
	le.Local.Serve = nil // the real server
	var mu sync.Mutex
	le.Stderr = lockedWriter{&mu, le.errb}
	keyPath := filepath.Join(t.TempDir(), "host_ed25519")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--listen", "127.0.0.1:0", "--host-key", keyPath, dir}, le.Env)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != ExitOK {
				t.Errorf("serve: exit %d", code)
			}
		case <-time.After(sshWait):
			t.Error("the server did not stop when its context was cancelled")
		}
	})
	addrRE := regexp.MustCompile(`msg=serving addr=(\S+)`)
	deadline := time.Now().Add(sshWait)
	var stderr string
	for {
		mu.Lock()
		stderr = le.errb.String()
		mu.Unlock()
		if m := addrRE.FindStringSubmatch(stderr); m != nil {
			key, err := os.ReadFile(keyPath)
			if err != nil {
				t.Fatal(err)
			}
			signer, err := gossh.ParsePrivateKey(key)
			if err != nil {
				t.Fatal(err)
			}
			return &sshServer{addr: m[1], hostKey: signer.PublicKey()}, stderr
		}
		select {
		case code := <-done:
			t.Fatalf("serve ended with exit %d before serving; stderr:\n%s", code, stderr)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not start; stderr:\n%s", stderr)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeFolderAsLocal is a regression test: serve loaded a folder into
// memory and grouped it there, while the reader and the printing commands
// open it through its index, so that a flat folder showed other stories
// over SSH than on the machine itself. Every command over SSH must now
// print what the same command prints locally on the folder, run beside
// it: the JSON "source" over SSH names a file under the folder's name,
// never by where it is on the server, as a local command names it from
// the folder's parent.
func TestServeFolderAsLocal(t *testing.T) {
	dir := flatFolder(t)
	s, started := startServeDir(t, dir)
	t.Chdir(filepath.Dir(dir))
	if strings.Contains(started, "warning") {
		t.Errorf("serving a clean folder warned:\n%s", started)
	}
	for _, args := range [][]string{
		{"list"},
		{"list", "--format", "json"},
		{"list", "--story", "1"},
		{"matrix", "--story", "1"},
		{"quotes", "--story", "1", "--format", "json"},
		{"diff", "003", "004", "--format", "plain"},
		{"diff", "bridge", "storm", "--format", "json"},
		{"diff", "nosuch", "004"},
	} {
		cmd := shellQuote(args)
		t.Run(cmd, func(t *testing.T) {
			var out, errb bytes.Buffer
			local := append(append([]string{}, args...), "--dir="+dir)
			if args[0] != "diff" {
				local = append(append([]string{}, args...), dir)
			}
			wantStatus := Run(context.Background(), local, Env{Files: true, Stdout: &out, Stderr: &errb})
			stdout, stderr, status := s.run(t, cmd)
			if stdout != out.String() {
				t.Errorf("stdout over SSH differs from the local command's on the folder (%d bytes, want %d):\n%s", len(stdout), out.Len(), firstDiff(stdout, out.String()))
			}
			// A local hint names the folder ("try: newsdiff list DIR"),
			// which over SSH is the served one, named by no client.
			said := strings.ReplaceAll(errb.String(), "list "+shellWord(dir), "list")
			if want := servedStderr(said); stderr != want || status != wantStatus {
				t.Errorf("stderr %q, status %d; want %q, %d", stderr, status, want, wantStatus)
			}
		})
	}
}

// TestServeFolderSessions runs readers and commands on a served folder at
// once: under -race, it checks that what they share (the archive, its
// listing and their caches) is safe for concurrent use.
func TestServeFolderSessions(t *testing.T) {
	dir := flatFolder(t)
	s, _ := startServeDir(t, dir)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 3 {
		wg.Go(func() {
			if err := readerSession(s, t, fmt.Sprintf("jjjjll\tjj%d", i)); err != nil {
				errs <- err
			}
		})
		wg.Go(func() {
			if _, stderr, status := s.run(t, "matrix --story 1"); status != 0 {
				errs <- fmt.Errorf("matrix: status %d, stderr %q", status, stderr)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// readerSession opens the reader over SSH, waits for it to list the
// folder's articles, types keys and quits.
func readerSession(s *sshServer, t *testing.T, keys string) error {
	sess, screen, in, err := s.reader(t)
	if err != nil {
		return err
	}
	defer sess.Close()
	if !screen.waitFor("Al Jazeera") {
		return fmt.Errorf("the reader never listed the folder's articles within %s; it got %q", sshWait, screen.text())
	}
	fmt.Fprint(in, keys+"q")
	return sess.Wait()
}

// TestServeFolderNoFiles checks that the commands over a served folder,
// which answer from its archive, still cannot name the server's files or
// folders, nor tell which exist: diff takes every name for an article's.
func TestServeFolderNoFiles(t *testing.T) {
	dir := flatFolder(t)
	s, _ := startServeDir(t, dir)
	inside := filepath.Join(dir, "storm.txt") // a file of the served folder
	tests := []struct {
		cmd        string
		wantStderr string
	}{
		{"list /etc", "newsdiff list: naming a directory or file is not allowed here\n"},
		{"list " + dir, "newsdiff list: naming a directory or file is not allowed here\n"},
		{"matrix /etc", "newsdiff matrix: naming a directory or file is not allowed here\n"},
		{"diff --dir /etc 003 004", "newsdiff diff: naming a directory or file is not allowed here\n"},
		{"diff /etc/passwd 003", `newsdiff diff: no article with id or outlet "/etc/passwd" (try: ssh HOST list)` + "\n"},
		{"diff 003 /etc/hostname", `newsdiff diff: no article with id or outlet "/etc/hostname" (try: ssh HOST list)` + "\n"},
		{"diff " + inside + " 003", `newsdiff diff: no article with id or outlet "` + inside + `" (try: ssh HOST list)` + "\n"},
		{"diff /no/such/file 003", `newsdiff diff: no article with id or outlet "/no/such/file" (try: ssh HOST list)` + "\n"},
	}
	for _, tc := range tests {
		t.Run(tc.cmd, func(t *testing.T) {
			stdout, stderr, status := s.run(t, tc.cmd)
			if stdout != "" || stderr != tc.wantStderr || status != ExitError {
				t.Errorf("status %d, stdout %q, stderr %q\nwant %d, no stdout, stderr %q", status, stdout, stderr, ExitError, tc.wantStderr)
			}
		})
	}
}

// startServeArchive serves the folder dir as serve does, looking at its
// files again for every session and command (ServedArchive.every 0),
// logging to log, until the test ends. It returns what the serve wrote
// on stderr too.
func startServeArchive(t *testing.T, dir string, log *slog.Logger) (*sshServer, *ServedArchive, func() string) {
	t.Helper()
	// Cleanups run last first: the archive is closed once the server
	// is done, as serve closes it.
	sa, stderr := openServedFolder(t, dir)
	s := serveOnLoopback(t, ServeArchiveConfig(serve.Config{HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519"), Logger: log}, sa, nil))
	return s, sa, stderr
}

// openServedFolder opens the folder dir as serve does, looking at its
// files again for every session and command (ServedArchive.every 0),
// until the test ends. It returns what the opening wrote on stderr too.
func openServedFolder(t *testing.T, dir string) (*ServedArchive, func() string) {
	t.Helper()
	var mu sync.Mutex
	var errb bytes.Buffer
	// A local user's serve: its openings are held to the heap limit.
	a := &app{env: Env{Files: true, Stdout: io.Discard, Stderr: lockedWriter{&mu, &errb}, Local: &Local{}}}
	sa, err := a.openServed(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	sa.every = 0
	t.Cleanup(sa.Close)
	return sa, func() string {
		mu.Lock()
		defer mu.Unlock()
		return errb.String()
	}
}

// servedNow returns the archive sa serves now.
func servedNow(sa *ServedArchive) *archive.Archive {
	sa.mu.Lock()
	defer sa.mu.Unlock()
	return sa.cur.ar
}

// TestServeFolderChanges checks that a served folder is served as it is
// now, as a local command would find it, after articles were added and
// removed and the server refreshed it, while a reader that opened it
// before goes on with what it had, and that the archive it had is closed
// once that reader is done.
func TestServeFolderChanges(t *testing.T) {
	dir := flatFolder(t)
	rl := newRefreshLog(t, false)
	s, sa, _ := startServeArchive(t, dir, rl.logger())
	local := func(args ...string) string {
		var out bytes.Buffer
		if code := Run(context.Background(), append(args, dir), Env{Files: true, Stdout: &out, Stderr: io.Discard}); code != 0 {
			t.Fatalf("local %q: exit %d", args, code)
		}
		return out.String()
	}
	same := func(when string) {
		t.Helper()
		got, stderr, status := s.run(t, "list")
		if want := local("list"); got != want || status != 0 {
			t.Errorf("%s: list over SSH (status %d, stderr %q) differs from the local one:\n%s", when, status, stderr, firstDiff(got, want))
		}
	}
	same("on start")

	// A reader that opened the folder before it changed.
	sess, screen, in, err := s.reader(t)
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if !screen.waitFor("Al Jazeera") {
		t.Fatalf("the reader never listed the folder; it got %q", screen.text())
	}
	first := servedNow(sa)

	if err := os.Remove(filepath.Join(dir, "harvest.txt")); err != nil {
		t.Fatal(err)
	}
	writeFilesIn(t, dir, map[string]string{
		"ferry.txt": "Ferry service to the islands resumes\n\nThe ferry to the outer islands sailed again on Tuesday after a week of gales kept it in port, the operator said.\n\nIslanders queued at the harbour for fuel and fresh food.\n",
	})
	rl.refreshed(t, s)
	same("after a change")
	if servedNow(sa) == first {
		t.Fatal("the folder changed, and the server serves the archive it opened on start")
	}
	if list, _, _ := s.run(t, "list"); !strings.Contains(list, "Ferry service") || strings.Contains(list, "Wheat harvest") {
		t.Errorf("list over SSH after a change:\n%s", list)
	}

	// The reader goes on with the archive it opened, which stays open
	// while the reader holds it: it compares, and it quits cleanly.
	if _, err := first.Search(context.Background(), "storm", 1); err != nil {
		t.Fatalf("the archive a reader still holds was closed when the folder changed: %v", err)
	}
	fmt.Fprint(in, "jjJ")
	fmt.Fprint(in, "q")
	if err := sess.Wait(); err != nil {
		t.Errorf("the reader opened before the change, after q: %v", err)
	}
	// The session's end releases the archive right after the client
	// hears of it.
	for deadline := time.Now().Add(sshWait); ; time.Sleep(10 * time.Millisecond) {
		if _, err := first.Search(context.Background(), "storm", 1); err != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the archive served before the change is still open after its last reader quit")
		}
	}
}

// screenWaiter collects what a session draws.
type screenWaiter struct {
	mu   sync.Mutex
	got  bytes.Buffer
	more chan struct{}
}

func newScreenWaiter(r io.Reader) *screenWaiter {
	w := &screenWaiter{more: make(chan struct{}, 1)}
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := r.Read(buf)
			w.mu.Lock()
			w.got.Write(buf[:n])
			w.mu.Unlock()
			select {
			case w.more <- struct{}{}:
			default:
			}
			if err != nil {
				return
			}
		}
	}()
	return w
}

func (w *screenWaiter) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.got.String()
}

// waitFor reports whether the session draws s within sshWait.
func (w *screenWaiter) waitFor(s string) bool {
	deadline := time.After(sshWait)
	for !strings.Contains(w.text(), s) {
		select {
		case <-w.more:
		case <-deadline:
			return false
		}
	}
	return true
}
