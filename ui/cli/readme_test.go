package cli

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/extract"
	"github.com/newsdiff/newsdiff/corpus/extract/fetch"
	"github.com/newsdiff/newsdiff/ui/serve"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestREADMEDiffExamples checks that the lines the README quotes from
// `newsdiff diff swell "al jaz" --format plain` (the similarity line, the
// passage labels and a paraphrase's two sides) are lines that command
// prints. The paraphrase's label had drifted to "19%" while the diff said
// 26%.
func TestREADMEDiffExamples(t *testing.T) {
	readme := readmeText(t)
	le := newLocalEnv(t, false, "")
	if code := le.run("diff", "swell", "al jaz", "--format", "plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	printed := make(map[string]bool)
	for _, line := range strings.Split(le.out.String(), "\n") {
		printed[line] = true
	}
	quoted, inBlock := 0, false
	for _, line := range strings.Split(readme, "\n") {
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if !inBlock {
			continue
		}
		for _, prefix := range []string{"similarity ", "@@ ", "< ", "> "} {
			if strings.HasPrefix(line, prefix) {
				quoted++
				if !printed[line] {
					t.Errorf("the README quotes a line the diff does not print:\n%s", line)
				}
			}
		}
	}
	if quoted < 5 {
		t.Errorf("found %d quoted lines of the diff in the README, want 5 or more", quoted)
	}
}

// readmeProse is the README with every run of white space made one space,
// so that a phrase is found however the paragraph is wrapped.
func readmeProse(t *testing.T) string {
	t.Helper()
	return strings.Join(strings.Fields(readmeText(t)), " ")
}

// readmeAfter is what follows the first sep in readme; the test fails,
// saying missing, when readme has no sep.
func readmeAfter(t *testing.T, readme, sep, missing string) string {
	t.Helper()
	_, after, ok := strings.Cut(readme, sep)
	if !ok {
		t.Fatal(missing)
	}
	return after
}

// readmeText is the README as written.
func readmeText(t *testing.T) string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(readme)
}

// TestREADMELimits checks that the limits the README states are the
// constants the code enforces. The reader's cache sizes had stayed at
// "64, 96 and 32 MiB" after two of the budgets were cut to a quarter.
func TestREADMELimits(t *testing.T) {
	readme := readmeProse(t)
	seconds := func(d time.Duration) int { return int(d / time.Second) }
	for _, phrase := range []string{
		fmt.Sprintf("| an article file | %d MiB;", corpus.MaxFileSize>>20),
		fmt.Sprintf("the first %d articles, and past the first 8 no more than %d s of comparing", analysis.MaxArticles, seconds(analysis.Budget)),
		fmt.Sprintf("it does not analyse a story past %d MiB of articles", analysis.MaxReaderStoryBytes>>20),
		fmt.Sprintf("it looks for up to %d ms first (some 10,000 such files of up to %d KiB each)", probeTime/time.Millisecond, probeFileBytes>>10),
		fmt.Sprintf("caches bounded in bytes (%d, %d and %d MiB by estimate)",
			archive.DefaultTextBytes>>20, compare.DefaultCacheBytes>>20, analysis.DefaultCacheBytes>>20),
		fmt.Sprintf("A handshake must finish within %d s", seconds(serve.DefaultHandshakeTimeout)),
		fmt.Sprintf("a separate allowance of %s connections", thousands(serve.DefaultMaxHandshakes)),
		fmt.Sprintf("one after another and up to %d at once", serve.DefaultMaxPerConn),
		fmt.Sprintf("closed after %d s", seconds(serve.DefaultSilentTimeout)),
		fmt.Sprintf("reads nothing of it for %d s while its output waits", seconds(serve.DefaultWriteTimeout)),
		fmt.Sprintf("a connection that takes no data at all for %d s is closed", seconds(serve.DefaultWriteTimeout)),
		fmt.Sprintf("wait up to %d s", seconds(serve.DefaultShutdownGrace)),
		fmt.Sprintf("comes more than %d s after the server last looked at the files", seconds(servedCheckEvery)),
		fmt.Sprintf("%d s per page, at most %d redirects, %d MiB at most", seconds(fetch.Timeout), fetch.MaxRedirects, extract.MaxSize>>20),
	} {
		if !strings.Contains(readme, phrase) {
			t.Errorf("the README does not say %q", phrase)
		}
	}
}

// thousands writes n as the README does: 1,024.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// TestREADMERemoteCommands checks that the commands the README says run
// over SSH are the ones the server lets a client run.
func TestREADMERemoteCommands(t *testing.T) {
	readme := readmeProse(t)
	rest := readmeAfter(t, readme, "A command runs one of ", "the README does not say which commands run over SSH")
	list, _, _ := strings.Cut(rest, " over the served corpus")
	var said []string
	for _, name := range strings.Split(list, "`") {
		if name = strings.TrimSpace(name); name != "" && name != "," && name != ", and" {
			said = append(said, name)
		}
	}
	slices.Sort(said)
	if !slices.Equal(said, Commands) {
		t.Errorf("the README says %q run over SSH, the server runs %q", said, Commands)
	}
}

