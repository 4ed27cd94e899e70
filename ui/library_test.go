package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// The reader on an archive: a folder indexed by corpus/archive, listed
// from its index, its articles read as the reader needs them.

// zooText and rainText are two articles about nothing the sample story
// or each other report: each groups with nothing.
const (
	zooText = "Panda cub born at Edinburgh zoo\n\nKeepers at Edinburgh zoo said a giant panda cub was born overnight, the first in Scotland. " +
		"The cub weighed about 150 grams and is feeding well, zookeepers reported. Visitors will wait several months before seeing the newborn.\n"
	rainText = "Monsoon floods cut roads in Kerala\n\nHeavy monsoon rain flooded low-lying villages across Kerala, washing out bridges and cutting highways. " +
		"Fishermen rowed boats through waterlogged streets to rescue stranded families. Meteorologists forecast further downpours through the weekend.\n"
)

// sampleArchive writes the sample story and the two unrelated articles
// into a folder, and returns it.
func sampleArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, articles.FS); err != nil {
		t.Fatal(err)
	}
	writeText(t, dir, "zoo.txt", zooText)
	writeText(t, dir, "rain.txt", rainText)
	return dir
}

func writeText(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// openArchive returns a reader on the archive at dir at 120×30, opened
// as the command line opens it, its text kept within textBytes, through
// cache; and the archive's listing.
func openArchive(t *testing.T, dir string, textBytes int64, cache *analysis.Cache) (Model, *archive.Listing) {
	t.Helper()
	ar, err := archive.Open(context.Background(), dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ar.Close() })
	lib := ar.Listing(textBytes)
	m := New(nil, cache, Options{Renderer: renderer(termenv.Ascii), Loading: "the archive",
		Open: func(context.Context) (Library, []string, error) { return lib, nil, nil }})
	m = runCmd(m, m.Init())
	return send(m, tea.WindowSizeMsg{Width: 120, Height: 30}), lib
}

// TestReaderOnArchive: the list comes from the index, the articles that
// group with nothing under one heading; the first pair is compared, and
// only the articles of its story are read.
func TestReaderOnArchive(t *testing.T) {
	m, lib := openArchive(t, sampleArchive(t), 0, analysis.NewCache())
	if m.state != stateReady || m.lib == nil {
		t.Fatalf("state %v, library %v", m.state, m.lib)
	}
	s := screen(m)
	for _, want := range []string{"not grouped · 2", "Al Jazeera"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	c := m.compare.Comparison()
	if c == nil || c.Left.Tokens.Len() == 0 {
		t.Fatalf("no comparison with text shown:\n%s", s)
	}
	if m.left.Raw != nil || lib.Listed(c.Left) != m.left || lib.Listed(c.Right) != m.right {
		t.Errorf("the reader's pair is not the listed articles of the comparison shown")
	}
	if _, n := lib.TextUsed(); n > 5 {
		t.Errorf("%d articles read; the first story has 5", n)
	}
	if m.analysis() == nil || m.analysis().err != nil {
		t.Errorf("the first story was not analysed: %+v", m.analysis())
	}
	// The analysis's marks reach the comparison of listed articles.
	if marks := m.pairMarks(m.left, m.right); marks.left == nil {
		t.Errorf("no marks for the listed left article")
	}
}

// TestReaderOnArchiveMemoryBounded: browsing every article of an archive
// keeps the text read, the comparisons and the analyses within their
// budgets, however many articles are browsed.
func TestReaderOnArchiveMemoryBounded(t *testing.T) {
	dir := t.TempDir()
	r := rand.New(rand.NewPCG(3, 4))
	const n = 40
	for i := range n {
		// Words of no language, so that each article groups with nothing.
		var sb strings.Builder
		fmt.Fprintf(&sb, "Report %d\n\n", i)
		for range 12 {
			for w := range 10 {
				if w > 0 {
					sb.WriteByte(' ')
				}
				for range 3 + r.IntN(6) {
					sb.WriteByte(byte('a' + r.IntN(26)))
				}
			}
			sb.WriteString(". ")
		}
		writeText(t, dir, fmt.Sprintf("r%02d.txt", i), sb.String())
	}
	probe, _, err := corpus.LoadFile(filepath.Join(dir, "r00.txt"))
	if err != nil {
		t.Fatal(err)
	}
	one := compare.ArticleBytes(probe)
	textBudget, pairBudget, storyBudget := 4*one, 6*one, 4*one
	cache := analysis.NewCacheBytes(pairBudget, storyBudget)
	m, lib := openArchive(t, dir, textBudget, cache)
	visited := map[*corpus.Article]bool{}
	for range 3 {
		for i := range n {
			m = send(m, setPairMsg{left: m.articles[i], right: m.articles[(i+1)%n]})
			visited[m.left] = true
			if used, _ := lib.TextUsed(); used > textBudget {
				t.Fatalf("text kept: %d bytes, budget %d", used, textBudget)
			}
			if used, _ := cache.Used(); used > pairBudget {
				t.Fatalf("comparisons kept: %d bytes, budget %d", used, pairBudget)
			}
			if used, _ := cache.UsedAnalyses(); used > storyBudget {
				t.Fatalf("analyses kept: %d bytes, budget %d", used, storyBudget)
			}
			if len(m.analyses) > maxKeptAnalyses {
				t.Fatalf("the reader holds %d analyses", len(m.analyses))
			}
		}
	}
	if c := m.compare.Comparison(); c == nil || c.Left.Tokens.Len() == 0 || len(visited) < n {
		t.Errorf("after browsing %d articles on the left: comparison %v", len(visited), c != nil)
	}
}

// TestArchiveFilterSearchesText: on an archive, the list's filter finds
// articles by words of their text alone, once the query rests.
func TestArchiveFilterSearchesText(t *testing.T) {
	m, _ := openArchive(t, sampleArchive(t), 0, analysis.NewCache())
	m = press(m, "tab", "/")
	// "zookeepers" is in zoo.txt's text only, not its title or outlet.
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("zookeepers"), Paste: true})
	m = press(m, "enter")
	s := screen(m)
	if !strings.Contains(s, "Panda cub") || strings.Contains(s, "Al Jazeera") {
		t.Errorf("filter zookeepers: want only the zoo article listed:\n%s", s)
	}
	if at, shown := m.compare.articles.Shown(); shown != 1 || at != 1 {
		t.Errorf("filter zookeepers shows %d articles (cursor at %d), want 1", shown, at)
	}
	// A search for an older query is dropped.
	p := &m.compare.articles
	stale := filterFoundMsg{gen: p.searchGen - 1, query: "monsoon", found: []*corpus.Article{p.entries[1].article}}
	m = send(m, stale)
	if _, shown := m.compare.articles.Shown(); shown != 1 {
		t.Errorf("a stale search changed the list: %d shown", shown)
	}
}

