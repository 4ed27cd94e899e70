package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/ui"
)

// localEnv is seedEnv on the local command line: a terminal of the given
// size, an environment, standard input, and a reader and a server that
// record what they were asked to open.
type localEnv struct {
	Env
	out, errb *bytes.Buffer
	vars      map[string]string
	read      *ReaderRequest
	served    *ServeRequest
	// opened is what the reader's Open opened, while the reader ran, and
	// openErr why it could not.
	opened  ui.Library
	openErr error
}

func newLocalEnv(t *testing.T, terminal bool, stdin string) *localEnv {
	t.Helper()
	env, out, errb := seedEnv(t)
	le := &localEnv{Env: env, out: out, errb: errb, vars: map[string]string{}}
	le.Terminal = terminal
	le.Local = &Local{
		Stdin:     strings.NewReader(stdin),
		LookupEnv: func(k string) (string, bool) { v, ok := le.vars[k]; return v, ok },
		Size:      func() (int, int, error) { return 80, 24, nil },
		Read: func(ctx context.Context, r ReaderRequest) error {
			le.read = &r
			if r.Open != nil {
				le.opened, _, le.openErr = r.Open(ctx)
			}
			return nil
		},
		Serve: func(_ context.Context, s ServeRequest) error {
			le.served = &s
			return nil
		},
	}
	return le
}

func (le *localEnv) run(args ...string) int {
	return Run(context.Background(), args, le.Env)
}

// allCommands lists every command of the local tree.
func allCommands() []string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	slices.Sort(names)
	return names
}

