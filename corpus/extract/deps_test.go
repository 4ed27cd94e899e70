package extract_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestNoCostlyInitLinked is a regression test: newsdiff linked goldmark's
// extension package to read Markdown tables, and that package's init
// compiles the regular expressions of its linkify extension on every run,
// whatever the run reads (264 KB, 1–2 ms of start-up). Packages whose init
// costs start-up so must not be linked into newsdiff.
func TestNoCostlyInitLinked(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list newsdiff's packages")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/newsdiff/newsdiff").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, costly := range []string{"github.com/yuin/goldmark/extension"} {
		if slices.Contains(deps, costly) {
			t.Errorf("newsdiff links %s, whose init costs every run's start-up", costly)
		}
	}
}
