package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// movement returns how far a moving key moves a cursor or a window whose
// page is page lines (or entries) long, in a list of total: one for the
// arrows, a page, half a page, or all the way for top and bottom. ok is
// false for any other key. Every pane moves through this, so the keys
// mean the same everywhere.
func movement(msg tea.KeyMsg, k *KeyMap, page, total int) (delta int, ok bool) {
	page = max(page, 1)
	switch {
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.HalfPageUp):
		return -max(page/2, 1), true
	case key.Matches(msg, k.HalfPageDown):
		return max(page/2, 1), true
	case key.Matches(msg, k.Top):
		return -total, true
	case key.Matches(msg, k.Bottom):
		return total, true
	}
	return 0, false
}

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

// reveal returns the offset of a window height lines tall that is nearest
// to offset and shows lines top to bottom (half-open), for lists that keep
// their cursor on screen.
func reveal(offset, top, bottom, height int) int {
	switch {
	case top < offset:
		offset = top
	case bottom > offset+height:
		offset = bottom - height
	}
	return max(offset, 0)
}

// scroller shows painted rows through a window height rows tall, the way
// bubbles/viewport does: the rows are painted once, and drawing a frame
// only slices them.
type scroller struct {
	rows   []string
	top    int
	height int
}

// SetRows replaces the rows, keeping the top row where it can.
func (s *scroller) SetRows(rows []string) {
	s.rows = rows
	s.top = s.clamp(s.top)
}

// SetHeight sets the window's height.
func (s *scroller) SetHeight(h int) {
	s.height = max(h, 1)
	s.top = s.clamp(s.top)
}

func (s scroller) clamp(top int) int { return max(min(top, len(s.rows)-s.height), 0) }

func (s *scroller) scroll(n int) { s.top = s.clamp(s.top + n) }

// Update scrolls for the moving keys and the mouse wheel, and reports
// whether msg was one of them.
func (s *scroller) Update(msg tea.Msg, k *KeyMap) bool {
	page := s.height
	switch msg := msg.(type) {
	case tea.MouseMsg:
		d := wheel(msg)
		if d == 0 {
			return false
		}
		s.scroll(d * wheelRows)
	case tea.KeyMsg:
		d, ok := movement(msg, k, page, len(s.rows))
		switch {
		case ok:
			s.scroll(d)
		default:
			return false
		}
	default:
		return false
	}
	return true
}

// Position describes the scroll position: "row 10/230 · 4%".
func (s scroller) Position() string { return rowPosition(s.top, len(s.rows), s.height) }

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
	return fmt.Sprintf("row %d/%d · %s", min(top+1, max(n, 1)), n, pct)
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
		p.line(&sb, ln, nil, -1)
		p.pad(&sb, width-prefixWidth-ln.width)
		out = append(out, sb.String())
	}
	return out
}
