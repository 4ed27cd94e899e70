package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// messages runs cmd and the commands it batches, and returns their
// messages.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, messages(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// typeKey sends one key to m and returns the search result its commands
// bring, if any, without delivering it.
func typeKey(t *testing.T, m Model, k string) (Model, *searchedMsg) {
	t.Helper()
	tm, cmd := m.Update(keyMsg(k))
	var found *searchedMsg
	for _, msg := range messages(cmd) {
		if s, ok := msg.(searchedMsg); ok {
			found = &s
		}
	}
	return tm.(Model), found
}

// TestSearchRunsOffTheKey is a regression test: each letter typed into the
// comparison's search searched both articles before the key returned,
// 0.2 to 0.65 s a key on two 3.4 MB articles. The key now starts the
// search as a command, and the status says "searching…" until its result
// comes.
func TestSearchRunsOffTheKey(t *testing.T) {
	m := press(newModel(t, seed(t), 120, 30), "/")
	before := m.compare.pane.lay.searches
	m, res := typeKey(t, m, "r")
	if got := m.compare.pane.lay.searches; got != before {
		t.Errorf("typing a letter ran %d searches before the key returned, want none", got-before)
	}
	if res == nil {
		t.Fatal("typing a letter started no search")
	}
	if s := m.compare.pane.SearchStatus(); s != "searching…" {
		t.Errorf("before the search's result, the status says %q, want %q", s, "searching…")
	}
	m = send(m, *res)
	if m.compare.pane.SearchPending() || len(m.compare.pane.lay.hits) == 0 || m.compare.pane.curHit < 0 {
		t.Errorf("after its result: pending %v, %d hits, current %d", m.compare.pane.SearchPending(), len(m.compare.pane.lay.hits), m.compare.pane.curHit)
	}
}

// TestLateSearchIsDropped: a search's result that comes after a newer
// search has started (the reader typed on) is dropped, whichever order
// the results come in.
func TestLateSearchIsDropped(t *testing.T) {
	m := press(newModel(t, seed(t), 120, 30), "/")
	m, first := typeKey(t, m, "r")
	m, second := typeKey(t, m, "u")
	if first == nil || second == nil {
		t.Fatal("typing started no search")
	}
	m = send(m, *second)
	want := len(m.compare.pane.lay.hits)
	m = send(m, *first) // "r" matches more than "ru"
	if got, q := len(m.compare.pane.lay.hits), m.compare.pane.lay.query; got != want || q != "ru" {
		t.Errorf("after the late result for %q: %d hits for %q, want %d for %q", "r", got, q, want, "ru")
	}
	// Typed on before either came: the first is dropped, the second taken.
	m = press(newModel(t, seed(t), 120, 30), "/")
	m, first = typeKey(t, m, "r")
	m, second = typeKey(t, m, "u")
	m = send(m, *first)
	if !m.compare.pane.SearchPending() || m.compare.pane.SearchStatus() != "searching…" {
		t.Errorf("the stale result for %q was taken: query %q", "r", m.compare.pane.lay.query)
	}
	m = send(m, *second)
	if got := len(m.compare.pane.lay.hits); got != want {
		t.Errorf("%d hits for %q, want %d", got, "ru", want)
	}
}

// TestStaleSearchStops: a search asked to stop (a newer one started)
// stops and finds nothing to take.
func TestStaleSearchStops(t *testing.T) {
	lay, p := longPairLayout(t)
	res := lay.newSearch("qa", p, func() bool { return true }).run()
	if !res.stale || res.searched > staleEvery {
		t.Errorf("a stale search looked at %d cells (stale %v), want at most %d", res.searched, res.stale, staleEvery)
	}
	lay.apply(res, p)
	if lay.query != "" || lay.searches != 0 {
		t.Errorf("a stale result was taken: query %q", lay.query)
	}
}

// TestSearchRunsBesideTheReader runs a search's command and a layout's on
// another goroutine while the reader scrolls and draws, as the runtime
// does; under the race detector it checks that the commands read nothing
// the reader changes. Every comparison is long here, so that both wrap
// cells again as the reader's drawing does.
func TestSearchRunsBesideTheReader(t *testing.T) {
	everyComparisonLong(t)
	m := press(newModel(t, seed(t), 120, 30), "/")
	tm, cmd := m.Update(keyMsg("e"))
	m = tm.(Model)
	done := make(chan []tea.Msg)
	go func() { done <- messages(cmd) }()
	m = press(m, "enter")
	for range 20 {
		m = press(m, "ctrl+d")
		_ = m.View()
	}
	for _, msg := range <-done {
		m = send(m, msg)
	}
	if len(m.compare.pane.lay.hits) == 0 || m.compare.pane.SearchPending() {
		t.Errorf("the search found nothing, or its result was not taken")
	}
	tm, cmd = m.Update(keyMsg("v"))
	m = tm.(Model)
	go func() { done <- messages(cmd) }()
	for range 20 {
		m = press(m, "ctrl+u")
		_ = m.View()
	}
	for _, msg := range <-done {
		m = send(m, msg)
	}
	if m.compare.pane.Mode() != inline {
		t.Errorf("v: mode %v, want inline", m.compare.pane.Mode())
	}
}
