package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
)

// wheel returns -1 for the mouse wheel turned up, 1 for down, and 0 for
// any other mouse event. Lists move their cursor one entry a notch; panes
// of text scroll wheelRows rows.
func wheel(msg tea.MouseMsg) int {
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return -1
	case tea.MouseButtonWheelDown:
		return 1
	}
	return 0
}

// scroller is the one window every pane scrolls its rows through, the way
// bubbles/viewport does: the rows are painted once elsewhere, and drawing
// a frame only slices them from top. It knows only how many rows there
// are, so that a pane can keep its rows however it paints them.
type scroller struct {
	top    int
	height int
	total  int
}

// SetTotal sets how many rows there are, keeping the top row where it can.
func (s *scroller) SetTotal(n int) {
	s.total = n
	s.top = s.clamp(s.top)
}

// SetHeight sets the window's height.
func (s *scroller) SetHeight(h int) {
	s.height = max(h, 1)
	s.top = s.clamp(s.top)
}

func (s scroller) clamp(top int) int { return max(min(top, s.total-s.height), 0) }

// Top returns the first row in view.
func (s scroller) Top() int { return s.top }

// ScrollTo puts row top at the top, as near as the rows allow.
func (s *scroller) ScrollTo(top int) { s.top = s.clamp(top) }

// ScrollBy scrolls n rows down (up if negative).
func (s *scroller) ScrollBy(n int) { s.top = s.clamp(s.top + n) }

// Fits reports whether every row is in view: there is nowhere to scroll.
func (s scroller) Fits() bool { return s.total <= s.height }

// Visible reports whether row is in view.
func (s scroller) Visible(row int) bool { return row >= s.top && row < s.top+s.height }

// Reveal scrolls as little as it takes to show rows top to bottom
// (half-open); rows taller than the window show from top.
func (s *scroller) Reveal(top, bottom int) {
	switch {
	case s.height == 0:
		return // not sized yet: nothing is on screen to keep
	case top < s.top:
		s.top = top
	case bottom > s.top+s.height:
		s.top = min(top, bottom-s.height)
	}
	s.top = s.clamp(s.top)
}

// movement is what a moving key asks for: one item (step), a number of
// rows (a page or half of one), or an end (-1 the top, 1 the bottom).
type movement struct{ step, rows, end int }

// keyMovement maps the moving keys to what they ask for, the same for a
// scroller and a list, and reports whether msg is one of them.
func keyMovement(msg tea.KeyMsg, k *KeyMap, page int) (movement, bool) {
	switch {
	case key.Matches(msg, k.Up):
		return movement{step: -1}, true
	case key.Matches(msg, k.Down):
		return movement{step: 1}, true
	case key.Matches(msg, k.PageUp):
		return movement{rows: -page}, true
	case key.Matches(msg, k.PageDown):
		return movement{rows: page}, true
	case key.Matches(msg, k.HalfPageUp):
		return movement{rows: -max(page/2, 1)}, true
	case key.Matches(msg, k.HalfPageDown):
		return movement{rows: max(page/2, 1)}, true
	case key.Matches(msg, k.Top):
		return movement{end: -1}, true
	case key.Matches(msg, k.Bottom):
		return movement{end: 1}, true
	}
	return movement{}, false
}

// Update scrolls for the moving keys (a row, a page, half a page, all the
// way) and the mouse wheel (wheelRows a notch), and reports whether msg
// was one of them.
func (s *scroller) Update(msg tea.Msg, k *KeyMap) bool {
	page := max(s.height, 1)
	switch msg := msg.(type) {
	case tea.MouseMsg:
		d := wheel(msg)
		if d == 0 {
			return false
		}
		s.ScrollBy(d * wheelRows)
	case tea.KeyMsg:
		mv, ok := keyMovement(msg, k, page)
		switch {
		case !ok:
			return false
		case mv.end < 0:
			s.ScrollTo(0)
		case mv.end > 0:
			s.ScrollTo(s.total)
		default:
			s.ScrollBy(mv.step + mv.rows)
		}
	default:
		return false
	}
	return true
}

// Position describes the scroll position: "row 10/230 · 4%".
func (s scroller) Position() string { return rowPosition(s.top, s.total, s.height) }

func rowPosition(top, n, height int) string {
	maxTop := n - height
	pct := "all"
	switch {
	case maxTop <= 0:
	case top == 0:
		pct = "top"
	case top >= maxTop:
		pct = "end"
	default:
		pct = fmt.Sprintf("%d%%", top*100/maxTop)
	}
	return "row " + digits.Group(min(top+1, max(n, 1))) + "/" + digits.Group(n) + " · " + pct
}

// seg is a piece of a line in one style.
type seg struct {
	text string
	st   lipgloss.Style
}

// fitLine draws segments left to right in exactly width cells, with right
// flush against the right edge: the left segments are cut to make room,
// the last first. With sel set, every piece and the padding carry it as a
// background: an outer Render would lose it at the first piece's reset.
func fitLine(width int, sel *lipgloss.Style, right seg, left ...seg) string {
	rw := textWidth(right.text)
	if rw > width {
		right.text = truncate(right.text, width)
		rw = textWidth(right.text)
	}
	avail := width - rw
	if right.text != "" && avail > 0 {
		avail-- // a space before right
	}
	var sb strings.Builder
	used := 0
	style := func(st lipgloss.Style) lipgloss.Style {
		if sel != nil {
			return st.Inherit(*sel)
		}
		return st
	}
	for _, s := range left {
		if used >= avail {
			break
		}
		t := truncate(s.text, avail-used)
		if t == "" {
			continue
		}
		sb.WriteString(style(s.st).Render(t))
		used += textWidth(t)
	}
	gap := max(width-used-rw, 0)
	if gap > 0 {
		sp := strings.Repeat(" ", gap)
		if sel != nil {
			sp = sel.Render(sp)
		}
		sb.WriteString(sp)
	}
	if rw > 0 {
		sb.WriteString(style(right.st).Render(right.text))
	}
	return sb.String()
}

// paintLines paints wrapped lines with p, each after prefix (whose width
// is prefixWidth) and padded to width cells in all.
func paintLines(p *painter, lines []line, prefix string, prefixWidth, width int) []string {
	out := make([]string, 0, len(lines))
	var sb strings.Builder
	for _, ln := range lines {
		sb.Reset()
		sb.WriteString(prefix)
		p.line(&sb, ln, nil, nil)
		p.pad(&sb, width-prefixWidth-ln.width)
		out = append(out, sb.String())
	}
	return out
}
