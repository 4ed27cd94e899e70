package cli

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/rivo/uniseg"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpCommands is the local tree as --help shows it: the root and every
// command of newsdiff's own (cobra's completion command is cobra's).
func helpCommands(t *testing.T) []*cobra.Command {
	t.Helper()
	le := newLocalEnv(t, false, "")
	root := (&app{env: le.Env}).newRoot(nil)
	var out []*cobra.Command
	out = append(out, root)
	for _, name := range allCommands() {
		cmd, _, err := root.Find([]string{name})
		if err != nil || cmd == root {
			t.Fatalf("no command %s: %v", name, err)
		}
		out = append(out, cmd)
	}
	return out
}

// TestHelpFitsEightyColumns is a regression test: --help wrote each
// flag's description on one line, --color's some 150 columns wide, and
// diff's description had a line of 96 columns, where git's help and man
// pages keep to 80. Every line of every command's --help fits in 80.
func TestHelpFitsEightyColumns(t *testing.T) {
	for _, name := range append([]string{""}, allCommands()...) {
		le := newLocalEnv(t, false, "")
		args := []string{"--help"}
		if name != "" {
			args = append([]string{name}, args...)
		}
		if code := le.run(args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		for line := range strings.Lines(le.out.String()) {
			line = strings.TrimRight(line, "\n")
			if w := uniseg.StringWidth(strings.ReplaceAll(line, "\t", "        ")); w > 80 {
				t.Errorf("newsdiff %s --help: a line %d columns wide: %q", name, w, line)
			}
		}
	}
}

// TestHelpNamesFlagValues is a regression test: --format, --story and
// --color were shown as "--format string", naming Go's type where the
// others name what to give ("--dir DIR", "--limit N"). Every flag that
// takes a value names it in capitals.
func TestHelpNamesFlagValues(t *testing.T) {
	for _, cmd := range helpCommands(t) {
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(f)
			if name == "" {
				return // a switch
			}
			if strings.ToUpper(name) != name || strings.IndexFunc(name, unicode.IsLetter) < 0 {
				t.Errorf("%s --%s: value shown as %q, want what to give, in capitals", cmd.CommandPath(), f.Name, name)
			}
		})
	}
}

// TestHelpDefaultsAsTyped is a regression test: serve's help gave its
// durations' defaults as Go writes them, 15m0s and 8h0m0s; diff's gave
// -U's as "all", which -U refused. A default is shown as it would be
// typed, and taken when it is.
func TestHelpDefaultsAsTyped(t *testing.T) {
	for _, cmd := range helpCommands(t) {
		cmd.Flags().VisitAll(func(f *pflag.Flag) {
			if strings.HasSuffix(f.DefValue, "m0s") || strings.HasSuffix(f.DefValue, "h0m") {
				t.Errorf("%s --%s: default shown as %q", cmd.CommandPath(), f.Name, f.DefValue)
			}
			if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool || f.DefValue == "" || f.Name == "help" {
				return
			}
			if err := f.Value.Set(f.DefValue); err != nil {
				t.Errorf("%s --%s %s, its default as the help shows it, is refused: %v", cmd.CommandPath(), f.Name, f.DefValue, err)
			}
		})
	}
}

// TestHelpExamplesQuoteGlobs is a regression test: diff's example piped
// its JSON to `jq .blocks[0]`, a glob: zsh stops at it ("no matches
// found") and bash would expand it given a file of a matching name. Every
// example's words that hold a glob character are quoted.
func TestHelpExamplesQuoteGlobs(t *testing.T) {
	quoted := regexp.MustCompile(`'[^']*'|"[^"]*"`)
	for _, cmd := range helpCommands(t) {
		for line := range strings.Lines(cmd.Example) {
			code, _, _ := strings.Cut(line, "#") // a comment is no word
			if bare := quoted.ReplaceAllString(code, ""); strings.ContainsAny(bare, "*?[") {
				t.Errorf("%s: an example with an unquoted glob: %q", cmd.CommandPath(), strings.TrimSpace(line))
			}
		}
	}
}

// TestHelpVersionFlag is a regression test: --version was described by
// cobra's "version for newsdiff", which says nothing of what it prints.
func TestHelpVersionFlag(t *testing.T) {
	le := newLocalEnv(t, false, "")
	if code := le.run("--help"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if !regexp.MustCompile(`-v, --version +print the version and the commit it was\s+built from\n`).MatchString(le.out.String()) {
		t.Errorf("--help does not say what --version prints:\n%s", le.out)
	}
}

// TestHelpExamplesOnManyStories is a regression test: unique's and
// shared's examples ran on ~/stories without --story, which on a folder
// of more than eight stories is a usage error ("name one with
// --story"), where the other story commands' examples name one. Every
// example of list and the story commands that reads ~/stories, and writes
// to stdout as it is, now works on such a folder as written.
func TestHelpExamplesOnManyStories(t *testing.T) {
	dir := archiveDir(t, 9)
	story := map[string]bool{"list": true, "matrix": true, "unique": true, "shared": true, "facts": true, "quotes": true, "report": true}
	ran := 0
	for _, cmd := range helpCommands(t) {
		if !story[cmd.Name()] {
			continue
		}
		for line := range strings.Lines(cmd.Example) {
			words := strings.Fields(line)
			if !slices.Contains(words, "~/stories") || slices.ContainsFunc(words, func(w string) bool { return w == "|" || w == ">" }) {
				continue
			}
			for i, w := range words {
				if w == "~/stories" {
					words[i] = dir
				}
			}
			ran++
			le := newLocalEnv(t, false, "")
			if code := le.run(words[1:]...); code != 0 {
				t.Errorf("%s: exit %d on a folder of more than eight stories: %s", strings.TrimSpace(line), code, le.errb)
			}
		}
	}
	if ran < 5 {
		t.Errorf("ran %d examples, want every story command's", ran)
	}
}
