package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// The sample story's files, by outlet, as the sample archive holds them.
const (
	swellFile     = "000_bcfc8e1eaa4c1094.txt"
	hackedFile    = "001_9395587074693dba.txt"
	pressTVFile   = "002_c1f76316b70f05c9.txt"
	alJazeeraFile = "003_95bcf1536ed6ca96.txt"
	trtFile       = "004_b32972e7c9273033.txt"
)

// refreshHeld returns a reader of width × height on lib with all that its
// start asks for done (the first comparison, the story's analysis) but
// the archive's refresh, the last of it, and the command that refreshes,
// for the test to run when the reader has moved and the files changed.
func refreshHeld(t *testing.T, lib refreshingArchive, width, height int) (Model, tea.Cmd) {
	t.Helper()
	m := New(nil, analysis.NewCache(), Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = send(m, tea.WindowSizeMsg{Width: width, Height: height})
	tm, cmd := m.Update(loadedMsg{c: lib.Corpus(), lib: lib})
	m = tm.(Model)
	cmds := cmd().(tea.BatchMsg)
	for _, c := range cmds[:len(cmds)-1] {
		if c == nil {
			continue
		}
		msg := c()
		if _, ok := msg.(refreshedMsg); ok {
			t.Fatal("the refresh is not the last command the load asks for")
		}
		m = runCmd(m, func() tea.Msg { return msg })
	}
	return m, cmds[len(cmds)-1]
}

// refreshed runs the refresh held, and fails the test unless it listed
// the archive anew.
func refreshed(t *testing.T, m Model, refresh tea.Cmd) Model {
	t.Helper()
	msg, ok := refresh().(refreshedMsg)
	if !ok {
		t.Fatalf("the command held is not the refresh")
	}
	m = send(m, msg)
	if !strings.Contains(screen(m), "list refreshed") {
		t.Fatalf("the archive was not refreshed:\n%s", screen(m))
	}
	return m
}

// editFile rewrites the file name of dir with the old text replaced by
// new, failing the test where the file does not hold it.
func editFile(t *testing.T, dir, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	writeText(t, dir, name, strings.Replace(string(b), old, new, 1))
}

func removeFile(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// rewriteZoo rewrites an article of another story than the pair's.
func rewriteZoo(t *testing.T) func(string) {
	return func(dir string) {
		writeText(t, dir, "zoo.txt", strings.Replace(zooText, "Panda cub born", "Twin panda cubs born", 1))
	}
}

// TestRefreshKeepsTheQuoteCursor is a regression test: a refresh of the
// archive that listed it anew put the quotes view's cursor back on the
// first quote, the list scrolled to the top, wherever the reader was in
// it. The cursor stays on the same quote, at the same height in the list,
// wherever the refreshed analysis lists it; on the quote in its place
// when it is gone.
func TestRefreshKeepsTheQuoteCursor(t *testing.T) {
	// Al Jazeera and TRT World alone quote Obama on Putin.
	const admiration = "Donald Trump has repeatedly expressed admiration for Vladimir Putin"
	for _, tc := range []struct {
		name string
		// change alters the files once the reader has moved, before the
		// refresh looks at them.
		change func(t *testing.T) func(dir string)
		// moved says that the quote under the cursor is listed elsewhere
		// after the refresh; gone, that it is no more.
		moved, gone bool
	}{
		{name: "another story rewritten", change: rewriteZoo},
		{name: "an outlet more quoting it", moved: true, change: func(t *testing.T) func(string) {
			return func(dir string) {
				// A republished copy of Al Jazeera's report, which joins
				// the story: every quote Al Jazeera gives has one outlet
				// more, and rises in the list.
				b, err := os.ReadFile(filepath.Join(dir, alJazeeraFile))
				if err != nil {
					t.Fatal(err)
				}
				writeText(t, dir, "005_republished.txt", string(b))
			}
		}},
		{name: "its quote gone", gone: true, change: func(t *testing.T) func(string) {
			return func(dir string) {
				editFile(t, dir, alJazeeraFile, "“"+admiration+",” Obama said", "Obama said that Trump admired Putin")
				editFile(t, dir, trtFile, "\"What I do know is that "+admiration+".\"", "He added that Trump admired Putin.")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := staleListing(t, func(string) {})
			m, refresh := refreshHeld(t, lib, 120, 24)
			m = press(m, "2")
			// Down the list until it scrolls, then back up to the quote:
			// the cursor is off the list's top.
			m = press(m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
			q := quotesOf(m)
			for q.Selected() != nil && !strings.Contains(quoteText(*q.Selected()), admiration) {
				m = press(m, "k")
				q = quotesOf(m)
			}
			m = press(m, "k", "j")
			q = quotesOf(m)
			if q.Selected() == nil || !strings.Contains(quoteText(*q.Selected()), admiration) {
				t.Fatalf("no quote of Obama's on Putin:\n%s", screen(m))
			}
			at := q.cursor()
			top := q.list.scroll.Top()
			height := q.list.RowOf(q.list.Cursor()) - top
			if top == 0 || height == 0 {
				t.Fatalf("the list is not scrolled with the cursor off its top (top %d, cursor %d rows below):\n%s", top, height, screen(m))
			}
			tc.change(t)(lib.dir)
			m = refreshed(t, m, refresh)
			q = quotesOf(m)
			g := q.Selected()
			if !q.Ready() || g == nil {
				t.Fatalf("after the refresh, no quote under the cursor:\n%s", screen(m))
			}
			if on := strings.Contains(quoteText(*g), admiration); on == tc.gone {
				t.Errorf("after the refresh, the cursor is on %q (quote %d; it was on quote %d)", quoteText(*g), q.cursor()+1, at+1)
			}
			switch {
			case tc.moved && q.cursor() == at:
				t.Errorf("the quote did not move in the list: the test tests nothing")
			case !tc.moved && q.cursor() != at:
				t.Errorf("after the refresh, the cursor is on quote %d, want %d:\n%s", q.cursor()+1, at+1, screen(m))
			}
			h := q.list.RowOf(q.list.Cursor()) - q.list.scroll.Top()
			switch {
			case h < 0 || h >= q.list.scroll.height:
				t.Errorf("after the refresh, the cursor is off the list's window:\n%s", screen(m))
			case !tc.moved && h != height:
				t.Errorf("after the refresh, the cursor's quote is %d rows below the list's top, want %d:\n%s", h, height, screen(m))
			}
		})
	}
}

// TestRefreshKeepsTheMatrixCursor is a regression test: a refresh of the
// archive that listed it anew put the matrix's cursor back on the pair
// being compared, wherever the reader had moved it. It stays on the same
// outlets' cell, wherever the refreshed story puts them; on a row gone,
// on the row in its place.
func TestRefreshKeepsTheMatrixCursor(t *testing.T) {
	for _, tc := range []struct {
		name     string
		change   func(t *testing.T) func(dir string)
		keys     []string
		row, col string // the outlets of the cursor's cell, before the refresh
		// wantRow is the row's outlet after it; its index, wantAt.
		wantRow string
		wantAt  int
	}{
		{name: "another story rewritten", change: rewriteZoo,
			keys: []string{"j", "l"}, row: "Hacked.com", col: "Press TV", wantRow: "Hacked.com", wantAt: 1},
		{name: "a row above gone", change: func(t *testing.T) func(string) {
			return func(dir string) { removeFile(t, dir, pressTVFile) }
		}, keys: []string{"j", "j", "j", "l", "l", "l"}, row: "Al Jazeera", col: "TRT World", wantRow: "Al Jazeera", wantAt: 2},
		{name: "its row gone", change: func(t *testing.T) func(string) {
			return func(dir string) { removeFile(t, dir, pressTVFile) }
		}, keys: []string{"j", "j", "l", "l", "l"}, row: "Press TV", col: "TRT World", wantRow: "Al Jazeera", wantAt: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := staleListing(t, func(string) {})
			m, refresh := refreshHeld(t, lib, 160, 45)
			m = press(m, "3")
			m = press(m, tc.keys...)
			row, col := matrixOf(m).Cursor()
			if row == nil || row.Outlet != tc.row || col.Outlet != tc.col {
				t.Fatalf("the cursor is not on %s → %s:\n%s", tc.row, tc.col, screen(m))
			}
			tc.change(t)(lib.dir)
			m = refreshed(t, m, refresh)
			p := matrixOf(m)
			row, col = p.Cursor()
			if row == nil || row.Outlet != tc.wantRow || col.Outlet != tc.col || p.row() != tc.wantAt {
				t.Errorf("after the refresh, the cursor is on %v → %v (row %d); want %s → %s (row %d):\n%s",
					outletOf(row), outletOf(col), p.row()+1, tc.wantRow, tc.col, tc.wantAt+1, screen(m))
			}
			if s := screen(m); !strings.Contains(s, tc.wantRow+" → "+tc.col) {
				t.Errorf("after the refresh, the status does not describe %s → %s:\n%s", tc.wantRow, tc.col, s)
			}
		})
	}
}

// TestRefreshKeepsAHalfMadePick is a regression test: a refresh of the
// archive that listed it anew while the reader was choosing the right
// side, the left put already, dropped the pick and put the list's
// cursor back on the left article: enter then put the article the reader
// had moved to on the left, not on the right. The pick stays, and the
// cursor with it, while the article put on the left is still listed,
// even where the one on the right before is gone; with the left one
// gone, the pick is dropped.
func TestRefreshKeepsAHalfMadePick(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T) func(dir string)
		kept   bool
	}{
		{name: "another story rewritten", change: rewriteZoo, kept: true},
		{name: "the right side before gone", change: func(t *testing.T) func(string) {
			return func(dir string) { removeFile(t, dir, hackedFile) }
		}, kept: true},
		{name: "the article picked gone", change: func(t *testing.T) func(string) {
			return func(dir string) { removeFile(t, dir, pressTVFile) }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := staleListing(t, func(string) {})
			m, refresh := refreshHeld(t, lib, 160, 45)
			// Press TV on the left, and down to Al Jazeera, to put it on
			// the right.
			m = press(m, "tab", "j", "j", "enter", "j")
			a := m.compare.articles
			if !a.Picking() || m.left.Outlet != "Press TV" || a.Selected().Outlet != "Al Jazeera" {
				t.Fatalf("not picking the right side of Press TV at Al Jazeera:\n%s", screen(m))
			}
			tc.change(t)(lib.dir)
			m = refreshed(t, m, refresh)
			a = m.compare.articles
			if !tc.kept {
				if a.Picking() || m.left == nil || m.right == nil || m.lib.Listed(m.left) != m.left || m.lib.Listed(m.right) != m.right {
					t.Errorf("after the refresh that removed the left article, picking %v, pair %v | %v; want a pair of the new list, no pick",
						a.Picking(), outletOf(m.left), outletOf(m.right))
				}
				if s := screen(m); strings.Contains(s, "pick the right side") {
					t.Errorf("after the refresh that removed the left article, the reader still asks for the right side:\n%s", s)
				}
				return
			}
			if !a.Picking() || m.left.Outlet != "Press TV" || m.lib.Listed(m.left) != m.left {
				t.Fatalf("after the refresh, picking %v with %v on the left; want the right side of Press TV picked:\n%s", a.Picking(), outletOf(m.left), screen(m))
			}
			if m.right == nil || m.right == m.left || m.lib.Listed(m.right) != m.right {
				t.Errorf("after the refresh, the right side is %v", outletOf(m.right))
			}
			if s := a.Selected(); s == nil || s.Outlet != "Al Jazeera" {
				t.Errorf("after the refresh, the list's cursor is on %v, want Al Jazeera:\n%s", outletOf(s), screen(m))
			}
			m = press(m, "enter")
			if m.compare.articles.Picking() || m.left.Outlet != "Press TV" || m.right.Outlet != "Al Jazeera" {
				t.Errorf("enter after the refresh made the pair %v | %v (picking %v), want Press TV | Al Jazeera",
					outletOf(m.left), outletOf(m.right), m.compare.articles.Picking())
			}
		})
	}
}

// outletOf names a's outlet, or says there is no article.
func outletOf(a *corpus.Article) string {
	if a == nil {
		return "no article"
	}
	return a.Outlet
}

// TestRefreshKeepsThePassageCursor is a regression test: a refresh of
// the archive that listed it anew put the passages view's cursor back on
// the first entry, wherever the reader was in it. The cursor stays on the
// entry of the same words, at the same height on screen; on the entry in
// its place when its words are gone.
func TestRefreshKeepsThePassageCursor(t *testing.T) {
	for _, tc := range []struct {
		name string
		gone bool
	}{
		{name: "another story rewritten"},
		{name: "its passage rewritten", gone: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := staleListing(t, func(string) {})
			m, refresh := refreshHeld(t, lib, 120, 24)
			m = press(m, "4")
			// Down the list until it scrolls, then back up a few: the
			// cursor is off the window's top.
			for range 12 {
				m = press(m, "j")
			}
			m = press(m, "k", "k", "k")
			p := passagesOf(m)
			it := p.Selected()
			if it == nil || len(it.at) != 1 {
				t.Fatalf("the cursor is not on a passage of one outlet:\n%s", screen(m))
			}
			at, text := p.list.Cursor(), it.at[0].Article.Text(it.at[0].Span)
			file := filepath.Base(it.at[0].Article.Source)
			top := p.list.scroll.Top()
			height := p.list.Offset()
			if top == 0 || height <= 0 {
				t.Fatalf("the list is not scrolled with the cursor off its top (top %d, cursor %d rows below):\n%s", top, height, screen(m))
			}
			if tc.gone {
				editFile(t, lib.dir, file, text, "The newsroom could not confirm any of this on Thursday.")
			} else {
				rewriteZoo(t)(lib.dir)
			}
			m = refreshed(t, m, refresh)
			p = passagesOf(m)
			it = p.Selected()
			if !p.Ready() || it == nil {
				t.Fatalf("after the refresh, no entry under the cursor:\n%s", screen(m))
			}
			if same := it.at[0].Article.Text(it.at[0].Span) == text; same == tc.gone {
				t.Errorf("after the refresh, the cursor is on %q (it was on %q)", it.at[0].Article.Text(it.at[0].Span), text)
			}
			if p.list.Cursor() != at {
				t.Errorf("after the refresh, the cursor is on entry %d, want %d:\n%s", p.list.Cursor(), at, screen(m))
			}
			if h := p.list.Offset(); h != height {
				t.Errorf("after the refresh, the cursor's entry is %d rows below the window's top, want %d:\n%s", h, height, screen(m))
			}
		})
	}
}

