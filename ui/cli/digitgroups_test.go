package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// grouped is a count written for people: digits grouped by commas.
var grouped = regexp.MustCompile(`[0-9],[0-9]{3}`)

// groupedString is the first string in a decoded JSON value v holding a
// grouped count, or "".
func groupedString(v any) string {
	switch v := v.(type) {
	case string:
		if grouped.MatchString(v) {
			return v
		}
	case []any:
		for _, e := range v {
			if s := groupedString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, e := range v {
			if s := groupedString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// longPair writes a story of two articles of over a thousand words, with
// no digits of their own and in words of their own (over a thousand
// deleted and inserted), and returns its folder and their paths.
func longPair(t *testing.T) (dir, a, b string) {
	t.Helper()
	dir = t.TempDir()
	write := func(name, title string, words []string) string {
		var sb strings.Builder
		sb.WriteString(title + "\n\n")
		for p := range 30 {
			for s := range 4 {
				for w := range 6 {
					sb.WriteString(words[(p*7+s*3+w)%len(words)])
					sb.WriteString(" ")
				}
				sb.WriteString("said the reporter. ")
			}
			sb.WriteString("\n\n")
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	return dir, write("a.txt", "The bridge vote", []string{"council", "bridge", "river", "vote", "repair", "closed", "mayor", "budget"}),
		write("b.txt", "The river vote", []string{"harbour", "ferry", "strike", "union", "wages", "port", "crew", "dock"})
}

// TestCountsGroupedForPeopleOnly checks the one rule for counts: digits
// grouped by commas in what people read (the list's WORDS, the diff's
// header and summary), bare in every JSON document, whose counts are
// numbers a program reads.
func TestCountsGroupedForPeopleOnly(t *testing.T) {
	dir, a, b := longPair(t)
	for _, args := range [][]string{
		{"list", dir},
		{"diff", a, b},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, le.errb)
		}
		if !grouped.MatchString(le.out.String()) {
			t.Errorf("%v: no count of a thousand or more grouped:\n%s", args, le.out.String())
		}
		if bare := regexp.MustCompile(`\b[0-9]{4,}\b`).FindString(le.out.String()); bare != "" {
			t.Errorf("%v: a count printed bare, %q:\n%s", args, bare, le.out.String())
		}
	}
	for _, args := range [][]string{
		{"list", dir},
		{"diff", a, b},
		{"matrix", dir},
		{"unique", dir},
		{"shared", dir},
		{"facts", dir},
		{"quotes", dir},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(append(args, "--format", "json")...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, le.errb)
		}
		var doc any
		if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if g := groupedString(doc); g != "" {
			t.Errorf("%v --format json: a count grouped in %q", args, g)
		}
	}
	// The list's JSON counts the words as a number, as it did.
	le := newLocalEnv(t, false, "")
	if code := le.run("list", dir, "--format", "json"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	var doc struct{ Articles []struct{ Words int } }
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 2 || doc.Articles[0].Words < 1000 || !strings.Contains(le.out.String(), fmt.Sprintf(`"words":%d,`, doc.Articles[0].Words)) {
		t.Errorf("list JSON: %s", le.out.String())
	}
}

// TestOtherFilesCountGrouped checks a folder holding files but none that
// newsdiff reads: every command that needs articles names the first few
// and counts the rest, grouped as every count people read is. The index
// lists article files alone, so it said "no articles" without a word of
// the 1,234 files it had passed over, and the loader, which named them,
// wrote their count bare ("and 1231 more").
func TestOtherFilesCountGrouped(t *testing.T) {
	dir := t.TempDir()
	for i := range 1234 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("scan %04d.pdf", i)), []byte("%PDF"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := dir + ": no articles: newsdiff reads .txt, .md, .html and .htm files, not scan 0000.pdf, scan 0001.pdf, scan 0002.pdf and 1,231 more\n"
	for _, args := range [][]string{
		{"list", dir},
		{"matrix", dir},
		{dir},
	} {
		le := newLocalEnv(t, true, "")
		if code := le.run(args...); code != ExitError {
			t.Errorf("%q: exit %d, want %d", args, code, ExitError)
		}
		if got := le.errb.String(); !strings.HasSuffix(got, want) || strings.Count(got, "\n") != 1 {
			t.Errorf("%q: stderr\n%q\nwant it to end\n%q", args, got, want)
		}
	}
	// An empty folder has no files to name.
	empty := t.TempDir()
	le := newLocalEnv(t, false, "")
	if code := le.run("list", empty); code != ExitError || !strings.HasSuffix(le.errb.String(), ": no articles (.txt, .md, .html or .htm files)\n") {
		t.Errorf("empty folder: exit %d, stderr %q", code, le.errb)
	}
}
