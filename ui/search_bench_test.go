package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
)

// hugePairSize is the size of each article of hugePair: the reader's
// largest pair in practice.
const hugePairSize = 3_400_000

// hugePair is a reader at 160×45 comparing two 3.4 MB articles: the
// texts of the multinews articles concatenated, the first in file order,
// the second with the odd files before the even ones.
func hugePair(b testing.TB) Model {
	return multinewsPair(b, func(sb *strings.Builder) bool { return sb.Len() > hugePairSize })
}

// newsPairWords is the length of each article of newsPair, in words.
const newsPairWords = 50_000

// newsPair is hugePair with articles of newsPairWords words each, a
// 100,000-word pair: long enough to be laid out and searched off the UI
// goroutine, short enough for its layout to keep its lines.
func newsPair(b testing.TB) Model {
	return multinewsPair(b, func(sb *strings.Builder) bool { return len(strings.Fields(sb.String())) > newsPairWords })
}

// multinewsPair is a reader at 160×45 comparing two articles made of the
// texts of the multinews articles, the first in file order, the second
// with the odd files before the even ones, each until full reports the
// article long enough.
func multinewsPair(b testing.TB, full func(*strings.Builder) bool) Model {
	// The shared data sits beside the repository, as the corpus's tests
	// find it.
	dir := filepath.Join("..", "..", "shared", "corpora", "multinews")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no multinews articles in %s", dir)
	}
	var bodies []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, body, _ := strings.Cut(string(raw), "\n") // without its title
		bodies = append(bodies, strings.TrimSpace(body))
	}
	join := func(title string, order []string) string {
		var sb strings.Builder
		sb.WriteString(title + "\n\n")
		for _, t := range order {
			if full(&sb) {
				break
			}
			sb.WriteString(t + "\n\n")
		}
		return sb.String()
	}
	var shuffled []string
	for i := 1; i < len(bodies); i += 2 {
		shuffled = append(shuffled, bodies[i])
	}
	for i := 0; i < len(bodies); i += 2 {
		shuffled = append(shuffled, bodies[i])
	}
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"a.txt": {Data: []byte(join("Everything the wires said, part one", bodies))},
		"b.txt": {Data: []byte(join("Everything the wires said, part two", shuffled))},
	}, "huge")
	if err != nil {
		b.Fatal(err)
	}
	return newModelOpts(b, c, 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
}

// BenchmarkSearchKeyHuge is one key typed into the search of hugePair,
// from the key to the screen: Update and View. The search itself runs in
// the command Update returns, off the UI goroutine, and is not counted.
func BenchmarkSearchKeyHuge(b *testing.B) {
	m := press(hugePair(b), "/")
	keys := []tea.Msg{keyMsg("t"), keyMsg("h"), keyMsg("e"), keyMsg("backspace"), keyMsg("backspace"), keyMsg("backspace")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m = updateModel(m, keys[i%len(keys)])
		_ = m.View()
		i++
	}
}

// BenchmarkToggleModeHuge is v on hugePair, side by side to inline and
// back. key is from the key to the screen, Update and View, the layout
// being made in the command Update returns (run outside the timer);
// switch is until the other mode is on screen, that command included.
func BenchmarkToggleModeHuge(b *testing.B) {
	m := hugePair(b)
	v := keyMsg("v")
	b.Run("key", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			tm, cmd := m.Update(v)
			m = tm.(Model)
			_ = m.View()
			b.StopTimer()
			m = runCmd(m, cmd)
			b.StartTimer()
		}
	})
	b.Run("switch", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m = send(m, v)
			_ = m.View()
		}
	})
}

// BenchmarkResizeSearchingHuge is a resize of hugePair, between two
// widths, while a search query is set: Update and View, on the UI
// goroutine. The layout and the search of the new width are made in the
// command Update returns, run outside the timer.
func BenchmarkResizeSearchingHuge(b *testing.B) {
	m := press(hugePair(b), "/")
	m = typeText(m, "the")
	m = press(m, "enter")
	sizes := []tea.WindowSizeMsg{{Width: 150, Height: 45}, {Width: 160, Height: 45}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		tm, cmd := m.Update(sizes[i%len(sizes)])
		m = tm.(Model)
		_ = m.View()
		b.StopTimer()
		m = runCmd(m, cmd)
		b.StartTimer()
		i++
	}
}