// TestRefreshKeepsTheWordingsRead: as the quotes' cursor, the wordings
// being read stay across a refresh of the archive, with the keys: the
// keys went back to the list, and the wordings to the most common one.
func TestRefreshKeepsTheWordingsRead(t *testing.T) {
	lib := staleListing(t, func(string) {})
	m, refresh := refreshHeld(t, lib, 120, 30)
	// Trump's call, which all five outlets quote: its wordings scrolled
	// down to the fourth.
	m = press(m, "2", "enter")
	q := quotesOf(m)
	for k, _, _ := q.topWording(); k >= 0 && k < 3; k, _, _ = q.topWording() {
		m = press(m, "j")
		q = quotesOf(m)
	}
	k, _, _ := q.topWording()
	if !q.DetailFocused() || k != 3 {
		t.Fatalf("not reading the fourth wording of Trump's call (at %d):\n%s", k, screen(m))
	}
	g := q.Selected()
	want := g.Quotes[q.starts[q.shown][k].quote].Article.Source
	rewriteZoo(t)(lib.dir)
	m = refreshed(t, m, refresh)
	q = quotesOf(m)
	if !q.DetailFocused() || q.cursor() != 0 {
		t.Fatalf("after the refresh, the wordings have the keys %v, on quote %d; want the wordings of the first:\n%s", q.DetailFocused(), q.cursor()+1, screen(m))
	}
	k, _, _ = q.topWording()
	if k < 0 {
		t.Fatalf("after the refresh, no wording at the top:\n%s", screen(m))
	}
	if got := q.Selected().Quotes[q.starts[q.shown][k].quote].Article.Source; got != want {
		t.Errorf("after the refresh, the wording at the top is %s's, want %s's:\n%s", filepath.Base(got), filepath.Base(want), screen(m))
	}
}

