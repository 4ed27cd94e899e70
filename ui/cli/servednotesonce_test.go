package cli

import (
	"fmt"
	"strings"
	"testing"
)

// TestServedRefreshSaysIndexWarningOnce is a regression test: the index's
// own warning ("using a temporary index", when neither the folder nor a
// cache directory can be written) and its note were logged again on
// every refresh of a served folder, though nothing about the index had
// changed. They are now said once (on stderr on start) and logged again
// only when they change; the readers still list them.
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
		if !strings.Contains(strings.Join(lines, "\n"), "temporary index") {
			t.Errorf("refresh %d: the readers' lines %q do not say the temporary index is used", i, lines)
		}
	}
}
