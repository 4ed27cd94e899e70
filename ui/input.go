package ui

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// lineInput is a one-line query editor for search and filter, with the
// keys of bubbles/textinput and readline: a cursor that ←/→ move by
// character, alt+←/alt+→ by word and home/end to the ends; typing and
// pasting insert at the cursor; backspace and delete take the character
// before and after it, ctrl+w and alt+d a word, ctrl+u and ctrl+k all of
// it before and after. A character is a grapheme cluster, as the reader
// measures text: the cursor never stands inside one (between a letter and
// its accent, or the two halves of a flag). It stands in for
// bubbles/textinput, whose clipboard support would pull in a module this
// program does not otherwise need.
type lineInput struct {
	value []rune
	// pos is the cursor: the number of runes before it, always at the
	// start or end of a cluster.
	pos int
	// offset is the first rune drawn when the query is wider than its
	// room; View moves it only as far as keeps the cursor in sight.
	offset int
	// limit caps the query's length in runes; a search query is a phrase.
	limit int
}

// maxQuery is the longest query, in runes, that an input accepts.
const maxQuery = 200

func newLineInput() lineInput { return lineInput{limit: maxQuery} }

// Value returns the query.
func (in lineInput) Value() string { return string(in.value) }

// SetValue replaces the query and puts the cursor at its end.
func (in *lineInput) SetValue(s string) {
	in.value = []rune(s)
	in.pos, in.offset = len(in.value), 0
}

// Empty reports whether there is no query.
func (in lineInput) Empty() bool { return len(in.value) == 0 }

// cluster is a grapheme cluster of the query: its runes [start, end) and
// the cells it takes.
type cluster struct{ start, end, width int }

// clusters cuts the query into grapheme clusters, as textWidth measures
// it.
func (in lineInput) clusters() []cluster {
	cs := make([]cluster, 0, len(in.value))
	s, r := string(in.value), 0
	for s != "" {
		c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if c == "" {
			_, size := utf8.DecodeRuneInString(s)
			c, w = s[:size], 1
		}
		n := utf8.RuneCountInString(c)
		cs = append(cs, cluster{r, r + n, w})
		r += n
		s = s[len(c):]
	}
	return cs
}

// at returns the index of the cluster that starts at rune p, or of the
// first that ends after it; len(cs) at the end of the query.
func at(cs []cluster, p int) int {
	i, _ := slices.BinarySearchFunc(cs, p, func(c cluster, p int) int {
		switch {
		case c.end <= p:
			return -1
		case c.start > p:
			return 1
		}
		return 0
	})
	return i
}

// edge returns the rune at which cluster i starts (the end of the query
// for len(cs)).
func edge(cs []cluster, i, n int) int {
	if i < len(cs) {
		return cs[i].start
	}
	return n
}

// blank reports whether cluster c is white space, between words.
func (in lineInput) blank(c cluster) bool { return unicode.IsSpace(in.value[c.start]) }

// wordBefore returns the index of the cluster where the word before
// cluster i starts: the spaces before i are skipped, then the word.
func (in lineInput) wordBefore(cs []cluster, i int) int {
	for i > 0 && in.blank(cs[i-1]) {
		i--
	}
	for i > 0 && !in.blank(cs[i-1]) {
		i--
	}
	return i
}

// wordAfter returns the index of the cluster just after the word from
// cluster i on: the spaces from i are skipped, then the word.
func (in lineInput) wordAfter(cs []cluster, i int) int {
	for i < len(cs) && in.blank(cs[i]) {
		i++
	}
	for i < len(cs) && !in.blank(cs[i]) {
		i++
	}
	return i
}

