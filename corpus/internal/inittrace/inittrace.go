// Package inittrace tells, for tests, what initialising a package linked
// into the running test binary allocates, as the runtime reports it under
// GODEBUG=inittrace=1. Every run of newsdiff initialises all of its
// packages before main, whatever the command, so a table or pattern a
// package builds there is paid for by a diff and by --version alike.
package inittrace

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Allocs runs the test binary again, with GODEBUG=inittrace=1 and no
// test, and returns the bytes and allocations that initialising pkg (an
// import path) took. A package with nothing to do at initialisation has no
// line in the trace, and allocates nothing. It skips the test when coverage
// is measured.
func Allocs(t testing.TB, pkg string) (bytes, allocs int) {
	t.Helper()
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation adds allocations of its own to initialisation")
	}
	godebug := "inittrace=1"
	if v := os.Getenv("GODEBUG"); v != "" {
		godebug = v + "," + godebug
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG="+godebug)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running the test binary with inittrace: %v\n%s", err, out)
	}
	traced := false
	for line := range strings.Lines(string(out)) {
		// init PKG @T ms, C ms clock, B bytes, A allocs
		f := strings.Fields(line)
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		b, err1 := strconv.Atoi(f[7])
		a, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			continue
		}
		traced = true
		if f[1] == pkg {
			bytes, allocs = b, a
		}
	}
	if !traced {
		t.Fatalf("GODEBUG=inittrace=1 printed no line of the form read here:\n%s", out)
	}
	return bytes, allocs
}
