package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestSizeLimitOneWording checks that every command refusing a file for
// its size says so in the same words: diff and list said "10158000
// bytes, larger than the 5 MiB limit", extract and add "larger than the 5
// MiB limit".
func TestSizeLimitOneWording(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	big, page, inFolder := filepath.Join(dir, "big.txt"), filepath.Join(dir, "big.html"), filepath.Join(folder, "big.txt")
	for _, p := range []string{big, page, inFolder} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, corpus.MaxFileSize+1); err != nil {
			t.Fatal(err)
		}
	}
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("Title\n\nSome words here.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const limit = "larger than the 5 MiB limit"
	for _, tt := range []struct {
		args  []string
		stdin string
		want  string
	}{
		{[]string{"diff", big, small}, "", big + ": " + limit},
		{[]string{"diff", "-", small}, strings.Repeat("a", corpus.MaxFileSize+1), "-: " + limit},
		{[]string{"list", big}, "", big + ": " + limit},
		{[]string{"list", folder}, "", inFolder + ": skipped: " + limit},
		{[]string{"extract", page}, "", page + ": " + limit},
		{[]string{"add", filepath.Join(dir, "story"), page}, "", page + ": " + limit},
	} {
		le := newLocalEnv(t, false, tt.stdin)
		le.run(tt.args...)
		if stderr := le.errb.String(); !strings.Contains(stderr, tt.want+"\n") {
			t.Errorf("newsdiff %q: stderr %q, want %q", tt.args, stderr, tt.want)
		}
	}
}
