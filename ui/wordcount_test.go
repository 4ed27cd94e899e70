package ui

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestCountsOfOneSayOne checks the reader's counts of one: a quote of one
// word ("beauties") was "1 words", a story of one long quote "1 quotes",
// and an article of one word "1 words" in the comparison's header.
func TestCountsOfOneSayOne(t *testing.T) {
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"a.txt": {Data: []byte("Bridge\n\n“We will close the bridge for good on Monday,” the mayor said. He called the old plan “shameful”.\n")},
		"b.txt": {Data: []byte("Vote\n")},
	}, "town")
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, c, 120, 30)
	quotes := screen(press(m, "2"))
	short := screen(press(newModel(t, c, 120, 30), "2", "j", "j"))
	compare := screen(newModel(t, c, 120, 30))
	for _, tt := range []struct {
		where, screen, want string
	}{
		{"quotes status", quotes, "QUOTES  1 quote ·"},
		{"a one-word quote's wording", short, "· 1 word "},
		{"the header of a one-word article", compare, "· 1 word "},
	} {
		if !strings.Contains(tt.screen, tt.want) {
			t.Errorf("%s: no %q in\n%s", tt.where, tt.want, tt.screen)
		}
	}
	// "-19 +1 words" is two counts of one noun, not a count of one.
	oneInPlural := regexp.MustCompile(`(^|[^+\d])1 (words|quotes)`)
	for _, s := range []string{quotes, short, compare} {
		if oneInPlural.MatchString(s) {
			t.Errorf("a count of one in the plural:\n%s", s)
		}
	}
}
