package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestManExitStatuses is a regression test: newsdiff(1)'s EXIT STATUS
// left out 141, which the README gives for a pager quit early and which
// newsdiff exits with then. Every status newsdiff has of its own is there.
func TestManExitStatuses(t *testing.T) {
	start := strings.Index(ManSections, ".SH EXIT STATUS\n")
	end := strings.Index(ManSections, "\n.SH ENVIRONMENT\n")
	if start < 0 || end < start {
		t.Fatalf("no EXIT STATUS section before ENVIRONMENT in ManSections")
	}
	listed := map[string]bool{}
	for tag := range strings.SplitSeq(ManSections[start:end], ".TP\n") {
		first, _, _ := strings.Cut(tag, "\n")
		for n := range strings.SplitSeq(first, ", ") {
			listed[n] = true
		}
	}
	for _, status := range []int{ExitOK, ExitError, ExitUsage, 128 + int(syscall.SIGINT), 128 + int(syscall.SIGTERM), exitPagerQuit} {
		if !listed[strconv.Itoa(status)] {
			t.Errorf("exit status %d is not in newsdiff(1)'s EXIT STATUS", status)
		}
	}
}

// TestManDateIsUTC is a regression test: SOURCE_DATE_EPOCH names a moment
// the reproducible-builds convention reads in UTC, but the pages were dated
// in the local zone: SOURCE_DATE_EPOCH=0 under TZ=America/Los_Angeles gave
// "Dec 1969", so that two builds of one source differed by where they ran.
func TestManDateIsUTC(t *testing.T) {
	for _, epoch := range []string{"0", "1700000000", "1772323199"} {
		d, err := manDate(func(name string) string {
			if name == "SOURCE_DATE_EPOCH" {
				return epoch
			}
			return ""
		})
		if err != nil {
			t.Fatalf("%s: %v", epoch, err)
		}
		secs, _ := strconv.ParseInt(epoch, 10, 64)
		if want := time.Unix(secs, 0).UTC(); d.Location() != time.UTC || d.Format("Jan 2006") != want.Format("Jan 2006") {
			t.Errorf("SOURCE_DATE_EPOCH=%s: the pages are dated %s in %s, want %s in UTC", epoch, d.Format("Jan 2006"), d.Location(), want.Format("Jan 2006"))
		}
	}
}
