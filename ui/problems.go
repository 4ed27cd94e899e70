package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/newsdiff/newsdiff/ui/internal/plural"
)

// problemsView lists every file that did not load, or loaded with a
// problem worked around, with the reason: the warning line above the
// status bar has room for one, and "(and 2 more)" tells nothing.
type problemsView struct {
	styles   *Styles
	keys     *KeyMap
	problems []string // each one line, safe to print

	lines  []string // painted once per width
	scroll scroller
	width  int
	view   string
}

func newProblemsView(s *Styles, keys *KeyMap, problems []string) *problemsView {
	return &problemsView{styles: s, keys: keys, problems: problems}
}

// SetSize sets the view's size and lays the problems out for its width.
func (v *problemsView) SetSize(width, height int) {
	if width != v.width {
		v.width = width
		v.paint()
	}
	v.scroll.SetHeight(height)
	v.slice()
}

// SetAnalysis does nothing: the problems are the corpus's, not a story's.
func (v *problemsView) SetAnalysis(*storyAnalysis) {}

// paint lays the problems out: a heading, then each problem wrapped under
// a bullet, the file first, then why.
func (v *problemsView) paint() {
	s := v.styles
	w := max(v.width-2, 10)
	v.lines = v.lines[:0]
	head := "Every file loaded"
	if n := len(v.problems); n > 0 {
		head = plural.Count(n, "problem", "problems") + " with the files"
	}
	v.lines = append(v.lines, " "+s.Story.Section.Render(truncate(head, w)), "")
	for _, p := range v.problems {
		for i, l := range wrapFrags([]frag{{p, clsEqual, 0}}, w-2) {
			lead := "  "
			if i == 0 {
				lead = s.Status.Problem.Render("•") + " "
			}
			v.lines = append(v.lines, " "+lead+s.Story.Text.Render(lineText(l)))
		}
	}
	v.scroll.SetTotal(len(v.lines))
}

// slice draws the lines in view into v.view.
func (v *problemsView) slice() {
	var sb strings.Builder
	top := v.scroll.Top()
	for i := range v.scroll.height {
		if i > 0 {
			sb.WriteByte('\n')
		}
		l := ""
		if top+i < len(v.lines) {
			l = v.lines[top+i]
		}
		sb.WriteString(padTo(l, v.width))
	}
	v.view = sb.String()
}

// Update scrolls.
func (v *problemsView) Update(msg tea.Msg) (storyView, tea.Cmd) {
	if v.scroll.Update(msg, v.keys) {
		v.slice()
	}
	return v, nil
}

// View returns the lines in view.
func (v *problemsView) View() string { return v.view }

// Position is the scroll position.
func (v *problemsView) Position() []string { return []string{v.scroll.Position()} }

// StatusItems counts the files skipped.
func (v *problemsView) StatusItems() []string {
	return []string{plural.Count(len(v.problems), "problem", "problems")}
}

// UpdateKeys enables the moving keys, where the list does not fit.
func (v *problemsView) UpdateKeys() { v.keys.enableMoving(!v.scroll.Fits()) }

// Typing reports false: nothing is typed here.
func (v *problemsView) Typing() bool { return false }
