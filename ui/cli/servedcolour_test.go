package cli

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestServedCommandColoursTheClientsTerminal runs diff with the real
// OpenSSH client in tmux panes, as a person does with ssh -t: the output
// is coloured as the local command colours a terminal of the client's
// TERM and the NO_COLOR and CLICOLOR the client sends (SendEnv, SetEnv;
// the shell reads opts, so one SetEnv of two variables is quoted), and --color
// decides over both. Served commands were never told of the terminal, so
// ssh -t wrote the plain text a pipe gets, brackets and all, on any
// terminal. Without a pty the output is plain, as in a pipe.
func TestServedCommandColoursTheClientsTerminal(t *testing.T) {
	s := startServe(t)
	o := newOpenSSH(t, s)
	tm := newSSHTmux(t, o)
	tests := []struct {
		name    string
		term    string
		shell   string   // more of the client's environment, for env(1)
		opts    []string // ssh's own options
		flags   []string
		noColor string            // the NO_COLOR the server is sent
		vars    map[string]string // the rest of what it is sent, for the local command
		want    bool
	}{
		{name: "xterm-256color", term: "xterm-256color", want: true},
		{name: "screen", term: "screen", want: true},
		{name: "dumb", term: "dumb"},
		{name: "NO_COLOR sent", term: "xterm-256color", shell: "NO_COLOR=1", opts: []string{"-o", "SendEnv=NO_COLOR"}, noColor: "1"},
		{name: "NO_COLOR set", term: "xterm-256color", opts: []string{"-o", "SetEnv=NO_COLOR=1"}, noColor: "1"},
		{name: "empty NO_COLOR sent", term: "xterm-256color", opts: []string{"-o", "SetEnv=NO_COLOR="}, want: true},
		{name: "--color never", term: "xterm-256color", flags: []string{"--color", "never"}},
		{name: "--no-color", term: "xterm-256color", flags: []string{"--no-color"}},
		{name: "--color always on dumb", term: "dumb", flags: []string{"--color", "always"}, want: true},
		{name: "--color always over NO_COLOR", term: "xterm-256color", opts: []string{"-o", "SetEnv=NO_COLOR=1"},
			flags: []string{"--color", "always"}, noColor: "1", want: true},
		// CLICOLOR=0 is no colour and CLICOLOR_FORCE colour even on a
		// dumb terminal, as the served reader takes them; NO_COLOR
		// outweighs CLICOLOR_FORCE, which outweighs CLICOLOR=0.
		{name: "CLICOLOR=0 sent", term: "xterm-256color", opts: []string{"-o", "SetEnv=CLICOLOR=0"},
			vars: map[string]string{"CLICOLOR": "0"}},
		{name: "CLICOLOR=1 sent", term: "xterm-256color", opts: []string{"-o", "SetEnv=CLICOLOR=1"},
			vars: map[string]string{"CLICOLOR": "1"}, want: true},
		{name: "CLICOLOR_FORCE on dumb", term: "dumb", opts: []string{"-o", "SetEnv=CLICOLOR_FORCE=1"},
			vars: map[string]string{"CLICOLOR_FORCE": "1"}, want: true},
		{name: "CLICOLOR_FORCE=0 on dumb", term: "dumb", opts: []string{"-o", "SetEnv=CLICOLOR_FORCE=0"},
			vars: map[string]string{"CLICOLOR_FORCE": "0"}},
		{name: "CLICOLOR_FORCE over CLICOLOR=0", term: "xterm-256color", opts: []string{"-o", "'SetEnv=CLICOLOR=0 CLICOLOR_FORCE=1'"},
			vars: map[string]string{"CLICOLOR": "0", "CLICOLOR_FORCE": "1"}, want: true},
		{name: "NO_COLOR over CLICOLOR_FORCE", term: "xterm-256color", opts: []string{"-o", "'SetEnv=NO_COLOR=1 CLICOLOR_FORCE=1'"},
			vars: map[string]string{"CLICOLOR_FORCE": "1"}, noColor: "1"},
		{name: "--color never over CLICOLOR_FORCE", term: "xterm-256color", opts: []string{"-o", "SetEnv=CLICOLOR_FORCE=1"},
			vars: map[string]string{"CLICOLOR_FORCE": "1"}, flags: []string{"--color", "never"}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"diff", "003", "004"}, tt.flags...)
			le := newLocalEnv(t, true, "")
			le.vars = map[string]string{"TERM": tt.term}
			maps.Copy(le.vars, tt.vars)
			le.NoColor = tt.noColor != ""
			if code := le.run(append(args, "--no-pager")...); code != 0 {
				t.Fatalf("local %s: exit %d: %s", strings.Join(args, " "), code, le.errb)
			}
			if local := strings.Contains(le.out.String(), "\x1b["); local != tt.want {
				t.Fatalf("the local command colours %v, the test wants %v", local, tt.want)
			}
			name := "colour" + string(rune('a'+i))
			cmd := "env -u NO_COLOR TERM=" + tt.term + " " + tt.shell + " ssh -t " + strings.Join(append(tt.opts, o.args...), " ") +
				" localhost " + strings.Join(args, " ") + "; echo ssh exited with $?; exec sleep 600"
			tm.tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "40", cmd)
			tm.waitFor(name, "ssh exited with")
			out, _ := tm.command("capture-pane", "-p", "-e", "-t", name).CombinedOutput()
			screen := string(out)
			coloured := strings.Contains(screen, "\x1b[")
			bracketed := strings.Contains(screen, "[-") || strings.Contains(screen, "{+")
			if !strings.Contains(screen, "ssh exited with 0") || coloured != tt.want || bracketed == tt.want {
				t.Errorf("ssh -t %s with TERM=%s %s %s: coloured %v, bracketed %v; want colour %v as the local command:\n%q",
					strings.Join(args, " "), tt.term, tt.shell, strings.Join(tt.opts, " "), coloured, bracketed, tt.want, screen)
			}
		})
	}
	if r := o.runSoon("diff", "003", "004"); r.status != 0 || strings.Contains(r.stdout, "\x1b") || !strings.Contains(r.stdout, "[-") {
		t.Errorf("ssh diff 003 004 without a pty: status %d, stderr %q, not plain:\n%q", r.status, r.stderr, r.stdout)
	}
	// CLICOLOR_FORCE colours a pipe, as it does the local command's
	// (see TestColourFollowsCLICOLOR); NO_COLOR still outweighs it.
	for _, tt := range []struct {
		setEnv string
		want   bool
	}{
		{"CLICOLOR_FORCE=1", true},
		{"CLICOLOR_FORCE=1 NO_COLOR=1", false},
	} {
		forced := *o
		forced.args = append(slices.Clone(o.args), "-o", "SetEnv="+tt.setEnv)
		r := forced.runSoon("diff", "003", "004")
		if coloured := strings.Contains(r.stdout, "\x1b["); r.status != 0 || coloured != tt.want {
			t.Errorf("ssh -o SetEnv=%q diff 003 004 without a pty: status %d, stderr %q, coloured %v, want %v",
				tt.setEnv, r.status, r.stderr, coloured, tt.want)
		}
	}
}

