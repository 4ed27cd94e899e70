package serve

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/cli"
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

// startReader starts a server for t the way `newsdiff serve` does: the
// real reader and the real commands over the embedded corpus, through
// ForCorpus, with a comparison cache of its own.
func startReader(t testing.TB, cfg Config) *testServer {
	t.Helper()
	return serveConfig(t, ForCorpus(cfg, seed(t), analysis.NewCache(), nil))
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

// localRun runs a command the way the newsdiff command does on the machine
// itself (the same corpus, files allowed, output not a terminal) and returns
// what it printed.
func localRun(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = cli.Run(context.Background(), args, cli.Env{
		Corpus: seed(t),
		Cache:  analysis.NewCache(),
		Files:  true,
		Stdout: &out,
		Stderr: &errOut,
	})
	return out.String(), errOut.String(), status
}

// TestNewsdiffExec checks that a command run over SSH prints exactly what
// the same command prints locally, byte for byte, with the same exit status.
func TestNewsdiffExec(t *testing.T) {
	ts := startReader(t, Config{})
	for _, args := range [][]string{
		{"diff", "003", "004", "--format", "plain"},
		{"diff", "003", "004", "--format", "json"},
		{"diff", "003", "004"},                            // plain: the output is not a terminal
		{"diff", "Al Jazeera", "trt", "--format", "ansi"}, // outlets by name and by prefix
		{"list"},
		{"list", "--format", "json"},
		{"matrix"},
		{"matrix", "--format", "json"},
		{"unique"},
	} {
		cmd := shellQuote(args)
		t.Run(cmd, func(t *testing.T) {
			wantOut, wantErr, wantStatus := localRun(t, args...)
			if wantStatus != 0 || wantOut == "" {
				t.Fatalf("locally: status %d, stdout %q, stderr %q; want output and status 0", wantStatus, wantOut, wantErr)
			}
			stdout, stderr, status := ts.run(t, cmd)
			if stdout != wantOut {
				t.Errorf("stdout over SSH differs from the local command's (%d bytes, want %d):\n%s", len(stdout), len(wantOut), firstDiff(stdout, wantOut))
			}
			if stderr != wantErr || status != wantStatus {
				t.Errorf("stderr %q, status %d; want %q, %d", stderr, status, wantErr, wantStatus)
			}
		})
	}
}

// TestNewsdiffExecNoFiles checks that commands over SSH cannot name the
// server's files or directories, and that nothing of them reaches the
// client; and that the command's own usage errors still get through.
func TestNewsdiffExecNoFiles(t *testing.T) {
	ts := startReader(t, Config{})
	// Lines of files a leak would show, where the machine has them.
	secrets := make(map[string]string) // line → file
	for _, path := range []string{"/etc/passwd", "/etc/hostname", "/etc/os-release"} {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for line := range strings.Lines(string(data)) {
			if line = strings.TrimSpace(line); len(line) >= 8 {
				secrets[line] = path
			}
		}
	}
	tests := []struct {
		cmd        string
		wantStderr string
		wantStatus int
	}{
		{"list /etc", "newsdiff list: naming a directory or file is not allowed here\n", 1},
		{"matrix /etc", "newsdiff matrix: naming a directory or file is not allowed here\n", 1},
		{"diff --dir /etc 003 004", "newsdiff diff: naming a directory or file is not allowed here\n", 1},
		{"diff 003 004 /etc", "newsdiff diff: naming a directory or file is not allowed here\n", 1},
		{"diff /etc/passwd /etc/hostname", `newsdiff diff: no article with id or outlet "/etc/passwd" (try: newsdiff list)` + "\n", 1},
		{"serve", `newsdiff: unknown command "serve"; available: ` + strings.Join(cli.Commands, ", ") + "\n", 1},
		{"cat /etc/passwd", `newsdiff: unknown command "cat"; available: ` + strings.Join(cli.Commands, ", ") + "\n", 1},
	}
	for _, tc := range tests {
		t.Run(tc.cmd, func(t *testing.T) {
			stdout, stderr, status := ts.run(t, tc.cmd)
			for line, path := range secrets {
				if strings.Contains(stdout+stderr, line) {
					t.Fatalf("the output shows lines of the server's %s (%d bytes on stdout, %d on stderr)", path, len(stdout), len(stderr))
				}
			}
			if stdout != "" || stderr != tc.wantStderr || status != tc.wantStatus {
				t.Errorf("status %d, stdout %q, stderr %q\nwant %d, no stdout, stderr %q", status, stdout, stderr, tc.wantStatus, tc.wantStderr)
			}
		})
	}
	t.Run("usage errors pass through", func(t *testing.T) {
		wantOut, wantErr, wantStatus := localRun(t, "diff", "003")
		stdout, stderr, status := ts.run(t, "diff 003")
		if stdout != wantOut || stderr != wantErr || status != wantStatus || status != cli.ExitUsage {
			t.Errorf("status %d, stdout %q, stderr %q\nwant %d, %q, %q", status, stdout, stderr, wantStatus, wantOut, wantErr)
		}
	})
}

// TestReaderEndsCleanly checks that the real reader is ended by the idle
// timer and by shutdown like any model: the alternate screen is left, the
// client is told why, and the exit status is 1.
func TestReaderEndsCleanly(t *testing.T) {
	t.Run("idle timeout", func(t *testing.T) {
		ts := startReader(t, Config{IdleTimeout: time.Second})
		tt := ts.openTTY(t, "xterm-256color", 120, 30)
		tt.waitScreen("the idle message on the normal screen", func(s screen) bool {
			return strings.Contains(s.text(), "without input") && !strings.Contains(s.text(), "Swell Digest")
		})
		if got := tt.wait(); got != 1 {
			t.Errorf("exit status %d, want 1", got)
		}
		if shown := ansi.Strip(tt.out.String()); !containsAll(shown, outlets) {
			t.Errorf("the reader never showed the article list before the idle timeout:\n%s", shown)
		}
		tt.hangUp()
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

// shellQuote joins args, none of which holds a quote, into a command line
// that the server splits back into args.
func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if strings.Contains(a, " ") {
			a = "'" + a + "'"
		}
		q[i] = a
	}
	return strings.Join(q, " ")
}

// firstDiff shows where got first differs from want.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-40, 0)
	return fmt.Sprintf("at byte %d:\n got …%q\nwant …%q", i, got[from:min(i+40, len(got))], want[from:min(i+40, len(want))])
}
