package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNamesInMessagesQuoted is a regression test: a message named a file
// or story by Name (as it is when plain, else quoted with Go's escapes)
// in one place and stripped of what a terminal must not get in another,
// so that one run named one index two ways: index's summary said
// `index "/…/x\x1b[31mred/.newsdiff/index.db"`, the warning above it
// `index /…/xred/.newsdiff/index.db was damaged`, a folder that is not
// there. The archive's notes now name their files by Name, and the
// stories an ambiguous --story lists are named as ids are.
func TestNamesInMessagesQuoted(t *testing.T) {
	t.Run("a damaged index", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "x\x1b[31mred")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Council votes\n\nThe council voted to shut the bridge on Tuesday.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		le := newLocalEnv(t, false, "")
		if code := le.run("index", "-q", dir); code != 0 {
			t.Fatalf("index: exit %d: %s", code, le.errb)
		}
		if err := os.WriteFile(filepath.Join(dir, ".newsdiff", "index.db"), []byte("garbage"), 0o644); err != nil {
			t.Fatal(err)
		}
		le = newLocalEnv(t, false, "")
		if code := le.run("index", dir); code != 0 {
			t.Fatalf("index: exit %d: %s", code, le.errb)
		}
		index := Name(filepath.Join(dir, ".newsdiff", "index.db"))
		if want := "newsdiff: warning: index " + index + " was damaged"; !strings.Contains(le.errb.String(), want) {
			t.Errorf("stderr %q, want %q", le.errb, want)
		}
		if want := "\nindex " + index + "\n"; !strings.Contains(le.out.String(), want) {
			t.Errorf("stdout %q, want %q", le.out, want)
		}
	})
	t.Run("stories an ambiguous --story names", func(t *testing.T) {
		dir := t.TempDir()
		for _, story := range []string{`say "yes"`, `say "no"`} {
			if err := os.MkdirAll(filepath.Join(dir, story), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, story, "01_a.txt"), []byte("Council votes\n\nThe council voted to shut the bridge.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, args := range [][]string{{"list", dir, "--story", "say"}, {"quotes", dir, "--story", "say"}} {
			le := newLocalEnv(t, false, "")
			le.run(args...)
			// The ids an ambiguous id lists are quoted so: the same rule.
			want := `"say" names 2 stories (1 · "say \"no\""; 2 · "say \"yes\"")`
			if !strings.Contains(le.errb.String(), want) {
				t.Errorf("%q: stderr %q, want %q", args, le.errb, want)
			}
		}
		le := newLocalEnv(t, false, "")
		le.run("diff", "01", "01", dir)
		if want := `"01" is ambiguous: "say \"no\"/01_a", "say \"yes\"/01_a"`; !strings.Contains(le.errb.String(), want) {
			t.Errorf("diff: stderr %q, want %q", le.errb, want)
		}
	})
}
