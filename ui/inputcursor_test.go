package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// inputAt returns an input holding s less its "|", with the cursor where
// the "|" is.
func inputAt(s string) lineInput {
	in := newLineInput()
	before, after, _ := strings.Cut(s, "|")
	in.SetValue(before + after)
	in.pos = len([]rune(before))
	return in
}

// shown writes in's query with a "|" at the cursor.
func shown(in lineInput) string {
	return string(in.value[:in.pos]) + "|" + string(in.value[in.pos:])
}

// TestLineInputCursor: the query's cursor moves, and typing, pasting and
// deleting happen at it, with the keys of bubbles/textinput and readline.
// The query only grew and shrank at its end: ← and home did nothing, and
// what was typed after them went on the end.
func TestLineInputCursor(t *testing.T) {
	keys := DefaultKeyMap()
	paste := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true} }
	tests := []struct {
		from string
		keys []any // key names (see keyMsg), or messages
		want string
	}{
		{"abc|", []any{"left", "X"}, "abX|c"},
		{"abc|", []any{"left", "left", "left", "left"}, "|abc"},
		{"abc|", []any{"ctrl+b", "ctrl+b"}, "a|bc"},
		{"|abc", []any{"right"}, "a|bc"},
		{"|abc", []any{"right", "right", "right", "right", "right"}, "abc|"},
		{"|abc", []any{"ctrl+f"}, "a|bc"},
		{"ab|c", []any{"home"}, "|abc"},
		{"ab|c", []any{"ctrl+a", "Z"}, "Z|abc"},
		{"a|bc", []any{"end"}, "abc|"},
		{"a|bc", []any{"ctrl+e", "!"}, "abc!|"},
		{"one two| three", []any{"alt+left"}, "one |two three"},
		{"one two  |three", []any{"alt+b"}, "one |two  three"},
		{"one two three|", []any{"ctrl+left", "ctrl+left"}, "one |two three"},
		{"one| two three", []any{"alt+right"}, "one two| three"},
		{"one |two three", []any{"alt+f", "alt+f"}, "one two three|"},
		{"|one two", []any{"ctrl+right"}, "one| two"},
		{"ab|c", []any{"backspace"}, "a|c"},
		{"ab|c", []any{"ctrl+h", "ctrl+h"}, "|c"},
		{"|abc", []any{"backspace"}, "|abc"},
		{"ab|c", []any{"delete"}, "ab|"},
		{"a|bc", []any{"ctrl+d"}, "a|c"},
		{"abc|", []any{"delete"}, "abc|"},
		{"one two| three", []any{"ctrl+w"}, "one | three"},
		{"one two |three", []any{"alt+backspace"}, "one |three"},
		{"one |two three", []any{"alt+d"}, "one | three"},
		{"one two| three", []any{"ctrl+u"}, "| three"},
		{"one two three|", []any{"ctrl+u"}, "|"},
		{"one two| three", []any{"ctrl+k"}, "one two|"},
		{"ab|c", []any{paste("XY\tZ")}, "abXY Z|c"},
		{"ab|c", []any{" "}, "ab |c"},
		// A character is a grapheme cluster: a flag, a letter and its
		// accent.
		{"a\U0001F1EC\U0001F1E7|b", []any{"left"}, "a|\U0001F1EC\U0001F1E7b"},
		{"a|\U0001F1EC\U0001F1E7b", []any{"right"}, "a\U0001F1EC\U0001F1E7|b"},
		{"a\U0001F1EC\U0001F1E7|b", []any{"backspace"}, "a|b"},
		{"a|\U0001F1EC\U0001F1E7b", []any{"delete"}, "a|b"},
		{"cafe\u0301|", []any{"left"}, "caf|e\u0301"},
		{"caf|e\u0301", []any{"delete"}, "caf|"},
		{"caf|", []any{"e", "\u0301", "s"}, "cafe\u0301s|"},
		// What the terminal would draw at another width is dropped
		// mid-query too, and the cursor stays after what was typed.
		{"I | it", []any{"\u2764\ufe0f"}, "I \u2764| it"},
		{"news|paper", []any{"\u00ad"}, "news|paper"},
		{"a|b", []any{"\x1b[31m"}, "a[31m|b"},
	}
	for _, tt := range tests {
		in := inputAt(tt.from)
		for _, k := range tt.keys {
			msg, ok := k.(tea.KeyMsg)
			if !ok {
				msg = keyMsg(k.(string))
			}
			in, _ = in.Update(msg, &keys)
		}
		if got := shown(in); got != tt.want {
			t.Errorf("%+q, %q: %+q, want %+q", tt.from, tt.keys, got, tt.want)
		}
	}
}

