package cli

import (
	"bytes"
	"context"
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
