package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"

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
//
// The reader refreshes a Refresher as it opens, and again whenever ctrl+r
// asks it to (KeyMap.Reload): a library that is no Refresher, such as the
// articles built into the program, which cannot change, or a reader served
// over SSH, whose sessions share the server's archive, is never refreshed.
type Refresher interface {
	Library
	Refresh(ctx context.Context) (Library, []string, error)
}

// Current is what a Refresher listed from its files as they were just
// now (an archive indexed as it opened, or a listing a refresh made)
// says by returning true: the reader does not refresh it as it opens, only
// when asked.
type Current interface {
	Current() bool
}

// Changes counts the articles a refresh found added, changed (their file
// or what the list shows of them) and removed since the listing before.
type Changes struct {
	Added, Changed, Removed int
	// Resaved counts the files found with a new modification time and
	// the bytes they had: nothing a reader sees changed in them, and a
	// refresh that found only those says nothing of them.
	Resaved int
}

// onlyResaved reports whether c counts files saved again unchanged and
// nothing else.
func (c Changes) onlyResaved() bool {
	return c.Resaved > 0 && c.Added == 0 && c.Changed == 0 && c.Removed == 0
}

// ChangeCounter is a library a refresh listed anew that counts what
// changed since the listing before. The reader counts what it can itself
// for one that does not: the articles listed anew or no more, and those
// whose listing changed, though not a file rewritten with its title and
// length.
type ChangeCounter interface {
	Changes() Changes
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
// anew, nil when nothing changed, or why it failed.
//
// asked says that ctrl+r asked for it, which is answered even when
// nothing changed; changes, what changed when anything did; rebuilt, that
// it comes of a Rebuild, not a Refresh.
type refreshedMsg struct {
	lib      Library
	problems []string
	err      error
	asked    bool
	changes  Changes
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
// files are checked; stillRefreshingFlash, what ctrl+r pressed meanwhile
// says, and unchangedFlash what it says when they changed in nothing.
const (
	refreshingFlash      = "checking the archive's files…"
	stillRefreshingFlash = "already checking the archive's files…"
	unchangedFlash       = "nothing changed: the list is up to date"
)

// reloadOff is what ctrl+r says where the library cannot be refreshed.
const reloadOff = "reload is off here: only a reader on a folder of its own reloads it"

// canRefresh reports whether lib can be refreshed, by ctrl+r or as the
// reader opens.
func canRefresh(lib Library) bool {
	_, ok := lib.(Refresher)
	return ok
}

// refreshLibrary returns the command that refreshes lib in the background,
// or nil when lib cannot be refreshed, or, unless asked (by ctrl+r), lists
// what its files hold already.
func refreshLibrary(ctx context.Context, lib Library, asked bool) tea.Cmd {
	r, ok := lib.(Refresher)
	if !ok {
		return nil
	}
	if c, ok := lib.(Current); ok && c.Current() && !asked {
		return nil
	}
	return recovering("refreshing the archive", func() tea.Msg {
		fresh, problems, err := r.Refresh(ctx)
		msg := refreshedMsg{lib: fresh, problems: problems, err: err, asked: asked}
		if err == nil && fresh != nil {
			// Off the UI goroutine: on a large archive, counting walks
			// every article.
			msg.changes = countChanges(lib, fresh)
		}
		return msg
	})
}

// countChanges returns what changed from the library was to fresh, as
// fresh counts it (ChangeCounter), or else as their listings differ.
func countChanges(was, fresh Library) Changes {
	if c, ok := fresh.(ChangeCounter); ok {
		return c.Changes()
	}
	type shown struct{ outlet, title, date, url, byline, lang string }
	listed := func(a *corpus.Article) shown {
		return shown{a.Outlet, a.Title, a.Date, a.URL, a.Byline, a.Lang}
	}
	wasListed := was.Corpus().Articles()
	before := make(map[string]*corpus.Article, len(wasListed))
	for _, a := range wasListed {
		before[a.Source] = a
	}
	var ch Changes
	for _, a := range fresh.Corpus().Articles() {
		b, ok := before[a.Source]
		switch {
		case !ok:
			ch.Added++
			continue
		case listed(a) != listed(b) || a.Words != b.Words:
			ch.Changed++
		}
		delete(before, a.Source)
	}
	ch.Removed = len(before)
	return ch
}

// String says what changed, "1 added, 2 changed", or "" when nothing
// that the reader can count did.
func (c Changes) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{c.Added, "added"}, {c.Changed, "changed"}, {c.Removed, "removed"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+" "+p.what)
		}
	}
	return strings.Join(parts, ", ")
}