// TestRefreshKeepsTheComparisonScrolled is a regression test: a refresh
// of the archive that listed it anew, keeping the pair, showed its
// comparison from the top, wherever the reader had scrolled to. It opens
// at the passage that was at the top, the rows of it that were above the
// top above it still; where neither article is kept, at the top.
func TestRefreshKeepsTheComparisonScrolled(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string // removed; none to keep the pair
	}{
		{name: "another story rewritten"},
		{name: "the pair gone", files: []string{swellFile, hackedFile}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := staleListing(t, func(string) {})
			m, refresh := refreshHeld(t, lib, 120, 30)
			for range 13 {
				m = press(m, "j")
			}
			p := m.compare.pane
			if p.lay == nil {
				t.Fatalf("no comparison laid out:\n%s", screen(m))
			}
			top, block := p.scroll.Top(), topBlock(m)
			if block == 0 || top == p.lay.blockRow[block] {
				t.Fatalf("the comparison is not scrolled into a passage below its first (top row %d, passage %d):\n%s", top, block, screen(m))
			}
			rewriteZoo(t)(lib.dir)
			for _, f := range tc.files {
				removeFile(t, lib.dir, f)
			}
			m = refreshed(t, m, refresh)
			p = m.compare.pane
			if p.Comparison() == nil {
				t.Fatalf("after the refresh, no comparison shown:\n%s", screen(m))
			}
			want := top
			if tc.files != nil {
				want = 0
			}
			if p.scroll.Top() != want {
				t.Errorf("after the refresh, the comparison's top row is %d, want %d:\n%s", p.scroll.Top(), want, screen(m))
			}
		})
	}
}

