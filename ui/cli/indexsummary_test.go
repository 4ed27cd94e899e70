package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TestIndexSummaryFits80Columns checks that index's closing summary puts
// the counts and time on a line of at most 80 columns and the index's path
// on its own line: on one line they wrapped at 80 columns.
func TestIndexSummaryFits80Columns(t *testing.T) {
	dir := archiveDir(t, 2)
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"index", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	path := filepath.Join(dir, ".newsdiff", "index.db")
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "7 articles; stories: 1, not grouped: 2; ") || lines[1] != "index "+path {
		t.Fatalf("summary %q, want the counts and time, then \"index %s\"", lines, path)
	}
	// The widest counts and time an archive is likely to see.
	for _, took := range []time.Duration{0, 1234 * time.Millisecond, 12*time.Hour + 34*time.Minute + 56789*time.Millisecond} {
		counts, _, _ := strings.Cut(indexSummary(12_345_678, 1_234_567, 9_876_543, took, path), "\n")
		if w := ansi.StringWidth(counts); w > 80 {
			t.Errorf("summary line %q is %d columns wide, want at most 80", counts, w)
		}
	}
}
