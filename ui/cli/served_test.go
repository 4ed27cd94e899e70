package cli

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestServedHelp: a command's help over SSH offered file paths, a DIR,
// --dir, standard input and examples piping curl into it, all of which
// serve refuses. Served help says how articles are named there instead;
// the command line's help is unchanged.
func TestServedHelp(t *testing.T) {
	c, _, err := corpus.LoadFS(articles.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"diff", "quotes", "list", "matrix"} {
		for _, files := range []bool{false, true} {
			var out, errOut bytes.Buffer
			status := Run(context.Background(), []string{cmd, "--help"},
				Env{Corpus: c, Cache: analysis.NewCache(), Files: files, Stdout: &out, Stderr: &errOut})
			help := out.String()
			if status != 0 || help == "" {
				t.Fatalf("%s --help (files %v): status %d, stderr %q", cmd, files, status, errOut.String())
			}
			served := strings.Contains(help, "are not available")
			offersFiles := strings.Contains(help, "[DIR]") || strings.Contains(help, "--dir") || strings.Contains(help, "Examples:")
			if files == served || files != offersFiles {
				t.Errorf("%s --help with files %v: served note %v, offers files %v:\n%s", cmd, files, served, offersFiles, help)
			}
		}
	}
	// Over SSH, help listed --version, which the server refuses as an
	// unknown command, and --no-pager, though nothing served is paged.
	for _, args := range [][]string{{"help"}, {"--help"}, {"diff", "--help"}, {"help", "list"}} {
		for _, files := range []bool{false, true} {
			var out, errOut bytes.Buffer
			status := Run(context.Background(), args,
				Env{Corpus: c, Cache: analysis.NewCache(), Files: files, Stdout: &out, Stderr: &errOut})
			help := out.String()
			root := args[0] == "help" && len(args) == 1 || args[0] == "--help"
			if status != 0 || strings.Contains(help, "--version") != (files && root) || strings.Contains(help, "--no-pager") != files {
				t.Errorf("%q with files %v: status %d, lists --version %v, --no-pager %v:\n%s", args, files, status,
					strings.Contains(help, "--version"), strings.Contains(help, "--no-pager"), help)
			}
		}
	}
	var out bytes.Buffer
	if status := Run(context.Background(), []string{"list", "--no-pager"},
		Env{Corpus: c, Cache: analysis.NewCache(), Stdout: &out, Stderr: &out}); status != 0 {
		t.Errorf("list --no-pager over SSH: status %d: %s", status, out.String())
	}
	s := startServe(t)
	if stdout, _, status := s.run(t, "diff --help"); status != 0 || !strings.HasPrefix(stdout, servedNote) || strings.Contains(stdout, "curl") {
		t.Errorf("diff --help over SSH: status %d:\n%s", status, stdout)
	}
}

// TestServedRootHelpListsWhatAClientCanRun is a regression test: ssh HOST
// help listed -h, --help, --color and --no-color as the root's own flags,
// though over SSH the root is no command and the server refuses each of
// them as the first word ("ssh HOST -- --help": unknown command). It lists
// the flags the commands take, which a client gives after one of them,
// -h and --help not among them, and --color says what auto means there.
func TestServedRootHelpListsWhatAClientCanRun(t *testing.T) {
	s := startServe(t)
	o := newOpenSSH(t, s)
	r := o.runSoon("help")
	if r.status != 0 {
		t.Fatalf("ssh HOST help: status %d, stderr %q", r.status, r.stderr)
	}
	flag := regexp.MustCompile(`^  (?:-\w, )? *(--[\w-]+)(?: ([A-Z]+))?  `)
	section, listed := "", 0
	for line := range strings.Lines(r.stdout) {
		if !strings.HasPrefix(line, " ") {
			section = strings.TrimSpace(line)
			continue
		}
		m := flag.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		listed++
		// A flag's value, by its name in the help.
		args := []string{m[1]}
		if m[2] == "WHEN" {
			args = append(args, "never")
		} else if m[2] != "" {
			t.Fatalf("no value to give %s %s", m[1], m[2])
		}
		if section == "Flags:" {
			// The root's own: a client gives it as the first word.
			if got := o.runSoon(append([]string{"--"}, args...)...); got.status != 0 {
				t.Errorf("ssh HOST help lists %s as the root's, but ssh HOST -- %s: status %d, %s",
					m[1], strings.Join(args, " "), got.status, got.stderr)
			}
			continue
		}
		if got := o.runSoon(append([]string{"list"}, args...)...); section != "Global Flags:" || got.status != 0 {
			t.Errorf("ssh HOST help lists %s under %q; ssh HOST list %s: status %d, %s",
				m[1], section, strings.Join(args, " "), got.status, got.stderr)
		}
	}
	if listed == 0 || strings.Contains(r.stdout, "help for newsdiff") || !strings.Contains(r.stdout, "auto (with ssh -t,") {
		t.Errorf("ssh HOST help lists %d flags, offers -h for the root %v, says what --color auto is over SSH %v:\n%s", listed,
			strings.Contains(r.stdout, "help for newsdiff"), strings.Contains(r.stdout, "auto (with ssh -t,"), r.stdout)
	}
	// The command line's help is the root's own, -h and all.
	le := newLocalEnv(t, false, "")
	if code := le.run("--help"); code != 0 || !strings.Contains(le.out.String(), "\nFlags:\n") ||
		!strings.Contains(le.out.String(), "-h, --help") || !strings.Contains(le.out.String(), "auto (a terminal,") {
		t.Errorf("newsdiff --help: status %d:\n%s", code, le.out.String())
	}
}
