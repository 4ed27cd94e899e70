package ui

import (
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// lineInput is a one-line query editor for search and filter: type to
// append, backspace and ctrl+w to delete, ctrl+u to clear. It stands in for
// bubbles/textinput, whose clipboard support would pull in a module this
// program does not otherwise need; a query only ever grows and shrinks at
// its end, so there is no cursor to move.
type lineInput struct {
	value []rune
	// limit caps the query's length in runes; a search query is a phrase.
	limit int
}

// maxQuery is the longest query, in runes, that an input accepts.
const maxQuery = 200

func newLineInput() lineInput { return lineInput{limit: maxQuery} }

// Value returns the query.
func (in lineInput) Value() string { return string(in.value) }

// SetValue replaces the query.
func (in *lineInput) SetValue(s string) { in.value = []rune(s) }

// Update edits the query with msg and reports whether it changed. Only
// printable runes are taken, so a pasted escape sequence or control
// character never reaches the screen, and nothing Display would drop.
func (in lineInput) Update(msg tea.KeyMsg, keys *KeyMap) (lineInput, bool) {
	switch {
	case key.Matches(msg, keys.DeleteChar):
		if len(in.value) == 0 {
			return in, false
		}
		in.value = in.value[:len(in.value)-1]
		return in, true
	case key.Matches(msg, keys.DeleteWord):
		n := len(in.value)
		for n > 0 && unicode.IsSpace(in.value[n-1]) {
			n--
		}
		for n > 0 && !unicode.IsSpace(in.value[n-1]) {
			n--
		}
		changed := n != len(in.value)
		in.value = in.value[:n]
		return in, changed
	case key.Matches(msg, keys.ClearInput):
		changed := len(in.value) > 0
		in.value = in.value[:0]
		return in, changed
	case msg.Type == tea.KeyRunes, msg.Type == tea.KeySpace:
		changed := false
		for _, r := range msg.Runes {
			if len(in.value) >= in.limit {
				break
			}
			if r == '\n' || r == '\t' {
				r = ' '
			}
			if unicode.IsPrint(r) {
				in.value = append(in.value, r)
				changed = true
			}
		}
		if changed {
			// What the terminal would draw at another width than the
			// prompt measures never reaches it (see termsafe.Display).
			if v := string(in.value); termsafe.Display(v) != v {
				in.value = []rune(termsafe.Display(v))
			}
		}
		return in, changed
	}
	return in, false
}

// View renders the query after prompt, followed by a cursor block, cut from
// the left so that the end of the query is always visible in width cells.
func (in lineInput) View(prompt string, width int) string {
	rs := append(in.value[:len(in.value):len(in.value)], '▏')
	avail := width - textWidth(prompt)
	for len(rs) > 1 && textWidth(string(rs)) > avail {
		rs = rs[1:]
	}
	return prompt + string(rs)
}
