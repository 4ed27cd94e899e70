package ui

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/newsdiff/newsdiff/articles"
)

// tenOutlets is a story of ten outlets, the seed's five texts twice over,
// too many for the matrix's columns in a narrow terminal.
func tenOutlets(t *testing.T) []string {
	t.Helper()
	var texts []string
	err := fs.WalkDir(articles.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".txt") {
			b, err := fs.ReadFile(articles.FS, path)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
		}
		return err
	})
	if err != nil || len(texts) != 5 {
		t.Fatalf("seed texts: %d, %v", len(texts), err)
	}
	var files []string
	for i := range 10 {
		files = append(files, fmt.Sprintf("o%02d.txt", i+1), texts[i%5])
	}
	return files
}

// TestMatrixColumnsComeBackWhenWider: the matrix scrolls its columns to
// keep the cursor in view where they do not all fit, but a terminal made
// wide enough for all of them kept them scrolled: the first outlets'
// columns stayed hidden beside a blank right half, until the cursor went
// back to them.
func TestMatrixColumnsComeBackWhenWider(t *testing.T) {
	c := filesCorpus(t, "ten", tenOutlets(t)...)
	m := press(newModel(t, c, 60, 12), "3")
	for range 9 {
		m = press(m, "l")
	}
	if p := matrixOf(m); p.col != 9 || p.colOff == 0 {
		t.Fatalf("at 60 columns the cursor is at column %d, the first shown %d: the test needs them scrolled", p.col, p.colOff)
	}
	m = send(m, tea.WindowSizeMsg{Width: 200, Height: 45})
	header := ""
	for _, l := range screenLines(m) {
		if strings.Contains(l, "o10") {
			header = l
			break
		}
	}
	for i := range 10 {
		if name := fmt.Sprintf("o%02d", i+1); !strings.Contains(header, name) {
			t.Errorf("at 200 columns the matrix's heading lacks %s: %q", name, header)
		}
	}
	if p := matrixOf(m); p.col != 9 {
		t.Errorf("the cursor moved to column %d", p.col)
	}
}
