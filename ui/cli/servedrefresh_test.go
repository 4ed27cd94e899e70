package cli

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// TestServedRefreshInBackground is a regression test: the client that
// found the served folder's files changed refreshed its index itself,
// and every client that came meanwhile waited for it (minutes, after many
// files were added). The refresh now runs in the background: each client,
// a reader or a command, gets the folder as it was at once while the
// refresh is under way (held here at its first log record), those that
// come once it is done get the folder as it is, and sessions opened
// before go on with what they had. What the refresh has to say of the
// folder (a file skipped) goes to the log, as the log's records, not on
// stderr between them.
func TestServedRefreshInBackground(t *testing.T) {
	dir := flatFolder(t)
	rl := newRefreshLog(t, true)
	s, _, stderr := startServeArchive(t, dir, rl.logger())
	o := newOpenSSH(t, s)
	tm := newSSHTmux(t, o)
	local := func() string {
		var out bytes.Buffer
		if code := Run(context.Background(), []string{"list", dir}, Env{Files: true, Stdout: &out, Stderr: io.Discard}); code != 0 {
			t.Fatalf("local list: exit %d", code)
		}
		return out.String()
	}
	before := local()
	if r := o.runSoon("list"); r.stdout != before || r.status != 0 {
		t.Fatalf("list over ssh on start: status %d, stderr %q:\n%s", r.status, r.stderr, firstDiff(r.stdout, before))
	}
	tm.reader("before")
	tm.waitFor("before", "Al Jazeera")
	started := stderr()

	if err := os.Remove(filepath.Join(dir, "harvest.txt")); err != nil {
		t.Fatal(err)
	}
	writeFilesIn(t, dir, map[string]string{
		"ferry.txt": "Ferry service to the islands resumes\n\nThe ferry to the outer islands sailed again on Tuesday after a week of gales kept it in port, the operator said.\n\nIslanders queued at the harbour for fuel and fresh food.\n",
		"bad.txt":   "\x00",
	})
	// Clients until one has started the refresh, which is held: each
	// gets the folder as it was, at once.
	for refreshing := false; !refreshing; {
		if r := o.runSoon("list"); r.stdout != before || r.status != 0 {
			t.Fatalf("list over ssh once the files changed, before the refresh was done: status %d, stderr %q:\n%s", r.status, r.stderr, firstDiff(r.stdout, before))
		}
		select {
		case <-rl.held:
			refreshing = true
		default:
		}
	}
	// Several clients during the refresh: commands and a reader.
	var wg sync.WaitGroup
	runs := make([]sshRun, 3)
	for i := range runs {
		wg.Go(func() { runs[i] = o.run("list") })
	}
	tm.reader("during")
	tm.waitFor("during", "Al Jazeera")
	wg.Wait()
	for i, r := range runs {
		if r.err != nil || r.stdout != before || r.status != 0 {
			t.Errorf("list %d over ssh during the refresh: %v, status %d, stderr %q:\n%s", i, r.err, r.status, r.stderr, firstDiff(r.stdout, before))
		}
	}

	rl.release()
	<-rl.done // a guard: runSoon fails a refresh that never ends
	after := local()
	if r := o.runSoon("list"); r.stdout != after || r.status != 0 || !strings.Contains(after, "Ferry service") || strings.Contains(after, "Wheat harvest") {
		t.Errorf("list over ssh once the refresh was done: status %d, stderr %q:\n%s\nlocally:\n%s", r.status, r.stderr, firstDiff(r.stdout, after), after)
	}
	// The readers opened before and during it compare and quit cleanly.
	for _, pane := range []string{"before", "during"} {
		tm.keys(pane, "j", "j", "J", "q")
		tm.waitFor(pane, "ssh exited with 0")
	}

	if got := strings.TrimPrefix(stderr(), started); got != "" {
		t.Errorf("the refresh wrote on stderr, outside the log:\n%s", got)
	}
	skipped := false
	for _, rec := range rl.kept() {
		if rec.msg == "served folder" && strings.Contains(rec.attrs["warning"], "bad.txt") {
			skipped = true
		}
	}
	if !skipped {
		t.Errorf("the log does not say that bad.txt was skipped: %+v", rl.kept())
	}
}

// TestServedRefreshBoundsMemory is a regression test: serve held its
// heap to archiveMemoryLimit while it opened the folder on start, but not
// when it opened it again after its files changed, which reads and groups
// every new article as the first opening does. Each refresh is now held
// to it, and puts back the limit there was once done. Not parallel: the
// limit is the process's.
func TestServedRefreshBoundsMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	dir := flatFolder(t)
	rl := newRefreshLog(t, false)
	s, sa, _ := startServeArchive(t, dir, rl.logger())
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("serving: the limit is %d MiB, want the one there was put back", got>>20)
	}
	writeFilesIn(t, dir, map[string]string{
		"ferry.txt": "Ferry service to the islands resumes\n\nThe ferry to the outer islands sailed again on Tuesday after a week of gales kept it in port, the operator said.\n",
	})
	rl.refreshed(t, s)
	sa.Close() // waits for the refresh to end
	bounded := false
	for _, rec := range rl.kept() {
		if rec.limit == archiveMemoryLimit {
			bounded = true
		}
	}
	if !bounded {
		t.Errorf("no record of the refresh was written under the limit of %d MiB: %+v", archiveMemoryLimit>>20, rl.kept())
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after the refresh: the limit is %d MiB, want the one there was put back", got>>20)
	}
}

// TestServedAfterClose is a regression test: a session or command that
// came once the server was done with its folder was handed its archive,
// closed. It is now told that the server is shutting down, as the server
// tells a session it ends then; the reader names the folder it could not
// load, by its name alone, made safe for the terminal (it said "the
// articles").
func TestServedAfterClose(t *testing.T) {
	name := "news\x1b]2;owned\a"
	dir := filepath.Join(t.TempDir(), name)
	if err := os.CopyFS(dir, os.DirFS(flatFolder(t))); err != nil {
		t.Fatal(err)
	}
	s, sa, _ := startServeArchive(t, dir, nil)
	o := newOpenSSH(t, s)
	tm := newSSHTmux(t, o)
	sa.Close()

	if r := o.runSoon("list"); r.stdout != "" || r.stderr != "newsdiff: the server is shutting down\n" || r.status != ExitError {
		t.Errorf("list over ssh once the folder was closed: status %d, stdout %q, stderr %q", r.status, r.stdout, r.stderr)
	}
	tm.reader("closed")
	tm.waitFor("closed", "Could not load the articles in "+termsafe.OneLine(name)+": the server is shutting down.")
	if title := tm.tmux("display-message", "-p", "-t", "closed", "#{pane_title}"); strings.Contains(title, "owned") {
		t.Errorf("the folder's name reached the terminal raw: the pane's title is %q", title)
	}
	tm.keys("closed", "q")
	tm.waitFor("closed", "ssh exited with 0")
}
