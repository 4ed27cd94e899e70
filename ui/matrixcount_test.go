package ui

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestMatrixOfOneOutlet checks the matrix's heading for a story of one
// article: it said "1 outlets".
func TestMatrixOfOneOutlet(t *testing.T) {
	one, _, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: []byte("A lone report\n\nSomething happened today, the report says.\n")}}, "lone")
	if err != nil {
		t.Fatal(err)
	}
	s := screen(press(newModel(t, one, 100, 30), "3"))
	if !strings.Contains(s, "· 1 outlet\n") && !strings.Contains(s, "· 1 outlet ") {
		t.Errorf("the matrix of one article does not say \"1 outlet\":\n%s", s)
	}
	if strings.Contains(s, "1 outlets") {
		t.Errorf("the matrix says \"1 outlets\":\n%s", s)
	}
}

// TestMatrixOfOneOutletOffersNoPair checks that the matrix of a story of
// one outlet offers no pair to open: it told the reader to move off the
// diagonal, which has nothing beside it, and offered "enter side by side" (now "enter open side by side").
func TestMatrixOfOneOutletOffersNoPair(t *testing.T) {
	one, _, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: []byte("A lone report\n\nSomething happened today, the report says.\n")}}, "lone")
	if err != nil {
		t.Fatal(err)
	}
	s := screen(press(newModel(t, one, 100, 30), "3"))
	if strings.Contains(s, "move off the diagonal") || strings.Contains(s, "side by side") {
		t.Errorf("the matrix of one outlet offers a pair:\n%s", s)
	}
	if !strings.Contains(s, "the story has one outlet") {
		t.Errorf("the matrix of one outlet does not say so:\n%s", s)
	}
}
