package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestExec(t *testing.T) {
	var got []string // the arguments Exec last saw
	ts := startServer(t, Config{Exec: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		got = args
		return testExec(ctx, args, stdout, stderr)
	}})
	tests := []struct {
		cmd                    string
		wantArgs               []string // nil: Exec must not be called
		wantStdout, wantStderr string   // stderr is matched as a substring
		wantStatus             int
	}{
		{
			cmd:        "list",
			wantArgs:   []string{"list"},
			wantStdout: "003 The Morning Post\n004 The Evening Star\n",
		},
		{
			cmd:        "diff 003 004 --format json",
			wantArgs:   []string{"diff", "003", "004", "--format", "json"},
			wantStdout: `diff ["003" "004" "--format" "json"]` + "\n",
		},
		{
			cmd:        `diff "a b" 'c'`,
			wantArgs:   []string{"diff", "a b", "c"},
			wantStdout: `diff ["a b" "c"]` + "\n",
		},
		{
			cmd:        "diff 003",
			wantArgs:   []string{"diff", "003"},
			wantStderr: "usage: diff",
			wantStatus: 2,
		},
		{
			cmd:        "rm -rf /",
			wantStderr: `newsdiff: unknown command "rm"; available: diff, list`,
			wantStatus: 2,
		},
		// scp -O (the protocol before sftp) runs "scp -t PATH": it is
		// told, as the sftp subsystem is, that there is no file
		// transfer here, not that scp is an unknown command.
		{
			cmd:        "scp -t /tmp/x",
			wantStderr: "newsdiff: scp refused: this server offers no file transfer, so no sftp or scp; connect with ssh -t, or run a command (diff, list)\n",
			wantStatus: 2,
		},
		{
			cmd:        "quotes 003", // a command the CLI may have, but not allowed by default
			wantStderr: `unknown command "quotes"`,
			wantStatus: 2,
		},
		// A quote left open, or a backslash escaping nothing, is a line
		// a shell refuses: it ran what the splitter made of it.
		{
			cmd:        "diff 003 '004",
			wantStderr: "newsdiff: the command has a quote that is not closed; nothing was run\n",
			wantStatus: 2,
		},
		{
			cmd:        `diff "003 004`,
			wantStderr: "has a quote that is not closed",
			wantStatus: 2,
		},
		{
			cmd:        `list\`,
			wantStderr: "newsdiff: the command ends in a backslash that escapes nothing; nothing was run\n",
			wantStatus: 2,
		},
		// A command of no words asks for a command, not a shell.
		{
			cmd:        `""`,
			wantStderr: "newsdiff: empty command; available: diff, list\n",
			wantStatus: 2,
		},
		{
			cmd:        `'' ""`,
			wantStderr: "newsdiff: empty command; available: diff, list\n",
			wantStatus: 2,
		},
		{
			cmd:        "  \t",
			wantStderr: "newsdiff: empty command; available: diff, list\n",
			wantStatus: 2,
		},
		{
			cmd:        strings.Repeat("x", 100),
			wantStderr: `unknown command "` + strings.Repeat("x", 32) + `…"`,
			wantStatus: 2,
		},
	}
	for _, tc := range tests {
		t.Run(tc.cmd, func(t *testing.T) {
			got = nil
			stdout, stderr, status := ts.run(t, tc.cmd)
			if stdout != tc.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout, tc.wantStdout)
			}
			if !strings.Contains(stderr, tc.wantStderr) || (tc.wantStderr == "" && stderr != "") {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tc.wantStderr)
			}
			if status != tc.wantStatus {
				t.Errorf("exit status = %d, want %d", status, tc.wantStatus)
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.wantArgs) {
				t.Errorf("Exec got args %q, want %q", got, tc.wantArgs)
			}
		})
	}
}

func TestExecCommandsConfigurable(t *testing.T) {
	ts := startServer(t, Config{ExecCommands: []string{"quotes", "matrix"}})
	if _, stderr, status := ts.run(t, "quotes 003"); status != 3 || stderr != "quotes failed\n" {
		t.Errorf("quotes: status %d, stderr %q; want Exec's status 3 and its stderr", status, stderr)
	}
	if _, stderr, status := ts.run(t, "list"); status != 2 || !strings.Contains(stderr, "available: quotes, matrix") {
		t.Errorf("list: status %d, stderr %q; want it refused", status, stderr)
	}
}

func TestExecPanicEndsOnlyItsSession(t *testing.T) {
	ts := startServer(t, Config{Exec: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if len(args) > 1 && args[1] == "boom" {
			_, _ = io.WriteString(stdout, "partial\n")
			panic("testExec: panic in Exec")
		}
		return testExec(ctx, args, stdout, stderr)
	}})
	_, stderr, status := ts.run(t, "diff boom 004")
	if status != 1 || !strings.Contains(stderr, "internal error") {
		t.Errorf("panicking exec: status %d, stderr %q; want 1 and an internal error", status, stderr)
	}
	ts.waitLog(t, "exec panic")
	if logs := ts.logs.String(); !strings.Contains(logs, "testExec: panic in Exec") || !strings.Contains(logs, "goroutine ") {
		t.Errorf("panic logged without its value or stack:\n%s", logs)
	}
	if stdout, _, status := ts.run(t, "list"); status != 0 || stdout == "" {
		t.Errorf("after a panic: list status %d, stdout %q; want the server still serving", status, stdout)
	}
}

// TestExecWithPty checks that `ssh -t host list` works too; the pty turns
// newlines into CRLF, as a terminal expects.
func TestExecWithPty(t *testing.T) {
	ts := startServer(t, Config{})
	out := ts.listIn(t, "xterm", 80, nil)
	if want := "003 The Morning Post\r\n004 The Evening Star\r\n"; out != want {
		t.Errorf("output = %q, want %q", out, want)
	}
}

// TestLongCommandRefused checks that a command over maxCommand bytes is
// refused before it is split into words: go-shlex takes time quadratic in
// the length, 2.4 s of server CPU for 100 KB.
func TestLongCommandRefused(t *testing.T) {
	ts := startServer(t, Config{})
	for _, n := range []int{maxCommand + 1, 100 << 10} {
		cmd := "list " + strings.Repeat("'x", n/2)
		stdout, stderr, status := ts.run(t, cmd)
		if status != 1 || stdout != "" || !strings.Contains(stderr, "command too long") {
			t.Errorf("%d-byte command: status %d, stdout %q, stderr %q; want 1 and \"command too long\"", len(cmd), status, stdout, stderr)
		}
	}
	ts.waitLog(t, `reason="refused: command too long"`)
	if _, _, status := ts.run(t, "list "+strings.Repeat("x", maxCommand-6)); status != 0 {
		t.Errorf("a command of %d bytes exited %d, want 0", maxCommand-1, status)
	}
}

// TestExecTerminalWidth checks that a command run with a pty learns the
// width of the client's terminal, as a command run in a local terminal
// does, and one run without a pty learns none: `ssh -t host matrix` drew
// its widest table and the client's terminal wrapped it.
func TestExecTerminalWidth(t *testing.T) {
	ts := startServer(t, Config{Exec: func(ctx context.Context, _ []string, stdout, _ io.Writer) int {
		fmt.Fprintf(stdout, "width %d\n", TerminalWidth(ctx))
		return 0
	}})
	tests := []struct {
		name  string
		pty   bool
		width int
		want  string
	}{
		{"no pty", false, 0, "width 0\n"},
		{"pty 60 wide", true, 60, "width 60\r\n"},
		{"pty 200 wide", true, 200, "width 200\r\n"},
		{"pty of no width", true, 0, "width 0\r\n"},
		{"pty wider than any terminal", true, 1 << 20, fmt.Sprintf("width %d\r\n", maxWidth)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			term := ""
			if tc.pty {
				term = "xterm"
			}
			if out := ts.listIn(t, term, tc.width, nil); out != tc.want {
				t.Errorf("Exec wrote %q, want %q", out, tc.want)
			}
		})
	}
	// A window change between the pty and the command is the width the
	// command starts with.
	sess, err := ts.dial(t).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestPty("xterm", 24, 60, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.WindowChange(24, 90); err != nil {
		t.Fatal(err)
	}
	if out, err := sess.Output("list"); err != nil || string(out) != "width 90\r\n" {
		t.Errorf("after a window change to 90 columns, Exec wrote %q (%v), want width 90", out, err)
	}
	if got := TerminalWidth(context.Background()); got != 0 {
		t.Errorf("TerminalWidth outside an exec session = %d, want 0", got)
	}
}

// TestExecTerminalEnv checks that a command run with a pty learns the
// client's TERM and the environment it sent, which it colours its output
// by as a command run in a local terminal does, and one run without a pty
// learns nothing: `ssh -t host diff A B` was plain on a terminal that
// takes colour, as if written to a pipe.
func TestExecTerminalEnv(t *testing.T) {
	t.Setenv("NO_COLOR", "the server's")
	ts := startServer(t, Config{Exec: func(ctx context.Context, _ []string, stdout, _ io.Writer) int {
		getenv, ok := TerminalEnv(ctx)
		fmt.Fprintf(stdout, "%v TERM=%q NO_COLOR=%q\n", ok, getenv("TERM"), getenv("NO_COLOR"))
		return 0
	}})
	tests := []struct {
		name string
		term string // "": no pty
		env  map[string]string
		want string
	}{
		{"no pty", "", nil, "false TERM=\"\" NO_COLOR=\"\"\n"},
		{"no pty, env sent", "", map[string]string{"TERM": "xterm", "NO_COLOR": "1"}, "false TERM=\"\" NO_COLOR=\"\"\n"},
		{"pty", "xterm-256color", nil, "true TERM=\"xterm-256color\" NO_COLOR=\"\"\r\n"},
		{"pty, NO_COLOR sent", "xterm-256color", map[string]string{"NO_COLOR": "1"}, "true TERM=\"xterm-256color\" NO_COLOR=\"1\"\r\n"},
		// The pty's TERM is the terminal's, whatever an env request says.
		{"pty, TERM sent", "dumb", map[string]string{"TERM": "xterm"}, "true TERM=\"dumb\" NO_COLOR=\"\"\r\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if out := ts.listIn(t, tc.term, 80, tc.env); out != tc.want {
				t.Errorf("Exec wrote %q, want %q", out, tc.want)
			}
		})
	}
	if getenv, ok := TerminalEnv(context.Background()); ok || getenv("TERM") != "" {
		t.Errorf("TerminalEnv outside an exec session = %v, TERM %q; want false and none", ok, getenv("TERM"))
	}
}

// listIn runs list in a session of its own, after sending env and, unless
// term is "", asking for a pty of that TERM and width; it fails the test
// unless list exits 0, and returns what list wrote.
func (ts *testServer) listIn(t *testing.T, term string, width int, env map[string]string) string {
	t.Helper()
	sess, err := ts.dial(t).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if term != "" {
		if err := sess.RequestPty(term, 24, width, nil); err != nil {
			t.Fatal(err)
		}
	}
	out, err := sess.Output("list")
	if status := exitStatus(t, err); status != 0 {
		t.Fatalf("exit status %d", status)
	}
	return string(out)
}

// TestEmptyCommandWithPty is a regression test: a command that splits to
// no words (`ssh -t host '""'`) was taken for a shell request, and with a
// terminal it opened the reader. It is refused as an unknown command is,
// in one line, with status 2, and nothing else is drawn.
func TestEmptyCommandWithPty(t *testing.T) {
	ts := startServer(t, Config{})
	for _, cmd := range []string{`""`, " "} {
		t.Run(fmt.Sprintf("%q", cmd), func(t *testing.T) {
			sess, err := ts.dial(t).NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if err := sess.RequestPty("xterm-256color", 24, 80, nil); err != nil {
				t.Fatal(err)
			}
			out, err := sess.Output(cmd)
			if status := exitStatus(t, err); status != 2 {
				t.Errorf("exit status %d, want 2", status)
			}
			if want := "\rnewsdiff: empty command; available: diff, list\r\n"; string(out) != want {
				t.Errorf("output = %q, want only %q", out, want)
			}
		})
	}
}

// TestExecStderrWithPty is a regression test: a command run with a
// terminal (ssh -t HOST diff A) had its stdout's line ends turned into
// the terminal's "\r\n", and its stderr's left bare, so that its usage
// error, three lines, stepped down the client's terminal, each line
// starting where the one above ended. Both streams end their lines as a
// terminal does; without one, nothing is changed.
func TestExecStderrWithPty(t *testing.T) {
	ts := startServer(t, Config{})
	for _, tc := range []struct {
		pty  bool
		want string
	}{
		{true, "usage: diff A B [--format plain|ansi|json]\r\n"},
		{false, "usage: diff A B [--format plain|ansi|json]\n"},
	} {
		sess, err := ts.dial(t).NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if tc.pty {
			if err := sess.RequestPty("xterm", 24, 80, nil); err != nil {
				t.Fatal(err)
			}
		}
		var stderr bytes.Buffer
		sess.Stderr = &stderr
		if status := exitStatus(t, sess.Run("diff")); status != 2 {
			t.Errorf("pty %v: exit status %d, want 2", tc.pty, status)
		}
		if got := stderr.String(); got != tc.want {
			t.Errorf("pty %v: stderr %q, want %q", tc.pty, got, tc.want)
		}
	}
}
