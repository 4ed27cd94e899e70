package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestServedRefreshSaysIndexWarningOnce is a regression test: the index's
// own warning ("using a temporary index", when neither the folder nor a
// cache directory can be written) and its note were logged again on
// every refresh of a served folder, though nothing about the index had
// changed. They are now said once (on stderr on start) and logged again
// only when they change. The readers do not list them: they are the
// server's (see TestServedReadersNameNoServerPath).
func TestServedRefreshSaysIndexWarningOnce(t *testing.T) {
	dir := flatFolder(t)
	// A file where the index's folder would be, and no cache directory:
	// every opening uses a temporary index, and says so.
	writeFilesIn(t, dir, map[string]string{".newsdiff": ""})
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	t.Setenv("TMPDIR", t.TempDir())
	sa, stderr := openServedFolder(t, dir)
	rl := newRefreshLog(t, false)
	sa.log = rl.logger()
	started := stderr()
	if strings.Count(started, "temporary index") != 1 {
		t.Fatalf("on start, stderr says of the temporary index %d times, want once:\n%s", strings.Count(started, "temporary index"), started)
	}

	story := "Storm floods coastal villages\n\nA storm brought high tides and heavy rain to the coast overnight."
	for i, text := range []string{story + "\n", story + " Crews were out all night.\n", story + " And again.\n"} {
		writeFilesIn(t, dir, map[string]string{"storm.txt": text})
		lines := refreshServed(t, sa, rl, fmt.Sprintf("refresh %d", i))
		if n := countRecords(rl, "served folder", "temporary index"); n != 0 {
			t.Errorf("refresh %d: the log warned of the temporary index %d times, want none (said on start): %+v", i, n, rl.kept())
		}
		if strings.Contains(strings.Join(lines, "\n"), "temporary index") {
			t.Errorf("refresh %d: the readers' lines %q tell the client of the server's index", i, lines)
		}
	}
}

// TestServedReadersNameNoServerPath is a regression test: the reader
// served over SSH listed what opening the folder said on the server's
// stderr, so every session's warning line told the client where the
// folder and the server's cache directory are ("index /home/…/.cache/
// newsdiff/index-….db was damaged or out of date …; rebuilt", "/srv/
// stories … its index is kept in …"), and named each file that did not
// load by its path on the server. The readers now list the files'
// problems alone, each file named within the folder under the folder's
// name, as the reader's loading line names it, on start and after a
// refresh.
func TestServedReadersNameNoServerPath(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "stories")
	writeFilesIn(t, filepath.Join(dir, "storm"), map[string]string{
		"a.txt":   "Storm floods coastal villages\n\nA storm brought high tides and heavy rain to the coast overnight.\n",
		"bad.txt": "\x00",
	})
	// A file where the index's folder would be: the index is kept in the
	// cache directory, and opening the folder says so, naming both.
	writeFilesIn(t, dir, map[string]string{".newsdiff": ""})
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	sa, stderr := openServedFolder(t, dir)
	if started := stderr(); !strings.Contains(started, cache) {
		t.Fatalf("on start, stderr does not say where the index is kept:\n%s", started)
	}
	rl := newRefreshLog(t, false)
	sa.log = rl.logger()
	want := []string{filepath.Join("stories", "storm", "bad.txt") + ": skipped: "}
	check := func(when string, lines []string) {
		t.Helper()
		if len(lines) != len(want) {
			t.Fatalf("%s: the readers' lines %q, want %d", when, lines, len(want))
		}
		for i, line := range lines {
			if !strings.HasPrefix(line, want[i]) || strings.Contains(line, parent) || strings.Contains(line, cache) {
				t.Errorf("%s: the readers' line %q, want it to start %q and name no path of the server's", when, line, want[i])
			}
		}
	}
	sa.mu.Lock()
	lines := sa.cur.lines
	sa.mu.Unlock()
	check("on start", lines)
	writeFilesIn(t, filepath.Join(dir, "storm"), map[string]string{"more.txt": "Crews were out all night\n\nCrews cleared the roads after the storm.\n"})
	check("after a refresh", refreshServed(t, sa, rl, "refresh"))
}
