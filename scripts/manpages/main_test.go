package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/ui"
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

// TestOptionsAsHelpListsThem is a regression test: cobra/doc ran each
// flag's name and description together in one paragraph, showed a
// value's kind where --help names it ("--story=\"\"" for "--story
// STORY") and "[=false]" after every switch. Each flag is now a tagged
// paragraph, named as --help names it, with what --help says of it.
func TestOptionsAsHelpListsThem(t *testing.T) {
	pages, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	for name, page := range pages {
		for _, bad := range []string{`=""`, `[=false]`, "\n\t"} {
			if bytes.Contains(page, []byte(bad)) {
				t.Errorf("%s: has %q", name, bad)
			}
		}
	}
	diff := string(pages["newsdiff-diff.1"])
	for _, want := range []string{
		".TP\n\\fB\\-U\\fR, \\fB\\-\\-context\\fR \\fIN\\fR\nshow only changed passages, with N unchanged passages around each (default all)\n",
		".TP\n\\fB\\-\\-story\\fR \\fISTORY\\fR\nlook A and B up in this STORY of DIR",
		".TP\n\\fB\\-\\-exit\\-code\\fR\nexit with status 1",
		".TP\n\\fB\\-\\-color\\fR \\fIWHEN\\fR[=always]\ncolour WHEN: auto",
	} {
		if !strings.Contains(diff, want) {
			t.Errorf("newsdiff-diff.1 lacks %q", want)
		}
	}
}

// TestManualSaysExitStatusAndEnvironment is a regression test: no page
// gave the exit statuses, diff --exit-code's 2 included, nor the
// variables newsdiff reads (NEWSDIFF_PAGER, PAGER, NO_COLOR, …), which
// --help leaves out and a reader of a manual looks for in newsdiff(1).
func TestManualSaysExitStatusAndEnvironment(t *testing.T) {
	pages, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	root := string(pages["newsdiff.1"])
	exit, env, see := strings.Index(root, "\n.SH EXIT STATUS\n"), strings.Index(root, "\n.SH ENVIRONMENT\n"), strings.Index(root, "\n.SH SEE ALSO\n")
	if exit < 0 || env < exit || see < env {
		t.Fatalf("newsdiff.1: EXIT STATUS at %d, ENVIRONMENT at %d, SEE ALSO at %d: want them in that order", exit, env, see)
	}
	for _, want := range []string{"NEWSDIFF_PAGER, PAGER", "NO_COLOR", "\\fBdiff \\-\\-exit\\-code\\fR, any error"} {
		if !strings.Contains(root, want) {
			t.Errorf("newsdiff.1 does not say %q", want)
		}
	}
	if !strings.Contains(string(pages["newsdiff-diff.1"]), "through the pager ($NEWSDIFF_PAGER, else $PAGER, else less \\-FRX)") {
		t.Errorf("newsdiff-diff.1: --no-pager does not name the pager")
	}
}

// TestRootPageListsTheKeys is a regression test: newsdiff(1) said the
// reader opens with no command, and nothing of its keys, which only ?
// in the reader and the README listed. Its KEYS section lists every
// entry of the reader's key table, the marks and the mouse too.
func TestRootPageListsTheKeys(t *testing.T) {
	pages, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	page := string(pages["newsdiff.1"])
	start := strings.Index(page, "\n.SH KEYS\n")
	if start < 0 {
		t.Fatal("newsdiff.1 has no KEYS section")
	}
	keys := page[start:]
	keys = keys[:strings.Index(keys[1:], "\n.SH ")+1]
	n := 0
	for _, sec := range ui.KeyTable() {
		if !strings.Contains(keys, "\n.SS "+roff(sec.Title)+"\n") {
			t.Errorf("the KEYS section lacks the heading %q", sec.Title)
		}
		for _, e := range sec.Entries {
			var names []string
			for _, k := range e.Keys {
				names = append(names, `\fB`+roff(k)+`\fR`)
			}
			if entry := ".TP\n" + strings.Join(names, ", ") + "\n" + roff(e.Desc) + "\n"; !strings.Contains(keys, entry) {
				t.Errorf("the KEYS section lacks %q", entry)
			}
			n++
		}
	}
	// The table itself: a key table that lost its bindings would pass
	// the loop above.
	for _, want := range []string{`\fBctrl+z\fR`, `\fB?\fR`, `\fBalt+d\fR`, `\fBpgdn\fR, \fBspace\fR, \fBf\fR`, `\fB\-\fR`} {
		if !strings.Contains(keys, want) {
			t.Errorf("the KEYS section lacks %s", want)
		}
	}
	if n < 60 {
		t.Errorf("the key table has %d entries, want the reader's 60 or more", n)
	}
}