// TestHelp checks that every command's --help is on stdout, has examples,
// exits 0, and carries no escape sequence even on a terminal with colour
// forced on.
func TestHelp(t *testing.T) {
	for _, name := range append([]string{""}, allCommands()...) {
		t.Run("newsdiff "+name, func(t *testing.T) {
			le := newLocalEnv(t, true, "")
			args := []string{"--help", "--color", "always"}
			if name != "" {
				args = append([]string{name}, args...)
			}
			if code := le.run(args...); code != 0 {
				t.Fatalf("exit %d; stderr %q", code, le.errb)
			}
			out := le.out.String()
			if !strings.Contains(out, "Usage:") || !strings.Contains(out, "Examples:") {
				t.Errorf("help without usage or examples:\n%s", out)
			}
			if le.errb.Len() != 0 {
				t.Errorf("stderr %q, want nothing", le.errb)
			}
			if strings.Contains(out, "\x1b") || strings.Contains(out, "\u009b") {
				t.Errorf("help carries an escape sequence: %q", out)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	le := newLocalEnv(t, false, "")
	if code := le.run("--version"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	got := le.out.String()
	if !strings.HasPrefix(got, "newsdiff ") || !strings.HasSuffix(got, " "+runtime.Version()+"\n") {
		t.Errorf("--version = %q, want newsdiff, the module version and the Go version", got)
	}
}

// TestUnknownCommand checks that a word that is neither a command nor a
// path is called an unknown command and the commands are named, locally
// and over SSH, and so is a help topic that is no command.
func TestUnknownCommand(t *testing.T) {
	tests := []struct {
		args  []string
		files bool
		want  []string
	}{
		{[]string{"bogus"}, true, []string{`unknown command "bogus"`, "diff", "list", "serve"}},
		{[]string{"lsit"}, true, []string{`unknown command "lsit"`, "did you mean list?"}},
		{[]string{"bogus", "a.txt"}, true, []string{`unknown command "bogus"`}},
		// help of a misspelt command printed the root's help and exited 0.
		{[]string{"help", "dif"}, true, []string{`unknown command "dif"`, "did you mean diff?"}},
		{[]string{"bogus"}, false, []string{`unknown command "bogus"`, "diff, facts, list"}},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		le.Files = tt.files
		if code := le.run(tt.args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d", tt.args, code, ExitUsage)
		}
		for _, w := range tt.want {
			if !strings.Contains(le.errb.String(), w) {
				t.Errorf("%q: stderr %q does not say %q", tt.args, le.errb, w)
			}
		}
		if strings.Contains(le.errb.String(), "no such file") {
			t.Errorf("%q: stderr %q talks of files", tt.args, le.errb)
		}
		if !tt.files && strings.Contains(le.errb.String(), "serve") {
			t.Errorf("over SSH the commands named include serve: %q", le.errb)
		}
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		le := newLocalEnv(t, false, "")
		if code := le.run("completion", shell); code != 0 {
			t.Fatalf("%s: exit %d: %s", shell, code, le.errb)
		}
		if !strings.Contains(le.out.String(), "newsdiff") || le.out.Len() < 1000 {
			t.Errorf("%s: %d bytes of script, not a completion script for newsdiff", shell, le.out.Len())
		}
	}
	// The completion functions complete --format's values.
	le := newLocalEnv(t, false, "")
	le.run("__complete", "diff", "--format", "")
	for _, f := range []string{"ansi", "plain", "json", "html"} {
		if !strings.Contains(le.out.String(), f+"\n") {
			t.Errorf("completing diff --format does not offer %s:\n%s", f, le.out)
		}
	}
	// diff completes article ids, with their outlets, from --dir or the
	// built-in story.
	dir := writeFiles(t, map[string]string{"council.txt": "Title\n\nSome words here today.\n", "court.txt": "Title\n\nOther words here today.\n"})
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"diff", "00"}, []string{"000_bcfc8e1eaa4c1094\tSwell Digest", "004_b32972e7c9273033\tTRT World"}},
		{[]string{"diff", "--dir", dir, "co"}, []string{"council\tcouncil", "court\tcourt"}},
	} {
		le := newLocalEnv(t, false, "")
		le.run(append([]string{"__complete"}, tt.args...)...)
		for _, w := range tt.want {
			if !strings.Contains(le.out.String(), w+"\n") {
				t.Errorf("completing %q does not offer %q:\n%s", tt.args, w, le.out)
			}
		}
	}
	le = newLocalEnv(t, false, "")
	le.Files = false
	if code := le.run("completion", "bash"); code != ExitUsage {
		t.Errorf("completion over SSH: exit %d, want %d", code, ExitUsage)
	}
}

// TestManPages checks that the manual is made from the command tree: a
// page per command, with the flags --help shows.
func TestManPages(t *testing.T) {
	dir := t.TempDir()
	le := newLocalEnv(t, false, "")
	if code := le.run("man", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	for _, name := range allCommands() {
		page, err := os.ReadFile(filepath.Join(dir, "newsdiff-"+name+".1"))
		if err != nil {
			t.Errorf("no page for %s: %v", name, err)
			continue
		}
		if !bytes.HasPrefix(page, []byte(".nh\n.TH \"NEWSDIFF-"+strings.ToUpper(name)+"\" \"1\"")) {
			t.Errorf("%s: not a man page: %.60q", name, page)
		}
	}
	page, _ := os.ReadFile(filepath.Join(dir, "newsdiff-diff.1"))
	for _, flag := range []string{`\fB\-\-exit\-code\fR`, `\fB\-\-context\fR`, `\fB\-\-ignore\-case\fR`, `\fB\-\-with\-text\fR`, `\fB\-\-color\fR`} {
		if !bytes.Contains(page, []byte(flag)) {
			t.Errorf("diff's page does not document %s", flag)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "newsdiff.1")); err != nil {
		t.Errorf("no page for newsdiff itself: %v", err)
	}
}

// TestColor checks when diff and quotes colour: --color auto colours a
// terminal without a non-empty NO_COLOR; --no-color is --color never, so
// that of the two the last given wins, as git's do; and no escape
// sequence is written when colour is off, --format ansi or not.
func TestColor(t *testing.T) {
	tests := []struct {
		terminal, noColorEnv bool
		flags                []string
		want                 bool
	}{
		{true, false, nil, true},
		{false, false, nil, false},
		{true, true, nil, false},
		{true, false, []string{"--color", "never"}, false},
		{true, false, []string{"--no-color"}, false},
		{false, false, []string{"--no-color", "--color", "always"}, true},
		{false, false, []string{"--color", "always", "--no-color"}, false},
		{true, false, []string{"--no-color=false"}, true},
		{false, false, []string{"--color", "always"}, true},
		{true, true, []string{"--color", "always"}, true},
		{false, false, []string{"--format", "ansi"}, false},
		{true, false, []string{"--format", "ansi", "--color", "never"}, false},
		{true, false, []string{"--format", "plain"}, false},
	}
	for _, tt := range tests {
		for _, cmd := range [][]string{{"diff", "003", "004"}, {"quotes"}} {
			le := newLocalEnv(t, tt.terminal, "")
			le.Local = nil // no pager
			le.NoColor = tt.noColorEnv
			if code := le.run(append(cmd, tt.flags...)...); code != 0 {
				t.Fatalf("%q %q: exit %d: %s", cmd, tt.flags, code, le.errb)
			}
			if got := strings.Contains(le.out.String(), "\x1b["); got != tt.want {
				t.Errorf("%s, terminal %v, NO_COLOR %v, %q: colour %v, want %v", cmd[0], tt.terminal, tt.noColorEnv, tt.flags, got, tt.want)
			}
		}
	}
	// An unknown colour is a usage error, said before the arguments are
	// counted. (--color alone is always: "diff --color 003 004" compares
	// 003 and 004, see TestColorAloneIsAlways.)
	for _, args := range [][]string{{"list", "--color=sometimes"}, {"diff", "--color=003", "004"}} {
		le := newLocalEnv(t, true, "")
		want := `invalid argument "` + strings.TrimPrefix(args[1], "--color=") + `" for "--color" flag: want auto, always or never`
		if code := le.run(args...); code != ExitUsage || !strings.Contains(le.errb.String(), want) {
			t.Errorf("%q: exit %d, %q; want %d, %q", args, code, le.errb, ExitUsage, want)
		}
	}
}

// TestPager checks that output longer than the screen goes through the
// pager on a terminal, and straight to stdout otherwise.
func TestPager(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		height   int
		vars     map[string]string
		flags    []string
		paged    string // the variable naming the pager that ran, or ""
	}{
		{"long output, NEWSDIFF_PAGER", true, 10, map[string]string{"NEWSDIFF_PAGER": "cat > $OUT", "PAGER": "false"}, nil, "NEWSDIFF_PAGER"},
		{"long output, PAGER", true, 10, map[string]string{"PAGER": "cat > $OUT"}, nil, "PAGER"},
		{"fits the screen", true, 500, map[string]string{"PAGER": "cat > $OUT"}, nil, ""},
		{"not a terminal", false, 10, map[string]string{"PAGER": "cat > $OUT"}, nil, ""},
		{"--no-pager", true, 10, map[string]string{"PAGER": "cat > $OUT"}, []string{"--no-pager"}, ""},
		{"PAGER=cat", true, 10, map[string]string{"PAGER": "cat"}, nil, ""},
		// Regression: set to the empty string read as unset, and paged
		// through less; git takes an empty pager to mean none.
		{"PAGER= empty", true, 10, map[string]string{"PAGER": ""}, nil, ""},
		{"NEWSDIFF_PAGER= empty over PAGER", true, 10, map[string]string{"NEWSDIFF_PAGER": "", "PAGER": "cat > $OUT"}, nil, ""},
		{"a pager that is not there", true, 10, map[string]string{"PAGER": "newsdiff-no-such-pager"}, nil, ""},
		{"long output, no pager named", true, 10, map[string]string{}, nil, "less"},
	}
	// The default pager, less, is one that writes where the others do,
	// so that paging through it when none was wanted shows.
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "less"), []byte("#!/bin/sh\ncat > \"$OUT\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outFile := filepath.Join(t.TempDir(), "paged")
			t.Setenv("OUT", outFile)
			le := newLocalEnv(t, tt.terminal, "")
			le.vars = tt.vars
			le.Local.Size = func() (int, int, error) { return 80, tt.height, nil }
			if code := le.run(append([]string{"diff", "003", "004", "--format", "plain"}, tt.flags...)...); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			paged, _ := os.ReadFile(outFile)
			if tt.paged != "" {
				if le.out.Len() != 0 || !bytes.Contains(paged, []byte("@@ aligned")) {
					t.Errorf("want the diff through %s: %d bytes on stdout, %d paged", tt.paged, le.out.Len(), len(paged))
				}
				return
			}
			if len(paged) != 0 || !strings.Contains(le.out.String(), "@@ aligned") {
				t.Errorf("want the diff on stdout: %d bytes there, %d paged", le.out.Len(), len(paged))
			}
		})
	}
}

func TestPagerRows(t *testing.T) {
	tests := []struct {
		out   string
		width int
		want  int
	}{
		{"", 80, 0},
		{"a\nb\n", 80, 2},
		{strings.Repeat("x", 81) + "\n", 80, 2},
		{"\x1b[31m" + strings.Repeat("x", 80) + "\x1b[0m\n", 80, 1},
		{"漢字漢字\n", 4, 2},
		{"\n\n", 80, 2},
	}
	for _, tt := range tests {
		if got := rows([]byte(tt.out), tt.width); got != tt.want {
			t.Errorf("rows(%q, %d) = %d, want %d", tt.out, tt.width, got, tt.want)
		}
	}
}

