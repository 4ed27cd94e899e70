package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUniqueNamesOnceTheOutletsWithNothingOfTheirOwn is a regression
// test: unique headed every outlet, "## wire · 0 passages only it
// reports" over nothing for one whose every passage another outlet
// reports too. Such outlets are named once, last, as the reader names
// them.
func TestUniqueNamesOnceTheOutletsWithNothingOfTheirOwn(t *testing.T) {
	const (
		title = "Harbour council approves new ferry timetable\n\n"
		first = "The harbour council approved a new ferry timetable for the islands on Monday, after a year of complaints about late sailings.\n\n"
		more  = "The council will meet again in March to review the winter sailings and the fares for residents.\n"
	)
	story := filepath.Join(t.TempDir(), "ferries")
	writeFilesIn(t, story, map[string]string{
		"wire.txt":   title + first,
		"copy.txt":   title + first,
		"update.txt": title + first + more,
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("unique", "--format", "plain", story); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	if strings.Contains(out, "0 passages") {
		t.Errorf("an outlet with nothing of its own is headed over nothing:\n%s", out)
	}
	for _, want := range []string{"## update · 1 passage only it reports\n", "## copy, wire · nothing of their own\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestReportNamesOnceTheOutletsWithNothingOfTheirOwn is a regression
// test: the report headed every outlet, and under the heading of one
// whose every passage another outlet reports too said "nothing of its
// own". Such outlets are named once, last, as unique and the reader name
// them.
func TestReportNamesOnceTheOutletsWithNothingOfTheirOwn(t *testing.T) {
	const (
		title = "Harbour council approves new ferry timetable\n\n"
		first = "The harbour council approved a new ferry timetable for the islands on Monday, after a year of complaints about late sailings.\n\n"
		more  = "The council will meet again in March to review the winter sailings and the fares for residents.\n"
	)
	story := filepath.Join(t.TempDir(), "ferries")
	writeFilesIn(t, story, map[string]string{
		"wire.txt":   title + first,
		"copy.txt":   title + first,
		"update.txt": title + first + more,
	})
	le := newLocalEnv(t, false, "")
	if code := le.run("report", story); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	_, unique, _ := strings.Cut(le.out.String(), "<h2>What only one outlet reports</h2>")
	if strings.Contains(unique, "<h3>wire</h3>") || strings.Contains(unique, "<h3>copy</h3>") || !strings.Contains(unique, "<h3>update</h3>") {
		t.Errorf("the outlets with nothing of their own are headed:\n%s", unique)
	}
	if !strings.Contains(unique, `<p class="meta">copy, wire · nothing of their own</p>`) {
		t.Errorf("the outlets with nothing of their own are not named:\n%s", unique)
	}
}
