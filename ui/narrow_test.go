package ui

import (
	"strings"
	"testing"
)

// TestMatrixDescriptionAt60Columns is a regression test: at 60×12 the
// sentence under the matrix was cut to "… 21% word for word (7…", losing
// the figure it ended on, and the diagonal's to "… to pick a…".
func TestMatrixDescriptionAt60Columns(t *testing.T) {
	tests := []struct {
		keys []string
		want []string
	}{
		{[]string{"3"}, []string{"Swell Digest → Hacked.com: 25%", "21% word for word (70 words)."}},
		{[]string{"3", "h"}, []string{"Swell Digest against itself", "move off the diagonal to pick", "a pair"}},
	}
	for _, tt := range tests {
		m := press(newModel(t, seed(t), 60, 12), tt.keys...)
		s := screen(m)
		for _, want := range tt.want {
			if !strings.Contains(s, want) {
				t.Errorf("after %q: no %q on screen:\n%s", tt.keys, want, s)
			}
		}
	}
}

// TestStatusMessagesAt60Columns is a regression test: at 60 columns what
// the last key did was cut beside the position ("an article against
// itself: mov…"), and lost what it asked the reader to do.
func TestStatusMessagesAt60Columns(t *testing.T) {
	for _, keys := range [][]string{
		{"3", "h", "enter"},       // the matrix's diagonal
		{"tab", "enter"},          // the left side picked
		{"tab", "enter", "esc"},   // the right side kept
		{"tab", "enter", "enter"}, // the left side picked again
		{"4", "G", "n"},           // the last section
	} {
		m := press(newModel(t, seed(t), 60, 12), keys...)
		if m.flash == "" {
			t.Fatalf("after %q: no message", keys)
		}
		// The longest wording fits at 60 columns (see flashOr).
		msg, _, _ := strings.Cut(m.flash, flashOr)
		if status := screenLines(m)[10]; !strings.Contains(status, msg) {
			t.Errorf("after %q: the status bar %q cuts the message %q", keys, status, msg)
		}
	}
}

// TestMatrixFiguresBesideLongNames is a regression test: outlets named at
// some length ("South China Morning Post", "The Sydney Morning Herald")
// left the sentence under the matrix no room for its figures at 40 and 50
// columns ("… 100% of its words pai…", "… 100% word for…"), and the line
// of the cell's mirror none for its own ("The Sydney Morning Herald →
// South Chin…" at 40 columns, "…: 81%…" at 60). Where the names leave the
// figures no room, they are cut, apart, and the figures kept.
func TestMatrixFiguresBesideLongNames(t *testing.T) {
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday, officials said.\n\nThe council will meet again in March.\n"
	c := filesCorpus(t, "names",
		"s/a.txt", "---\noutlet: South China Morning Post\n---\n"+text,
		"s/b.txt", "---\noutlet: The Sydney Morning Herald\n---\n"+text+"\nMore here about the ferry.\n",
		"s/c.txt", "---\noutlet: Deutsche Welle English\n---\n"+text+"\nOther words here.\n",
	)
	for _, size := range [][2]int{{40, 12}, {45, 12}, {50, 12}, {60, 12}, {80, 24}} {
		m := press(newModel(t, c, size[0], size[1]), "3")
		// The cell's sentence starts on the first line with an arrow,
		// and the line of its mirror is the last.
		var arrows []int
		lines := screenLines(m)
		for i, l := range lines[:size[1]-2] {
			if strings.Contains(l, "→") {
				arrows = append(arrows, i)
			}
		}
		if len(arrows) < 2 {
			t.Fatalf("%dx%d: no cell's sentence and mirror:\n%s", size[0], size[1], screen(m))
		}
		first, last := arrows[0], arrows[len(arrows)-1]
		sentence := strings.Join(strings.Fields(strings.Join(lines[first:last], " ")), " ")
		mirror := strings.TrimSpace(lines[last])
		if !strings.Contains(sentence, "100% word for word") || !strings.Contains(sentence, "Sydney") || !strings.Contains(sentence, "South") {
			t.Errorf("%dx%d: the cell's sentence %q lacks its figures:\n%s", size[0], size[1], sentence, screen(m))
		}
		if !strings.HasSuffix(mirror, ": 81% · 81%") || !strings.Contains(mirror, "Sydney") || !strings.Contains(mirror, "South") {
			t.Errorf("%dx%d: the mirror's line %q lacks its outlets or figures:\n%s", size[0], size[1], mirror, screen(m))
		}
	}
}
