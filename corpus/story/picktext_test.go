package story

import (
	"strconv"
	"testing"
)

// TestPickErrorText: the counts of a PickError, and the names of the
// stories it lists, are written by the caller (a command line groups
// the digits, and quotes a name that is not plain text), bare in Error;
// the number typed names a story and stays as typed.
func TestPickErrorText(t *testing.T) {
	mark := func(n int) string { return "<" + strconv.Itoa(n) + ">" }
	name := func(s string) string { return "[" + s + "]" }
	for _, tt := range []struct {
		e          PickError
		bare, text string
	}{
		{PickError{Query: "4000", Stories: 3000},
			"no story 4000 (there are 3000)", "no story 4000 (there are <3000>)"},
		{PickError{Query: "0", Stories: 3000, Named: 1200, Listed: []Listed{{1, "a0"}, {2, "b0"}}},
			`no story 0 (there are 3000), and "0" is a part of 1200 stories' names (1 · a0; 2 · b0; and 1198 more)`,
			`no story 0 (there are <3000>), and "0" is a part of <1200> stories' names (1 · [a0]; 2 · [b0]; and <1198> more)`},
		{PickError{Query: "shooting", Stories: 3000, Named: 1500, Listed: []Listed{{1, "a"}}},
			`"shooting" names 1500 stories (1 · a; and 1499 more); give more of the name, or its number`,
			`"shooting" names <1500> stories (1 · [a]; and <1499> more); give more of the name, or its number`},
		{PickError{Query: "nothing", Stories: 3000},
			`no story named "nothing"`, `no story named "nothing"`},
	} {
		if got := tt.e.Error(); got != tt.bare {
			t.Errorf("Error() = %q, want %q", got, tt.bare)
		}
		if got := tt.e.Text(mark, name); got != tt.text {
			t.Errorf("Text = %q, want %q", got, tt.text)
		}
	}
}