// TestServedCommandShadesForALightTerminal is a regression test: a
// coloured diff run over SSH drew the bright shades for a dark terminal
// whatever COLORFGBG the client sent, orange 208 and blue 39 at 2.4:1
// against white; the local command takes darker ones on a light
// background, as the served reader does.
func TestServedCommandShadesForALightTerminal(t *testing.T) {
	s := startServe(t)
	o := newOpenSSH(t, s)
	for _, tt := range []struct {
		colorfgbg string
		want      []string // the deleted and inserted words' colours
	}{
		{"0;15", []string{"38;5;130", "38;5;25"}},
		{"15;0", []string{"38;5;208", "38;5;39"}},
	} {
		sent := *o
		sent.args = append(slices.Clone(o.args), "-o", "SetEnv=CLICOLOR_FORCE=1 COLORFGBG="+tt.colorfgbg)
		r := sent.runSoon("diff", "003", "004")
		if r.status != 0 {
			t.Fatalf("COLORFGBG=%s: status %d, stderr %q", tt.colorfgbg, r.status, r.stderr)
		}
		for _, c := range tt.want {
			if !strings.Contains(r.stdout, "\x1b["+c) {
				t.Errorf("COLORFGBG=%s: no %s in the diff:\n%q", tt.colorfgbg, c, r.stdout)
			}
		}
	}
}
