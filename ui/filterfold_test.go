package ui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// filterTitles types q into the articles filter, whole, as a paste, and
// returns the titles of the articles it lists.
func filterTitles(m Model, q string) (Model, []string) {
	m = press(m, "/", "ctrl+u")
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(q), Paste: true})
	m = press(m, "enter")
	p := m.compare.articles
	var titles []string
	for i := range p.list.Len() {
		if e := p.list.Entry(i); !e.heading() {
			titles = append(titles, p.entries[e.item].article.Title)
		}
	}
	return m, titles
}

// TestFilterFoldsQuotesAndAccents is a regression test: the articles
// filter matched its query byte for byte, lowercased, so that "trump's"
// typed with a straight apostrophe missed "Trump’s" and a straight
// double quote missed “curly” ones, as the story's name written with a
// straight one went unfound by a curly query; and "pena" missed "Peña"
// and "café" missed "Cafe", where an archive's full-text index, which
// strips accents, found them. The filter reads quotes, apostrophes and
// dashes of every style alike, as search does, and a Latin letter with
// its accents as without, as the index does.
func TestFilterFoldsQuotesAndAccents(t *testing.T) {
	const body = "\n\nThe council met on Monday to discuss the harbour, the ferries and the winter timetable for the islands.\n"
	titles := []string{
		"Trump’s wall plan angers Mexico",
		"Peña Nieto meets the candidate",
		"Cafe owner wins pastry award",
		"Senator calls leaks “missing emails”",
		"Council’s budget — what changed",
	}
	var files []string
	for i, title := range titles {
		files = append(files, string(rune('a'+i))+".txt", title+body)
	}
	m := press(newModel(t, filesCorpus(t, "Mayor's week", files...), 160, 45), "tab")
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"trump's wall", titles[:1]},
		{"TRUMP’S", titles[:1]},
		{"pena", titles[1:2]},
		{"PEÑA nieto", titles[1:2]},
		{"café", titles[2:3]},
		{`"missing emails"`, titles[3:4]},
		{"„missing", titles[3:4]},
		{"budget - what", titles[4:5]},
		{"council's", titles[4:5]},
		{"mayor’s week", titles}, // the story's name
	} {
		var got []string
		m, got = filterTitles(m, tc.query)
		if !slices.Equal(got, tc.want) {
			t.Errorf("filter %q lists %q, want %q", tc.query, got, tc.want)
		}
	}
}

// TestArchiveFilterAgreesWithTheIndex is a regression test: on a folder,
// the index found "pena" in an article titled "Peña Nieto…", and the
// list showed it as found in its text alone ("in text"), as the filter's
// own reading of the title did not hold "pena"; and "trump's" likewise
// for a title with "Trump’s". What the index finds in a title the filter
// finds there too.
func TestArchiveFilterAgreesWithTheIndex(t *testing.T) {
	dir := sampleArchive(t)
	writeText(t, dir, "mexico.txt", "Peña Nieto meets Trump at Los Pinos\n\nMexican President Enrique Peña Nieto received Donald Trump in Mexico City on Wednesday for talks on trade and the border wall.\n")
	writeText(t, dir, "wall.txt", "Trump’s wall plan angers Mexico\n\nCritics said the plan would cost billions and strain ties with the neighbour, as officials met in the capital.\n")
	m, _ := openArchive(t, dir, 0, analysis.NewCache())
	m = press(m, "tab")
	for _, tc := range []struct{ query, outlet string }{
		{"pena nieto", "mexico"},
		{"trump's wall", "wall"},
	} {
		var titles []string
		m, titles = filterTitles(m, tc.query)
		if len(titles) != 1 {
			t.Errorf("filter %q lists %q, want the %s article alone", tc.query, titles, tc.outlet)
			continue
		}
		lines := strings.Split(ansi.Strip(m.compare.articles.view), "\n")
		for i := 1; i+1 < len(lines); i++ {
			if strings.Contains(lines[i], tc.outlet) {
				if l := strings.TrimRight(lines[i+1], " │"); strings.HasSuffix(l, "in text") {
					t.Errorf("filter %q: the %s article, whose title holds it, is listed for its text: %q", tc.query, tc.outlet, l)
				}
			}
		}
	}
}
