package ui

import (
	"context"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"golang.org/x/sys/unix"
)

// archiveEnv names an indexed archive for the benchmarks of the reader on
// an archive: scripts/archivegen makes one of any size from
// ../shared/corpora/multinews, and newsdiff index indexes it.
const archiveEnv = "NEWSDIFF_BENCH_ARCHIVE"

// benchArchive returns a reader at 160×45 on the archive archiveEnv
// names, with its listing, or skips.
func benchArchive(b *testing.B) (Model, *archive.Listing) {
	dir := os.Getenv(archiveEnv)
	if dir == "" {
		b.Skipf("%s is not set: make an archive with scripts/archivegen and index it", archiveEnv)
	}
	ar, err := archive.Open(context.Background(), dir, archive.Options{NoRefresh: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ar.Close() })
	lib := ar.Listing(0)
	m := New(lib.Corpus(), analysis.NewCache(), Options{Renderer: renderer(termenv.TrueColor)})
	m.lib = lib
	m.install(lib.Corpus(), nil)
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	return tm.(Model), lib
}

// reportPercentiles reports the median, 99th percentile and worst of ds.
func reportPercentiles(b *testing.B, ds []time.Duration) {
	slices.Sort(ds)
	at := func(q float64) float64 { return float64(ds[int(q*float64(len(ds)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(1), "max-ms")
}

// BenchmarkArchiveOpenPair opens random pairs of an archive's articles
// cold, as the reader does when a pair is picked: both articles read from
// their files and segmented, compared, laid out (a long pair by the work
// its command does) and painted, then the first View. The work the pick
// also starts in the background (the similarities in the list, the
// story's analysis) is left out: it does not hold the pair back. It reports the wall time (p50-ms, p99-ms,
// max-ms) and, as the machine's load makes the tail of wall time mostly
// waiting for a processor, the CPU time of the thread doing the work
// (cpu-p50-ms, cpu-p99-ms), the comparison done on that thread rather
// than in compareCmd's goroutine.
func BenchmarkArchiveOpenPair(b *testing.B) {
	m, _ := benchArchive(b)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	r := rand.New(rand.NewPCG(5, 6))
	var ds, cpu []time.Duration
	for b.Loop() {
		left := m.articles[r.IntN(len(m.articles))]
		right := m.articles[r.IntN(len(m.articles))]
		if left == right {
			continue
		}
		start, startCPU := time.Now(), threadCPU()
		tm, _ := m.Update(setPairMsg{left: left, right: right})
		m = tm.(Model)
		if m.pending.active() {
			msg := comparedMsg{gen: m.pending.gen, left: left, right: right}
			text := m.textReader()
			l, err := text(m.ctx, left)
			if err == nil {
				var r *corpus.Article
				if r, err = text(m.ctx, right); err == nil {
					msg.c, err = m.cache.Compare(m.ctx, l, r)
				}
			}
			msg.err = err
			tm, _ = m.Update(msg)
			m = tm.(Model)
			if m.pending.active() {
				// A long pair is laid out by a command before it shows
				// (layOutCmd): that work, on this thread here, as the
				// comparison's is, is opening it too.
				work := m.compare.LayoutWork(msg.c, m.pairMarks(left, right), nil)
				msg.made = work(func() bool { return false })
				tm, _ = m.Update(msg)
				m = tm.(Model)
			}
		}
		_ = m.View()
		ds = append(ds, time.Since(start))
		cpu = append(cpu, threadCPU()-startCPU)
		if c := m.compare.Comparison(); c == nil || m.listed(c.Left) != left {
			b.Fatalf("%s and %s not compared: %s", left.ID, right.ID, m.flash)
		}
	}
	reportPercentiles(b, ds)
	slices.Sort(cpu)
	b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds())/1000, "cpu-p50-ms")
	b.ReportMetric(float64(cpu[(len(cpu)-1)*99/100].Microseconds())/1000, "cpu-p99-ms")
}

// threadCPU is the CPU time the calling thread has used. It reads the
// thread's CPU clock: the thread's rusage counts in scheduler ticks, 4 ms
// on a common kernel, and made every pair's CPU time 0 or 4 ms.
func threadCPU() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}

// BenchmarkArchiveFilter types a word into the list's filter on an
// archive: the list narrowed by outlet, title and story at each letter
// (letter-p50-ms), then the archive's full-text search once the query
// rests, and the list of what it found (p50-ms, p99-ms, max-ms). Its
// time per op includes the rest, searchDelay.
func BenchmarkArchiveFilter(b *testing.B) {
	m, _ := benchArchive(b)
	words := []string{"president", "earthquake", "police", "election", "olympic", "hurricane", "court", "storm"}
	p := &m.compare.articles
	var typing, searching, listing []time.Duration
	i := 0
	for b.Loop() {
		w := words[i%len(words)]
		i++
		p.setFilter("")
		start := time.Now()
		var cmd tea.Cmd
		for n := 1; n <= len(w); n++ {
			cmd = p.setFilter(w[:n])
		}
		typing = append(typing, time.Since(start)/time.Duration(len(w)))
		due := cmd().(filterDueMsg) // waits searchDelay
		searchStart := time.Now()
		found := p.handleSearch(due)().(filterFoundMsg)
		listStart := time.Now()
		p.handleSearch(found)
		searching = append(searching, time.Since(searchStart))
		listing = append(listing, time.Since(listStart))
	}
	reportPercentiles(b, searching)
	slices.Sort(listing)
	b.ReportMetric(float64(listing[len(listing)/2].Microseconds())/1000, "list-p50-ms")
	slices.Sort(typing)
	b.ReportMetric(float64(typing[len(typing)/2].Microseconds())/1000, "letter-p50-ms")
	b.ReportMetric(float64(typing[len(typing)-1].Microseconds())/1000, "letter-max-ms")
}

// BenchmarkArchiveListKey moves the cursor through an archive's list, j
// then k, with the list on a screen to itself (80×45), Update and View:
// the status bar's "article 12/10100" among them.
func BenchmarkArchiveListKey(b *testing.B) {
	m, _ := benchArchive(b)
	m = press(send(m, tea.WindowSizeMsg{Width: 80, Height: 45}), "tab")
	if !m.compare.listAlone() {
		b.Fatal("the list does not have the screen to itself")
	}
	pressInTurn(b, m, "j", "k")
}
