package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDiffNamesSkippedFile is a regression test: diff --dir naming a file
// of the archive that its index skips (an empty file, say) by its path in
// the folder said "bridge/03_empty: no such file or directory", of a file
// that is there: the index lists no article of that name, and the name was
// then looked for from the working directory. It now says why the file is
// no article, as diff given the file's own path says it, whether the
// index is trusted to find the name (the folders' times unchanged) or the
// archive is refreshed whole.
func TestDiffNamesSkippedFile(t *testing.T) {
	dir := bridgeBudgetDir(t)
	if err := os.WriteFile(filepath.Join(dir, "bridge", "03_empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "bridge", "03_empty.txt") + ": no words"
	check := func(when string) {
		t.Helper()
		for _, name := range []string{"bridge/03_empty", "bridge/03_empty.txt"} {
			le := newLocalEnv(t, false, "")
			code := le.run("diff", "--dir", dir, name, "bridge/01_nytimes")
			if got := le.errb.String(); code != ExitError || !strings.Contains(got, want) || strings.Contains(got, "no such file") {
				t.Errorf("%s: diff --dir DIR %s: exit %d, stderr %q; want %d and %q", when, name, code, got, ExitError, want)
			}
		}
	}
	check("first")
	past := time.Now().Add(-time.Hour)
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(names, dir) {
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
	}
	if code := newLocalEnv(t, false, "").run("index", "-q", dir); code != 0 {
		t.Fatalf("index: exit %d", code)
	}
	check("indexed")
}
