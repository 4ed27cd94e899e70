package ui

import (
	"strings"
	"testing"
)

// TestListTopShowsItsFirstRows: back at a list's first entry (g, home,
// k or the wheel up to it), the rows above that entry are on screen, as
// they are when the view opens. The passages view showed its first entry
// under its outlet's heading but not the view's own, "Only one outlet
// reports · 45 passages", which then no key but N brought back: "g top"
// stopped two rows short of the top.
func TestListTopShowsItsFirstRows(t *testing.T) {
	for _, tc := range []struct {
		page  string
		first string // the view's first line
		back  []string
	}{
		{"4", "Only one outlet reports", []string{"g"}},
		{"4", "Only one outlet reports", []string{"home"}},
		{"4", "Only one outlet reports", []string{"g", "j", "k"}},
		{"2", "Quotes ·", []string{"g"}},
		{"1", "Articles", []string{"g"}},
	} {
		m := newModel(t, seed(t), 160, 20)
		m = press(m, tc.page)
		if tc.page == "1" {
			m = press(m, "tab")
		}
		if got := screenLines(m)[0]; !strings.Contains(got, tc.first) {
			t.Fatalf("view %s opens with %q, want %q", tc.page, got, tc.first)
		}
		m = press(m, "G")
		m = press(m, tc.back...)
		if got := screenLines(m)[0]; !strings.Contains(got, tc.first) {
			t.Errorf("view %s after G, %s: first line %q, want %q", tc.page, strings.Join(tc.back, " "), got, tc.first)
		}
	}
}

// TestListBottomShowsItsLastRows: at a list's last entry (j down to it),
// the rows below it are on screen, as G shows them: a last section with
// nothing to list, "Facts the outlets give differently · 0" and "none
// found", stayed under the window.
func TestListBottomShowsItsLastRows(t *testing.T) {
	body := "The council met on Tuesday and voted to rebuild the old bridge over the river, officials said.\n\n" +
		"\"We will rebuild the bridge by next summer, whatever it costs,\" the mayor told reporters on Tuesday.\n\n" +
		"The bridge was built in 1910 and closed in 2019 after inspectors found cracks in its piers.\n"
	tail := "\n\nResidents of the valley will have to drive forty minutes around the lake until the new bridge opens next year.\n"
	c := filesCorpus(t, "bridge",
		"a.txt", "Council votes to rebuild bridge\n\n"+body+"\nThe vote was close, seven to five.\n"+tail,
		"b.txt", "Old bridge to be rebuilt\n\n"+body+"\nSeveral members argued for a ferry.\n"+tail,
		"c.txt", "Mayor promises new bridge\n\n"+body+"\nA ferry service was also discussed.\n"+tail)
	m := newModel(t, c, 80, 14)
	m = press(m, "4")
	if s := screen(m); !strings.Contains(s, "Word for word in several outlets") {
		t.Fatalf("no runs word for word; the test needs them:\n%s", s)
	}
	for range 20 {
		m = press(m, "j")
	}
	if s := screen(m); !strings.Contains(s, "none found") {
		t.Errorf("at the last entry, the last section's rows are not shown:\n%s", s)
	}
}