// TestStdin checks that "-" reads an article from standard input.
func TestStdin(t *testing.T) {
	dir := t.TempDir()
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(b, []byte("Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n"), 0o644)
	le := newLocalEnv(t, false, "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n")
	if code := le.run("diff", "-", b, "--format", "plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if !strings.Contains(le.out.String(), "[-close-]{+open+}") || !strings.Contains(le.out.String(), "--- - ·") {
		t.Errorf("diff - b:\n%s", le.out)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"diff", "-", "-"}, ExitUsage, "standard input can be read only once"},
		{[]string{"-"}, ExitUsage, "two articles"},
		{[]string{"-", "-"}, ExitUsage, "only once"},
	} {
		le := newLocalEnv(t, false, "Title\n\nSome words here today.\n")
		if code := le.run(tt.args...); code != tt.code || !strings.Contains(le.errb.String(), tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, le.errb, tt.code, tt.want)
		}
	}
	le = newLocalEnv(t, false, "\x00\x01binary")
	if code := le.run("diff", "-", b); code != 1 || !strings.Contains(le.errb.String(), "newsdiff diff: -: binary") {
		t.Errorf("binary stdin: exit %d, %q", code, le.errb)
	}
	le = newLocalEnv(t, false, "Title\n\nSome words.\n")
	le.Files = false
	if code := le.run("diff", "-", "003"); code != 1 || !strings.Contains(le.errb.String(), "not available") {
		t.Errorf("stdin over SSH: exit %d, %q", code, le.errb)
	}
}

// writeFiles writes name → text files into a new directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDiffExitCode(t *testing.T) {
	// Sentences long enough that an article compared with itself is all
	// aligned (see issue 13, item 11, for short ones).
	const text = "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor of the town.\n\n“It’s done at last, and the whole town can cross the river again,” she told reporters outside the town hall.\n"
	dir := writeFiles(t, map[string]string{
		"a.txt":     text,
		"same.txt":  text,
		"case.txt":  strings.Replace(text, "council", "Council", 1),
		"quote.txt": strings.NewReplacer("“", `"`, "”", `"`, "’", "'").Replace(text),
		"comma.txt": strings.Replace(text, "Monday,", "Monday", 1),
		"words.txt": strings.Replace(text, "open", "close", 1),
	})
	tests := []struct {
		other string
		flags []string
		want  int
	}{
		{"same.txt", nil, 0},
		{"words.txt", nil, 1},
		{"case.txt", nil, 1},
		{"case.txt", []string{"--ignore-case"}, 0},
		{"case.txt", []string{"-i"}, 0},
		{"quote.txt", nil, 1},
		{"quote.txt", []string{"--ignore-punctuation"}, 0},
		{"comma.txt", nil, 1},
		{"comma.txt", []string{"--ignore-punctuation"}, 0},
		{"words.txt", []string{"--ignore-case", "--ignore-punctuation"}, 1},
	}
	for _, tt := range tests {
		for _, format := range []string{"plain", "ansi", "json", "html"} {
			le := newLocalEnv(t, false, "")
			args := append([]string{"diff", "--exit-code", "--format", format, filepath.Join(dir, "a.txt"), filepath.Join(dir, tt.other)}, tt.flags...)
			if code := le.run(args...); code != tt.want {
				t.Errorf("a.txt vs %s %q (%s): exit %d, want %d; stderr %q", tt.other, tt.flags, format, code, tt.want, le.errb)
			}
			// Texts that are the same print nothing in the text formats,
			// as diff and git diff do; JSON and HTML are whole documents
			// either way.
			wantEmpty := tt.want == 0 && (format == "plain" || format == "ansi")
			if le.errb.Len() != 0 || (le.out.Len() == 0) != wantEmpty {
				t.Errorf("a.txt vs %s %q (%s): stdout %d bytes (want empty: %v), stderr %q", tt.other, tt.flags, format, le.out.Len(), wantEmpty, le.errb)
			}
			// JSON says what the status says.
			if format == "json" {
				var doc struct{ Differs *bool }
				if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil || doc.Differs == nil || *doc.Differs != (tt.want == 1) {
					t.Errorf("a.txt vs %s %q: JSON differs %v (%v), want %v", tt.other, tt.flags, doc.Differs, err, tt.want == 1)
				}
			}
		}
	}
	// What is printed does not hang on --exit-code, as in git: the same
	// texts print nothing without it too.
	le0 := newLocalEnv(t, false, "")
	if code := le0.run("diff", "--format", "plain", filepath.Join(dir, "a.txt"), filepath.Join(dir, "same.txt")); code != 0 || le0.out.Len() != 0 {
		t.Errorf("same texts without --exit-code: exit %d, stdout %q", code, le0.out)
	}
	// With --exit-code an error is 2, as diff(1)'s trouble is, so that it
	// is not taken for the texts differing: a missing file exited 1.
	// Without it, an error is 1, as for every command.
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"diff", "--exit-code", filepath.Join(dir, "a.txt"), filepath.Join(dir, "missing.txt")}, 2},
		{[]string{"diff", "--exit-code", "--format", "json", filepath.Join(dir, "missing.txt"), filepath.Join(dir, "a.txt")}, 2},
		{[]string{"diff", "--exit-code=false", filepath.Join(dir, "a.txt"), filepath.Join(dir, "missing.txt")}, 1},
		{[]string{"diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "missing.txt")}, 1},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != tt.want || !strings.Contains(le.errb.String(), "missing.txt") {
			t.Errorf("%q: exit %d, stderr %q; want %d and the missing file named", tt.args[:len(tt.args)-2], code, le.errb, tt.want)
		}
	}
	// Without --exit-code, differing texts exit 0.
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "words.txt")); code != 0 {
		t.Errorf("without --exit-code: exit %d", code)
	}
	// What --ignore-case hides is shown otherwise, as a minor change.
	le = newLocalEnv(t, false, "")
	le.run("diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "case.txt"), "--format", "plain")
	if !strings.Contains(le.out.String(), "[-council-]{+Council+}") {
		t.Errorf("a case change is not shown:\n%s", le.out)
	}
}

// blockLabels returns the @@ lines of plain diff output.
func blockLabels(out string) []string {
	var labels []string
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, "@@ ") {
			labels = append(labels, strings.TrimSpace(line))
		}
	}
	return labels
}

