package ui

import (
	"strings"
	"testing"
)

// TestHeaderTellsApartTwoArticlesOfOneOutlet is a regression test: the
// header named both sides "Reuters" where a story has two of its reports
// (a report and its update, of one day and one title), and nothing on
// screen said which side was which. Each side is named by its id too, as
// the story's views name them, side by side and inline, and so are the
// sides in what the reader says of the pair; two outlets stay as they
// were.
func TestHeaderTellsApartTwoArticlesOfOneOutlet(t *testing.T) {
	const (
		meta   = `{"first.txt": {"outlet": "Reuters", "date": "2018-04-20"}, "update.txt": {"outlet": "Reuters", "date": "2018-04-20"}, "other.txt": {"outlet": "AP", "date": "2018-04-20"}}`
		title  = "Harbour council approves new ferry timetable\n\n"
		first  = "The harbour council approved a new ferry timetable for the islands on Monday, after a year of complaints about late sailings.\n"
		update = "\nThe council will meet again in March to review the winter sailings and the fares for residents.\n"
	)
	c := filesCorpus(t, "ferries", "meta.json", meta, "first.txt", title+first, "update.txt", title+first+update, "other.txt", title+first)
	for _, w := range []int{160, 100, 80} {
		m := newModel(t, c, w, 30)
		if m.left.Outlet != "Reuters" {
			t.Fatalf("the left article is %s's", m.left.Outlet)
		}
		if m.right.Outlet != "Reuters" {
			m = press(m, "]")
		}
		if m.right.Outlet != "Reuters" {
			t.Fatalf("the right article is %s's", m.right.Outlet)
		}
		for _, mode := range []string{"side by side", "inline"} {
			header := strings.Join(screenLines(m)[:3], "\n")
			for _, want := range []string{"Reuters (first)", "Reuters (update)"} {
				if !strings.Contains(header, want) {
					t.Errorf("%d columns, %s: no %q in the header:\n%s", w, mode, want, header)
				}
			}
			m = press(m, "v")
		}
		if m = press(m, "4", "enter"); !strings.Contains(m.flash, "Reuters (first) and Reuters (update)") && !strings.Contains(m.flash, "Reuters (update) and Reuters (first)") {
			t.Errorf("%d columns: opening the pair says %q", w, m.flash)
		}
		m = press(m, "]")
		if header := strings.Join(screenLines(m)[:2], "\n"); !strings.Contains(header, "AP") || strings.Contains(header, "(") {
			t.Errorf("%d columns: two outlets named by their ids too:\n%s", w, header)
		}
	}
}
