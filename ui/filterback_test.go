package ui

import "testing"

// TestFilterOfNothingKeepsTheCursor is a regression test: a filter that
// let no article through, cleared (esc, or backspaced away), put the
// cursor on the list's first article, not the one it was on before the
// filter: the place in a long list was lost to a typo.
func TestFilterOfNothingKeepsTheCursor(t *testing.T) {
	for _, clear := range [][]string{{"esc"}, {"backspace", "backspace", "backspace"}, {"enter", "esc"}} {
		m := press(newModel(t, seed(t), 120, 20), "tab", "j", "j", "j")
		was := m.compare.articles.Selected()
		if was == nil || was.Outlet != "Al Jazeera" {
			t.Fatal("the cursor is not on Al Jazeera, as the test wants")
		}
		m = press(m, "/")
		m = typeText(m, "zzz")
		if a := m.compare.articles.Selected(); a != nil {
			t.Fatalf("zzz lets %s through", a.Outlet)
		}
		m = press(m, clear...)
		if a := m.compare.articles.Selected(); a != was {
			got := "nothing"
			if a != nil {
				got = a.Outlet
			}
			t.Errorf("after zzz and %v, the cursor is on %s, want %s", clear, got, was.Outlet)
		}
	}
}
