package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// completions runs cobra's __complete with args and returns its
// completions, each "value" or "value\tdescription", without the directive
// line.
func completions(t *testing.T, args ...string) []string {
	t.Helper()
	le := newLocalEnv(t, false, "")
	if code := le.run(append([]string{"__complete"}, args...)...); code != 0 {
		t.Fatalf("%q: exit %d: %s", args, code, le.errb)
	}
	var got []string
	for line := range strings.SplitSeq(le.out.String(), "\n") {
		if line != "" && !strings.HasPrefix(line, ":") {
			got = append(got, line)
		}
	}
	return got
}

// TestCompleteStoryFlag checks that --story completes the stories of the
// command's folder from its index, and of the built-in story without one:
// it completed nothing. A folder with no index offers nothing and is left
// without one: building it could take minutes on a large folder.
func TestCompleteStoryFlag(t *testing.T) {
	for _, cmd := range []string{"matrix", "unique", "shared", "facts", "quotes", "report"} {
		got := completions(t, cmd, "--story", "")
		if strings.Join(got, "|") != "1\tseeds" {
			t.Errorf("%s --story <tab> on the built-in story: %q, want story 1 described by its name", cmd, got)
		}
	}
	if got := completions(t, "quotes", "--story", "SE"); strings.Join(got, "|") != "SEeds\t1" {
		t.Errorf("quotes --story SE<tab>: %q, want the story's name as typed so far, then the rest", got)
	}

	dir := archiveDir(t, 2)
	if got := completions(t, "facts", dir, "--story", ""); len(got) != 0 {
		t.Errorf("a folder without an index completes %q, want nothing", got)
	}
	if _, err := os.Stat(filepath.Join(dir, ".newsdiff")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("completing made an index directory (%v)", err)
	}
	if le := newLocalEnv(t, false, ""); le.run("index", dir) != 0 {
		t.Fatalf("index: %s", le.errb)
	}
	for _, tt := range []struct {
		typed string
		want  []string
	}{
		{"", []string{"1\tDonald Trump wants Hillary Clinton’s emails hacked", "2\tzarage sakile fipene", "3\tcopido pukaro doheco"}},
		{"3", []string{"3\tcopido pukaro doheco"}},
		{"don", []string{"donald Trump wants Hillary Clinton’s emails hacked\t1"}},
		// A part of a name, as --story takes it, offers the name whole:
		// fish matches it, where it was offered nothing.
		{"pukaro", []string{"copido pukaro doheco\t3"}},
		{"ARA", []string{"zarage sakile fipene\t2"}},
		{"x", nil},
	} {
		got := completions(t, "matrix", dir, "--story", tt.typed)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("matrix DIR --story %q<tab>: %q, want %q", tt.typed, got, tt.want)
		}
		// diff's folder is its --dir, or the argument after A and B: the
		// built-in story's were offered.
		for _, args := range [][]string{{"diff", "--dir", dir}, {"diff", "a", "b", dir}, {"diff", "--dir=" + dir, "a"}} {
			got := completions(t, append(args, "--story", tt.typed)...)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%q --story %q<tab>: %q, want %q", args, tt.typed, got, tt.want)
			}
		}
	}
}

// TestStoryCompletionsUnsafeNames checks that a story name holding an
// escape sequence is described safely and never offered to be typed.
func TestStoryCompletionsUnsafeNames(t *testing.T) {
	got := storyCompletions([]string{"red\x1b[31m alert", "ready"}, "re")
	want := []string{"ready\t2"}
	var lines []string
	for _, c := range got {
		lines = append(lines, string(c))
	}
	if strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("completions %q, want %q", lines, want)
	}
	for _, c := range storyCompletions([]string{"red\x1b[31m alert"}, "") {
		if strings.ContainsRune(string(c), 0x1b) {
			t.Errorf("completion %q holds an escape", c)
		}
	}
}

// TestStoryCompletionsKeepOrder is a regression test: --story's numbers
// were listed by the shell sorted as words, story 10 before story 2. The
// completion now tells the shell to keep its order.
func TestStoryCompletionsKeepOrder(t *testing.T) {
	for _, args := range [][]string{{"matrix", "--story", ""}, {"list", "--story", ""}} {
		le := newLocalEnv(t, false, "")
		if code := le.run(append([]string{"__complete"}, args...)...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		out := strings.TrimRight(le.out.String(), "\n")
		last := out[strings.LastIndexByte(out, '\n')+1:]
		n, err := strconv.Atoi(strings.TrimPrefix(last, ":"))
		if err != nil {
			t.Fatalf("%q: no directive line in %q", args, out)
		}
		if d := cobra.ShellCompDirective(n); d&cobra.ShellCompDirectiveKeepOrder == 0 || d&cobra.ShellCompDirectiveNoFileComp == 0 {
			t.Errorf("%q: directive %d, want the stories kept in their order and no files", args, n)
		}
	}
}