func TestDiffContext(t *testing.T) {
	var paras []string
	for _, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh"} {
		paras = append(paras, "The "+w+" paragraph of the report says the council met on Monday to talk about the "+w+" bridge over the river.")
	}
	left := "Bridge report\n\n" + strings.Join(paras, "\n\n") + "\n"
	right := strings.Replace(left, "talk about the fourth", "argue over the fourth", 1)
	dir := writeFiles(t, map[string]string{"a.txt": left, "b.txt": right})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	le := newLocalEnv(t, false, "")
	le.run("diff", a, b, "--format", "plain")
	all := blockLabels(le.out.String())
	var counts []int
	// "all", which the help gives as the default, was refused as no
	// whole number.
	for _, n := range []string{"0", "1", "100", "all"} {
		le := newLocalEnv(t, false, "")
		if code := le.run("diff", a, b, "--format", "plain", "--context", n); code != 0 {
			t.Fatalf("exit %d: %s", code, le.errb)
		}
		got := blockLabels(le.out.String())
		counts = append(counts, len(got))
		if !isSubsequence(got, all) {
			t.Errorf("--context %s shows passages the full diff does not, or out of order", n)
		}
		if n == "0" {
			for _, section := range strings.Split(le.out.String(), "\n\n")[1:] {
				if !strings.Contains(section, "[-") && !strings.Contains(section, "{+") {
					t.Errorf("--context 0 shows an unchanged passage:\n%s", section)
				}
			}
		}
	}
	if !slices.Equal(counts, []int{1, 3, len(all), len(all)}) || len(all) != 8 {
		t.Errorf("passages shown with context 0, 1, 100, all: %v of %d, want 1, 3 and all 8 twice", counts, len(all))
	}
	// Context applies to JSON too.
	le = newLocalEnv(t, false, "")
	le.run("diff", a, b, "--format", "json", "--context", "0")
	var doc struct{ Blocks []json.RawMessage }
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil || len(doc.Blocks) != counts[0] {
		t.Errorf("json --context 0: %v, %d blocks, want %d", err, len(doc.Blocks), counts[0])
	}
}

func isSubsequence(sub, all []string) bool {
	i := 0
	for _, s := range all {
		if i < len(sub) && sub[i] == s {
			i++
		}
	}
	return i == len(sub)
}

// TestDiffWithText checks that --with-text makes the JSON rebuild both
// articles' passages without the files.
func TestDiffWithText(t *testing.T) {
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "003", "004", "--format", "json", "--with-text"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Blocks        []struct {
			Left, Right *[2]int
			Ops         []struct {
				Op          string
				Left, Right *[2]int
				LeftText    *string `json:"left_text"`
				RightText   *string `json:"right_text"`
			}
		}
	}
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadFile("../../articles/003_95bcf1536ed6ca96.txt")
	right, _ := os.ReadFile("../../articles/004_b32972e7c9273033.txt")
	for i, b := range doc.Blocks {
		var lt, rt strings.Builder
		for _, op := range b.Ops {
			if (op.Left != nil) != (op.LeftText != nil) || (op.Right != nil) != (op.RightText != nil) {
				t.Fatalf("block %d: an op's texts do not follow its spans", i)
			}
			if op.LeftText != nil {
				lt.WriteString(*op.LeftText)
			}
			if op.RightText != nil {
				rt.WriteString(*op.RightText)
			}
		}
		if b.Left != nil && lt.String() != string(left[b.Left[0]:b.Left[1]]) {
			t.Errorf("block %d: texts rebuild %q, want %q", i, lt.String(), left[b.Left[0]:b.Left[1]])
		}
		if b.Right != nil && rt.String() != string(right[b.Right[0]:b.Right[1]]) {
			t.Errorf("block %d: texts rebuild %q, want %q", i, rt.String(), right[b.Right[0]:b.Right[1]])
		}
	}
	if doc.SchemaVersion != SchemaVersion {
		t.Errorf("schema_version %d", doc.SchemaVersion)
	}
	// Without the flag, no text.
	le = newLocalEnv(t, false, "")
	le.run("diff", "003", "004", "--format", "json")
	if strings.Contains(le.out.String(), "_text") {
		t.Errorf("texts without --with-text")
	}
	// Outside JSON the flag would do nothing: it is refused, not ignored.
	for _, format := range []string{"", "plain", "ansi", "html"} {
		le = newLocalEnv(t, false, "")
		args := []string{"diff", "003", "004", "--with-text"}
		if format != "" {
			args = append(args, "--format", format)
		}
		if code := le.run(args...); code != ExitUsage || !strings.Contains(le.errb.String(), "--format json") || le.out.Len() != 0 {
			t.Errorf("--with-text, format %q: exit %d, stderr %q, %d bytes out", format, code, le.errb, le.out.Len())
		}
	}
}

// TestReaderArgs checks what the reader opens on.
func TestReaderArgs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"b.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
	})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	tests := []struct {
		args    []string
		ids     []string
		noColor bool
	}{
		{nil, []string{"000_bcfc8e1eaa4c1094", "001_9395587074693dba", "002_c1f76316b70f05c9", "003_95bcf1536ed6ca96", "004_b32972e7c9273033"}, true},
		{[]string{dir}, []string{"a", "b"}, true},
		{[]string{b, a}, []string{"b", "a"}, true},
		{[]string{"-", a, "--color", "always"}, []string{"-", "a"}, false},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "Stdin title\n\nWords from standard input today.\n")
		if code := le.run(tt.args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args, code, le.errb)
		}
		if le.read == nil {
			t.Fatalf("%q: the reader did not open", tt.args)
		}
		c := le.read.Corpus
		if c == nil {
			// A folder is opened through its index by the reader, which
			// shows that it is loading in the meantime.
			if le.read.Open == nil || !strings.Contains(le.read.Loading, filepath.Base(dir)) {
				t.Fatalf("%q: no corpus and no archive to open (loading %q)", tt.args, le.read.Loading)
			}
			if le.openErr != nil {
				t.Fatalf("%q: open: %v", tt.args, le.openErr)
			}
			c = le.opened.Corpus()
		}
		var ids []string
		for _, art := range c.Articles() {
			ids = append(ids, art.ID)
		}
		if !slices.Equal(ids, tt.ids) || le.read.NoColor != tt.noColor {
			t.Errorf("%q: reader on %q (no colour %v), want %q (%v)", tt.args, ids, le.read.NoColor, tt.ids, tt.noColor)
		}
	}
	le := newLocalEnv(t, false, "")
	if code := le.run(a, b, a); code != ExitUsage {
		t.Errorf("three files: exit %d, want %d", code, ExitUsage)
	}
}

