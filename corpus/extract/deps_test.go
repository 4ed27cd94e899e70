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
// whatever the run reads (264 KB, 1–2 ms of start-up). It also linked the
// goldmark package itself for its parser, and that package's init builds a
// default Markdown-to-HTML converter, linking the HTML renderer, whose init
// builds its attribute filters (33 KB together). Packages whose init costs
// start-up so, for nothing newsdiff uses, must not be linked into it.
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
	for _, costly := range []string{
		"github.com/yuin/goldmark/extension",
		"github.com/yuin/goldmark",
		"github.com/yuin/goldmark/renderer/html",
	} {
		if slices.Contains(deps, costly) {
			t.Errorf("newsdiff links %s, whose init costs every run's start-up", costly)
		}
	}
}