// BenchmarkSearchInlineLong is the search of a long pair inline for a
// query typed anew, as it runs off the UI goroutine while the reader
// waits for its first match: a letter, a word, and two words that a
// change in one article interrupts inline. The pairs are newsPair, and
// two articles of newsPairWords words of two outlets each: the first
// article of each multinews story, and the second. cpu-ms/op is the
// process's CPU time, steadier than the time on a busy machine; kept-B
// the heap that a search's result holds, which the layout keeps while
// its query is in effect (its matches drawn and its hits).
func BenchmarkSearchInlineLong(b *testing.B) {
	for _, pair := range []struct {
		name string
		m    func(testing.TB) Model
	}{{"shuffled", newsPair}, {"outlets", outletsPair}} {
		b.Run(pair.name, func(b *testing.B) {
			m := press(pair.m(b), "v")
			p := m.compare.pane
			if p.Mode() != inline || p.lay == nil {
				b.Fatalf("in mode %v, want inline", p.Mode())
			}
			for _, q := range []string{"e", "the", "hillary clinton"} {
				b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
					b.ReportAllocs()
					cpu := cpuTime()
					for b.Loop() {
						if res := p.lay.newSearch(q, p.painter, nil).run(); len(res.hits) == 0 {
							b.Fatalf("no match for %q", q)
						}
					}
					b.ReportMetric(float64(cpuTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
					before := liveHeap()
					res := p.lay.newSearch(q, p.painter, nil).run()
					b.ReportMetric(float64(liveHeap()-before), "kept-B")
					runtime.KeepAlive(res)
				})
			}
		})
	}
}

// cpuTime returns the CPU time the process has used, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// outletsPair is a reader at 160×45 comparing two articles of
// newsPairWords words each, made of the multinews stories' articles:
// the first of each story, and the second, as two outlets would tell the
// same stories.
func outletsPair(b testing.TB) Model {
	dir := filepath.Join("..", "..", "shared", "corpora", "multinews")
	join := func(title, name string) string {
		files, err := filepath.Glob(filepath.Join(dir, "*", name))
		if err != nil || len(files) == 0 {
			b.Skipf("no multinews articles in %s", dir)
		}
		var sb strings.Builder
		sb.WriteString(title + "\n\n")
		words := 0
		for _, f := range files {
			if words > newsPairWords {
				break
			}
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			_, body, _ := strings.Cut(string(raw), "\n") // without its title
			words += len(strings.Fields(body))
			sb.WriteString(strings.TrimSpace(body) + "\n\n")
		}
		return sb.String()
	}
	c, _, err := corpus.LoadFS(fstest.MapFS{
		"a.txt": {Data: []byte(join("Every story, one outlet", "01.txt"))},
		"b.txt": {Data: []byte(join("Every story, another", "02.txt"))},
	}, "outlets")
	if err != nil {
		b.Fatal(err)
	}
	return newModelOpts(b, c, 160, 45, Options{Renderer: renderer(termenv.TrueColor)})
}

// BenchmarkStarSideBySide lays newsPair out side by side with the matches
// of a query starred, as a search does where the terminal shows no
// attributes (see searchResult.starred): a letter, and a word.
func BenchmarkStarSideBySide(b *testing.B) {
	benchStar(b, sideBySide, false, "side by side, cells searched each article's text apart")
}

// BenchmarkStarInline is BenchmarkStarSideBySide inline, where the cells
// that draw the two articles' texts together are starred by their side
// runs, worked out once for the layout and the starring alike.
func BenchmarkStarInline(b *testing.B) {
	benchStar(b, inline, true, "inline, no cell searched each article's text apart")
}

// benchStar lays newsPair out in md with the matches of a query starred,
// and fails with why unless some cell searched each article's text apart
// exactly when apart.
func benchStar(b *testing.B, md mode, apart bool, why string) {
	m := newsPair(b)
	p := m.compare.pane
	for _, q := range []string{"e", "the"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if lay := buildLayoutStarred(p.cmp, 160, md, false, p.marks, q); (lay.starredApart != 0) != apart {
					b.Fatal(why)
				}
			}
		})
	}
}

// BenchmarkReopenedPairStats is the stats of a pair of two 700 KB
// articles (hugePair's, shorter), past lazyCellBytes, got as opening it
// again gets them once the pair the other way round was shown, and its
// layout let go: read from the comparison, which counted them as it was
// made (it was 3 ms to count them again).
func BenchmarkReopenedPairStats(b *testing.B) {
	m := multinewsPair(b, func(sb *strings.Builder) bool { return sb.Len() > 700<<10 })
	c := m.compare.pane.cmp
	if !longComparison(c) {
		b.Fatalf("%d bytes: the pair wraps eagerly", len(c.Left.Raw)+len(c.Right.Raw))
	}
	m = send(m, setPairMsg{left: c.Right, right: c.Left})
	if p := m.compare.pane; p.cmp == c || p.keepsLayout(c) {
		b.Fatal("the pair's layout is kept: the benchmark needs it let go")
	}
	b.ReportAllocs()
	for b.Loop() {
		if c.Stats().Paired == 0 {
			b.Fatal("no passage paired")
		}
	}
}
