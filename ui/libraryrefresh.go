package ui

import (
	"context"

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

// Rebuilder is a Library whose index a search can find damaged after it
// was listed: its full text, which nothing but a search reads. Such an
// index is marked to be rebuilt, and Rebuild opens the archive again,
// rebuilding it, and returns it listed anew with what opening it had to
// say (the warning that the index was rebuilt), as Refresh returns it;
// nil when the archive was opened again meanwhile.
type Rebuilder interface {
	Library
	// Damaged reports whether err, of Search, says that the index is
	// damaged, and names the index, fit to show.
	Damaged(err error) (index string, ok bool)
	Rebuild(ctx context.Context) (Library, []string, error)
}

// refreshedMsg carries what a background Refresh found: a library listed
// anew, nil when nothing changed, or why it failed; rebuilt says that it
// comes of a Rebuild.
type refreshedMsg struct {
	lib      Library
	problems []string
	err      error
	rebuilt  bool
}

// indexDamagedMsg says that a search found the index of lib damaged;
// index names it, fit to show.
type indexDamagedMsg struct {
	lib   Rebuilder
	index string
}

// handleIndexDamaged says that the archive's text could not be searched,
// its index being damaged, and has the index rebuilt in the background,
// unless it is already: the search's failure said only that the filter
// matched titles, outlets and stories, and the index was rebuilt when the
// archive was next opened, every search failing until then.
func (m *Model) handleIndexDamaged(msg indexDamagedMsg) tea.Cmd {
	m.flash = "the archive's text could not be searched (index " + termsafe.OneLine(msg.index) +
		" is damaged; rebuilding it): the filter matched titles, outlets and stories only"
	if m.rebuilding {
		return nil
	}
	m.rebuilding = true
	ctx, lib := m.ctx, msg.lib
	return recovering("rebuilding the index", func() tea.Msg {
		fresh, problems, err := lib.Rebuild(ctx)
		return refreshedMsg{lib: fresh, problems: problems, err: err, rebuilt: true}
	})
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
// keeping the pair on screen when its articles are still listed, and says
// what happened in the status bar.
func (m *Model) handleRefreshed(msg refreshedMsg) tea.Cmd {
	if m.flash == refreshingFlash {
		m.flash = ""
	}
	if msg.rebuilt {
		m.rebuilding = false
	}
	if m.lib == nil {
		return nil
	}
	if msg.err != nil {
		if m.ctx.Err() == nil {
			m.flash = "could not check the archive's files: " + termsafe.OneLine(msg.err.Error())
			if msg.rebuilt {
				m.flash = "could not rebuild the archive's index: " + termsafe.OneLine(msg.err.Error())
			}
		}
		return nil
	}
	if msg.lib == nil {
		return nil
	}
	left, right := m.left, m.right
	m.lib = msg.lib
	m.storyOf = make(map[*corpus.Article]*corpus.Story)
	m.stopAnalyses()
	clear(m.analyses)
	m.initCmd = nil
	was := m.compare
	m.install(msg.lib.Corpus(), msg.problems)
	var carried tea.Cmd
	if len(m.articles) > 1 {
		// Of one article or none, the view is the one install makes.
		carried = m.compare.carry(was)
	}
	m.layout()
	cmd := m.initCmd
	if l, r := msg.lib.Listed(left), msg.lib.Listed(right); l != nil && r != nil && (l != r || len(m.articles) == 1) {
		// The pair kept replaces the one install set, and its command
		// with it. setPair asks for the list's similarities only when
		// the left article changes; the list is new, so where install
		// put this left article already, they are asked for here.
		sameLeft := l == m.left
		cmd = m.setPair(l, r, false)
		if sameLeft {
			cmd = tea.Batch(cmd, m.similarities())
		}
		m.compare.articles.Select(l)
	}
	m.flash = "the archive changed on disk: list refreshed"
	if msg.rebuilt {
		m.flash = "the archive's index was rebuilt: its text can be searched again"
	}
	return tea.Batch(cmd, carried, m.analyseStory())
}
