package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// KeyMap is every key the reader answers to. Update dispatches only through
// key.Matches on these bindings, and the help views list them, so what the
// help says and what a key does cannot drift apart. Bindings that make no
// sense in the current state are disabled: the root disables them all,
// then enables its own and asks the view on screen to enable its (see
// Model.updateKeys). A disabled binding neither matches nor shows in help.
type KeyMap struct {
	// Moving through the focused pane (Left and Right: the matrix's
	// cursor).
	Up           key.Binding
	Down         key.Binding
	Left         key.Binding
	Right        key.Binding
	PageUp       key.Binding
	PageDown     key.Binding
	HalfPageUp   key.Binding
	HalfPageDown key.Binding
	Top          key.Binding
	Bottom       key.Binding

	// Differences and search in the comparison.
	NextChange key.Binding
	PrevChange key.Binding
	Search     key.Binding
	NextMatch  key.Binding
	PrevMatch  key.Binding
	Inline     key.Binding
	// Taking the comparison out: as an HTML page, or the current passage
	// pair to the clipboard.
	Export key.Binding
	Copy   key.Binding

	// Choosing what to compare.
	Pick       key.Binding
	Filter     key.Binding
	PrevOutlet key.Binding
	NextOutlet key.Binding
	Swap       key.Binding

	// The story views: quotes, the matrix and the passages.
	Open        key.Binding
	Back        key.Binding
	NextSection key.Binding
	PrevSection key.Binding

	// Editing a search or filter query: moving its cursor, and deleting
	// before and after it (see lineInput).
	Accept         key.Binding
	CursorLeft     key.Binding
	CursorRight    key.Binding
	WordLeft       key.Binding
	WordRight      key.Binding
	LineStart      key.Binding
	LineEnd        key.Binding
	DeleteChar     key.Binding
	DeleteNext     key.Binding
	DeleteWord     key.Binding
	DeleteNextWord key.Binding
	DeleteToStart  key.Binding
	DeleteToEnd    key.Binding

	// The reader itself.
	Abandon    key.Binding
	Cancel     key.Binding
	SwitchPane key.Binding
	Dismiss    key.Binding
	Help       key.Binding
	CloseHelp  key.Binding
	Quit       key.Binding
	ForceQuit  key.Binding
	// Suspend stops the reader and gives the terminal back to the shell,
	// as ctrl+z does any program there; fg resumes it. Only a reader in a
	// terminal of its own has a shell to give it to (see Options.Suspend).
	Suspend key.Binding
	// Reload checks the folder's files again and lists what changed,
	// as the reader does as it opens. Only a library that can be
	// refreshed has anything to reload (see Refresher).
	Reload key.Binding

	// The views, one key each, 1 to 9, in the order of viewTable: the
	// comparison, then the story's quotes, matrix and passages.
	Views []key.Binding
}

