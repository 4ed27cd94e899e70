package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEnd builds the newsdiff binary and drives it in a real
// terminal: tmux, at a fixed size, on the embedded corpus. It sends keys
// as a reader would and reads the screen back with capture-pane.
func TestEndToEnd(t *testing.T) {
	dir, bin := buildForTmux(t)

	tm := startTmux(t, dir, 120, 40, bin)
	tm.waitFor("the first comparison", func(s string) bool {
		return strings.Contains(s, "COMPARE") && strings.Contains(s, "Swell Digest") && strings.Contains(s, "Hacked.com")
	})

	// Pick Al Jazeera for the left and TRT World for the right.
	tm.send("Tab", "j", "j", "j", "Enter")
	tm.waitFor("the prompt for the right side", func(s string) bool { return strings.Contains(s, "pick the right side") })
	tm.send("j", "Enter")
	tm.waitFor("Al Jazeera vs TRT World", func(s string) bool {
		first := firstLineOf(s)
		return strings.Contains(first, "━━ Al Jazeera") && strings.Contains(first, "━━ TRT World")
	})

	// The next change is marked, and the status bar counts it.
	tm.send("n", "n")
	tm.waitFor("change 2", func(s string) bool { return strings.Contains(s, "change 2/") && strings.Contains(s, "▸") })

	// Search, and walk the matches.
	tm.send("/")
	tm.sendText("Putin")
	tm.send("Enter")
	tm.waitFor("a match for Putin", func(s string) bool { return strings.Contains(s, "/Putin · match 1/") })
	tm.send("n")
	tm.waitFor("the second match", func(s string) bool { return strings.Contains(s, "/Putin · match 2/") })
	// Scrolled away from, the match is no longer the one the bar names,
	// and n goes on from the screen: at the end, to a match there.
	tm.send("G")
	tm.waitFor("the matches counted at the end", func(s string) bool {
		return strings.Contains(s, "/Putin · 7 matches") && strings.Contains(s, "· end")
	})
	tm.send("n")
	tm.waitFor("a match at the end", func(s string) bool {
		return strings.Contains(s, "/Putin · match 6/") && strings.Contains(s, "· end")
	})
	tm.send("Escape")
	tm.waitFor("the search cleared", func(s string) bool { return !strings.Contains(s, "/Putin") })

	// Inline mode: both outlets in the header, one above the other.
	tm.send("v")
	tm.waitFor("inline mode", func(s string) bool {
		lines := strings.Split(s, "\n")
		return len(lines) > 1 && strings.Contains(lines[0], "━━ Al Jazeera ·") && strings.Contains(lines[1], "━━ TRT World ·")
	})
	tm.send("v", "s")
	tm.waitFor("the sides swapped", func(s string) bool {
		first := firstLineOf(s)
		return strings.Contains(first, "TRT World") && strings.Index(first, "TRT World") < strings.Index(first, "Al Jazeera")
	})
	tm.send("]")
	tm.waitFor("a new right outlet", func(s string) bool { return strings.Contains(s, "on the right") })

	tm.send("?")
	tm.waitFor("the full help", func(s string) bool {
		return strings.Contains(s, "down half a page") && strings.Contains(s, "swap the sides")
	})
	tm.send("Escape")

	// Resizing re-wraps; too small a terminal says so; growing back
	// restores the reader.
	tm.resize(70, 20)
	tm.waitFor("one pane at 70 columns", func(s string) bool {
		return !strings.Contains(s, "Articles") && strings.Contains(s, "COMPARE") && maxWidth(s) <= 70
	})
	tm.resize(50, 10)
	tm.waitFor("the too-small message", func(s string) bool {
		return strings.Contains(strings.Join(strings.Fields(s), " "), "terminal too small (need 40×12)")
	})
	tm.resize(120, 40)
	tm.waitFor("both panes again", func(s string) bool { return strings.Contains(s, "Articles") && strings.Contains(s, "COMPARE") })

	// The matrix: move the cursor off the diagonal and open the pair. It
	// opens on the pair being compared, TRT World's row: to the top row,
	// then down one, and to the first column, then right two.
	tm.send("3")
	tm.waitFor("the matrix", func(s string) bool { return strings.Contains(s, "MATRIX") && strings.Contains(s, "100% · 100%") })
	tm.waitFor("the cursor on the pair's row", func(s string) bool { return strings.Contains(s, "MATRIX  TRT World → ") })
	tm.send("g", "j", "h", "h", "h", "h", "l", "l")
	tm.waitFor("the cursor on Hacked.com → Press TV", func(s string) bool { return strings.Contains(s, "Hacked.com → Press TV") })
	tm.send("Enter")
	tm.waitFor("Hacked.com vs Press TV", func(s string) bool {
		first := firstLineOf(s)
		i, j := strings.Index(first, "━━ Hacked.com"), strings.Index(first, "━━ Press TV")
		return strings.Contains(s, "COMPARE") && i >= 0 && j > i
	})

	// The quotes: Trump's, in all five outlets, comes first.
	tm.send("2")
	tm.waitFor("the quotes", func(s string) bool {
		return strings.Contains(s, "QUOTES") && strings.Contains(s, "“Russia, if you’re listening") && strings.Contains(s, "5 outlets")
	})
	tm.send("Enter", "j")
	tm.waitFor("the wordings", func(s string) bool { return strings.Contains(s, "esc back to the list") })

	// The passages, then back to the comparison.
	tm.send("4")
	tm.waitFor("the passages", func(s string) bool {
		return strings.Contains(s, "PASSAGES") && strings.Contains(s, "Only one outlet reports")
	})
	tm.send("1")
	tm.waitFor("the comparison again", func(s string) bool { return strings.Contains(s, "COMPARE") })

	tm.send("q")
	tm.waitExit()
}

