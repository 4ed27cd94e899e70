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
	s := startServe(t)
	if stdout, _, status := s.run(t, "diff --help"); status != 0 || !strings.HasPrefix(stdout, servedNote) || strings.Contains(stdout, "curl") {
		t.Errorf("diff --help over SSH: status %d:\n%s", status, stdout)
	}
}
