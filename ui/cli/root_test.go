package cli

import (
	"strings"
	"testing"
)

// TestOneCommandTreeHelpsAsTheWhole checks that building only the command
// the arguments name (newRoot) changes nothing a user sees: each command's
// --help, from the tree holding only it, is its help from the whole tree
// ("newsdiff help CMD" builds every command).
func TestOneCommandTreeHelpsAsTheWhole(t *testing.T) {
	for _, name := range allCommands() {
		t.Run(name, func(t *testing.T) {
			if invoked([]string{name, "--help"}) == "" {
				t.Fatalf("%s --help builds the whole tree", name)
			}
			alone, whole := newLocalEnv(t, false, ""), newLocalEnv(t, false, "")
			if code := alone.run(name, "--help"); code != 0 {
				t.Fatalf("%s --help: exit %d; %s", name, code, alone.errb)
			}
			if code := whole.run("help", name); code != 0 {
				t.Fatalf("help %s: exit %d; %s", name, code, whole.errb)
			}
			if got, want := alone.out.String(), whole.out.String(); got != want {
				t.Errorf("%s --help from its own tree:\n%s\nfrom the whole tree:\n%s", name, got, want)
			}
		})
	}
}

// TestCompletionCommandBuiltOnlyWhenItMayRun checks that a run of one
// command does not build cobra's completion command, and that a run that
// may need it (completion itself, shell completion, help) does.
func TestCompletionCommandBuiltOnlyWhenItMayRun(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"diff", "a.txt", "b.txt"}, false},
		{[]string{"list"}, false},
		{[]string{"completion", "bash"}, true},
		{[]string{"__complete", "diff", ""}, true},
		{[]string{"help"}, true},
		{nil, true},
	} {
		a := &app{env: Env{Files: true}}
		root := a.newRoot(tt.args)
		root.InitDefaultCompletionCmd(tt.args...) // as Execute does
		got := false
		for _, c := range root.Commands() {
			if c.Name() == "completion" {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("newsdiff %q: completion command built %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestVersionBuildsNoCommands checks that "newsdiff --version" (or -v)
// builds no command, nor cobra's completion command, and still prints
// the version, while -v beside anything else builds the tree it may need.
func TestVersionBuildsNoCommands(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		empty bool
	}{
		{[]string{"--version"}, true},
		{[]string{"-v"}, true},
		{[]string{"--no-color", "--version"}, false},
		{[]string{"x", "-v"}, false},
		{[]string{"diff", "-v"}, false},
	} {
		a := &app{env: Env{Files: true}}
		root := a.newRoot(tt.args)
		root.InitDefaultCompletionCmd(tt.args...) // as Execute does
		if got := len(root.Commands()) == 0; got != tt.empty {
			t.Errorf("newsdiff %q: %d commands built, want none: %v", tt.args, len(root.Commands()), tt.empty)
		}
	}
	for _, arg := range []string{"--version", "-v"} {
		le := newLocalEnv(t, false, "")
		if code := le.run(arg); code != 0 || !strings.HasPrefix(le.out.String(), "newsdiff ") || le.errb.Len() != 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", arg, code, le.out, le.errb)
		}
	}
}
