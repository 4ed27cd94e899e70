package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestMatrixStatusOnTheDiagonal: with the cursor on an outlet against
// itself the status bar said "Swell Digest → Swell Digest · 100% paired ·
// 100% word for word", figures of nothing read as a finding, under a line
// saying there is no pair there; and a story of one outlet, whose matrix
// is that one cell, said so too. The status says what the line says.
func TestMatrixStatusOnTheDiagonal(t *testing.T) {
	one, _, err := corpus.LoadFS(fstest.MapFS{
		"only.txt": {Data: []byte("A lone headline about the weather\n\nIt rained in Paris on Monday. The streets were wet and people carried umbrellas.\n")},
	}, "one")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		c    *corpus.Corpus
		keys []string
		want string
	}{
		{"diagonal", seed(t), []string{"3", "h"}, "Swell Digest against itself"},
		{"one outlet", one, []string{"3"}, "the story has one outlet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := press(newModel(t, tc.c, 160, 45), tc.keys...)
			status := screenLines(m)[43]
			if !strings.Contains(status, "MATRIX") {
				t.Fatalf("not the matrix's status bar: %q", status)
			}
			if !strings.Contains(status, tc.want) {
				t.Errorf("status %q does not say %q", status, tc.want)
			}
			for _, bad := range []string{"paired", "word for word", "→"} {
				if strings.Contains(status, bad) {
					t.Errorf("status %q gives %q of an outlet against itself", status, bad)
				}
			}
		})
	}
	// Off the diagonal, the figures stay.
	m := press(newModel(t, seed(t), 160, 45), "3")
	if status := screenLines(m)[43]; !strings.Contains(status, "Swell Digest → Hacked.com · 25% paired · 21% word for word") {
		t.Errorf("off the diagonal the status lost its figures: %q", status)
	}
}