// DefaultKeyMap returns the reader's keys: j/k and the arrows to move
// (h/l too in the matrix), n/N between differences (or search matches, or
// sections), / to search or filter, tab between panes, 1–4 for the views,
// ? for help and q to quit. Each call returns a fresh copy,
// so one reader enabling and disabling bindings never affects another.
func DefaultKeyMap() KeyMap {
	views := make([]key.Binding, len(viewTable))
	for i, v := range viewTable {
		n := strconv.Itoa(i + 1)
		views[i] = key.NewBinding(key.WithKeys(n), key.WithHelp(n, v.name))
	}
	return KeyMap{
		Views: views,

		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Left:         key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", "left")),
		Right:        key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", "right")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", " ", "f"), key.WithHelp("pgdn/space", "page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("ctrl+u", "half page up")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("ctrl+d", "half page down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),

		NextChange: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next change")),
		PrevChange: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous change")),
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Inline:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "inline")),
		Export:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export")),
		Copy:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),

		Pick:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", pickLeftHelp)),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		PrevOutlet: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous outlet")),
		NextOutlet: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next outlet")),
		Swap:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "swap")),

		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list")),
		NextSection: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous section")),

		// The keys of bubbles/textinput and readline. ctrl+d, ctrl+u,
		// home and end scroll a pane, and ←/→ move the matrix's cursor,
		// only while no query is being typed.
		Accept:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		CursorLeft:     key.NewBinding(key.WithKeys("left", "ctrl+b"), key.WithHelp("←", "back a character")),
		CursorRight:    key.NewBinding(key.WithKeys("right", "ctrl+f"), key.WithHelp("→", "forward a character")),
		WordLeft:       key.NewBinding(key.WithKeys("alt+left", "ctrl+left", "alt+b"), key.WithHelp("alt+←", "back a word")),
		WordRight:      key.NewBinding(key.WithKeys("alt+right", "ctrl+right", "alt+f"), key.WithHelp("alt+→", "forward a word")),
		LineStart:      key.NewBinding(key.WithKeys("home", "ctrl+a"), key.WithHelp("home", "start")),
		LineEnd:        key.NewBinding(key.WithKeys("end", "ctrl+e"), key.WithHelp("end", "end")),
		DeleteChar:     key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("backspace", "delete")),
		DeleteNext:     key.NewBinding(key.WithKeys("delete", "ctrl+d"), key.WithHelp("delete", "delete forward")),
		DeleteWord:     key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace"), key.WithHelp("ctrl+w", "delete word")),
		DeleteNextWord: key.NewBinding(key.WithKeys("alt+d", "alt+delete"), key.WithHelp("alt+d", "delete word forward")),
		DeleteToStart:  key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "delete to the start")),
		DeleteToEnd:    key.NewBinding(key.WithKeys("ctrl+k"), key.WithHelp("ctrl+k", "delete to the end")),

		Abandon:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop comparing")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		SwitchPane: key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", switchPaneHelp)),
		Dismiss:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "dismiss warning")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		CloseHelp:  key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("?/esc", "close help")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Suspend:    key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Reload:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "reload")),
	}
}

// switchPaneHelp is tab's help where both panes are on screen; where one
// is shown alone, tab's help names the other (see KeyMap.waysOut).
const switchPaneHelp = "switch pane"

// pickLeftHelp and pickRightHelp are enter's help in the articles list:
// the first enter puts the article on the left, the next on the right.
const (
	pickLeftHelp  = "put on the left"
	pickRightHelp = "put on the right"
)

// ShortHelp returns the bindings for the one-line help at the bottom of the
// screen: the few a reader needs next, given what is enabled, most needed
// first. The line drops them from the end to fit, and always ends with
// help and quit (see fitShortHelp).
func (k KeyMap) ShortHelp() []key.Binding { return k.appendShortHelp(nil) }

// appendShortHelp appends ShortHelp's bindings to dst. The reader asks for
// them after every key, to see whether the help line changed, and passes a
// buffer of its own rather than make a slice each time.
func (k *KeyMap) appendShortHelp(dst []key.Binding) []key.Binding {
	if k.Accept.Enabled() {
		return append(dst, k.Accept, k.Cancel, k.DeleteWord, k.ForceQuit)
	}
	if k.CloseHelp.Enabled() {
		return append(dst, k.Down, k.Up, k.PageDown, k.PageUp, k.Bottom, k.Top, k.CloseHelp, k.ForceQuit)
	}
	dst = append(dst,
		k.Abandon, k.Down, k.Up, k.Left, k.Right, k.Pick, k.Open, k.Back, k.NextChange, k.NextMatch, k.NextSection,
		k.Search, k.Filter, k.Cancel, k.Inline, k.NextOutlet, k.Swap, k.SwitchPane, k.Help, k.Quit,
	)
	return append(dst, k.Views...)
}

// fullHelpTitles head the columns of FullHelp.
var fullHelpTitles = []string{"Move", "Compare", "Choose articles", "Views", "Type a query", "Reader"}

