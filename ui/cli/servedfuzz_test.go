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

// FuzzServedCommand runs the commands a server lets a client run, with
// arbitrary arguments as the client's command line gives them, on the
// sample articles: whatever the arguments, no command may panic, and
// nothing it writes back (output, usage, errors quoting the arguments)
// may act on the client's terminal.
func FuzzServedCommand(f *testing.F) {
	c, _, err := corpus.LoadFS(articles.FS, "seeds")
	if err != nil {
		f.Fatal(err)
	}
	cache := analysis.NewCache()
	commands := servedCommands()
	for _, s := range []string{
		"", "000 001", "003 004 --format json", "002 003 --format ansi -C 1", "al tr", "--story \x1b]0;x\a",
		"\u202eevil \x1b[2J", "al tr --color always", "--format \x9b31m", "-- -x", "--width=-1", "zz\xff \xfe",
	} {
		for i := range commands {
			f.Add(byte(i), s)
		}
	}
	f.Fuzz(func(t *testing.T, cmd byte, line string) {
		if len(line) > 256 {
			t.Skip()
		}
		args := append([]string{commands[int(cmd)%len(commands)]}, strings.Fields(line)...)
		var out, errOut bytes.Buffer
		Run(context.Background(), args, Env{Corpus: c, Cache: cache, Stdout: &out, Stderr: &errOut})
		checkTerminal(t, "stdout of "+strings.Join(args, " "), out.Bytes())
		checkTerminal(t, "stderr of "+strings.Join(args, " "), errOut.Bytes())
	})
}