func TestServeFlags(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "Title\n\nSome words here today.\n", "bad.txt": "\x00"})
	le := newLocalEnv(t, false, "")
	if code := le.run("serve", "--listen", "127.0.0.1:0", "--max-sessions", "3", "--idle-timeout", "1m", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	s := le.served
	if s == nil {
		t.Fatal("the server did not start")
	}
	if s.Settings.Listen != "127.0.0.1:0" || s.Settings.MaxSessions != 3 || s.Settings.MaxPerIP != 8 || s.Settings.IdleTimeout.String() != "1m0s" {
		t.Errorf("settings %+v", s.Settings)
	}
	// A folder is served as an archive, as the reader and list open it.
	if s.Archive == nil || s.Corpus != nil {
		t.Fatalf("served archive %v, corpus %v: want the folder's archive", s.Archive != nil, s.Corpus != nil)
	}
	// The file skipped is said as list says it: the folder's warning,
	// not serve's own (serve heads only its progress and its errors).
	if n := len(s.Archive.cur.lib.Corpus().Articles()); n != 1 || len(s.Archive.cur.lines) != 1 || !strings.Contains(le.errb.String(), "\nnewsdiff: warning: ") || strings.Contains(le.errb.String(), "serve: warning") {
		t.Errorf("archive of %d, problems %q, stderr %q", n, s.Archive.cur.lines, le.errb)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("serve", "--max-sessions", "many"); code != ExitUsage || le.served != nil {
		t.Errorf("a bad flag: exit %d, served %v", code, le.served != nil)
	}
}

// TestGitExternalDiff checks the seven-argument call git makes with
// GIT_EXTERNAL_DIFF, a new file (/dev/null on the left) included, and
// the nine-argument call for a renamed file, which newsdiff took for two
// files to open and failed on, stopping git's diff.
func TestGitExternalDiff(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"old": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"new": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
		"png": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
	})
	hex := strings.Repeat("ab", 20)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"news/story.txt", filepath.Join(dir, "old"), hex, "100644", filepath.Join(dir, "new"), hex, "100644"},
			[]string{"--- a/news/story.txt · Bridge vote\n", "+++ b/news/story.txt · Bridge vote\n", "[-open-]{+close+}"}},
		// The side a new or deleted file does not have is /dev/null, as
		// git labels it: it was a/ or b/ and the file's path.
		{[]string{"news/story.txt", "/dev/null", ".", ".", filepath.Join(dir, "new"), hex, "100644"},
			[]string{"--- /dev/null\n", "+++ b/news/story.txt · Bridge vote\n", "right only", "{+The council voted to close"}},
		{[]string{"news/story.txt", filepath.Join(dir, "old"), hex, "100644", "/dev/null", ".", "."},
			[]string{"--- a/news/story.txt · Bridge vote\n", "+++ /dev/null\n", "left only", "[-The council voted to open"}},
		// A binary file is said to differ, as git says it, and git goes
		// on to the next file rather than stopping at a failed diff.
		{[]string{"news/map.png", filepath.Join(dir, "png"), hex, "100644", filepath.Join(dir, "png"), hex, "100644"},
			[]string{"Files a/news/map.png and b/news/map.png differ, not compared: binary file (NUL byte at 8)\n"}},
		{[]string{"news/map.png", "/dev/null", ".", ".", filepath.Join(dir, "png"), hex, "100644"},
			[]string{"Files /dev/null and b/news/map.png differ, not compared: binary file"}},
		{[]string{"news/map.png", filepath.Join(dir, "png"), hex, "100644", "/dev/null", ".", "."},
			[]string{"Files a/news/map.png and /dev/null differ, not compared: binary file"}},
		{[]string{"news/story.txt", filepath.Join(dir, "old"), hex, "100644", filepath.Join(dir, "new"), hex, "100644",
			"news/bridge.txt", "similarity index 90%\nrename from news/story.txt\nrename to news/bridge.txt\n"},
			[]string{"--- a/news/story.txt · Bridge vote\n", "+++ b/news/bridge.txt · Bridge vote\n", "[-open-]{+close+}"}},
		{[]string{"news/map.png", filepath.Join(dir, "png"), hex, "100644", filepath.Join(dir, "png"), hex, "100644",
			"news/plan.png", "similarity index 100%\nrename from news/map.png\nrename to news/plan.png\n"},
			[]string{"Files a/news/map.png and b/news/plan.png differ, not compared: binary file"}},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args, code, le.errb)
		}
		for _, w := range tt.want {
			if !strings.Contains(le.out.String(), w) {
				t.Errorf("%q: output lacks %q:\n%s", tt.args, w, le.out)
			}
		}
	}
}

// TestGitExternalDiffContextFlag checks -U on git's call, which takes a
// count of 0 or more, and is a usage error on any other command line: it
// would otherwise be taken for the reader's and do nothing.
func TestGitExternalDiffContextFlag(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"old": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"new": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
	})
	hex := strings.Repeat("ab", 20)
	call := []string{"news/story.txt", filepath.Join(dir, "old"), hex, "100644", filepath.Join(dir, "new"), hex, "100644"}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{append([]string{"-U", "0"}, call...), ExitOK, "[-open-]{+close+}"},
		{append([]string{"-U", "0", "--"}, call...), ExitOK, "[-open-]{+close+}"},
		// A renamed file: nine arguments.
		{append(append([]string{"--context", "all"}, call...), "news/bridge.txt", "similarity index 90%\nrename from news/story.txt\nrename to news/bridge.txt\n"),
			ExitOK, "+++ b/news/bridge.txt · Bridge vote\n"},
		{append([]string{"-U", "-1"}, call...), ExitUsage, `invalid argument "-1" for "-U, --context" flag: want a count of passages, 0 or more, or all`},
		{[]string{"-U", "1", filepath.Join(dir, "old"), filepath.Join(dir, "new")}, ExitUsage, "--context is for git's external diff"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != tt.code {
			t.Errorf("%q: exit %d, want %d: %s", tt.args, code, tt.code, le.errb)
		}
		if got := le.out.String() + le.errb.String(); !strings.Contains(got, tt.want) {
			t.Errorf("%q: output lacks %q:\n%s", tt.args, tt.want, got)
		}
	}
}

// TestPrintingCommandsStopOnCancel checks that a printing command returns
// at once when its context is cancelled, and writes nothing.
func TestPrintingCommandsStopOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted{os.Interrupt})
	le := newLocalEnv(t, false, "")
	if code := Run(ctx, []string{"matrix"}, le.Env); code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
	if le.out.Len() != 0 {
		t.Errorf("wrote %d bytes after the interrupt", le.out.Len())
	}
	ctx, cancel2 := context.WithCancel(context.Background())
	cancel2()
	le = newLocalEnv(t, false, "")
	if code := Run(ctx, []string{"diff", "003", "004"}, le.Env); code != ExitError || !strings.Contains(le.errb.String(), "stopped") {
		t.Errorf("cancelled without a signal: exit %d, %q", code, le.errb)
	}
	if !errors.Is(interrupted{os.Interrupt}, interrupted{os.Interrupt}) {
		t.Error("interrupted is not comparable")
	}
}

var _ = corpus.MaxFileSize

// TestJSONOneLine is a regression test: list wrote its JSON indented, over
// many lines, and every other command on one. Every command's --format
// json is one document on one line (docs/json.md), so that a stream of
// them is JSON Lines and jq . indents any of them.
func TestJSONOneLine(t *testing.T) {
	dir := archiveDir(t, 1)
	for _, args := range [][]string{
		{"list"},
		{"list", dir},
		{"list", dir, "--story", "1"},
		{"diff", "003", "004"},
		{"diff", "003", "004", "--with-text", "-U", "0"},
		{"matrix"},
		{"unique"},
		{"shared"},
		{"facts"},
		{"quotes"},
		{"quotes", dir, "--story", "1"},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(append(args, "--format", "json")...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		out := le.out.String()
		if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "}\n") {
			t.Errorf("%q --format json: %d lines, want one document on one line: %.120q", args, strings.Count(out, "\n"), out)
		}
		if !strings.HasPrefix(out, `{"schema_version":1,`) {
			t.Errorf("%q --format json starts %.40q, want schema_version first", args, out)
		}
		if !json.Valid(le.out.Bytes()) {
			t.Errorf("%q --format json is not valid JSON", args)
		}
	}
}

