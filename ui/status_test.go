package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TestStatusBrushesMatchRender checks that the status bar's parts painted
// with brushes are byte for byte what Style.Render draws, in every colour
// profile, on dark and light backgrounds, with and without colour: a style
// that gained padding, a width or underlined spaces would need Render again.
func TestStatusBrushesMatchRender(t *testing.T) {
	texts := []string{"", " ", "  row 12/181 · 7% ", "  /trump · 3/9 · row 1/40 · top ", "  ünïcödé — “quoted” · 世界 "}
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
		for _, dark := range []bool{true, false} {
			for _, mono := range []bool{false, true} {
				r := lipgloss.NewRenderer(nil)
				r.SetColorProfile(p)
				r.SetHasDarkBackground(dark)
				st := NewStyles(r)
				if mono {
					st = NewMonoStyles(r)
				}
				b := newStatusBrushes(&st.Status)
				if got, want := b.gap, st.Status.Bar.Render(" "); got != want {
					t.Errorf("profile %v dark %v mono %v: gap %q, want %q", p, dark, mono, got, want)
				}
				for _, text := range texts {
					if got, want := b.position.paint(text), st.Status.Position.Render(text); got != want {
						t.Errorf("profile %v dark %v mono %v: position %q painted %q, want %q", p, dark, mono, text, got, want)
					}
					if got, want := b.stat.paint(text), st.Status.Stat.Render(text); got != want {
						t.Errorf("profile %v dark %v mono %v: figures %q painted %q, want %q", p, dark, mono, text, got, want)
					}
				}
			}
		}
	}
}

// TestStatusMessageBeforeSearchAndChange is a regression test: at 80
// columns the search and the change on the right of the status bar cut
// what the last key did to "Swell Digest and Hacked.com side by …",
// losing the paragraph it opened at.
func TestStatusMessageBeforeSearchAndChange(t *testing.T) {
	m := newModel(t, seed(t), 80, 24)
	m = press(m, "/")
	m = typeText(m, "Trump")
	m = press(m, "enter", "n", "4", "enter")
	lines := screenLines(m)
	status := lines[len(lines)-2]
	if m.flash == "" || !strings.Contains(status, m.flash) || !strings.Contains(status, "row ") {
		t.Errorf("status %q, want the message %q whole and the row", status, m.flash)
	}
}

// TestNarrowStatusKeepsTheFirstItem checks that where the status bar's
// first item, what the cursor is on, is too long for it, it is cut rather
// than dropped: at 60 columns the passages' bar said only "PASSAGES".
func TestNarrowStatusKeepsTheFirstItem(t *testing.T) {
	m := press(newModel(t, seed(t), 60, 12), "4")
	status := screenLines(m)[10]
	if !strings.Contains(status, "PASSAGES  Swell Digest ¶4") || !strings.Contains(status, "…") {
		t.Errorf("60x12 passages: status %q, want the entry's description, cut", status)
	}
}