// TestLineInputCursorKeepsTheLimit: a full query takes nothing more at
// its cursor either, and a paste there takes what fits.
func TestLineInputCursorKeepsTheLimit(t *testing.T) {
	keys := DefaultKeyMap()
	in := inputAt("ab|cd")
	in.limit = 6
	in, _ = in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("XYZ"), Paste: true}, &keys)
	if got := shown(in); got != "abXY|cd" {
		t.Errorf("a paste of 3 into 4 of 6: %+q, want %q", got, "abXY|cd")
	}
	if _, changed := in.Update(keyMsg("Q"), &keys); changed {
		t.Error("a full query took a key at its cursor")
	}
}

// TestLineInputViewCursor: the cursor bar is drawn where the cursor is,
// not at the end; a query wider than its room scrolls to keep the cursor
// in sight, as bubbles/textinput's does, moving no more than it must, and
// fills the room again as it shrinks.
func TestLineInputViewCursor(t *testing.T) {
	keys := DefaultKeyMap()
	tests := []struct {
		from  string
		width int
		keys  []string // each pressed after the query is drawn
		want  []string // what is drawn first, then after each key
	}{
		{"abc|", 10, nil, []string{"/abc▏"}},
		{"a|bc", 10, nil, []string{"/a▏bc"}},
		{"|abc", 10, nil, []string{"/▏abc"}},
		// Wider than the room: the end shows, as it did.
		{"abcdefghij|", 6, nil, []string{"/ghij▏"}},
		{"日本語です|", 6, nil, []string{"/です▏"}},
		// Scrolled back from the end a character at a time, and then
		// forward again: the text moves under a cursor at the edge, and
		// only once the cursor is at it.
		{"abcdefghij|", 6, []string{"left", "left", "left", "left", "left", "right", "right"},
			[]string{"/ghij▏", "/ghi▏j", "/gh▏ij", "/g▏hij", "/▏ghij", "/▏fghi", "/f▏ghi", "/fg▏hi"}},
		{"abcdefghij|", 6, []string{"home", "right", "right", "right", "right", "right"},
			[]string{"/ghij▏", "/▏abcd", "/a▏bcd", "/ab▏cd", "/abc▏d", "/abcd▏", "/bcde▏"}},
		// Deleting at the end of a scrolled query brings back what was
		// cut off at the left.
		{"abcdefghij|", 6, []string{"backspace", "backspace", "backspace", "backspace", "backspace", "backspace"},
			[]string{"/ghij▏", "/fghi▏", "/efgh▏", "/defg▏", "/cdef▏", "/bcde▏", "/abcd▏"}},
		{"abcdefghij|", 6, []string{"home", "delete"}, []string{"/ghij▏", "/▏abcd", "/▏bcde"}},
		// Wide characters are not cut, nor is the cursor put in one.
		{"日本語です|", 6, []string{"left", "left", "left"}, []string{"/です▏", "/で▏す", "/▏です", "/▏語で"}},
		// No room at all: the cursor still shows.
		{"abc|", 1, []string{"left"}, []string{"/▏", "/▏"}},
	}
	for _, tt := range tests {
		in := inputAt(tt.from)
		got := []string{in.View("/", tt.width)}
		for _, k := range tt.keys {
			in, _ = in.Update(keyMsg(k), &keys)
			got = append(got, in.View("/", tt.width))
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q at %d, %q:\n got %q\nwant %q", tt.from, tt.width, tt.keys, got, tt.want)
		}
	}
}
