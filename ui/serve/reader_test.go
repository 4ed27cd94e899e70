package serve

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui"
)

// seedStory names the embedded corpus's story, as the newsdiff command does.
const seedStory = "Trump asks Russia to find Clinton's emails (July 2016)"

// outlets are the embedded corpus's outlets in the order the reader lists
// them.
var outlets = []string{"Swell Digest", "Hacked.com", "Press TV", "Al Jazeera", "TRT World"}

var (
	seedOnce   sync.Once
	seedCorpus *corpus.Corpus
	seedErr    error
)

// seed returns the embedded corpus, loaded once. It is only read, by any
// number of servers and tests at once.
func seed(t testing.TB) *corpus.Corpus {
	t.Helper()
	seedOnce.Do(func() { seedCorpus, seedErr = loadSeed() })
	if seedErr != nil {
		t.Fatalf("loading the embedded corpus: %v", seedErr)
	}
	return seedCorpus
}

// loadSeed loads the embedded corpus, which has no problems to report.
func loadSeed() (*corpus.Corpus, error) {
	c, problems, err := corpus.LoadFS(articles.FS, seedStory)
	if err == nil && len(problems) > 0 {
		err = problems[0]
	}
	return c, err
}

// startReader starts a server for t that runs the real reader over the
// embedded corpus, as `newsdiff serve` does, and testExec for commands.
func startReader(t testing.TB, cfg Config) *testServer {
	t.Helper()
	return serveConfig(t, readerConfig(cfg, seed(t)))
}

// readerConfig sets cfg up to run the real reader over c with a comparison
// cache of its own, as the newsdiff command's cli.ServeConfig does, and
// testExec for commands. The real commands over SSH are the cli package's
// to test: it imports this one, so this one's tests cannot import it.
func readerConfig(cfg Config, c *corpus.Corpus) Config {
	cache := analysis.NewCache()
	cfg.NewModel = func(_ context.Context, r *lipgloss.Renderer, _, _ int) tea.Model {
		return ui.New(c, cache, ui.Options{Renderer: r, NoColor: r.ColorProfile() == termenv.Ascii})
	}
	if cfg.Exec == nil {
		cfg.Exec = testExec
	}
	cfg.ProgramOptions = append(cfg.ProgramOptions, tea.WithMouseCellMotion())
	cfg.ExactFrames = true
	cfg.CorpusSize = "the embedded story"
	return cfg
}

// listing is what the reader's articles pane shows.
type listing struct {
	outlets     []string // in the order listed
	selected    string   // the outlet under the cursor
	left, right string   // the outlets marked L and R
}

// articleList reads the articles pane off a screen. The pane is the left
// column, up to the first "│", when its heading is on the first row; each
// article's first row is a cursor bar (▌ on the selected one), a side mark
// (L, R or blank), a space and the outlet.
func articleList(s screen) listing {
	var l listing
	if len(s.rows) == 0 {
		return l
	}
	head, _, _ := strings.Cut(s.rows[0], "│")
	if !strings.Contains(head, "Articles") && !strings.Contains(head, "pick the right side") {
		return l // the articles pane is not on the screen
	}
	for _, row := range s.rows[1:] {
		pane, _, _ := strings.Cut(row, "│")
		r := []rune(pane)
		if len(r) < 4 || !strings.ContainsRune("▌ ", r[0]) || !strings.ContainsRune("LR ", r[1]) || r[2] != ' ' {
			continue
		}
		rest := string(r[3:])
		for _, o := range outlets {
			if !strings.HasPrefix(rest, o) {
				continue
			}
			l.outlets = append(l.outlets, o)
			if r[0] == '▌' {
				l.selected = o
			}
			switch r[1] {
			case 'L':
				l.left = o
			case 'R':
				l.right = o
			}
		}
	}
	return l
}

// listsAll reports whether the articles pane lists every outlet in order.
func listsAll(s screen) bool { return slices.Equal(articleList(s).outlets, outlets) }

// selected returns a screen test for the articles pane's cursor on outlet.
func selected(outlet string) func(screen) bool {
	return func(s screen) bool { return articleList(s).selected == outlet }
}

// comparing returns the outlets the comparison's header (the first row)
// names, left first.
func comparing(s screen) (left, right string) {
	if len(s.rows) == 0 {
		return "", ""
	}
	type named struct {
		at     int
		outlet string
	}
	var found []named
	for _, o := range outlets {
		if i := strings.Index(s.rows[0], o); i >= 0 {
			found = append(found, named{i, o})
		}
	}
	if len(found) != 2 {
		return "", ""
	}
	slices.SortFunc(found, func(a, b named) int { return a.at - b.at })
	return found[0].outlet, found[1].outlet
}

