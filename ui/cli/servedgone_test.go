package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/ui/serve"
)

// TestServedFileGoneNamedInFolder is a regression test: a file of the
// served folder removed after the archive a session or command holds
// listed it was reported to the client by where it is on the server —
// the reader's status line said "stat /srv/news/storm.txt: no such file
// or directory", diff said the same, and a story command warned
// "/srv/news/003.txt: skipped: …" — where everything else served names a
// file by its place in the folder, under the folder's name.
func TestServedFileGoneNamedInFolder(t *testing.T) {
	dir := flatFolder(t)
	sa, _ := openServedFolder(t, dir)
	// The archive as listed on start stays served: the commands and the
	// reader below come before the server looks at the files again.
	sa.every = time.Hour
	cfg := ServeArchiveConfig(serve.Config{HostKeyPath: filepath.Join(t.TempDir(), "host_ed25519")}, sa, nil)
	for _, f := range []string{"storm.txt", "003_95bcf1536ed6ca96.txt"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	name := filepath.Base(dir)
	exec := func(args ...string) string {
		var out, errb bytes.Buffer
		cfg.Exec(context.Background(), args, &out, &errb)
		return errb.String()
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "storm", "bridge"}, "newsdiff diff: " + filepath.Join(name, "storm.txt") + ": no such file or directory\n"},
		{[]string{"quotes", "--story", "1"}, "newsdiff: warning: " + filepath.Join(name, "003_95bcf1536ed6ca96.txt") + ": skipped: no such file or directory\n"},
		{[]string{"matrix", "--story", "1"}, "newsdiff: warning: " + filepath.Join(name, "003_95bcf1536ed6ca96.txt") + ": skipped: no such file or directory\n"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			if got := exec(tc.args...); got != tc.want {
				t.Errorf("stderr %q, want %q", got, tc.want)
			}
		})
	}

	t.Run("reader", func(t *testing.T) {
		s := serveOnLoopback(t, cfg)
		sess, screen, in, err := s.reader(t)
		if err != nil {
			t.Fatal(err)
		}
		defer sess.Close()
		if !screen.waitFor("Al Jazeera") {
			t.Fatalf("the reader never listed the folder; it got %q", screen.text())
		}
		// The list, filtered to the removed article, which goes on the
		// left.
		fmt.Fprint(in, "\t/Storm floods")
		if !screen.waitFor("Storm floods") {
			t.Fatalf("the filter never listed the removed article; it got %q", screen.text())
		}
		fmt.Fprint(in, "\r\r")
		want := filepath.Join(name, "storm.txt") + ": no such file or directory"
		if !screen.waitFor(want) {
			t.Errorf("the reader never said %q of the removed file", want)
		}
		if got := screen.text(); strings.Contains(got, dir) {
			t.Errorf("the reader named the served folder by where it is on the server, %q", dir)
		}
		fmt.Fprint(in, "q")
		if err := sess.Wait(); err != nil {
			t.Errorf("after q: %v", err)
		}
	})
}
