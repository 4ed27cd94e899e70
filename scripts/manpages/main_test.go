package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/ui/cli"
)

// committed is the folder of pages ui/cli embeds.
const committed = "../../ui/cli/manpages"

// TestPagesAreCurrent checks that the committed pages are what the
// command tree makes now: a command, flag or help text changed without
// running this generator fails here.
func TestPagesAreCurrent(t *testing.T) {
	pages, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(committed, "*.1"))
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, f := range files {
		have = append(have, filepath.Base(f))
	}
	var want []string
	for name := range pages {
		want = append(want, name)
	}
	slices.Sort(want)
	if !slices.Equal(have, want) {
		t.Fatalf("committed pages %q, the command tree makes %q; run go run ./scripts/manpages", have, want)
	}
	for _, name := range want {
		got, err := os.ReadFile(filepath.Join(committed, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, pages[name]) {
			t.Errorf("%s is not current; run go run ./scripts/manpages", name)
		}
	}
}

// TestPagesCarryTheHeader checks that every page has the .TH line that
// newsdiff man fills in, and no date of its own.
func TestPagesCarryTheHeader(t *testing.T) {
	pages, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	for name, page := range pages {
		if strings.Count(string(page), cli.ManHeader) != 1 {
			t.Errorf("%s: want one %q line", name, cli.ManHeader)
		}
		if bytes.Contains(page, []byte("1970")) || bytes.Contains(page, []byte("Auto generated")) {
			t.Errorf("%s carries a date", name)
		}
	}
}