// TestJSONDocumented checks docs/json.md against the JSON each command
// writes, both ways: every key a document has is named in its command's
// section (or among the rules for every document), and every key a section
// names is written by one of the runs below, unless the section's comment
// on that line says it is omitted or only sometimes there; and a value is
// of a JSON type the section shows for its key. It used to look
// for a key anywhere in the page, so a key added to facts passed for being
// named under diff; and a documented key the binary no longer wrote went
// unnoticed.
func TestJSONDocumented(t *testing.T) {
	docs, err := os.ReadFile("../../docs/json.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := jsonDocSections(string(docs))
	rules, ok := sections["Rules for every document"]
	if !ok {
		t.Fatal("docs/json.md has no section of rules for every document")
	}

	// A folder whose runs write the keys the built-in story does not: an
	// address (list), sentences paired in parts both ways (diff), a quote
	// whose source is a statement (quotes).
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.txt": "---\nurl: https://example.org/flood\n---\n" + crossLeft,
		"b.txt": crossRight,
		"c.txt": "Budget vote\n\nThe mayor left early. \"The council will vote on the budget next week,\" the statement said.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runs := map[string][][]string{
		"list":   {{"list"}, {"list", dir}},
		"diff":   {{"diff", "003", "004", "--with-text"}, {"diff", "--dir", dir, "a", "b", "--with-text"}},
		"matrix": {{"matrix"}},
		"unique": {{"unique"}},
		"shared": {{"shared"}},
		"facts":  {{"facts"}},
		"quotes": {{"quotes"}, {"quotes", dir}},
	}
	for command, argss := range runs {
		section, ok := sections["`"+command+"`"]
		if !ok {
			t.Errorf("docs/json.md has no section for %s", command)
			continue
		}
		written := map[string]bool{}
		for _, args := range argss {
			le := newLocalEnv(t, false, "")
			if code := le.run(append(args, "--format", "json")...); code != 0 {
				t.Fatalf("%q: exit %d: %s", args, code, le.errb)
			}
			if !bytes.HasPrefix(bytes.TrimLeft(le.out.Bytes(), "{ \n"), []byte(`"schema_version":1`)) &&
				!bytes.HasPrefix(bytes.TrimLeft(le.out.Bytes(), "{ \n"), []byte(`"schema_version": 1`)) {
				t.Errorf("%q: the document does not start with schema_version: %.40q", args, le.out)
			}
			var doc any
			if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
				t.Fatalf("%q: %v", args, err)
			}
			for key, types := range jsonKeys(doc) {
				written[key] = true
				if !section.keys[key] && !rules.keys[key] {
					t.Errorf("%q: key %q is not in the %s section of docs/json.md", args, key, command)
				}
				documented := section.types[key] + rules.types[key]
				for _, typ := range types {
					if documented != "" && !strings.Contains(documented, typ) {
						t.Errorf("%q: key %q holds a JSON %s, which the %s section does not give it", args, key, typ, command)
					}
				}
			}
		}
		for key := range section.keys {
			if !written[key] && !section.optional[key] {
				t.Errorf("docs/json.md documents %q for %s, which no run wrote", key, command)
			}
		}
	}
}

// jsonDocSection is what one section of docs/json.md says of the keys:
// those it names, those its comments say may be left out, and the JSON
// types of the values it shows for them ("string array null").
type jsonDocSection struct {
	keys, optional map[string]bool
	types          map[string]string
}

// jsonDocType is the JSON type of a value as docs/json.md shows it: "…"
// a string, 0.0–1.0 a number, [s, e] an array, true | false a boolean.
func jsonDocType(value string) string {
	switch {
	case strings.HasPrefix(value, `"`):
		return "string"
	case strings.HasPrefix(value, "["):
		return "array"
	case strings.HasPrefix(value, "{"):
		return "object"
	case strings.HasPrefix(value, "true"), strings.HasPrefix(value, "false"):
		return "boolean"
	case strings.HasPrefix(value, "null"):
		return "null"
	case value != "" && (value[0] >= '0' && value[0] <= '9' || value[0] == '-'):
		return "number"
	}
	return ""
}

// jsonDocSections reads docs/json.md's sections by heading ("`diff`"). A
// key is a quoted word not standing as a value, so neither after ":" or
// "|" nor before "|": in {"kind": "aligned" | "moved", "left": …} the
// keys are kind and left. A line whose "//" comment says "omitted" or
// "only" makes optional the key the comment starts with ("about:",
// "\"moved\""), else the line's first key.
func jsonDocSections(doc string) map[string]jsonDocSection {
	quoted := regexp.MustCompile(`"([a-z_]+)"`)
	var cur jsonDocSection
	keysOf := func(line string) []string {
		var keys []string
		for _, m := range quoted.FindAllStringSubmatchIndex(line, -1) {
			before := strings.TrimRight(line[:m[0]], " ")
			after := strings.TrimLeft(line[m[1]:], " ")
			if strings.HasSuffix(before, ":") || strings.HasSuffix(before, "|") || strings.HasPrefix(after, "|") {
				continue
			}
			key := line[m[2]:m[3]]
			keys = append(keys, key)
			// The value's type, and each alternative's after "|":
			// "left": [start, end] | null.
			value, ok := strings.CutPrefix(after, ":")
			if !ok {
				continue
			}
			alts := strings.Split(value, "|")
			for i, alt := range alts {
				if i > 0 && strings.Contains(alts[i-1], `":`) {
					break // the "|" is a later key's
				}
				if typ := jsonDocType(strings.TrimSpace(alt)); typ != "" {
					cur.types[key] += typ + " "
				}
			}
		}
		return keys
	}
	sections := map[string]jsonDocSection{}
	for line := range strings.SplitSeq(doc, "\n") {
		if name, ok := strings.CutPrefix(line, "## "); ok {
			cur = jsonDocSection{keys: map[string]bool{}, optional: map[string]bool{}, types: map[string]string{}}
			sections[name] = cur
			continue
		}
		if cur.keys == nil {
			continue
		}
		code, comment, _ := strings.Cut(line, "//")
		keys := keysOf(code)
		for _, k := range append(keys, keysOf(comment)...) {
			cur.keys[k] = true
		}
		first := strings.Fields(comment)
		if !slices.Contains(first, "omitted") && !slices.Contains(first, "only") {
			continue
		}
		switch {
		case len(first) > 0 && strings.HasSuffix(first[0], ":"):
			cur.optional[strings.TrimSuffix(first[0], ":")] = true
		case len(first) > 0 && strings.HasPrefix(first[0], `"`):
			cur.optional[strings.Trim(first[0], `"`)] = true
		case len(keys) > 0:
			cur.optional[keys[0]] = true
		}
	}
	return sections
}