// TestRefreshKeepsWhatIsLeftOfThePair is a regression test: a refresh
// of the archive that listed it anew after the file of one article of the
// pair on screen was removed put the story's first two articles side by
// side, with no pick under way, as if the reader had just opened it. The
// article still listed stays on its side, another article of its story
// on the other; with neither listed, the story's first two are shown.
func TestRefreshKeepsWhatIsLeftOfThePair(t *testing.T) {
	for _, tc := range []struct {
		name        string
		removed     []string
		left, right string // the outlets of the pair after the refresh; "" for any other of the story
		// gone is the outlet the status says is gone, and side where
		// another article stands in for it; "" where none does.
		gone, side string
	}{
		{name: "the right one gone", removed: []string{alJazeeraFile}, left: "Press TV", gone: "Al Jazeera", side: "right"},
		{name: "the left one gone", removed: []string{pressTVFile}, right: "Al Jazeera", gone: "Press TV", side: "left"},
		{name: "both gone", removed: []string{pressTVFile, alJazeeraFile}, left: "Swell Digest", right: "Hacked.com"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lib := staleListing(t, func(string) {})
			m, refresh := refreshHeld(t, lib, 160, 45)
			// Press TV on the left, then Al Jazeera on the right: neither
			// is the story's first, and no pick is under way.
			m = press(m, "tab", "j", "j", "enter", "j", "enter")
			if m.compare.articles.Picking() || m.left.Outlet != "Press TV" || m.right.Outlet != "Al Jazeera" {
				t.Fatalf("the pair is not Press TV | Al Jazeera, or a pick is under way:\n%s", screen(m))
			}
			story := m.storyOf[m.left].Name
			for _, f := range tc.removed {
				removeFile(t, lib.dir, f)
			}
			m = refreshed(t, m, refresh)
			l, r := m.left, m.right
			if l == nil || r == nil || l == r || m.lib.Listed(l) != l || m.lib.Listed(r) != r {
				t.Fatalf("after the refresh, the pair is %v | %v; want two articles of the new list", outletOf(l), outletOf(r))
			}
			for _, a := range []*corpus.Article{l, r} {
				if st := m.storyOf[a]; st == nil || st.Name != story {
					t.Errorf("after the refresh, %s is not of the story %q", a.Outlet, story)
				}
			}
			if (tc.left != "" && l.Outlet != tc.left) || (tc.right != "" && r.Outlet != tc.right) {
				t.Errorf("after the refresh, the pair is %s | %s; want %s | %s", l.Outlet, r.Outlet,
					orAnother(tc.left), orAnother(tc.right))
			}
			if m.compare.articles.Picking() {
				t.Errorf("after the refresh, a pick is under way")
			}
			if c := m.compare.Comparison(); c == nil || m.lib.Listed(c.Left) != l || m.lib.Listed(c.Right) != r {
				t.Errorf("after the refresh, the comparison shown is not of the pair %s | %s", l.Outlet, r.Outlet)
			}
			s := screen(m)
			if !strings.Contains(s, "removed") {
				t.Errorf("after the refresh, the status does not say that articles were removed:\n%s", s)
			}
			switch in := map[string]string{"left": l.Outlet, "right": r.Outlet}[tc.side]; {
			case tc.gone == "" && strings.Contains(s, " is gone"):
				t.Errorf("after the refresh that removed the pair, the status says one stands in:\n%s", s)
			case tc.gone != "" && !strings.Contains(s, tc.gone+" is gone: "+in+" on the "+tc.side):
				t.Errorf("after the refresh, the status does not say that %s is gone, %s on the %s:\n%s", tc.gone, in, tc.side, s)
			}
			// On a terminal of 80 columns the status is cut: what it keeps
			// is that the pair changed, which "1 removed" does not say.
			if tm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 45}); tc.gone != "" {
				if s := screen(tm.(Model)); !strings.Contains(s, tc.gone+" is gone") {
					t.Errorf("at 80 columns, the status does not say that %s is gone:\n%s", tc.gone, s)
				}
			}
		})
	}
}

// orAnother names an outlet the test wants, or any other of the story.
func orAnother(outlet string) string {
	if outlet == "" {
		return "another of the story"
	}
	return outlet
}
