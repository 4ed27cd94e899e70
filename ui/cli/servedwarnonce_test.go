package cli

import (
	"fmt"
	"strings"
	"testing"
)

// TestServedRefreshSaysAProblemOnce is a regression test: each time a
// served folder's files changed, its refresh logged the warning of every
// file skipped again, the same line for the same file. A file's problem
// is now said once for the file as it is (on stderr on start, or in the
// log), and again only once the file changed; the readers still list
// every problem.
func TestServedRefreshSaysAProblemOnce(t *testing.T) {
	dir := flatFolder(t)
	writeFilesIn(t, dir, map[string]string{"bad.txt": "\x00"})
	sa, stderr := openServedFolder(t, dir)
	rl := newRefreshLog(t, false)
	sa.log = rl.logger()
	started := stderr()
	if strings.Count(started, "bad.txt") != 1 {
		t.Fatalf("on start, stderr says of bad.txt %d times, want once:\n%s", strings.Count(started, "bad.txt"), started)
	}

	story := "Storm floods coastal villages\n\nA storm brought high tides and heavy rain to the coast overnight."
	steps := []struct {
		change string // the file written before the refresh
		text   string
		said   int // the log's warnings of bad.txt by then
	}{
		{"storm.txt", story + "\n", 0},
		{"storm.txt", story + " Crews were out all night.\n", 0},
		{"bad.txt", "\x00\x01", 1}, // bad.txt changed, and is still bad
		{"storm.txt", story + " Crews were out all night again.\n", 1},
	}
	for i, st := range steps {
		writeFilesIn(t, dir, map[string]string{st.change: st.text})
		step := fmt.Sprintf("step %d (%s changed)", i, st.change)
		lines := refreshServed(t, sa, rl, step)
		if n := countRecords(rl, "served folder", "bad.txt"); n != st.said {
			t.Errorf("%s: the log warned of bad.txt %d times, want %d: %+v", step, n, st.said, rl.kept())
		}
		// The readers that come now list it, as on start.
		if !strings.Contains(strings.Join(lines, "\n"), "bad.txt") {
			t.Errorf("step %d: the readers' lines %q do not list bad.txt", i, lines)
		}
	}
}

// refreshServed has sa, which looks at its files for every session and
// command, refresh them once, failing the test unless the log rl says it
// refreshed, and returns the lines the readers that come next get. step
// names the refresh in the test's messages.
func refreshServed(t *testing.T, sa *ServedArchive, rl *refreshLog, step string) []string {
	t.Helper()
	refreshedBefore := countRecords(rl, "refreshed", "")
	_, release, err := sa.acquire()
	if err != nil {
		t.Fatal(err)
	}
	release()
	sa.refreshes.Wait()
	if n := countRecords(rl, "refreshed", ""); n != refreshedBefore+1 {
		t.Fatalf("%s: %d refreshes logged, want %d: %+v", step, n, refreshedBefore+1, rl.kept())
	}
	g, release, err := sa.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer sa.refreshes.Wait()
	defer release()
	return g.lines
}

// countRecords counts the log's records with message msg and, unless
// about is "", a warning that names about.
func countRecords(rl *refreshLog, msg, about string) int {
	n := 0
	for _, rec := range rl.kept() {
		if rec.msg == msg && (about == "" || strings.Contains(rec.attrs["warning"], about)) {
			n++
		}
	}
	return n
}