// reload is what ctrl+r does: it refreshes the library in the background,
// as the reader does as it opens, unless a refresh is under way already.
func (m *Model) reload() tea.Cmd {
	if m.refreshing {
		m.flash = stillRefreshingFlash
		return nil
	}
	cmd := m.startRefresh(true)
	if cmd == nil {
		m.flash = reloadOff
	}
	return cmd
}

// startRefresh returns the command that refreshes the library in the
// background (see refreshLibrary), noting that a refresh is under way
// and saying so in the status bar; nil where none is to run.
func (m *Model) startRefresh(asked bool) tea.Cmd {
	cmd := refreshLibrary(m.ctx, m.lib, asked)
	if cmd != nil {
		m.refreshing = true
		m.flash = refreshingFlash
	}
	return cmd
}

// handleRefreshed installs the library a background refresh listed anew,
// keeping the pair on screen when its articles are still listed, the one
// still listed where the other is not (see keptPair), a pick of the right
// side under way while the left article is, and where the reader was in
// each view (see carrier), and says what happened in the status bar.
func (m *Model) handleRefreshed(msg refreshedMsg) tea.Cmd {
	if msg.rebuilt {
		m.rebuilding = false
	} else {
		// A rebuild landing does not end a refresh under way.
		m.refreshing = false
		if m.flash == refreshingFlash || m.flash == stillRefreshingFlash {
			m.flash = ""
		}
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
		if msg.asked {
			m.flash = unchangedFlash
		}
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
	keptLeft, keptRight := msg.lib.Listed(left), msg.lib.Listed(right)
	l, r := m.keptPair(keptLeft, keptRight)
	// A pick goes on only for the article it was picked for: the left.
	picking = picking && keptLeft != nil
	note := ""
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
		// "1 removed" alone would not say that the pair changed.
		switch {
		case keptRight == nil && right != nil:
			note = standIn(right, r, "right")
		case keptLeft == nil && left != nil:
			note = standIn(left, l, "left")
		}
	}
	if u := msg.lib.Listed(under); under != nil && u != nil {
		// The list's cursor stays where the reader had moved it: on the
		// way to the right side, it went back to the left article.
		m.compare.articles.Select(u)
	}
	m.flash = refreshedFlash(msg)
	if note != "" {
		// First: cut to a narrow terminal's width, the note of the pair
		// changed under the reader's eyes is the one to keep.
		m.flash = note + "; " + m.flash
	}
	return tea.Batch(cmd, tea.Batch(carried...), m.analyseStory())
}

// keptPair returns the pair to show once a refresh has listed the
// archive anew, of l and r, the articles of the pair before as the new
// listing lists them, nil where it does not: both, where both are still
// listed; where one of them is gone, the other on its side, and another
// article of its story (the first, as install would set it) on the other;
// nil, nil where neither is, for the story's first pair install set to
// stay.
func (m Model) keptPair(l, r *corpus.Article) (*corpus.Article, *corpus.Article) {
	switch {
	case l != nil && r == nil:
		// The left article stays, and the similarities listed to it,
		// with or without a pick of the right side under way.
		r = m.nextInStory(l, nil, 1)
	case l == nil && r != nil:
		// The right article stays on the right, though a pair is built
		// from its left: the reader was reading it in that column, and
		// it does not jump to the other under their eyes. The article
		// put on the left is the one the list's similarities, and ] and
		// [, now go from, as after any pick of the left.
		l = m.nextInStory(r, nil, 1)
	}
	return l, r
}

// standIn is what the status bar says, before refreshedFlash, of an
// article of the pair that a refresh found gone and the article that
// stands in for it on side: "Al Jazeera is gone: Swell Digest on the
// right".
func standIn(gone, in *corpus.Article, side string) string {
	g, n := pairNames(gone, in)
	return g + " is gone: " + n + " on the " + side
}

// refreshedFlash says what a refresh that listed the archive anew found:
// "list refreshed: 1 added, 1 changed" where ctrl+r asked for it; as the
// reader opens, that the archive changed on disk since it was indexed.
func refreshedFlash(msg refreshedMsg) string {
	if msg.rebuilt {
		return "the archive's index was rebuilt: its text can be searched again"
	}
	if msg.changes.onlyResaved() {
		// A folder copied again, or files saved unchanged: the list is
		// as it was, whatever their times say.
		if msg.asked {
			return unchangedFlash
		}
		return ""
	}
	note := "list refreshed"
	if what := msg.changes.String(); what != "" {
		note += ": " + what
	}
	if msg.asked {
		return note
	}
	return "the archive changed on disk; " + note
}
