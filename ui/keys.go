package ui

import (
	"slices"
	"strconv"

	"github.com/charmbracelet/bubbles/key"
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

	// Editing a search or filter query.
	Accept     key.Binding
	DeleteChar key.Binding
	DeleteWord key.Binding
	ClearInput key.Binding

	// The reader itself.
	Abandon    key.Binding
	Cancel     key.Binding
	SwitchPane key.Binding
	Dismiss    key.Binding
	Help       key.Binding
	CloseHelp  key.Binding
	Quit       key.Binding
	ForceQuit  key.Binding

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

		Pick:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick left, then right")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		PrevOutlet: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous outlet")),
		NextOutlet: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next outlet")),
		Swap:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "swap")),

		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list")),
		NextSection: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous section")),

		Accept:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		DeleteChar: key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("backspace", "delete")),
		DeleteWord: key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace"), key.WithHelp("ctrl+w", "delete word")),
		ClearInput: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),

		Abandon:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "stop comparing")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		SwitchPane: key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "switch pane")),
		Dismiss:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "dismiss warning")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		CloseHelp:  key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("?/esc", "close help")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp returns the bindings for the one-line help at the bottom of the
// screen: the few a reader needs next, given what is enabled. The keys of
// the other views come last, after help and quit: a narrow terminal cuts
// the line short, and the full help lists them too.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.Accept.Enabled() {
		return []key.Binding{k.Accept, k.Cancel, k.DeleteWord, k.ForceQuit}
	}
	if k.CloseHelp.Enabled() {
		return []key.Binding{k.CloseHelp, k.ForceQuit}
	}
	return append([]key.Binding{
		k.Abandon, k.Down, k.Up, k.Left, k.Right, k.Pick, k.Open, k.Back, k.NextChange, k.NextMatch, k.NextSection,
		k.Search, k.Filter, k.Cancel, k.Inline, k.NextOutlet, k.Swap, k.SwitchPane, k.Help, k.Quit,
	}, k.Views...)
}

// fullHelpTitles head the columns of FullHelp.
var fullHelpTitles = []string{"Move", "Compare", "Choose articles", "Views", "Type a query", "Reader"}

// FullHelp returns every enabled binding, in columns: moving, the
// comparison, choosing articles, the views, typing a query, and the
// reader.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
		{k.NextChange, k.PrevChange, k.Search, k.NextMatch, k.PrevMatch, k.Inline},
		{k.Pick, k.Filter, k.PrevOutlet, k.NextOutlet, k.Swap},
		append(slices.Clone(k.Views), k.Open, k.Back, k.NextSection, k.PrevSection),
		{k.Accept, k.DeleteChar, k.DeleteWord, k.ClearInput},
		{k.Abandon, k.Cancel, k.SwitchPane, k.Dismiss, k.Help, k.CloseHelp, k.Quit, k.ForceQuit},
	}
}

// all returns a pointer to every binding, for enabling or disabling them
// together.
func (k *KeyMap) all() []*key.Binding {
	all := []*key.Binding{
		&k.Up, &k.Down, &k.Left, &k.Right, &k.PageUp, &k.PageDown, &k.HalfPageUp, &k.HalfPageDown, &k.Top, &k.Bottom,
		&k.NextChange, &k.PrevChange, &k.Search, &k.NextMatch, &k.PrevMatch, &k.Inline,
		&k.Pick, &k.Filter, &k.PrevOutlet, &k.NextOutlet, &k.Swap,
		&k.Open, &k.Back, &k.NextSection, &k.PrevSection,
		&k.Accept, &k.DeleteChar, &k.DeleteWord, &k.ClearInput,
		&k.Abandon, &k.Cancel, &k.SwitchPane, &k.Dismiss, &k.Help, &k.CloseHelp, &k.Quit, &k.ForceQuit,
	}
	for i := range k.Views {
		all = append(all, &k.Views[i])
	}
	return all
}

// clone returns a copy of k that shares no binding with it.
func (k KeyMap) clone() KeyMap {
	k.Views = slices.Clone(k.Views)
	return k
}

// enableMoving enables the keys that move through a pane: a row, a page,
// half a page, all the way.
func (k *KeyMap) enableMoving() {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.HalfPageUp, &k.HalfPageDown, &k.Top, &k.Bottom} {
		b.SetEnabled(true)
	}
}
