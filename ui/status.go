package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// refresh brings the keymap, the status bar, the help line and the warning
// line up to date after an update. It runs once per message, so that View
// has only strings to join.
func (m *Model) refresh() {
	m.updateKeys()
	if m.tooSmall() {
		return
	}
	// The help line changes only when the keys on offer or the width do,
	// and rendering it is most of a scroll key's work: keep it until then.
	var bindings [48]key.Binding
	var hk [1024]byte
	if k := m.appendHelpKey(hk[:0], bindings[:0]); string(k) != m.helpKey {
		m.helpLine = padTo(fitShortHelp(*m.help, *m.keys, m.width), m.width)
		m.helpKey = string(k)
	}
	m.statusLine = m.renderStatus()
	if m.showProblems {
		m.problemLine = m.renderProblems()
	}
}

// appendHelpKey appends to dst what names what the short help shows: the
// width and each offered binding's keys and description. It runs after
// every key, so it takes the buffers it fills (dst and one for the
// bindings) from its caller, who can keep them on the stack.
func (m *Model) appendHelpKey(dst []byte, bindings []key.Binding) []byte {
	dst = strconv.AppendInt(dst, int64(m.width), 10)
	for _, b := range m.keys.appendShortHelp(bindings) {
		if b.Enabled() {
			h := b.Help()
			dst = append(dst, 0)
			dst = append(dst, h.Key...)
			dst = append(dst, 1)
			dst = append(dst, h.Desc...)
		}
	}
	return dst
}

// updateKeys enables the bindings that mean something now and disables the
// rest, so that a key never acts where it should not and the help never
// offers it: the root's own, and those the view on screen enables.
func (m *Model) updateKeys() {
	k := m.keys
	k.disableAll()
	k.ForceQuit.SetEnabled(true)
	k.Suspend.SetEnabled(m.suspend)
	if m.showHelp {
		// The help scrolls like any pane, where it is longer than the
		// screen, and its line offers the moves as every pane's does:
		// all of them, wherever it is scrolled to. It dropped ↓/j at
		// its end and ↑/k at its top, the only line that changed as it
		// scrolled, and so seemed to lose a key.
		k.CloseHelp.SetEnabled(true)
		k.enableMoving(!m.helpScroll.Fits())
		return
	}
	ready := m.state == stateReady
	v := m.active()
	if ready {
		v.UpdateKeys()
		if v.Typing() {
			return
		}
		// Pressed again while a refresh runs, it says so rather
		// than start another.
		k.Reload.SetEnabled(canRefresh(m.lib))
		if k.NextOutlet.Enabled() && !m.canCycleRight() {
			// No other article could go on the right (a story of two):
			// ] and [ only say so (see whyDisabled).
			k.NextOutlet.SetEnabled(false)
			k.PrevOutlet.SetEnabled(false)
		}
	}
	if m.pending.slow {
		// esc stops the comparison rather than what it does in the view.
		k.Abandon.SetEnabled(true)
		k.Cancel.SetEnabled(false)
		k.Back.SetEnabled(false)
	}
	// The key of the view on screen would do nothing: it neither shows
	// nor matches.
	for p := range k.Views {
		k.Views[p].SetEnabled(ready && page(p) != m.page && (page(p) != pageProblems || len(m.problems) > 0))
	}
	k.Dismiss.SetEnabled(m.showProblems)
	// The screens without a reader (loading, a failed load, no
	// articles) draw no help: ? opening one there left q to close it,
	// unseen, rather than quit.
	k.Help.SetEnabled(ready)
	k.Quit.SetEnabled(true)
}

