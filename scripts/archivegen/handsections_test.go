package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestBenchArchiveKeepsHandSections asks bench-archive.sh, which writes
// BENCHMARKS.md anew from the archives archivegen makes, which sections
// of the file it replaces it keeps: those whose heading says they were
// written by hand, each whole (its subsections and tables included) up
// to the next measured section, in their order.
func TestBenchArchiveKeepsHandSections(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to run the script with")
	}
	old := `# Benchmarks

Made by ` + "`scripts/bench-archive.sh`" + ` on a day.

## A seed pair, whole process

| command | median |
|---|---|
| a | 1 ms |

## Notes (written by hand after the run)

Read from the table above.

### A subsection

| measure | target |
|---|---|
| a | b |

## 1000 articles

Measured again on every run.

## Story grouping (written by hand)

Rules tried.
`
	want := `## Notes (written by hand after the run)

Read from the table above.

### A subsection

| measure | target |
|---|---|
| a | b |

## Story grouping (written by hand)

Rules tried.
`
	dir := t.TempDir()
	file := filepath.Join(dir, "BENCHMARKS.md")
	if err := os.WriteFile(file, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sh, filepath.Join("..", "bench-archive.sh"), "hand-sections", file)
	// Wherever the script goes wrong, it writes nothing of the project's.
	cmd.Env = append(os.Environ(), "BENCH_DIR="+dir, "BENCH_OUT="+filepath.Join(dir, "out.md"))
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("bench-archive.sh hand-sections: %v", err)
	}
	if string(got) != want {
		t.Errorf("kept:\n%s\nwant:\n%s", got, want)
	}
}
