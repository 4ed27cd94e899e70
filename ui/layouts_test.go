package ui

import (
	"testing"
)

// TestLayoutsDropSupersededMarks checks that once the story's analysis has
// marked a comparison, the pane keeps no layout of it made before, with no
// marks, at the same width and mode: it is never shown again. Over SSH the
// analysis often comes after the first comparison is on screen, and that
// layout was a quarter of what an idle session held.
func TestLayoutsDropSupersededMarks(t *testing.T) {
	// The window's size, then the comparison, then the analysis, however
	// fast each was.
	m, later := seedAnalysisHeld(t)
	if len(m.compare.pane.layouts) == 0 || len(later) == 0 {
		t.Fatalf("%d layouts before the analysis and %d analyses held back; the test needs both", len(m.compare.pane.layouts), len(later))
	}
	for _, msg := range later {
		m = send(m, msg)
	}
	p := m.compare.pane
	if p.marks.left == nil {
		t.Fatal("the story's analysis has not marked the comparison; the test needs it")
	}
	type key struct {
		cmp   any
		width int
		mode  mode
	}
	seen := map[key]pairMarks{}
	for _, l := range p.layouts {
		k := key{l.cmp, l.width, l.mode}
		if old, ok := seen[k]; ok {
			t.Errorf("two layouts of one comparison at width %d, %v: marks %v and %v", l.width, l.mode, old, l.marks)
		}
		seen[k] = l.marks
	}
}