// renderStatus draws the status bar: the page, then what the last key did
// or the comparison's figures, then the search and the scroll position.
func (m *Model) renderStatus() string {
	s := &m.styles.Status
	v := m.active()
	name := m.page.String()
	switch b, ok := v.(badger); {
	case m.showHelp:
		name = "keys" // what the bar's position and keys are about
	case ok && m.state == stateReady:
		name = b.Badge()
	}
	// The badge changes with the view, not with the key: keep it.
	if name != m.badgeName {
		m.badgeName, m.badge = name, s.Badge.Render(" "+strings.ToUpper(name)+" ")
	}
	bw := textWidth(" " + name + " ")

	// The position matters most, then the search, then the change: drop
	// from the end of that list until the right side takes at most two
	// thirds of the bar, and leaves room for a message saying what the
	// last key did ("Al Jazeera and TRT World side by side, at ¶7"),
	// which matters more than the search or the change.
	avail := m.width - bw - 1
	var right []string
	switch {
	case m.showHelp:
		// The help is what the moving keys scroll.
		right = []string{m.helpScroll.Position()}
	case m.state == stateReady:
		right = v.Position()
	}
	message := 0
	if m.state != stateReady || !v.Typing() {
		switch {
		case m.pending.slow:
			message = textWidth(m.comparingStatus())
		case m.flash != "":
			message = textWidth(flashFitting(m.flash, avail))
		}
	}
	// A query being typed, and what it finds, matter more than the
	// position too: at 40 columns the position left the query no cell,
	// and the count of matches ran off the bar's end.
	sp, prompter := v.(statusPrompter)
	if prompter && m.state == stateReady && !m.showHelp && sp.Prompting() {
		message = min(minPromptRoom, avail)
	}
	var rtext string
	for n := len(right); n > 0; n-- {
		parts := slices.Clone(right[:n])
		slices.Reverse(parts)
		rtext = "  " + strings.Join(parts, " · ") + " "
		if textWidth(rtext) <= avail*2/3 && textWidth(rtext)+message <= avail {
			break
		}
	}
	if message > 0 && textWidth(rtext)+message > avail {
		// What the last key did is read once, and matters more than the
		// position, which the next key brings back: a message cut short
		// can say the opposite of what it meant.
		rtext = ""
	}
	rtext = truncate(rtext, max(avail*2/3, 0))
	mid := avail - textWidth(rtext)

	var middle string
	prompt, found, typing := "", "", false
	if prompter && m.state == stateReady {
		prompt, found, typing = sp.StatusPrompt(mid)
	}
	switch {
	case typing:
		gap := max(mid-textWidth(prompt)-textWidth(found), 0)
		middle = s.Prompt.Inherit(s.Bar).Render(prompt) + s.Stat.Render(found+strings.Repeat(" ", gap))
	case m.pending.slow:
		t := truncate(m.comparingStatus(), mid)
		middle = s.Flash.Inherit(s.Bar).Render(t + strings.Repeat(" ", mid-textWidth(t)))
	case m.flash != "":
		t := flashFitting(m.flash, mid)
		middle = s.Flash.Inherit(s.Bar).Render(t + strings.Repeat(" ", mid-textWidth(t)))
	default:
		// The figures stay while the reader scrolls; only the position
		// beside them moves. Keep them rendered until they change.
		var items []string
		if m.state == stateReady && !m.showHelp {
			items = v.StatusItems()
			if sc, ok := v.(searchCounter); ok {
				if c := sc.SearchCount(); c != "" && !strings.Contains(rtext, c) {
					items = append([]string{c}, items...)
				}
			}
		}
		key := fmt.Sprint(mid, items)
		if key != m.statKey {
			t := fitItems(items, " · ", mid)
			if t == "" && len(items) > 0 {
				// The first says what the cursor is on: cut, it still
				// says where, where dropped the bar said nothing.
				t = truncate(items[0], mid)
			}
			t += strings.Repeat(" ", mid-textWidth(t))
			if strings.ContainsAny(t, "\t\n") {
				// A brush paints one line as it is; Render turns tabs
				// into spaces.
				m.statMiddle = s.Stat.Render(t)
			} else {
				m.statMiddle = m.statusBrushes.stat.paint(t)
			}
			m.statKey = key
		}
		middle = m.statMiddle
	}
	b := &m.statusBrushes
	return m.badge + b.gap + middle + b.position.paint(rtext)
}

// minPromptRoom is the room in the status bar a query being typed keeps
// from the position: the query with its prompt and cursor, and a count
// such as "  match 12/345".
const minPromptRoom = minQueryRoom + 14

// statusBrushes are the status bar's parts that every key redraws, painted
// with brushes rather than Style.Render: Render measures, splits and styles
// its text anew each time, and the status bar is most of what a scrolling
// key costs the reader.
type statusBrushes struct {
	gap      string // the bar's space after the badge
	position brush
	stat     brush // the figures, which move whenever the position's width does
}

func newStatusBrushes(s *StatusStyles) statusBrushes {
	return statusBrushes{gap: s.Bar.Render(" "), position: newBrush(s.Position), stat: newBrush(s.Stat)}
}

func appendNonEmpty(ss []string, s string) []string {
	if s == "" {
		return ss
	}
	return append(ss, s)
}

// fitItems joins as many of items, from the first, as fit in width cells.
func fitItems(items []string, sep string, width int) string {
	var out string
	for _, it := range items {
		next := it
		if out != "" {
			next = out + sep + it
		}
		if textWidth(next) > width {
			break
		}
		out = next
	}
	return out
}