// isComparing returns a screen test for a comparison of left with right.
func isComparing(left, right string) func(screen) bool {
	return func(s screen) bool {
		l, r := comparing(s)
		return l == left && r == right
	}
}

// status returns the reader's status bar, the row above the help line, and
// how wide it was drawn.
func status(s screen) (text string, width int) {
	if len(s.rows) < 2 {
		return "", 0
	}
	i := len(s.rows) - 2
	return s.rows[i], s.drawn[i]
}

// TestReaderEndsCleanly checks that the real reader is ended by the idle
// timer and by shutdown like any model: the alternate screen is left, the
// client is told why, and the exit status is 1.
func TestReaderEndsCleanly(t *testing.T) {
	t.Run("idle timeout", func(t *testing.T) {
		ts := startReader(t, Config{IdleTimeout: time.Second})
		// A loaded machine may not draw the reader's first frame within
		// the idle timeout: the session then ends before it showed the
		// reader, and is tried again.
		tryUntil(t, "the reader to draw its list within the idle timeout", func() bool {
			tt := ts.openTTY(t, "xterm-256color", 120, 30)
			defer tt.hangUp()
			tt.waitScreen("the idle message on the normal screen", func(s screen) bool {
				return strings.Contains(s.text(), "without input") && !strings.Contains(s.text(), "Swell Digest")
			})
			if got := tt.wait(); got != 1 {
				t.Errorf("exit status %d, want 1", got)
			}
			return containsAll(ansi.Strip(tt.out.String()), outlets)
		})
	})
	t.Run("shutdown", func(t *testing.T) {
		ts := startReader(t, Config{})
		tt := ts.openTTY(t, "xterm-256color", 120, 30)
		tt.waitScreen("the article list", listsAll)
		tt.press("\tj\r") // leave it waiting for the right side
		tt.waitScreen("the prompt for the right side", func(s screen) bool {
			return strings.Contains(s.rows[0], "pick the right side")
		})
		down := make(chan struct{})
		go func() {
			defer close(down)
			ts.shutdown(t)
		}()
		tt.waitScreen("the shutdown message on the normal screen", func(s screen) bool {
			return strings.Contains(s.text(), "the server is shutting down") && !strings.Contains(s.text(), "Swell Digest")
		})
		if got := tt.wait(); got != 1 {
			t.Errorf("exit status %d, want 1", got)
		}
		tt.hangUp()
		<-down
	})
}

// TestReaderInterruptedStatus is a regression test: ctrl+c in the reader
// exits 130 on the command line, as an interrupted program does, but ended
// a session with 0, as q does. It ends it with 130 now; q still with 0.
func TestReaderInterruptedStatus(t *testing.T) {
	for _, tc := range []struct {
		keys   string
		status int
	}{
		{"\x03", 130},
		{"q", 0},
	} {
		ts := startReader(t, Config{})
		tt := ts.openTTY(t, "xterm-256color", 120, 30)
		tt.waitScreen("the article list", listsAll)
		tt.press(tc.keys)
		if got := tt.wait(); got != tc.status {
			t.Errorf("%q: exit status %d, want %d", tc.keys, got, tc.status)
		}
		tt.hangUp()
	}
}

// TestReaderHandlesInputBeforeItsEnd is a regression test: a client whose
// input ended right after some keys (printf 'jq' | ssh -tt HOST, a script
// that types and closes) had its reader killed at the end of its input,
// before it had handled the keys that came first, or drawn what they
// did: ctrl+c piped in exited 0, not 130, and the keys' frame was never
// sent. As a program reading its input ends at its end, the reader
// handles all of it, draws its last frame and then ends.
func TestReaderHandlesInputBeforeItsEnd(t *testing.T) {
	for range 5 {
		ts := startServer(t, Config{})
		tt := ts.openTTY(t, "xterm", 80, 24)
		tt.waitFor(wantInitial...)
		tt.press("\x1b[B\x1b[B") // down, down
		if err := tt.in.Close(); err != nil {
			t.Fatal(err)
		}
		if got := tt.wait(); got != 0 {
			t.Errorf("exit status after two keys and the end of input = %d, want 0", got)
		}
		if s := tt.screen(); !strings.Contains(s, "> charlie") {
			t.Fatalf("the frame after two keys was never sent; the output after the first frame:\n%s", s)
		}
		ts.waitLog(t, `reason="client ended its input"`)

		rs := startReader(t, Config{})
		rt := rs.openTTY(t, "xterm-256color", 120, 30)
		rt.waitScreen("the article list", listsAll)
		rt.press("\x03")
		if err := rt.in.Close(); err != nil {
			t.Fatal(err)
		}
		if got := rt.wait(); got != 130 {
			t.Fatalf("exit status after ctrl+c and the end of input = %d, want 130", got)
		}
	}
}