// Update edits the query with msg, or moves the cursor, and reports
// whether the query changed. Only printable runes are taken, so a pasted
// escape sequence or control character never reaches the screen, and
// nothing Display would drop.
func (in lineInput) Update(msg tea.KeyMsg, keys *KeyMap) (lineInput, bool) {
	cs := in.clusters()
	i, n := at(cs, in.pos), len(in.value)
	move := func(j int) (lineInput, bool) {
		in.pos = edge(cs, j, n)
		return in, false
	}
	switch {
	case key.Matches(msg, keys.CursorLeft):
		return move(max(i-1, 0))
	case key.Matches(msg, keys.CursorRight):
		return move(min(i+1, len(cs)))
	case key.Matches(msg, keys.WordLeft):
		return move(in.wordBefore(cs, i))
	case key.Matches(msg, keys.WordRight):
		return move(in.wordAfter(cs, i))
	case key.Matches(msg, keys.LineStart):
		return move(0)
	case key.Matches(msg, keys.LineEnd):
		return move(len(cs))
	case key.Matches(msg, keys.DeleteChar):
		return in.cut(edge(cs, max(i-1, 0), n), in.pos)
	case key.Matches(msg, keys.DeleteNext):
		return in.cut(in.pos, edge(cs, min(i+1, len(cs)), n))
	case key.Matches(msg, keys.DeleteWord):
		return in.cut(edge(cs, in.wordBefore(cs, i), n), in.pos)
	case key.Matches(msg, keys.DeleteNextWord):
		return in.cut(in.pos, edge(cs, in.wordAfter(cs, i), n))
	case key.Matches(msg, keys.DeleteToStart):
		return in.cut(0, in.pos)
	case key.Matches(msg, keys.DeleteToEnd):
		return in.cut(in.pos, n)
	case msg.Type == tea.KeyRunes, msg.Type == tea.KeySpace:
		var typed []rune
		for _, r := range msg.Runes {
			if len(in.value)+len(typed) >= in.limit {
				break
			}
			if r == '\n' || r == '\t' {
				r = ' '
			}
			if unicode.IsPrint(r) {
				typed = append(typed, r)
			}
		}
		if len(typed) == 0 {
			return in, false
		}
		return in, in.replace(in.pos, in.pos, typed)
	}
	return in, false
}

// cut deletes the runes [from, to) and leaves the cursor where they were.
func (in lineInput) cut(from, to int) (lineInput, bool) {
	if from >= to {
		return in, false
	}
	return in, in.replace(from, to, nil)
}

// replace puts ins in place of the runes [from, to), with the cursor just
// after it, and reports whether the query changed.
func (in *lineInput) replace(from, to int, ins []rune) bool {
	old := string(in.value)
	head := string(in.value[:from]) + string(ins)
	v := head + string(in.value[to:])
	pos := utf8.RuneCountInString(head)
	if d := termsafe.Display(v); d != v {
		// What the terminal would draw at another width than the
		// prompt measures never reaches it (see termsafe.Display). The
		// cursor stays after what is left of what was typed.
		if dh := termsafe.Display(head); strings.HasPrefix(d, dh) {
			pos = utf8.RuneCountInString(dh)
		}
		v = d
	}
	in.value = []rune(v)
	// What was typed may join the cluster after it (an accent typed
	// before one): the cursor goes past the cluster, never inside it.
	cs := in.clusters()
	in.pos = min(pos, len(in.value))
	if j := at(cs, in.pos); j < len(cs) && cs[j].start < in.pos {
		in.pos = cs[j].end
	}
	return v != old
}

// View renders the query after prompt in width cells, with a cursor bar
// where the cursor is. A query wider than its room scrolls, as
// bubbles/textinput's does: the part drawn moves only as far as keeps the
// cursor in sight, and never leaves room unused at the end while there is
// more of the query to the left. View remembers where the part drawn
// begins, so that the next key scrolls on from there.
func (in *lineInput) View(prompt string, width int) string {
	const bar = "▏"
	cs := in.clusters()
	ci := at(cs, in.pos)
	avail := max(width-textWidth(prompt), 1) // the bar is always drawn
	total := 1
	for _, c := range cs {
		total += c.width
	}
	s := 0
	if total > avail {
		s = min(at(cs, in.offset), ci)
		w := 1 // from s to the cursor, and the bar
		for _, c := range cs[s:ci] {
			w += c.width
		}
		for ; w > avail && s < ci; s++ {
			w -= cs[s].width
		}
		rest := 0 // from the cursor to the end
		for _, c := range cs[ci:] {
			rest += c.width
		}
		for s > 0 && w+rest+cs[s-1].width <= avail {
			s--
			w += cs[s].width
		}
	}
	in.offset = edge(cs, s, len(in.value))
	var sb strings.Builder
	sb.WriteString(prompt)
	w := 1
	for _, c := range cs[s:ci] {
		w += c.width
	}
	sb.WriteString(string(in.value[edge(cs, s, len(in.value)):in.pos]))
	sb.WriteString(bar)
	for _, c := range cs[ci:] {
		if w+c.width > avail {
			break
		}
		w += c.width
		sb.WriteString(string(in.value[c.start:c.end]))
	}
	return sb.String()
}
