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