func firstLineOf(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

func maxWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, textWidth(strings.TrimRight(l, " ")))
	}
	return w
}

// tmuxSession is a program running in a tmux server of its own, so the
// test neither sees nor disturbs anyone else's sessions or configuration.
// The pane stays after the program exits, so a crash leaves its last
// words on the screen for the failure message.
type tmuxSession struct {
	t      *testing.T
	socket string
	config string
}

func startTmux(t *testing.T, dir string, width, height int, command ...string) *tmuxSession {
	tm := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock"), config: filepath.Join(dir, "tmux.conf")}
	if err := os.WriteFile(tm.config, []byte("set -g remain-on-exit on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"new-session", "-d", "-s", "e2e", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height),
		// CI=… makes termenv take the terminal for a log and drop colour;
		// the reader under test runs in a real terminal, whatever runs it.
		"env", "-u", "CI", "-u", "NO_COLOR", "TERM=xterm-256color", "COLORTERM=truecolor"}, command...)
	tm.run(args...)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmuxSession) run(args ...string) string {
	tm.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tm.socket, "-f", tm.config}, args...)...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// send sends keys by tmux's names ("Enter", "Tab", "Escape", or a letter).
func (tm *tmuxSession) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.run("send-keys", "-t", "e2e", k)
	}
}

// sendText types s literally.
func (tm *tmuxSession) sendText(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "e2e", "-l", s)
}

func (tm *tmuxSession) resize(width, height int) {
	tm.t.Helper()
	tm.run("resize-window", "-t", "e2e", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height))
}

func (tm *tmuxSession) capture() string {
	tm.t.Helper()
	return tm.run("capture-pane", "-p", "-t", "e2e")
}

