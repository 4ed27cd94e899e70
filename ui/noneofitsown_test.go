package ui

import (
	"strings"
	"testing"
)

// TestPassagesNameOnceTheOutletsWithNoneOfTheirOwn is a regression test:
// the passages view headed every outlet, "Hacked.com · 0 passages only it
// reports" over nothing for one whose every passage another outlet
// reports too (an update of its own article, wire copy). Such outlets are
// named once, after the others; a story with no passage only one outlet
// reports says so in a line.
func TestPassagesNameOnceTheOutletsWithNoneOfTheirOwn(t *testing.T) {
	const (
		title = "Harbour council approves new ferry timetable\n\n"
		first = "The harbour council approved a new ferry timetable for the islands on Monday, after a year of complaints about late sailings.\n\n"
		more  = "The council will meet again in March to review the winter sailings and the fares for residents.\n\n"
		other = "Islanders said the new timetable still left the last ferry of the evening too early for shift workers on the mainland.\n"
	)
	m := newModel(t, filesCorpus(t, "ferries",
		"wire.txt", title+first,
		"update.txt", title+first+more,
		"local.txt", title+first+other), 120, 40)
	m = press(m, "4")
	rows := passageRows(m)
	all := strings.Join(rows, "\n")
	if strings.Contains(all, "0 passages") {
		t.Errorf("an outlet with no passage of its own is headed over nothing:\n%s", all)
	}
	if r := findRow(rows, "nothing of its own"); r < 0 || !strings.HasPrefix(strings.TrimSpace(rows[r]), "wire ·") {
		t.Errorf("wire, with no passage of its own, is not named so:\n%s", all)
	}
	for _, outlet := range []string{"update", "local"} {
		if findRow(rows, outlet+" · 1 passage only it reports") < 0 {
			t.Errorf("%s's passage is not headed:\n%s", outlet, all)
		}
	}

	m = newModel(t, filesCorpus(t, "copies", "a.txt", title+first, "b.txt", title+first), 120, 40)
	m = press(m, "4")
	rows = passageRows(m)
	all = strings.Join(rows, "\n")
	if strings.Contains(all, "0 passages") || findRow(rows, "every passage is reported by another outlet too") < 0 {
		t.Errorf("two copies of one text:\n%s", all)
	}
}
