package ui

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// apartCorpus loads two story folders whose names share a long start,
// copies of one cluster as a benchmark's files are named, each of two
// outlets whose names share a long start too.
func apartCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday.\n"
	more := text + "\nThe council will meet again in March.\n"
	c := filesCorpus(t, "copies",
		"longbench-multinews-train-cluster-0018/longbench-multinews-0018_01.txt", text,
		"longbench-multinews-train-cluster-0018/longbench-multinews-0018_02.txt", more,
		"longbench-multinews-train-cluster-0019/longbench-multinews-0019_01.txt", text,
		"longbench-multinews-train-cluster-0019/longbench-multinews-0019_02.txt", more,
	)
	return c
}

// TestListTellsStoriesApart is a regression test: story folders named
// alike ("longbench-multinews-train-cluster-0018", "…-0019") all headed
// the list as "longbench-multinews-train-c… · 2".
func TestListTellsStoriesApart(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {160, 45}} {
		m := press(newModel(t, apartCorpus(t), size[0], size[1]), "tab")
		var heads []string
		for _, l := range screenLines(m) {
			list, _, _ := strings.Cut(l, "│") // the list, left of its border
			if head, ok := strings.CutSuffix(strings.TrimSpace(list), " · 2"); ok {
				heads = append(heads, head)
			}
		}
		if len(heads) != 2 || heads[0] == heads[1] {
			t.Errorf("%dx%d: story headings %q, want two that differ:\n%s", size[0], size[1], heads, screen(m))
		}
	}
}

// TestCompareHeaderTellsOutletsApart is a regression test: at 60 columns
// side by side, the two outlets' names ("longbench-multinews-0018_01",
// "…_02") were cut to the same "longbench-multi…" over both columns;
// inline, which has room, must keep them too.
func TestCompareHeaderTellsOutletsApart(t *testing.T) {
	for _, keys := range [][]string{nil, {"v"}} {
		m := press(newModel(t, apartCorpus(t), 60, 20), keys...)
		head := strings.Join(screenLines(m)[:2], "\n") // side by side, or inline
		if !strings.Contains(head, "_01") || !strings.Contains(head, "_02") {
			t.Errorf("after %q: the header does not tell the outlets apart:\n%s", keys, screen(m))
		}
	}
}

// TestFactsTellOutletsApart is a regression test: the facts' rows cut
// outlets named alike to one label, so no one could tell which outlet
// gave which value.
func TestFactsTellOutletsApart(t *testing.T) {
	a := "Harbour council approves new ferry timetable\n\n" +
		"The harbour council approved a new ferry timetable for the islands on Monday after a long debate in the chamber.\n\n" +
		"\"This timetable finally gives the islands the crossings they were promised years ago,\" said council leader Mary Jones.\n"
	b := "Harbour council approves new ferry timetable\n\n" +
		"The harbour council approved a new ferry timetable for the islands on Monday after a long debate in the chamber.\n\n" +
		"\"This timetable finally gives the islands the crossings they were promised years ago,\" said ferry operator Tom Smith.\n"
	c := filesCorpus(t, "ferries",
		"longbench-multinews-0018_01.txt", a,
		"longbench-multinews-0018_02.txt", b,
	)
	m := press(newModel(t, c, 60, 30), "4")
	var names []string
	for _, l := range screenLines(m) {
		if strings.Contains(l, "¶3") && (strings.Contains(l, "Jones") || strings.Contains(l, "Smith")) {
			names = append(names, strings.Fields(strings.TrimLeft(l, "▌ "))[0])
		}
	}
	if len(names) != 2 || names[0] == names[1] {
		t.Errorf("fact rows name %q, want two outlets that differ:\n%s", names, screen(m))
	}
}

