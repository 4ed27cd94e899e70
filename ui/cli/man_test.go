package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestManFillsInTheHeader checks that the pages newsdiff man writes carry
// their command's title, the date (SOURCE_DATE_EPOCH when set) and this
// build's version in their .TH line, as cobra/doc wrote them when it
// rendered the pages at run time, and that nothing of the committed header
// is left. Every page was titled NEWSDIFF, so man headed newsdiff-diff's
// page "NEWSDIFF(1)".
func TestManFillsInTheHeader(t *testing.T) {
	dir := t.TempDir()
	le := newLocalEnv(t, false, "")
	le.vars["SOURCE_DATE_EPOCH"] = "1700000000" // 14 November 2023
	if code := le.run("man", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.1"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages written: %v", err)
	}
	for _, f := range files {
		page, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		title := strings.ToUpper(strings.TrimSuffix(filepath.Base(f), ".1"))
		want := `.TH "` + title + `" "1" "Nov 2023" "newsdiff ` + version() + `" "newsdiff manual"` + "\n"
		if !bytes.Contains(page, []byte("\n"+want)) || bytes.Contains(page, []byte(ManHeader)) {
			t.Errorf("%s: want the header %q, got %.120q", filepath.Base(f), want, page)
		}
	}
	le = newLocalEnv(t, false, "")
	le.vars["SOURCE_DATE_EPOCH"] = "soon"
	if code := le.run("man", t.TempDir()); code == 0 {
		t.Errorf("an invalid SOURCE_DATE_EPOCH: exit 0, want an error")
	}
}
