package ui

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// TestArchiveMatrixOpensOnThePairBeingRead is a regression test: on a
// folder, the matrix's cursor stood on the story's first two outlets
// whatever pair was being compared, as it did before it followed the
// pair at all. The reader's pair holds the listed articles and the
// analysis the articles read for it, and the matrix looked the pair up
// among the latter, where a listed article never is.
func TestArchiveMatrixOpensOnThePairBeingRead(t *testing.T) {
	m, _ := openArchive(t, sampleArchive(t), 0, analysis.NewCache())
	arts := m.compare.articles.entries
	var story []int // the entries of the left article's story
	for i, e := range arts {
		if e.article != nil && e.story == m.storyOf[m.left] {
			story = append(story, i)
		}
	}
	if len(story) < 4 {
		t.Fatalf("the first story has %d articles, want 4 or more", len(story))
	}
	// The story's third article against its fourth: not the matrix's
	// first cell.
	left, right := arts[story[2]].article, arts[story[3]].article
	m = send(m, setPairMsg{left: left, right: right})
	m = press(m, "3")
	want := termsafe.OneLine(left.Outlet) + " → " + termsafe.OneLine(right.Outlet)
	lines := screenLines(m)
	if s := lines[len(lines)-2]; !strings.Contains(s, want) {
		t.Errorf("the matrix did not open on the pair %q: %q", want, s)
	}
}