// jsonKeys gives each key of a JSON document the JSON types its values
// have, named as jsonDocType names them.
func jsonKeys(v any) map[string][]string {
	keys := map[string][]string{}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for k, e := range v {
				var typ string
				switch e.(type) {
				case string:
					typ = "string"
				case float64:
					typ = "number"
				case bool:
					typ = "boolean"
				case []any:
					typ = "array"
				case map[string]any:
					typ = "object"
				case nil:
					typ = "null"
				}
				if !slices.Contains(keys[k], typ) {
					keys[k] = append(keys[k], typ)
				}
				walk(e)
			}
		}
	}
	walk(v)
	return keys
}

// TestServeRuns starts the real SSH server through the command line and
// stops it by cancelling the context, as SIGTERM does.
func TestServeRuns(t *testing.T) {
	le := newLocalEnv(t, false, "")
	le.Local.Serve = nil // the real server
	var mu sync.Mutex
	le.Stderr = lockedWriter{&mu, le.errb}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(t.TempDir(), "key")}, le.Env)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		started := strings.Contains(le.errb.String(), "msg=serving")
		mu.Unlock()
		if started {
			break
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("the server did not start; stderr:\n%s", le.errb)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case code := <-done:
		mu.Lock()
		defer mu.Unlock()
		if code != ExitOK {
			t.Errorf("exit %d", code)
		}
		if !strings.Contains(le.errb.String(), "shutting down") {
			t.Errorf("no shutdown in the log:\n%s", le.errb)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the server did not stop when its context was cancelled")
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestStdinWebPage: a saved page piped in is read as a page, its markup
// never compared as words.
func TestStdinWebPage(t *testing.T) {
	dir := writeFiles(t, map[string]string{"b.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor of the town.\n"})
	page := `<!DOCTYPE html><html><head><title>Bridge vote</title><meta property="og:site_name" content="Town News"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Bridge vote</h1>
<p>The council voted to open the bridge on Monday, said the mayor of the town. The vote was close, and the debate ran late into the night as residents spoke for and against.</p>
<p>Work on the bridge starts next spring and is due to end within two years, the council said in a statement after the meeting.</p></article></body></html>`
	le := newLocalEnv(t, false, page)
	if code := le.run("diff", "-", filepath.Join(dir, "b.txt"), "--format", "plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	out := le.out.String()
	if strings.Contains(out, "<p>") || strings.Contains(out, "DOCTYPE") || !strings.Contains(out, "Town News") {
		t.Errorf("the page was not read as a page:\n%s", out)
	}
}

// TestMissingPagerSaidOnce checks that a pager that is not there is named
// in one warning of newsdiff's own and the output still comes: the
// shell's "sh: 1: …: not found" came first, in the shell's words.
func TestMissingPagerSaidOnce(t *testing.T) {
	for _, pager := range []string{"newsdiff-no-such-pager", "newsdiff-no-such-pager -R"} {
		le := newLocalEnv(t, true, "")
		le.vars = map[string]string{"PAGER": pager}
		le.Local.Size = func() (int, int, error) { return 80, 10, nil }
		if code := le.run("diff", "003", "004", "--format", "plain"); code != 0 {
			t.Fatalf("%q: exit %d: %s", pager, code, le.errb)
		}
		if !strings.Contains(le.out.String(), "@@ aligned") {
			t.Errorf("%q: the diff is not on stdout", pager)
		}
		want := "newsdiff: warning: pager newsdiff-no-such-pager not found; writing without it\n"
		if got := le.errb.String(); got != want {
			t.Errorf("%q: stderr %q, want %q", pager, got, want)
		}
	}
}

func TestMissingPager(t *testing.T) {
	for pager, want := range map[string]string{
		"":                           "",
		"cat -u":                     "",
		"newsdiff-no-such-pager":     "newsdiff-no-such-pager",
		"newsdiff-no-such-pager -R":  "newsdiff-no-such-pager",
		"/no/such/dir/pager":         "/no/such/dir/pager",
		"newsdiff-no-such-pager | x": "", // the shell's to run
		"cat > $OUT":                 "",
	} {
		if got := missingPager(pager); got != want {
			t.Errorf("missingPager(%q) = %q, want %q", pager, got, want)
		}
	}
}

// TestServeShowsIndexProgress checks that serve, building the index of a
// folder met for the first time, says how far it is as index does (a
// line a tenth when stderr is no terminal): on a large folder the server
// was silent for minutes before it served. A folder whose index is up to
// date is opened with nothing to say.
func TestServeShowsIndexProgress(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"b.txt": "Bridge closed\n\nThe council voted to close the bridge on Monday, the mayor said.\n",
	})
	for _, tt := range []struct {
		name     string
		progress bool
	}{{"first index", true}, {"index up to date", false}} {
		le := newLocalEnv(t, false, "")
		if code := le.run("serve", "--listen", "127.0.0.1:0", dir); code != 0 || le.served == nil {
			t.Fatalf("%s: exit %d: %s", tt.name, code, le.errb)
		}
		le.served.Archive.Close()
		if got := strings.Contains(le.errb.String(), "newsdiff serve: reading 100% (2 of 2)\n"); got != tt.progress {
			t.Errorf("%s: progress shown %v, want %v; stderr:\n%s", tt.name, got, tt.progress, le.errb)
		}
	}
}

// TestFlagValueNamesStandAlone is a regression test: --dir's usage named
// its value inside a word, "the corpus `DIR`ectory", which --help, the man
// page and the shells' completions showed as "the corpus DIRectory". A
// value's name in a flag's usage is a word of its own.
func TestFlagValueNamesStandAlone(t *testing.T) {
	eachFlag(t, func(cmd *cobra.Command, f *pflag.Flag) bool {
		parts := strings.Split(f.Usage, "`")
		if len(parts) != 1 && len(parts) != 3 {
			t.Errorf("%s --%s: %q names its value %d times", cmd.CommandPath(), f.Name, f.Usage, len(parts)/2)
			return true
		}
		if len(parts) == 3 {
			before, after := []rune(parts[0]), []rune(parts[2])
			if len(before) > 0 && unicode.IsLetter(before[len(before)-1]) || len(after) > 0 && unicode.IsLetter(after[0]) {
				t.Errorf("%s --%s: %q names its value inside a word", cmd.CommandPath(), f.Name, f.Usage)
			}
		}
		return true
	})
}

// eachFlag calls check with each flag of each command of newsdiff's, as
// run locally, and fails the test when fewer than 20 were checked (check
// returns whether it checked f): the walk missed the commands.
func eachFlag(t *testing.T, check func(cmd *cobra.Command, f *pflag.Flag) bool) {
	t.Helper()
	le := newLocalEnv(t, false, "")
	root := (&app{env: le.Env}).newRoot(nil)
	checked := 0
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if check(cmd, f) {
				checked++
			}
		})
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if checked < 20 {
		t.Errorf("checked %d flags: the walk missed the commands", checked)
	}
}

