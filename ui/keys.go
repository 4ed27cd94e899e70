package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the reader answers to. Update dispatches only through
// key.Matches on these bindings, and the help views list them, so what the
// help says and what a key does cannot drift apart. Bindings that make no
// sense in the current state are disabled (see Model.updateKeys): a
// disabled binding neither matches nor shows in help.
type KeyMap struct {
	// Moving through the focused pane.
	Up           key.Binding
	Down         key.Binding
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

	// Editing a search or filter query.
	Accept     key.Binding
	DeleteChar key.Binding
	DeleteWord key.Binding
	ClearInput key.Binding

	// The reader itself.
	Cancel      key.Binding
	SwitchPane  key.Binding
	ComparePage key.Binding
	Dismiss     key.Binding
	Help        key.Binding
	CloseHelp   key.Binding
	Quit        key.Binding
	ForceQuit   key.Binding
}

// DefaultKeyMap returns the reader's keys: j/k and the arrows to move, n/N
// between differences (or search matches), / to search or filter, tab
// between panes, ? for help and q to quit. Each call returns a fresh copy,
// so one reader enabling and disabling bindings never affects another.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
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
		Inline:     key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "inline / side by side")),

		Pick:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick left, then right")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		PrevOutlet: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous outlet on right")),
		NextOutlet: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next outlet on right")),
		Swap:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "swap sides")),

		Accept:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		DeleteChar: key.NewBinding(key.WithKeys("backspace", "ctrl+h"), key.WithHelp("backspace", "delete")),
		DeleteWord: key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace"), key.WithHelp("ctrl+w", "delete word")),
		ClearInput: key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),

		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		SwitchPane:  key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "switch pane")),
		ComparePage: key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "compare page")),
		Dismiss:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "dismiss warning")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		CloseHelp:   key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("?/esc", "close help")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp returns the bindings for the one-line help at the bottom of the
// screen: the few a reader needs next, given what is enabled.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.Accept.Enabled() {
		return []key.Binding{k.Accept, k.Cancel, k.DeleteWord, k.ForceQuit}
	}
	if k.CloseHelp.Enabled() {
		return []key.Binding{k.CloseHelp, k.ForceQuit}
	}
	return []key.Binding{
		k.Down, k.Up, k.Pick, k.NextChange, k.NextMatch, k.Search, k.Filter,
		k.Cancel, k.Inline, k.NextOutlet, k.Swap, k.SwitchPane, k.Help, k.Quit,
	}
}

// fullHelpTitles head the columns of FullHelp.
var fullHelpTitles = []string{"Move", "Compare", "Choose articles", "Type a query", "Reader"}

// FullHelp returns every enabled binding, in columns: moving, the
// comparison, choosing articles, typing a query, and the reader.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfPageUp, k.HalfPageDown, k.Top, k.Bottom},
		{k.NextChange, k.PrevChange, k.Search, k.NextMatch, k.PrevMatch, k.Inline},
		{k.Pick, k.Filter, k.PrevOutlet, k.NextOutlet, k.Swap},
		{k.Accept, k.DeleteChar, k.DeleteWord, k.ClearInput},
		{k.Cancel, k.SwitchPane, k.ComparePage, k.Dismiss, k.Help, k.CloseHelp, k.Quit, k.ForceQuit},
	}
}