// renderProblems draws the line of load warnings.
func (m Model) renderProblems() string {
	text := "warning: " + termsafe.OneLine(m.problems[0])
	tail := " · x dismiss"
	if n := len(m.problems) - 1; n > 0 {
		tail = fmt.Sprintf(" · %s more: %d lists all · x dismiss", digits.Group(n), int(pageProblems)+1)
	}
	text = truncate(text, max(m.width-textWidth(tail)-1, 1)) + tail
	return padTo(m.styles.Status.Problem.Render(" "+text), m.width)
}

// helpKeyMap is the keymap the full help lists: every key the reader
// has, whatever view is on screen, described as the README's key table
// describes it (both come from describedKeyMap and helpSections), so the
// help also teaches what is not possible right now.
func (m Model) helpKeyMap() KeyMap {
	k := describedKeyMap(*m.keys)
	// Where export is off (over SSH), e only says so when pressed: the
	// help offered "save the comparison as an HTML page" there.
	k.Export.SetEnabled(m.env.writeHTML != nil)
	// Nor does a served session suspend: there is no shell of ours to
	// give the terminal to.
	k.Suspend.SetEnabled(m.suspend)
	// Nor is there anything to reload where the articles cannot change
	// (those built into the program) or are not the session's to
	// refresh (served over SSH): see Refresher.
	k.Reload.SetEnabled(canRefresh(m.lib))
	return k
}

// renderFullHelp lays the full help out (see renderHelp) and slices what
// fits in the main area from the help's scroll position: the help is as
// long as it needs to be, and j, pgdn, G and the wheel scroll it.
//
// Laid out anew, for another width, it keeps the reader where they last
// scrolled it to (see helpScrolled): the section there, as far into it as
// that section goes at this width. It kept the number of its top row, and
// the help's rows are others at another width (columns side by side where
// there is room, descriptions wrapped where there is not), so that the
// reader of its Marks at 40 columns was, after a resize and back, in the
// middle of "Type a query".
func (m *Model) renderFullHelp() {
	h := max(m.height-m.bottomRows(), 1)
	pad := m.styles.HelpPane
	avail := max(m.width-pad.GetHorizontalFrameSize(), 1)
	head := m.styles.Message.Render("Keys") + m.styles.Help.FullDesc.Render("  (? or esc to close)")
	lines, starts := renderHelpSections(m.styles, helpSections(*m.helpKeys), avail)
	body := strings.Join(append([]string{head, ""}, lines...), "\n")
	m.helpLines = strings.Split(pad.Render(body), "\n")
	// The sections' headings, below the frame's top and the help's own.
	above := pad.GetMarginTop() + pad.GetBorderTopSize() + pad.GetPaddingTop() + 2
	m.helpStarts = make([]int, len(starts))
	for i, at := range starts {
		m.helpStarts[i] = at + above
	}
	m.helpScroll.SetHeight(h)
	m.helpScroll.SetTotal(len(m.helpLines))
	if s := m.helpPlace.section; s >= 0 && s < len(m.helpStarts) {
		// No further than the section's end: at another width it may
		// be shorter.
		at := m.helpStarts[s]
		end := len(m.helpLines)
		for _, next := range m.helpStarts {
			if next > at {
				end = min(end, next)
			}
		}
		m.helpScroll.ScrollTo(min(at+m.helpPlace.into, max(end-2, at)))
	}
	m.sliceHelp()
}

// helpPlace is where the reader scrolled the full help to: a section,
// the first of those side by side, and how many rows into it; section -1
// is above the first.
type helpPlace struct{ section, into int }

// helpScrolled notes where the reader has scrolled the full help to, and
// shows it there.
func (m *Model) helpScrolled() {
	m.helpPlace = helpPlace{-1, 0}
	top := m.helpScroll.Top()
	for i, at := range m.helpStarts {
		if at <= top && (m.helpPlace.section < 0 || at > m.helpStarts[m.helpPlace.section]) {
			m.helpPlace = helpPlace{i, top - at}
		}
	}
	m.sliceHelp()
}

// sliceHelp fills helpView with the help's lines in view.
func (m *Model) sliceHelp() {
	m.helpView = m.helpView[:0]
	top := m.helpScroll.Top()
	for i := range m.helpScroll.height {
		l := ""
		if top+i < len(m.helpLines) {
			l = m.helpLines[top+i]
		}
		m.helpView = append(m.helpView, padTo(l, m.width))
	}
}

// padTo pads or cuts a styled line to exactly width cells.
func padTo(s string, width int) string {
	w := textWidth(s)
	if w > width {
		return truncate(s, width)
	}
	return s + strings.Repeat(" ", width-w)
}