// TestArchiveFileChangedWhileOpen: an article changed on disk while the
// reader is open is read again when it is next compared.
func TestArchiveFileChangedWhileOpen(t *testing.T) {
	dir := sampleArchive(t)
	m, lib := openArchive(t, dir, 0, analysis.NewCache())
	var zoo, rain *corpus.Article
	for _, a := range m.articles {
		switch filepath.Base(a.Source) {
		case "zoo.txt":
			zoo = a
		case "rain.txt":
			rain = a
		}
	}
	m = send(m, setPairMsg{left: zoo, right: rain})
	if c := m.compare.Comparison(); c == nil || lib.Listed(c.Left) != zoo {
		t.Fatalf("zoo and rain not compared")
	}
	writeText(t, dir, "rain.txt", strings.Replace(rainText, "Fishermen", "Volunteers", 1))
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "rain.txt"), old, old); err != nil {
		t.Fatal(err)
	}
	m = send(m, setPairMsg{left: rain, right: zoo})
	m = send(m, setPairMsg{left: zoo, right: rain})
	c := m.compare.Comparison()
	if c == nil || !strings.Contains(string(c.Right.Raw), "Volunteers") {
		t.Errorf("after rain.txt changed, the comparison shows the old text")
	}
}

// TestLargeListedStoryIsNotAnalysed is a regression test (issue 13, item
// 1): the reader measured a story's size by its articles' text, which a
// listed article does not have, so on a folder of two 5 MiB files of
// two-word sentences it analysed the story beside the pair it showed and
// peaked at 449 MiB (244 MiB once it measures the files).
func TestLargeListedStoryIsNotAnalysed(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and indexes 4.4 MB of articles")
	}
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		writeText(t, dir, name, strings.Repeat(zooText, (analysis.MaxReaderStoryBytes/2+100_000)/len(zooText)))
	}
	m, lib := openArchive(t, dir, 0, analysis.NewCache())
	st := m.storyOf[m.left]
	if n := lib.StoryBytes(st, analysis.MaxArticles); n <= analysis.MaxReaderStoryBytes {
		t.Fatalf("the listed story of %d articles measures %d bytes, want over %d", len(st.Articles), n, analysis.MaxReaderStoryBytes)
	}
	an := m.analysis()
	if an == nil || an.err == nil || !strings.Contains(an.err.Error(), "not analysed") {
		t.Errorf("a story of two 2.2 MB files was analysed in the background: %+v", an)
	}
}

// TestArchiveFilterSaysWhatMatchedInTheText is a regression test: on a
// folder, the filter finds articles by words of their text too, but
// nothing in their entries said so, and the help spoke of outlet, title
// and story alone. Filtering by "wikileaks" listed the left article itself
// among the articles to compare with, though its outlet, title and story
// hold no such word. An entry listed for its text alone now says "in
// text" where its word count stands.
func TestArchiveFilterSaysWhatMatchedInTheText(t *testing.T) {
	m, _ := openArchive(t, sampleArchive(t), 0, analysis.NewCache())
	filter := func(m Model, q string) (Model, []string) {
		m = press(m, "tab", "/", "ctrl+u")
		m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(q), Paste: true})
		m = press(m, "enter", "tab")
		return m, strings.Split(ansi.Strip(m.compare.articles.view), "\n")
	}
	// titleLine returns the line under the outlet's, its title's.
	titleLine := func(lines []string, outlet string) string {
		for i := 1; i+1 < len(lines); i++ { // below the header, which says the filter
			if strings.Contains(lines[i], outlet) {
				return strings.TrimRight(lines[i+1], " │")
			}
		}
		t.Fatalf("%s is not listed:\n%s", outlet, strings.Join(lines, "\n"))
		return ""
	}
	left := m.left.Outlet
	m, lines := filter(m, "wikileaks")
	if l := titleLine(lines, left); !strings.HasSuffix(l, "in text") {
		t.Errorf("filter wikileaks: the left article, %s, listed for its text: %q, want it to say in text", left, l)
	}
	m, lines = filter(m, "panda") // the zoo article's title
	if l := titleLine(lines, "zoo"); strings.HasSuffix(l, "in text") || !strings.HasSuffix(l, "w") {
		t.Errorf("filter panda: the article whose title holds it: %q, want its word count", l)
	}
	_, lines = filter(m, "zookeepers") // the zoo article's text alone
	if l := titleLine(lines, "zoo"); !strings.HasSuffix(l, "in text") {
		t.Errorf("filter zookeepers: %q, want in text", l)
	}
}
