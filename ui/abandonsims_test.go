package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestAbandonedPairKeepsTheSimilarities: a comparison stopped with esc
// after a new article was put on the left leaves the pair shown before,
// and the list's similarities to its left article. The list had
// dropped them for the new left article, whose own were then dropped
// for not being the left one's: "…" stood beside every article, as if
// still being worked out, until another left was chosen.
func TestAbandonedPairKeepsTheSimilarities(t *testing.T) {
	arts := seed(t).Articles()
	m := New(seed(t), analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii)})
	m = runCmd(m, m.Init())
	m = send(m, tea.WindowSizeMsg{Width: 160, Height: 45})
	shown := m.left
	if p := m.compare.articles; p.simsFor != shown || len(p.sims) == 0 {
		t.Fatal("no similarities to the left article; the test needs them")
	}
	// Another left article, whose comparison is under way (its commands
	// not run) and stopped. The cache is emptied first: it holds the
	// left article against the others, and mirrors such a pair at once.
	m.cache = analysis.NewCache()
	tm, _ := m.Update(setPairMsg{left: arts[2], right: arts[1]})
	m = tm.(Model)
	if !m.pending.active() {
		t.Fatal("the new pair is not being compared; the test needs it under way")
	}
	tm, cmd := m.Update(keyMsg("esc"))
	m = runCmd(tm.(Model), cmd)
	if m.left != shown || m.pending.active() {
		t.Fatalf("after esc, the left article is %v (want %v), comparing %v", m.left.Outlet, shown.Outlet, m.pending.active())
	}
	if p := m.compare.articles; p.simsFor != shown || len(p.sims) == 0 {
		t.Errorf("after esc, the list shows no similarities to %s", shown.Outlet)
	}
}
