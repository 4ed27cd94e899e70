package analysis

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus/internal/inittrace"
)

// TestInitAllocatesNothing checks that initialising this package
// allocates nothing: every run of newsdiff, a diff or --version alike,
// initialises it before main, so a word table its package-level variables
// build there every run pays for, whether it finds facts or not (see
// lazy).
func TestInitAllocatesNothing(t *testing.T) {
	const pkg = "github.com/newsdiff/newsdiff/corpus/analysis"
	if b, n := inittrace.Allocs(t, pkg); b != 0 || n != 0 {
		t.Errorf("initialising %s allocates %d bytes in %d allocations, in every run of newsdiff: build them on first use", pkg, b, n)
	}
}