// describedKeyMap returns k with every binding enabled and described for
// the full help and the README's key table: each binding's help names all
// of its keys (so d, u and f show beside ctrl+d, ctrl+u and pgdn) and says
// what it does wherever it works, so the help also teaches what is not
// possible right now. The one-line help at the bottom keeps DefaultKeyMap's
// short words.
func describedKeyMap(k KeyMap) KeyMap {
	k = k.clone()
	describe := map[*key.Binding]string{
		&k.Up:           "up a row (in a list: an entry)",
		&k.Down:         "down a row (in a list: an entry)",
		&k.Left:         "left (the matrix)",
		&k.Right:        "right (the matrix)",
		&k.PageUp:       "up a page",
		&k.PageDown:     "down a page",
		&k.HalfPageUp:   "up half a page",
		&k.HalfPageDown: "down half a page",
		&k.Top:          "top",
		&k.Bottom:       "bottom",

		&k.NextChange: "next change: differs, moved, one side only",
		&k.PrevChange: "previous change",
		&k.Search:     "search the comparison as you type",
		&k.NextMatch:  "next match, while searching",
		&k.PrevMatch:  "previous match",
		&k.Inline:     "inline / side by side",
		&k.Export:     "save the comparison as an HTML page",
		&k.Copy:       "copy the passage pair (OSC 52)",

		&k.Pick:       "put on the left, then on the right",
		&k.Filter:     "filter: outlet, title, story, a folder's text",
		&k.PrevOutlet: "previous outlet on the right",
		&k.NextOutlet: "next outlet on the right",
		&k.Swap:       "swap the sides",

		&k.Open:        "open: wordings, the pair, the passage",
		&k.Back:        "back to the quote list",
		&k.NextSection: "next section (passages)",
		&k.PrevSection: "previous section",

		&k.Accept:         "done",
		&k.CursorLeft:     "back a character",
		&k.CursorRight:    "forward a character",
		&k.WordLeft:       "back a word",
		&k.WordRight:      "forward a word",
		&k.LineStart:      "to the start",
		&k.LineEnd:        "to the end",
		&k.DeleteChar:     "delete back (no query: close it)",
		&k.DeleteNext:     "delete forward",
		&k.DeleteWord:     "delete a word back",
		&k.DeleteNextWord: "delete a word forward",
		&k.DeleteToStart:  "delete to the start",
		&k.DeleteToEnd:    "delete to the end",

		&k.Abandon:    "stop the comparison under way",
		&k.Cancel:     "clear a search or filter; cancel",
		&k.SwitchPane: "switch pane",
		&k.Dismiss:    "dismiss the load warnings",
		&k.Help:       "all keys",
		&k.CloseHelp:  "close the help",
		&k.Quit:       "quit",
		&k.ForceQuit:  "quit, even while typing",
		&k.Suspend:    "suspend to the shell; fg resumes",
		&k.Reload:     "reload the folder's articles",
	}
	for i, v := range viewTable {
		describe[&k.Views[i]] = v.about
	}
	for _, b := range k.all() {
		b.SetEnabled(true)
		desc := b.Help().Desc
		if d, ok := describe[b]; ok {
			desc = d
		}
		b.SetHelp(strings.Join(keyNames(b.Keys()), "/"), desc)
	}
	return k
}

// shownKeyNames are the names the help shows for some of key.Binding's
// key names.
var shownKeyNames = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn", " ": "space",
	"alt+left": "alt+←", "alt+right": "alt+→", "ctrl+left": "ctrl+←", "ctrl+right": "ctrl+→",
}

// keyNames names keys for the help: k, ↑; pgdn, space, f.
func keyNames(keys []string) []string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k
		if n, ok := shownKeyNames[k]; ok {
			names[i] = n
		}
	}
	return names
}

// helpEntry is a line of the full help and of the README's key table:
// keys (or a mark, or the mouse) and what they do or mean.
type helpEntry struct {
	keys []string
	desc string
}

// helpSection is a column of the full help under its heading.
type helpSection struct {
	title   string
	entries []helpEntry
}