// TestQuoteWordingsTellOutletsApart: outlets whose names are wider than
// the quotes' wordings pane, and share a long start, keep the ends that
// tell them apart.
func TestQuoteWordingsTellOutletsApart(t *testing.T) {
	quote := func(words string) string {
		return "Harbour council approves new ferry timetable\n\n" +
			"The harbour council approved a new ferry timetable for the islands on Monday after a long debate in the chamber.\n\n" +
			"\"This timetable finally gives the islands " + words + ",\" said council leader Mary Jones.\n"
	}
	const long = "longbench-multinews-train-cluster-0018-a-copy-made-for-the-long-context-benchmark"
	c := filesCorpus(t, "ferries",
		long+"_01.txt", quote("the crossings they were promised years ago"),
		long+"_02.txt", quote("all the crossings they were promised"),
	)
	m := press(newModel(t, c, 100, 30), "2")
	var heads []string
	for _, l := range screenLines(m) {
		_, detail, _ := strings.Cut(l, "│")
		if d := strings.TrimSpace(detail); strings.HasPrefix(d, "long") {
			heads = append(heads, d)
		}
	}
	heads = heads[max(len(heads)-2, 0):] // the wordings', below the legend
	if len(heads) != 2 || !strings.Contains(heads[0], "_01") || !strings.Contains(heads[1], "_02") {
		t.Errorf("the wordings' outlets %q do not tell the two apart:\n%s", heads, screen(m))
	}
}

// TestCompareHeaderWideNamesFit is a regression test: outlets named
// alike in wide characters were cut in the middle to a label a cell
// wider than their room, when the end kept began inside a character,
// so the compare header ran two cells past the screen at these widths.
func TestCompareHeaderWideNamesFit(t *testing.T) {
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday.\n"
	c := filesCorpus(t, "ferries",
		"東京新聞東京新聞東京新聞東京新聞東京新聞東京新聞-01.txt", text,
		"東京新聞東京新聞東京新聞東京新聞東京新聞東京新聞-02.txt", text+"\nThe council will meet again in March.\n",
	)
	for _, width := range []int{69, 81, 109} {
		m := newModel(t, c, width, 20)
		for i, l := range screenLines(m) {
			if w := textWidth(l); w > width {
				t.Errorf("at %d columns, line %d is %d wide:\n%s", width, i, w, screen(m))
				break
			}
		}
	}
}

// TestMatrixWideNamesFit is a regression test: in the matrix at 60
// columns, three outlets named alike in wide characters were cut in the
// middle to column heads a cell wider than their cells, and padding them
// to the cell's width panicked the reader (a negative repeat count).
func TestMatrixWideNamesFit(t *testing.T) {
	text := "Harbour council approves new ferry timetable\n\nThe harbour council approved a new ferry timetable for the islands on Monday.\n"
	more := text + "\nThe council will meet again in March.\n"
	c := filesCorpus(t, "ferries",
		"a東京新聞東京新聞-01.txt", text,
		"a東京新聞東京新聞-02.txt", more,
		"a東京新聞東京新聞-03.txt", more+"\nThe ferry sails at dawn.\n",
	)
	const width = 60
	m := press(newModel(t, c, width, 30), "3")
	for i, l := range screenLines(m) {
		if w := textWidth(l); w > width {
			t.Errorf("line %d is %d wide:\n%s", i, w, screen(m))
			break
		}
	}
}

// TestListTellsOutletsApart is a regression test: the list cut outlets
// named alike ("longbench-multinews-0018_01", "…_02") to one label,
// "longbench-multinews…", above every article of the story, though the
// headings over them, the comparison's header and the story's views
// told them apart.
func TestListTellsOutletsApart(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {60, 20}, {100, 30}, {160, 45}} {
		m := press(newModel(t, apartCorpus(t), size[0], size[1]), "tab")
		var outlets []string
		for _, l := range screenLines(m)[1 : size[1]-2] { // the list, not its header nor the bars
			list, _, _ := strings.Cut(l, "│") // the list, left of its border
			// Not a heading, nor an article's title line.
			if strings.TrimSpace(list) != "" && !strings.Contains(list, " · 2") && !strings.Contains(list, "Harbour") {
				outlets = append(outlets, strings.TrimSpace(list))
			}
		}
		if len(outlets) < 2 {
			t.Fatalf("%dx%d: %d outlets listed:\n%s", size[0], size[1], len(outlets), screen(m))
		}
		for _, o := range outlets {
			if !strings.Contains(o, "_0") {
				t.Errorf("%dx%d: the outlet listed as %q is not told apart from the others of its story:\n%s", size[0], size[1], o, screen(m))
			}
		}
	}
}
