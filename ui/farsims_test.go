package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestArchiveRightArticleHasItsSimilarity is a regression test: on a
// folder, the list gives the similarity to the left article of a story's
// first maxSimilarities articles only, and an article past them put on
// the right had none in its entry, a blank beside "R", while the status
// bar gave the pair's. The right article's entry now gives the figure of
// the comparison shown.
func TestArchiveRightArticleHasItsSimilarity(t *testing.T) {
	dir := t.TempDir()
	n := maxSimilarities + 6
	for i := range n {
		writeText(t, dir, fmt.Sprintf("zoo%03d.txt", i), zooText+fmt.Sprintf("Desk %d filed this report.\n", i))
	}
	m, _ := openArchive(t, dir, 0, analysis.NewCache())
	st := m.storyOf[m.left]
	if len(st.Articles) != n {
		t.Fatalf("the story has %d articles, want %d", len(st.Articles), n)
	}
	right := st.Articles[n-1]
	m = send(m, setPairMsg{left: m.left, right: right})
	if m.right != right || m.compare.Comparison() == nil {
		t.Fatalf("the story's last article is not compared on the right")
	}
	want := fmt.Sprintf("%d%%", percent(m.compare.Comparison().Similarity))
	m = press(m, "tab", "G")
	var line string
	for l := range strings.SplitSeq(ansi.Strip(m.compare.articles.view), "\n") {
		if strings.Contains(l, "R ") {
			line = l
		}
	}
	if line == "" {
		t.Fatalf("no entry marked R:\n%s", ansi.Strip(m.compare.articles.view))
	}
	if !strings.Contains(line, want) {
		t.Errorf("the right article's entry gives no similarity, want %s: %q", want, line)
	}
}
