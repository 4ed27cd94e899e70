package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestServedHintsNameServedCommands runs, with the real OpenSSH client,
// commands whose errors and help send the client to another command: each
// names it as the client runs it, "ssh HOST list" as the served help
// names commands. They said "(try: newsdiff list)", "Run 'newsdiff diff
// --help'", a command no client can type. The same command run locally
// still names newsdiff.
func TestServedHintsNameServedCommands(t *testing.T) {
	// A folder of nine stories, more than a story command takes at once.
	dir := t.TempDir()
	for i := 1; i <= 9; i++ {
		writeFilesIn(t, filepath.Join(dir, fmt.Sprintf("story%d", i)), map[string]string{
			"a.txt": fmt.Sprintf("Council %d votes on the bridge\n\nThe council voted on Monday to reopen the bridge number %d, the mayor said.\n", i, i),
			"b.txt": fmt.Sprintf("Bridge %d to reopen\n\nThe mayor said on Monday that the council voted to reopen bridge number %d.\n", i, i),
		})
	}
	folder, _ := startServeDir(t, dir)
	built := startServe(t)
	tests := []struct {
		server *sshServer
		args   []string
		want   string // the hint over SSH; locally, with newsdiff for ssh HOST
		local  string // the hint locally, where it is not want's: with the folder
	}{
		{built, []string{"diff", "zzz", "004"}, "(try: ssh HOST list)", ""},
		{built, []string{"matrix", "--story", "nope"}, "(try: ssh HOST list)", ""},
		{built, []string{"diff", "003"}, "Run 'ssh HOST diff --help' for more.", ""},
		{built, []string{"list", "--bogus"}, "Run 'ssh HOST list --help' for more.", ""},
		{built, []string{"help"}, `Use "ssh HOST [command] --help" for more information about a command.`, ""},
		{folder, []string{"diff", "a", "zzz", "--story", "story1"}, `(try: ssh HOST list --story "story1")`, "(try: newsdiff list " + dir + " --story story1)"},
		{folder, []string{"list", "--story", "nope"}, "(try: ssh HOST list)", "(try: newsdiff list " + dir + ")"},
		{folder, []string{"matrix"}, "9 stories here; name one with --story (ssh HOST list shows them)", "9 stories here; name one with --story (newsdiff list " + dir + " shows them)"},
		{folder, []string{"diff", "zzz", "a", "--format", "json"}, "(try: ssh HOST list)", "(try: newsdiff list " + dir + ")"},
	}
	for _, tt := range tests {
		cmd := shellQuote(tt.args)
		t.Run(cmd, func(t *testing.T) {
			r := newOpenSSH(t, tt.server).runSoon(tt.args...)
			said := r.stderr + r.stdout
			if !strings.Contains(said, tt.want) {
				t.Errorf("ssh HOST %s says\n%s\nwant it to say %q", cmd, said, tt.want)
			}
			for _, local := range []string{"try: newsdiff", "'newsdiff", `"newsdiff`, "(newsdiff"} {
				if strings.Contains(said, local) {
					t.Errorf("ssh HOST %s names a command as the local command line has it (%q):\n%s", cmd, local, said)
				}
			}
			args := tt.args
			if tt.server == folder {
				args = append(append([]string{}, args...), "--dir", dir)
				if args[0] != "diff" {
					args = append(append([]string{}, tt.args...), dir)
				}
			}
			le := newLocalEnv(t, false, "")
			le.run(args...)
			want := tt.local
			if want == "" {
				want = strings.ReplaceAll(tt.want, "ssh HOST", "newsdiff")
			}
			if !strings.Contains(le.errb.String()+le.out.String(), want) {
				t.Errorf("newsdiff %s says\n%s\nwant it to say %q", strings.Join(args, " "), le.errb.String()+le.out.String(), want)
			}
		})
	}
}