// waitFor polls the screen until ok holds, failing with the last screen
// after screenWait.
func (tm *tmuxSession) waitFor(what string, ok func(string) bool) {
	tm.t.Helper()
	deadline := time.Now().Add(screenWait)
	var s string
	for time.Now().Before(deadline) {
		s = tm.capture()
		if ok(s) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("waiting for %s; the screen shows:\n%s", what, s)
}

// screenWait is how long waitFor and waitExit wait before failing. It
// bounds only a failing test: a reader built with the race detector on a
// machine busy with other tests took over 10 s to show its first
// comparison.
const screenWait = 30 * time.Second

// waitExit waits for the program to end.
func (tm *tmuxSession) waitExit() {
	tm.t.Helper()
	deadline := time.Now().Add(screenWait)
	for time.Now().Before(deadline) {
		if strings.TrimSpace(tm.run("display-message", "-p", "-t", "e2e", "#{pane_dead}")) == "1" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the program did not exit; the screen shows:\n%s", tm.capture())
}

// buildForTmux skips t in -short mode or without tmux; otherwise it
// builds the newsdiff binary into a new folder and returns both.
func buildForTmux(t *testing.T) (dir, bin string) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: skipped in -short mode (builds the binary and runs it in tmux)")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("end-to-end: tmux is not installed")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "newsdiff")
	if out, err := exec.Command("go", "build", "-o", bin, "..").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir, bin
}

// TestEndToEndFormatCharacters is a regression test: a soft hyphen
// measured 0 cells in the reader and 1 in tmux, so rows with one ran past
// the edge, wrapped, and scrolled the header off the screen. Articles
// full of soft hyphens, zero-width spaces and emoji presentation selectors
// must draw within the terminal, header on the first row.
func TestEndToEndFormatCharacters(t *testing.T) {
	dir, bin := buildForTmux(t)
	shy := func(s string) string {
		var words []string
		for _, w := range strings.Fields(s) {
			if len(w) > 4 && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzACNW.") == "" {
				w = w[:2] + "\u00ad" + w[2:4] + "\u200b" + w[4:]
			}
			words = append(words, w)
		}
		return strings.Join(words, " ")
	}
	text := strings.Repeat("The committee published its assessment of the negotiations on Wednesday \u2764\ufe0f. ", 12)
	corpusDir := filepath.Join(dir, "story")
	if err := os.Mkdir(corpusDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, outlet := range []string{"First\u00adOutlet", "Second\u00adOutlet"} {
		body := fmt.Sprintf("---\noutlet: %s\ntitle: %s\n---\n\n%s\n\n%s\n", outlet, shy("Negotiations continue between committees"), shy(text), shy(text[i*10:]))
		if err := os.WriteFile(filepath.Join(corpusDir, fmt.Sprintf("%d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const width, height = 100, 30
	tm := startTmux(t, dir, width, height, bin, corpusDir)
	// The comparison's text, not the list's outlets alone: the list is
	// drawn first, and a screen caught before the comparison came has
	// no header above an empty pane.
	tm.waitFor("the comparison", func(s string) bool {
		return strings.Contains(s, "COMPARE") && strings.Contains(s, " of the ")
	})
	for _, keys := range [][]string{nil, {"v"}, {"j", "j"}} {
		tm.send(keys...)
		s := tm.capture()
		if w := maxWidth(s); w > width {
			t.Errorf("after %q a row is %d cells wide", keys, w)
		}
		if first := firstLineOf(s); !strings.Contains(first, "━━") {
			t.Errorf("after %q the header scrolled away; first row %q\n%s", keys, first, s)
		}
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		if len(lines) < 2 || !strings.Contains(lines[len(lines)-2], "COMPARE") {
			t.Errorf("after %q the status bar is not on the second row from the bottom:\n%s", keys, s)
		}
	}
	tm.send("q")
	tm.waitExit()
}

// TestEndToEndSlowComparison is a regression test: the reader aligned a
// pair inside Update, so while a long pair was compared the screen froze
// and no key, not even ctrl+c, answered. Two long articles whose sentences
// all resemble each other take seconds to align: the reader must show a
// spinner, let esc abandon the comparison, and quit on q.
func TestEndToEndSlowComparison(t *testing.T) {
	dir, bin := buildForTmux(t)
	storyDir := filepath.Join(dir, "budget")
	if err := os.Mkdir(storyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, outlet := range []string{"Alpha", "Beta"} {
		var sb strings.Builder
		fmt.Fprintf(&sb, "---\noutlet: %s\ntitle: Budget talks\n---\n\n", outlet)
		// 6,000 sentences: 2,500 took under a second to align once the
		// candidate search got faster, which a loaded machine's tmux
		// could outlast between the spinner and esc.
		for s := range 6000 {
			fmt.Fprintf(&sb, "The committee said on Wednesday that talks over the budget would continue, officials said, number %d.", s+3*i)
			if s%5 == 4 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteString(" ")
			}
		}
		if err := os.WriteFile(filepath.Join(storyDir, outlet+".txt"), []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tm := startTmux(t, dir, 120, 30, bin, storyDir)
	spinning := false
	tm.waitFor("a spinner or the comparison", func(s string) bool {
		spinning = strings.Contains(s, "comparing Alpha with Beta… esc stops")
		return spinning || strings.Contains(firstLineOf(s), "━━ Alpha")
	})
	if !spinning {
		t.Skip("the pair compared in under a second here: there was nothing to abandon")
	}
	tm.send("Escape")
	stopped := false
	tm.waitFor("the comparison abandoned", func(s string) bool {
		stopped = strings.Contains(s, "stopped comparing Alpha with Beta")
		return stopped || strings.Contains(firstLineOf(s), "━━ Alpha")
	})
	if !stopped {
		t.Skip("the pair was compared before esc arrived: there was nothing left to abandon")
	}
	tm.send("q")
	tm.waitExit()
}

// TestEndToEndStarredSearchReachesTheEnd is a regression test: with
// NO_COLOR, where matches are starred, *like this*, the starred words wrap
// into more rows, but the scroller kept the row count before, so G after
// "/a" stopped 16 rows short of the end ("row 106/130 · end" over 146
// rows); clearing that search left the window below the rows, and a swap
// after that panicked. G must show the comparison's last row, starred.
func TestEndToEndStarredSearchReachesTheEnd(t *testing.T) {
	dir, bin := buildForTmux(t)
	tm := startTmux(t, dir, 120, 30, "NO_COLOR=1", bin)
	tm.waitFor("the first comparison", func(s string) bool {
		return strings.Contains(s, "COMPARE") && strings.Contains(s, "Swell Digest")
	})
	tm.send("/")
	tm.sendText("a")
	tm.send("Enter")
	tm.waitFor("the matches of a", func(s string) bool { return strings.Contains(s, "/a · match 1/") })
	tm.send("G")
	tm.waitFor("the last row, starred", func(s string) bool {
		return strings.Contains(s, "· end") && strings.Contains(s, "Sh*a*re Story")
	})
}