// legend explains what the comparison's gutter and the mouse do, beside
// the keys: the help and the README list them from here.
var legend = []helpSection{
	{"Marks", []helpEntry{
		{[]string{"~"}, "a passage worded differently"},
		{[]string{"↕"}, "moved: paired out of order"},
		{[]string{"-"}, "only in the left article"},
		{[]string{"+"}, "only in the right article"},
		{[]string{"≡"}, "wire copy: 3+ outlets word for word"},
		{[]string{"≠"}, "a fact other outlets give differently"},
		{[]string{"▸"}, "current change or match; no colour, the focused pane"},
		{[]string{"<", ">"}, "inline, a paraphrase: the left's, then the right's"},
	}},
	{"Mouse", []helpEntry{
		{[]string{"wheel"}, "scroll the pane under the pointer"},
		{[]string{"click"}, "focus a pane, move the cursor (a list, the matrix)"},
	}},
}

// helpSections returns the full help: the enabled bindings of k's
// FullHelp under their headings, then the legend.
func helpSections(k KeyMap) []helpSection {
	var out []helpSection
	for i, col := range k.FullHelp() {
		sec := helpSection{title: fullHelpTitles[i]}
		for _, b := range col {
			if b.Enabled() {
				sec.entries = append(sec.entries, helpEntry{keyNames(b.Keys()), b.Help().Desc})
			}
		}
		if len(sec.entries) > 0 {
			out = append(out, sec)
		}
	}
	return append(out, legend...)
}

// KeySection is a section of the reader's key table: its heading, then
// each entry's keys (or a mark, or the mouse) and what they do or mean.
type KeySection struct {
	Title   string
	Entries []KeyEntry
}

// KeyEntry is a line of a KeySection.
type KeyEntry struct {
	Keys []string
	Desc string
}

// KeyTable returns the reader's keys as the full help and the README's
// key table list them, and the legend of the marks and the mouse after
// them, for the manual page to list them too.
func KeyTable() []KeySection {
	var out []KeySection
	for _, sec := range helpSections(describedKeyMap(DefaultKeyMap())) {
		ks := KeySection{Title: sec.title}
		for _, e := range sec.entries {
			ks.Entries = append(ks.Entries, KeyEntry{Keys: slices.Clone(e.keys), Desc: e.desc})
		}
		out = append(out, ks)
	}
	return out
}

// markdownKeyTable renders sections as the README's key table.
func markdownKeyTable(sections []helpSection) string {
	var sb strings.Builder
	sb.WriteString("| Key | What it does |\n| --- | --- |\n")
	for _, sec := range sections {
		fmt.Fprintf(&sb, "| **%s** | |\n", sec.title)
		for _, e := range sec.entries {
			keys := make([]string, len(e.keys))
			for i, k := range e.keys {
				keys[i] = "`" + k + "`"
			}
			fmt.Fprintf(&sb, "| %s | %s |\n", strings.Join(keys, " / "), e.desc)
		}
	}
	return sb.String()
}

// FullHelp returns every enabled binding, in columns: moving, the
// comparison, choosing articles, the views, typing a query, and the
// reader.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
		{k.NextChange, k.PrevChange, k.Search, k.NextMatch, k.PrevMatch, k.Inline, k.Export, k.Copy},
		{k.Pick, k.Filter, k.PrevOutlet, k.NextOutlet, k.Swap},
		append(slices.Clone(k.Views), k.Open, k.Back, k.NextSection, k.PrevSection),
		k.editing(),
		{k.Abandon, k.Cancel, k.SwitchPane, k.Dismiss, k.Help, k.CloseHelp, k.Quit, k.ForceQuit, k.Suspend, k.Reload},
	}
}

// all returns a pointer to every binding, for enabling or describing them
// together.
func (k *KeyMap) all() []*key.Binding {
	fixed := k.fixed()
	all := fixed[:]
	for i := range k.Views {
		all = append(all, &k.Views[i])
	}
	return all
}

