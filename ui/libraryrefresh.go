package ui

import (
	"context"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// Refresher is a Library listed from its index as it was, before the
// files were looked at: on a large archive, looking at every file takes
// longer than the list takes to show, so the reader shows the list at once
// and refreshes it in the background. Refresh looks at the files and
// returns the library listed again when anything changed, or nil when the
// listing shown is up to date.
type Refresher interface {
	Library
	Refresh(ctx context.Context) (Library, []string, error)
}

// refreshedMsg carries what a background Refresh found: a library listed
// anew, nil when nothing changed, or why it failed.
type refreshedMsg struct {
	lib      Library
	problems []string
	err      error
}

// refreshingFlash is the note the status bar shows while the archive's
// files are checked.
const refreshingFlash = "checking the archive's files…"

// refreshLibrary returns the command that refreshes lib in the background,
// or nil when lib lists what its files hold already.
func refreshLibrary(ctx context.Context, lib Library) tea.Cmd {
	r, ok := lib.(Refresher)
	if !ok {
		return nil
	}
	return recovering("refreshing the archive", func() tea.Msg {
		fresh, problems, err := r.Refresh(ctx)
		return refreshedMsg{lib: fresh, problems: problems, err: err}
	})
}

// handleRefreshed installs the library a background refresh listed anew,
// keeping the pair on screen when its articles are still listed, a pick
// of the right side under way while the left article is, and where the
// reader was in each view (see carrier), and says what happened in the
// status bar.
func (m *Model) handleRefreshed(msg refreshedMsg) tea.Cmd {
	if m.flash == refreshingFlash {
		m.flash = ""
	}
	if m.lib == nil {
		return nil
	}
	if msg.err != nil {
		if m.ctx.Err() == nil {
			m.flash = "could not check the archive's files: " + termsafe.OneLine(msg.err.Error())
		}
		return nil
	}
	if msg.lib == nil {
		return nil
	}
	left, right := m.left, m.right
	picking, under := m.compare.articles.Picking(), m.compare.articles.Selected()
	m.lib = msg.lib
	m.storyOf = make(map[*corpus.Article]*corpus.Story)
	m.stopAnalyses()
	clear(m.analyses)
	m.initCmd = nil
	was := slices.Clone(m.views)
	m.install(msg.lib.Corpus(), msg.problems)
	var carried []tea.Cmd
	for i, v := range m.views {
		c, ok := v.(carrier)
		if !ok || (page(i) == pageCompare && len(m.articles) <= 1) {
			// Of one article or none, the comparison view is the one
			// install makes.
			continue
		}
		carried = append(carried, c.carry(was[i]))
	}
	m.layout()
	cmd := m.initCmd
	l, r := msg.lib.Listed(left), msg.lib.Listed(right)
	if picking && l != nil && r == nil {
		// The article picked for the left waits for its right side still;
		// the one on the right before is gone, and another stands in.
		r = m.nextInStory(l, nil, 1)
	}
	if l != nil && r != nil && (l != r || len(m.articles) == 1) {
		// The pair kept replaces the one install set, and its command
		// with it. setPair asks for the list's similarities only when
		// the left article changes; the list is new, so where install
		// put this left article already, they are asked for here.
		sameLeft := l == m.left
		cmd = m.setPair(l, r, picking && l != r)
		if sameLeft {
			cmd = tea.Batch(cmd, m.similarities())
		}
		m.compare.articles.Select(l)
	}
	if u := msg.lib.Listed(under); under != nil && u != nil {
		// The list's cursor stays where the reader had moved it: on the
		// way to the right side, it went back to the left article.
		m.compare.articles.Select(u)
	}
	m.flash = "the archive changed on disk: list refreshed"
	return tea.Batch(cmd, tea.Batch(carried...), m.analyseStory())
}
