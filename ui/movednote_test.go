package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestMovedNoteOfOneNumber is a regression test: inline, a passage moved
// to the same paragraph number on both sides was noted "moved: ¶5 in
// Left, ¶5 in Right", which reads as no move at all. The note now says
// the number once and which way the right article has the passage from
// where the column shows it; places of two numbers are noted as before.
func TestMovedNoteOfOneNumber(t *testing.T) {
	para := map[string]string{
		"A": "The council met on Monday to discuss the old bridge over the river.",
		"B": "Engineers told members that the steel frame had rusted through in places.",
		"C": "The mayor said repairs would start before the first snow of winter.",
		"D": "Residents will be able to comment on the plans until the end of the month.",
		"X": "A temporary ferry will carry commuters while the crossing stays closed.",
		"R": "Traffic on the ring road was slow all morning after a lorry broke down.",
		"S": "The weather service expects heavy rain over the weekend across the region.",
	}
	text := func(outlet string, order ...string) *corpus.Article {
		var sb strings.Builder
		sb.WriteString("Council to repair the bridge\n")
		for _, p := range order {
			sb.WriteString("\n" + para[p] + "\n")
		}
		a := corpus.Parse(strings.ToLower(outlet), []byte(sb.String()))
		a.Outlet = outlet
		return a
	}
	for _, tt := range []struct {
		left, right []string
		want        string
	}{
		// X is ¶5 on both sides; the right has it above B and C.
		{[]string{"A", "B", "C", "X", "D"}, []string{"R", "S", "A", "X", "B", "C", "D"}, "moved: ¶5 in both, further up in Right"},
		// X is ¶5 on both sides; the right has it below B and C.
		{[]string{"R", "S", "A", "X", "B", "C", "D"}, []string{"A", "B", "C", "X", "D"}, "moved: ¶5 in both, further down in Right"},
		// Two numbers: both places, as before.
		{[]string{"A", "B", "C", "X", "D"}, []string{"A", "X", "B", "C", "D"}, "moved: ¶5 in Left, ¶3 in Right"},
	} {
		c, err := compare.Compare(context.Background(), text("Left", tt.left...), text("Right", tt.right...))
		if err != nil {
			t.Fatal(err)
		}
		lay := buildLayout(c, 160, inline, true, pairMarks{})
		newPainter(mustStyles()).paint(lay)
		var notes []string
		for bi, blk := range c.Blocks {
			if blk.Kind == compare.Moved {
				notes = append(notes, strings.TrimSpace(ansi.Strip(lay.painted[lay.blockRow[bi]])))
			}
		}
		if len(notes) != 1 || !strings.Contains(notes[0], tt.want) || strings.Contains(notes[0], "in Left, ¶5 in Right") {
			t.Errorf("%v against %v: moved notes %q, want one with %q", tt.left, tt.right, notes, tt.want)
		}
	}
}