// TestGitExternalDiffSameWordsAndEmptied is a regression test: as git's
// external diff, a file emptied in a commit was "not compared: no words"
// where a deleted one showed every word it lost, and a file renamed,
// copied or given a new mode without a change of words (or changed in
// layout alone) printed nothing at all, so git diff showed no trace of
// it. An empty or blank side is an empty article, as /dev/null is, and
// two versions of the same words are said to be the same, with what else
// git says of the file, its control characters removed.
func TestGitExternalDiffSameWordsAndEmptied(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"old":      "Bridge vote\n\nThe council voted to open the bridge on Monday, said the mayor.\n",
		"reflowed": "Bridge vote\n\nThe council voted to open the bridge\non Monday,  said the mayor.\n",
		"empty":    "",
		"blank":    " \n\n\t\n",
		"changed":  "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
	})
	hex := strings.Repeat("ab", 20)
	old, reflowed, changed := filepath.Join(dir, "old"), filepath.Join(dir, "reflowed"), filepath.Join(dir, "changed")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"news/story.txt", old, hex, "100644", filepath.Join(dir, "empty"), hex, "100644"},
			"--- a/news/story.txt · Bridge vote\n+++ b/news/story.txt\nsimilarity 0% · 14 words deleted, 0 inserted"},
		{[]string{"news/story.txt", filepath.Join(dir, "blank"), hex, "100644", old, hex, "100644"},
			"--- a/news/story.txt\n+++ b/news/story.txt · Bridge vote\nsimilarity 0% · 0 words deleted, 14 inserted"},
		{[]string{"news/story.txt", old, hex, "100644", old, hex, "100644",
			"news/bridge.txt", "similarity index 100%\nrename from news/story.txt\nrename to news/bridge.txt\n"},
			"Files a/news/story.txt and b/news/bridge.txt have the same words (similarity index 100%; rename from news/story.txt; rename to news/bridge.txt)\n"},
		{[]string{"news/story.txt", old, hex, "100644", old, hex, "100755"},
			"Files a/news/story.txt and b/news/story.txt have the same words (old mode 100644; new mode 100755)\n"},
		{[]string{"news/story.txt", old, hex, "100644", reflowed, hex, "100644"},
			"Files a/news/story.txt and b/news/story.txt have the same words\n"},
		{[]string{"news/story.txt", old, hex, "100644", old, hex, "100644",
			"news/x.txt", "similarity index 100%\nrename from news/story.txt\nrename to news/\x1b[2Jx.txt\n"},
			"Files a/news/story.txt and b/news/x.txt have the same words (similarity index 100%; rename from news/story.txt; rename to news/x.txt)\n"},
		// A regression test: a mode changed with the words was shown
		// nowhere; it heads the diff as git heads its own.
		{[]string{"news/story.txt", old, hex, "100644", changed, hex, "100755"},
			"old mode 100644\nnew mode 100755\n--- a/news/story.txt · Bridge vote\n+++ b/news/story.txt · Bridge vote\n"},
		{[]string{"news/story.txt", old, hex, "100644", changed, hex, "100644",
			"news/\x1b[2Jx.txt", "similarity index 92%\nrename from news/story.txt\nrename to news/\x1b[2Jx.txt\n"},
			"similarity index 92%\nrename from news/story.txt\nrename to news/x.txt\n--- a/news/story.txt · Bridge vote\n+++ \"b/news/"},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", tt.args, code, le.errb)
		}
		if got := le.out.String(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q: output does not start with %q:\n%s", tt.args, tt.want, got)
		}
		if le.errb.Len() > 0 {
			t.Errorf("%q: stderr %q", tt.args, le.errb)
		}
	}
	// newsdiff diff of two texts of the same words still prints nothing.
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", old, reflowed); code != 0 || le.out.Len() > 0 {
		t.Errorf("diff of the same words: exit %d, output %q", code, le.out)
	}
}

// TestAddStdinOnce is a regression test: add DIR - - read standard input
// for the first page, then found it empty for the second and failed on
// it ("-: no article text found in the page", exit 1). As for diff - -,
// naming standard input twice is a usage error, and nothing is written.
func TestAddStdinOnce(t *testing.T) {
	page, err := os.ReadFile("../../corpus/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, pages := range [][]string{{"-", "-"}, {"-", "other.html", "-"}} {
		dir := filepath.Join(t.TempDir(), "story")
		le := newLocalEnv(t, false, string(page))
		code := le.run(append([]string{"add", dir}, pages...)...)
		if code != ExitUsage || !strings.HasPrefix(le.errb.String(), "newsdiff add: standard input can be read only once\n") || le.out.Len() > 0 {
			t.Errorf("add DIR %q: exit %d, stdout %q, stderr %q", pages, code, le.out, le.errb)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("add DIR %q: made %s", pages, dir)
		}
	}
	// Once is as before.
	dir := filepath.Join(t.TempDir(), "story")
	le := newLocalEnv(t, false, string(page))
	if code := le.run("add", dir, "-"); code != 0 || !strings.Contains(le.out.String(), " words · ") {
		t.Errorf("add DIR -: exit %d, %q %q", code, le.out, le.errb)
	}
}

// TestAddAddressFirst is a regression test: add PAGE DIR, the two
// swapped, made the address into folders (https:/www.example.org/…) and
// added the page named as DIR into them. An address where the folder goes
// is a usage error, and nothing is written.
func TestAddAddressFirst(t *testing.T) {
	page := filepath.Join(t.TempDir(), "page.html")
	raw, err := os.ReadFile("../../corpus/extract/testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, addr := range []string{"https://www.example.org/news/story.html", "http://example.org/a"} {
		wd := t.TempDir()
		t.Chdir(wd)
		le := newLocalEnv(t, false, "")
		code := le.run("add", addr, page)
		want := "newsdiff add: " + addr + " is an address, not a folder: the folder comes first\n"
		if code != ExitUsage || !strings.HasPrefix(le.errb.String(), want) || le.out.Len() > 0 {
			t.Errorf("add %s PAGE: exit %d, stdout %q, stderr %q; want exit %d, %q", addr, code, le.out, le.errb, ExitUsage, want)
		}
		if entries, _ := os.ReadDir(wd); len(entries) > 0 {
			t.Errorf("add %s PAGE: made %s", addr, entries[0].Name())
		}
	}
}