// fixed returns a pointer to every binding but the views', as an array so
// that walking it allocates nothing.
func (k *KeyMap) fixed() [50]*key.Binding {
	return [...]*key.Binding{
		&k.Up, &k.Down, &k.Left, &k.Right, &k.PageUp, &k.PageDown, &k.HalfPageUp, &k.HalfPageDown, &k.Top, &k.Bottom,
		&k.NextChange, &k.PrevChange, &k.Search, &k.NextMatch, &k.PrevMatch, &k.Inline, &k.Export, &k.Copy,
		&k.Pick, &k.Filter, &k.PrevOutlet, &k.NextOutlet, &k.Swap,
		&k.Open, &k.Back, &k.NextSection, &k.PrevSection,
		&k.Accept, &k.CursorLeft, &k.CursorRight, &k.WordLeft, &k.WordRight, &k.LineStart, &k.LineEnd,
		&k.DeleteChar, &k.DeleteNext, &k.DeleteWord, &k.DeleteNextWord, &k.DeleteToStart, &k.DeleteToEnd,
		&k.Abandon, &k.Cancel, &k.SwitchPane, &k.Dismiss, &k.Help, &k.CloseHelp, &k.Quit, &k.ForceQuit, &k.Suspend, &k.Reload,
	}
}

// editing returns the bindings that edit a query, for the help.
func (k KeyMap) editing() []key.Binding {
	return []key.Binding{
		k.Accept, k.CursorLeft, k.CursorRight, k.WordLeft, k.WordRight, k.LineStart, k.LineEnd,
		k.DeleteChar, k.DeleteNext, k.DeleteWord, k.DeleteNextWord, k.DeleteToStart, k.DeleteToEnd,
	}
}

// enableEditing enables the bindings that edit a query, and esc to
// cancel it: while one is typed, they are all that is (but ctrl+c and
// ctrl+z), so that ←, home or ctrl+d edit it rather than move a pane.
func (k *KeyMap) enableEditing() {
	for _, b := range []*key.Binding{
		&k.Accept, &k.CursorLeft, &k.CursorRight, &k.WordLeft, &k.WordRight, &k.LineStart, &k.LineEnd,
		&k.DeleteChar, &k.DeleteNext, &k.DeleteWord, &k.DeleteNextWord, &k.DeleteToStart, &k.DeleteToEnd,
		&k.Cancel,
	} {
		b.SetEnabled(true)
	}
}

// disableAll disables every binding. The root does so on every message
// before the view enables its own, so unlike all it allocates nothing.
func (k *KeyMap) disableAll() {
	for _, b := range k.fixed() {
		b.SetEnabled(false)
	}
	for i := range k.Views {
		k.Views[i].SetEnabled(false)
	}
}

// clone returns a copy of k that shares no binding with it.
func (k KeyMap) clone() KeyMap {
	k.Views = slices.Clone(k.Views)
	return k
}

// enableMoving enables the keys that move through a pane (a row, a page,
// half a page, all the way) where there is somewhere to move: a pane
// whose rows all fit, or a list of one entry, offers none of them.
func (k *KeyMap) enableMoving(moves bool) {
	for _, b := range []*key.Binding{&k.Up, &k.PageUp, &k.HalfPageUp, &k.Top, &k.Down, &k.PageDown, &k.HalfPageDown, &k.Bottom} {
		b.SetEnabled(moves)
	}
}

// pressedOff reports whether msg presses b while b is disabled: a key the
// help does not offer where it would do nothing, whose pane says why.
func pressedOff(msg tea.KeyMsg, b key.Binding) bool {
	if b.Enabled() {
		return false
	}
	b.SetEnabled(true) // a copy: the keymap's stays off
	return key.Matches(msg, b)
}

// worksInComparison says where a key of the comparison works, "KEY works
// in the comparison: HOW", when msg presses one of bs, each matched as if
// enabled (bs are copies: the keymap's stay as they are); "" when msg
// presses none. A key pressed where it does nothing would seem broken.
func worksInComparison(msg tea.KeyMsg, how string, bs ...key.Binding) string {
	for _, b := range bs {
		b.SetEnabled(true)
		if key.Matches(msg, b) {
			return b.Help().Key + " works in the comparison: " + how
		}
	}
	return ""
}
