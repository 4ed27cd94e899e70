package cli

import (
	"strconv"
	"strings"
	"testing"
)

// TestServedCommandFitsTheClientsTerminal runs matrix and list with the
// real OpenSSH client in panes of a few widths, as a person does with
// ssh -t: each shows what the local command writes to a terminal of that
// width. Served commands never learned the pty's width, so matrix wrote
// its widest table and the terminal wrapped it. Without a pty (a script,
// a pipe) they are written whole, as to a file.
func TestServedCommandFitsTheClientsTerminal(t *testing.T) {
	s := startServe(t)
	o := newOpenSSH(t, s)
	tm := newSSHTmux(t, o)
	for _, args := range [][]string{{"matrix"}, {"list"}} {
		widths := []int{60, 100}
		if args[0] == "list" {
			// list drops columns to keep its titles at 40 (see
			// TestListNarrowKeepsTheTitle), by the client's width too.
			widths = append(widths, 40)
		}
		for _, width := range widths {
			name := args[0] + strconv.Itoa(width)
			t.Run(name, func(t *testing.T) {
				le := newLocalEnv(t, true, "")
				le.Local.Size = func() (int, int, error) { return width, 50, nil }
				if code := le.run(append(args, "--no-pager")...); code != 0 {
					t.Fatalf("local %s: exit %d: %s", args[0], code, le.errb)
				}
				want := trimLines(le.out.String())
				tm.exec(name, width, args...)
				tm.waitFor(name, "ssh exited with")
				got, status, _ := strings.Cut(tm.screen(name), "ssh exited with ")
				got = trimLines(got)
				if !strings.HasPrefix(status, "0\n") {
					t.Errorf("ssh -t %s exited with %s", args[0], strings.TrimSpace(status))
				}
				if got != want {
					t.Errorf("ssh -t %s in a pane %d wide shows\n%s\nwant it as on a local terminal that wide:\n%s", args[0], width, got, want)
				}
			})
		}
		r := o.runSoon(args...)
		local, _, _ := localRun(s.corpus, args...)
		if r.status != 0 || r.stdout != local {
			t.Errorf("ssh %s without a pty: status %d, stderr %q:\n%s", args[0], r.status, r.stderr, firstDiff(r.stdout, local))
		}
	}
}

// trimLines is s without the blanks at the ends of its lines and its last
// newline, as a screen shows it.
func trimLines(s string) string {
	var lines []string
	for line := range strings.SplitSeq(strings.TrimSuffix(s, "\n"), "\n") {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return strings.Join(lines, "\n")
}
