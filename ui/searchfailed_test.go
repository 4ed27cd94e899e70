package ui

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
)

// TestArchiveSearchFailureSaid is a regression test: when the archive's
// search failed (its full-text index damaged, which neither a listing
// nor newsdiff index reads), the filter listed what matched titles and
// outlets, or "nothing matches", as if the text had been searched and
// held nothing. The status line says that the text was not searched.
func TestArchiveSearchFailureSaid(t *testing.T) {
	dir := sampleArchive(t)
	m, _ := openArchive(t, dir, 0, analysis.NewCache())
	db, err := sql.Open("sqlite", filepath.Join(dir, archive.IndexDir, "index.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DROP TABLE fts`); err != nil {
		t.Fatal(err)
	}
	m = press(m, "tab", "/")
	// The query rests, and the archive is searched.
	m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("zookeepers"), Paste: true})
	if s := screen(m); !strings.Contains(s, "text could not be searched") {
		t.Errorf("filter zookeepers, the search failed: nothing says the text was not searched:\n%s", s)
	}
}