// TestServedUsageNamesServedCommands runs, with the real OpenSSH client,
// commands whose help or usage error gives a usage line: each names the
// command as the client runs it, "ssh HOST diff [flags] A B", as the hints
// of TestServedHintsNameServedCommands do. They said "Usage: newsdiff diff
// [flags] A B" and "usage: newsdiff diff [flags] A B", a command no client
// can type, and the root's help offered "newsdiff [flags]", though over
// SSH the root takes a command and no flag. Locally the lines name
// newsdiff still.
func TestServedUsageNamesServedCommands(t *testing.T) {
	s := startServe(t)
	tests := []struct {
		args       []string
		served     []string // lines over SSH, in order
		local      []string // the same command's lines run locally
		stderr     bool     // said on stderr, not stdout
		wantStatus int
		notOverSSH string // a line the served output must not have
	}{
		{[]string{"help"},
			[]string{"Usage:", "  ssh HOST [command]", "", "Available Commands:"},
			[]string{"Usage:", "  newsdiff [DIR | A B] [flags]", "  newsdiff [command]", "", "Examples:"},
			false, 0, "  ssh HOST [flags]"},
		{[]string{"diff", "--help"},
			[]string{"Usage:", "  ssh HOST diff [flags] A B", "", "Flags:"},
			[]string{"Usage:", "  newsdiff diff [flags] A B [DIR]", "", "Examples:"},
			false, 0, ""},
		{[]string{"help", "list"},
			[]string{"Usage:", "  ssh HOST list [flags]", "", "Flags:"},
			[]string{"Usage:", "  newsdiff list [DIR] [flags]", "", "Examples:"},
			false, 0, ""},
		{[]string{"help", "help"},
			[]string{"Help provides help for any command.", "Type 'ssh HOST help [command]' for full details.", "", "Usage:", "  ssh HOST help [command] [flags]"},
			[]string{"Help provides help for any command.", "Type 'newsdiff help [command]' for full details.", "", "Usage:", "  newsdiff help [command] [flags]"},
			false, 0, ""},
		{[]string{"diff"},
			[]string{"usage: ssh HOST diff [flags] A B", "Run 'ssh HOST diff --help' for more."},
			[]string{"usage: newsdiff diff [flags] A B [DIR]", "Run 'newsdiff diff --help' for more."},
			true, ExitUsage, ""},
		{[]string{"diff", "--bogus", "003", "004"},
			[]string{"newsdiff diff: unknown flag: --bogus", "usage: ssh HOST diff [flags] A B", "Run 'ssh HOST diff --help' for more."},
			[]string{"newsdiff diff: unknown flag: --bogus", "usage: newsdiff diff [flags] A B [DIR]", "Run 'newsdiff diff --help' for more."},
			true, ExitUsage, ""},
		{[]string{"list", "a", "b"},
			[]string{"usage: ssh HOST list [flags]", "Run 'ssh HOST list --help' for more."},
			[]string{"usage: newsdiff list [DIR] [flags]", "Run 'newsdiff list --help' for more."},
			true, ExitUsage, ""},
	}
	for _, tt := range tests {
		cmd := shellQuote(tt.args)
		t.Run(cmd, func(t *testing.T) {
			r := newOpenSSH(t, s).runSoon(tt.args...)
			said := r.stdout
			if tt.stderr {
				said = r.stderr
			}
			if r.status != tt.wantStatus || !containsLines(said, tt.served) {
				t.Errorf("ssh HOST %s: status %d (want %d), says\n%s\nwant the lines\n%s", cmd, r.status, tt.wantStatus, said, strings.Join(tt.served, "\n"))
			}
			for _, line := range strings.Split(r.stdout+r.stderr, "\n") {
				if strings.HasPrefix(line, "  newsdiff") || strings.HasPrefix(line, "usage: newsdiff") || strings.Contains(line, "type newsdiff") ||
					tt.notOverSSH != "" && line == tt.notOverSSH {
					t.Errorf("ssh HOST %s gives a usage line no client can run: %q", cmd, line)
				}
			}
			le := newLocalEnv(t, false, "")
			status := le.run(tt.args...)
			said = le.out.String()
			if tt.stderr {
				said = le.errb.String()
			}
			if status != tt.wantStatus || !containsLines(said, tt.local) {
				t.Errorf("newsdiff %s: status %d (want %d), says\n%s\nwant the lines\n%s", cmd, status, tt.wantStatus, said, strings.Join(tt.local, "\n"))
			}
		})
	}
}

// containsLines reports whether want are lines of s, one after another.
func containsLines(s string, want []string) bool {
	return strings.Contains("\n"+s, "\n"+strings.Join(want, "\n")+"\n")
}