// TestREADMEServeFlags checks the flag table of the README's "Reading
// over SSH" against the flags serve has: each flag in the table is
// serve's, with the default the table gives and the value's name --help
// gives, and each of serve's flags is in the table.
func TestREADMEServeFlags(t *testing.T) {
	readme := readmeText(t)
	section := readmeAfter(t, readme, "\n## Reading over SSH\n", "the README has no section Reading over SSH")
	section, _, _ = strings.Cut(section, "\n## ")
	a := &app{env: Env{Files: true}}
	cmd, _, err := a.newRoot([]string{"serve"}).Find([]string{"serve"})
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("^\\| `--([a-z-]+)(?: ([A-Z]+))?[^`]*` \\| ([^|]*) \\|")
	inTable := map[string]bool{}
	for line := range strings.SplitSeq(section, "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		name, said := m[1], strings.ReplaceAll(strings.TrimSpace(m[3]), "`", "")
		inTable[name] = true
		f := cmd.Flags().Lookup(name)
		if f == nil {
			t.Errorf("the README's table has --%s, which serve has not", name)
			continue
		}
		// The value's name too, as --help shows it: "--host-key PATH"
		// had been "--host-key string" there, "--max-sessions int".
		if shown, _ := pflag.UnquoteUsage(f); m[2] != "" && shown != m[2] {
			t.Errorf("the README's table has --%s %s, serve's --help --%s %s", name, m[2], name, shown)
		}
		def := f.DefValue
		if want, err := time.ParseDuration(def); err == nil {
			if got, err := time.ParseDuration(said); err != nil || got != want {
				t.Errorf("--%s: the README gives the default %q, serve %s", name, said, def)
			}
			continue
		}
		// A default that is no value (a path found at run time, no
		// keys at all) is said in the usage, "(default: anyone)".
		if _, usage, ok := strings.Cut(f.Usage, "(default: "); ok && def == "" {
			def = strings.TrimSuffix(usage, ")")
		}
		if def == "" || !strings.Contains(said, def) {
			t.Errorf("--%s: the README gives the default %q, serve %q", name, said, def)
		}
	}
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name != "help" && !inTable[f.Name] {
			t.Errorf("serve's --%s is not in the README's table", f.Name)
		}
	})
}

// TestREADMECommands checks that the README's list of commands names
// every command newsdiff has, and no other.
func TestREADMECommands(t *testing.T) {
	readme := readmeText(t)
	section := readmeAfter(t, readme, "\n## Commands\n\n```\n", "the README has no list of commands")
	block, _, _ := strings.Cut(section, "```")
	said := map[string]bool{}
	for line := range strings.SplitSeq(block, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != "newsdiff" {
			continue
		}
		for name := range strings.SplitSeq(fields[1], "|") {
			if name != "" && name[0] >= 'a' && name[0] <= 'z' {
				said[name] = true
			}
		}
	}
	for _, name := range allCommands() {
		if !said[name] {
			t.Errorf("the README's list of commands lacks %s", name)
		}
		delete(said, name)
	}
	delete(said, "completion") // cobra's own, not registered
	for name := range said {
		t.Errorf("the README lists %s, which newsdiff has not", name)
	}
}

// TestREADMEFlags checks that every flag the README names is a flag of
// one of newsdiff's commands, but for git's own.
func TestREADMEFlags(t *testing.T) {
	readme := readmeText(t)
	a := &app{env: Env{Files: true}}
	root := a.newRoot(nil)
	have := map[string]bool{"help": true, "version": true}
	gits := map[string]bool{"ext-diff": true, "tool": true, "no-prompt": true, "word-diff": true}
	var visit func(c *cobra.Command)
	visit = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { have[f.Name] = true })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { have[f.Name] = true })
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	visit(root)
	flag := regexp.MustCompile(`(?:^|[\s(` + "`" + `])--([a-z][a-z-]+)`)
	n := 0
	for line := range strings.SplitSeq(readme, "\n") {
		for _, m := range flag.FindAllStringSubmatch(line, -1) {
			n++
			if !have[m[1]] && !gits[m[1]] {
				t.Errorf("the README names --%s, which no command has:\n%s", m[1], line)
			}
		}
	}
	if n < 20 {
		t.Errorf("found %d flags in the README, want 20 or more", n)
	}
}

// TestREADMENamesEveryFlag checks the other way round from
// TestREADMEFlags: that every flag of newsdiff's commands is named in the
// README, but for cobra's own (help, and the completion commands'). index
// --quiet was in --help and the manual only.
func TestREADMENamesEveryFlag(t *testing.T) {
	readme := readmeText(t)
	a := &app{env: Env{Files: true}}
	root := a.newRoot(nil)
	var visit func(c *cobra.Command)
	visit = func(c *cobra.Command) {
		if c.Name() == "completion" {
			return
		}
		check := func(f *pflag.Flag) {
			if f.Name != "help" && f.Name != "version" && !strings.Contains(readme, "`--"+f.Name) {
				t.Errorf("the README does not name %s's flag --%s", c.CommandPath(), f.Name)
			}
		}
		c.LocalFlags().VisitAll(check)
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	visit(root)
}

// TestREADMEQuotesExample checks that the README's `newsdiff quotes`
// example, up to the "…" that ends it, is how the command's output
// begins. It had shortened the quotes themselves ("Russia, if you’re
// listening, … that are missing"), which the command never prints, and
// left out the lines that head the output.
func TestREADMEQuotesExample(t *testing.T) {
	readme := readmeText(t)
	after := readmeAfter(t, readme, "\n$ newsdiff quotes\n", "the README has no `newsdiff quotes` example")
	example, _, ok := strings.Cut(after, "\n  …\n")
	if !ok {
		t.Fatal("the README's `newsdiff quotes` example does not end in a line \"  …\"")
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("quotes", "--format", "plain"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	// The first line names the story, which the tests' copy of the
	// built-in story names otherwise.
	_, example, _ = strings.Cut(example, "\n")
	_, out, _ := strings.Cut(le.out.String(), "\n")
	if !strings.HasPrefix(out, example+"\n") {
		t.Errorf("the README's example:\n%s\nis not how the output goes on after its first line:\n%.1200s", example, out)
	}
}
