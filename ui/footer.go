package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// essentialHelp returns the bindings the one-line help must show at any
// width, of those enabled: how to get help and how to leave (or, in the
// help, how to close it; while typing, how to finish).
func (k KeyMap) essentialHelp() []key.Binding {
	var want []key.Binding
	switch {
	case k.Accept.Enabled():
		want = []key.Binding{k.Accept, k.Cancel, k.ForceQuit}
	case k.CloseHelp.Enabled():
		want = []key.Binding{k.CloseHelp, k.ForceQuit}
	default:
		want = []key.Binding{k.Help, k.Quit}
	}
	var out []key.Binding
	for _, b := range want {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

func sameHelp(a, b key.Binding) bool {
	return a.Help().Key == b.Help().Key && a.Help().Desc == b.Help().Desc
}

// fitShortHelp renders the enabled bindings of k's ShortHelp on one line
// of at most width cells, essential ones last and always: the others are
// taken in order while they fit, so a narrow terminal drops the least
// needed hints first, never "? help" or "q quit".
//
// The ways out of a screen (see waysOut) are kept next, whenever they fit
// beside help and quit: they are the keys such a screen cannot be left
// without, and the hints before them in ShortHelp are long.
func fitShortHelp(h help.Model, k KeyMap, width int) string {
	essential := k.essentialHelp()
	h.Width = 0
	line, ok := fitOptional(h, k, essential, width)
	if !ok {
		// Not even the essential keys fit: cut them, as nothing else can go.
		return truncate(line, width)
	}
	// Where a way out is missing from the line, all of them are kept: one
	// the line showed, early among the optional hints, was pushed off it
	// by another kept at its end.
	ways := k.waysOut()
	if !slices.ContainsFunc(ways, func(b key.Binding) bool {
		return !strings.Contains(line, b.Help().Key+" "+b.Help().Desc)
	}) {
		return line
	}
	for n := len(ways); n > 0; n-- {
		if kept, ok := fitOptional(h, k, append(slices.Clone(ways[:n]), essential...), width); ok {
			return kept
		}
	}
	return line
}

// waysOut returns the enabled bindings that lead off a screen the reader
// could not otherwise leave: esc back from a quote's wordings, esc out of
// a filter that lets no article through (the list has nothing to move to
// or pick: see emptyFilterList), and tab where one pane is shown alone
// and tab names the other (its help then says which, not "switch pane").
// None while typing or in the help.
func (k KeyMap) waysOut() []key.Binding {
	if k.Accept.Enabled() || k.CloseHelp.Enabled() {
		return nil
	}
	var out []key.Binding
	if k.Back.Enabled() {
		out = append(out, k.Back)
	}
	if k.emptyFilterList() {
		out = append(out, k.Cancel)
	}
	if k.SwitchPane.Enabled() && k.SwitchPane.Help().Desc != switchPaneHelp {
		out = append(out, k.SwitchPane)
	}
	return out
}

// emptyFilterList reports whether the keys are those of the articles list
// with nothing in it, a filter having let no article through: / and esc
// are offered, but nothing to move to or pick. At 60 columns the help line
// kept "/ filter" there and dropped "esc clear filter", the key that
// brings the articles back, under a list saying "nothing matches".
func (k KeyMap) emptyFilterList() bool {
	return k.Filter.Enabled() && k.Cancel.Enabled() && !k.Pick.Enabled() && !k.Down.Enabled()
}

// fitOptional renders ShortHelp's enabled bindings other than kept, as
// many from the start as fit in width, then kept; ok is false when kept
// alone does not fit, and line is then kept alone.
//
// Where that leaves out what enter does in the view (open, pick), the
// arrows go instead, if enter then fits: everyone tries them, but nothing
// else on screen says that enter opens a passage or a cell.
func fitOptional(h help.Model, k KeyMap, kept []key.Binding, width int) (line string, ok bool) {
	var optional, still []key.Binding
	for _, b := range k.ShortHelp() {
		if !b.Enabled() {
			continue
		}
		isKept := false
		for _, e := range kept {
			if sameHelp(b, e) {
				isKept = true
			}
		}
		if !isKept {
			optional = append(optional, b)
			if !k.moves(b) {
				still = append(still, b)
			}
		}
	}
	line, n, ok := fitPrefix(h, optional, kept, width)
	if enter := k.enterAction(); ok && enter != nil && !slices.ContainsFunc(optional[:n], func(b key.Binding) bool { return sameHelp(b, *enter) }) {
		if l, n, ok := fitPrefix(h, still, kept, width); ok && slices.ContainsFunc(still[:n], func(b key.Binding) bool { return sameHelp(b, *enter) }) {
			return l, true
		}
	}
	return line, ok
}

// fitPrefix renders as many of optional from the start as fit in width,
// then kept, and says how many it took; ok is false when kept alone does
// not fit.
func fitPrefix(h help.Model, optional, kept []key.Binding, width int) (line string, n int, ok bool) {
	render := func(n int) string { return h.ShortHelpView(append(optional[:n:n], kept...)) }
	// The line grows with n: look for the longest that fits by halves.
	if line = render(0); lipgloss.Width(line) > width {
		return line, 0, false
	}
	lo, hi := 0, len(optional) // render(lo) fits; beyond hi nothing does
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l := render(mid); lipgloss.Width(l) <= width {
			lo, line = mid, l
		} else {
			hi = mid - 1
		}
	}
	return line, lo, true
}

// moves reports whether b is one of the arrows' bindings.
func (k KeyMap) moves(b key.Binding) bool {
	for _, m := range []key.Binding{k.Down, k.Up, k.Left, k.Right} {
		if sameHelp(b, m) {
			return true
		}
	}
	return false
}

// enterAction returns the enabled binding of enter that acts on what the
// cursor is on (open, pick), or nil.
func (k KeyMap) enterAction() *key.Binding {
	for _, b := range []key.Binding{k.Open, k.Pick} {
		if b.Enabled() {
			return &b
		}
	}
	return nil
}

// helpColumnGap separates the columns of the full help.
const helpColumnGap = "    "

// minHelpDescWidth is the narrowest room beside its keys a description of
// the full help is wrapped into; in less, it is cut.
const minHelpDescWidth = 10

// renderHelp lays sections out as the full help's lines, at most width
// cells wide: each section a column under its heading, keys aligned,
// columns side by side as far as they fit and then on further rows of
// columns, a description wrapped under itself where its column is wider
// than the screen, so nothing is cut; the caller scrolls the lines.
func renderHelp(s *Styles, sections []helpSection, width int) []string {
	lines, _ := renderHelpSections(s, sections, width)
	return lines
}

// renderHelpSections is renderHelp, and says where each section's heading
// is among the lines.
func renderHelpSections(s *Styles, sections []helpSection, width int) (lines []string, starts []int) {
	var cols []string
	for _, sec := range sections {
		keyWidth := 0
		for _, e := range sec.entries {
			keyWidth = max(keyWidth, textWidth(strings.Join(e.keys, "/")))
		}
		var sb strings.Builder
		sb.WriteString(s.HelpTitle.Render(sec.title))
		// A description too long for the room beside the keys goes on
		// in lines of its own under itself, as far as that room is worth
		// wrapping into: at 40 columns the help cut "delete back (no
		// query: close it)" to "delete back (n…".
		room := width - keyWidth - 1
		for _, e := range sec.entries {
			k := strings.Join(e.keys, "/")
			keys := s.Help.FullKey.Render(padRight(k, textWidth(k), keyWidth)) + " "
			if textWidth(e.desc) <= room || room < minHelpDescWidth {
				sb.WriteString("\n" + truncate(keys+s.Help.FullDesc.Render(e.desc), width))
				continue
			}
			for i, l := range wrapText(e.desc, room) {
				if i > 0 {
					keys = strings.Repeat(" ", keyWidth+1)
				}
				sb.WriteString("\n" + keys + s.Help.FullDesc.Render(l))
			}
		}
		cols = append(cols, sb.String())
	}
	var blocks []string
	var row []string
	w, at := 0, 0 // at: the line the row of columns being made starts on
	for _, c := range cols {
		cw := lipgloss.Width(c)
		if len(row) > 0 && w+len(helpColumnGap)+cw > width {
			blocks = append(blocks, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			at += lipgloss.Height(blocks[len(blocks)-1]) + 1 // and a blank line
			row, w = nil, 0
		}
		if len(row) > 0 {
			row = append(row, helpColumnGap)
			w += len(helpColumnGap)
		}
		row = append(row, c)
		starts = append(starts, at)
		w += cw
	}
	if len(row) > 0 {
		blocks = append(blocks, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	return strings.Split(strings.Join(blocks, "\n\n"), "\n"), starts
}
