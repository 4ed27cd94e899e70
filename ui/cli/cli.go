// Package cli runs newsdiff's non-interactive commands — list and diff —
// over a corpus, writing text, ANSI, or JSON to a writer and returning an
// exit status. The same code serves the local command line and exec
// requests over SSH, where the corpus is fixed and no file may be named.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/story"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // anything that went wrong other than usage
	ExitUsage = 2 // a usage error; usage is printed on stderr
)

// Env is what a command runs against.
type Env struct {
	// Corpus is the corpus to use when no directory is named. Default is
	// called to get it when Corpus is nil.
	Corpus  *corpus.Corpus
	Default func() (*corpus.Corpus, []corpus.Problem, error)
	// Cache, when set, memoises comparisons across commands.
	Cache *analysis.Cache
	// Files allows naming directories and files on the command line. It is
	// false over SSH, where a client must not read the server's files.
	Files bool
	// Terminal says stdout is a terminal, so that diff defaults to ANSI
	// colour (unless NO_COLOR is set, in which case NoColor is true).
	Terminal bool
	NoColor  bool
	Stdout   io.Writer
	Stderr   io.Writer
}

// Commands lists the commands Run knows, for dispatch and SSH exec.
var Commands = []string{"list", "diff", "quotes", "matrix", "unique", "shared", "facts", "report"}

// IsCommand reports whether name is one of Commands.
func IsCommand(name string) bool {
	for _, c := range Commands {
		if c == name {
			return true
		}
	}
	return false
}

// usageError marks an error as a usage error (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Run runs the command in args[0] with the rest of args and returns the
// exit status. Errors are reported on env.Stderr in one line naming what
// went wrong; usage errors add the command's usage.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, "newsdiff: no command")
		fmt.Fprint(env.Stderr, Usage)
		return ExitUsage
	}
	var err error
	switch args[0] {
	case "list":
		err = runList(ctx, args[1:], env)
	case "diff":
		err = runDiff(ctx, args[1:], env)
	case "quotes":
		err = quotesCommand.run(ctx, args[1:], env)
	case "matrix":
		err = matrixCommand.run(ctx, args[1:], env)
	case "unique":
		err = uniqueCommand.run(ctx, args[1:], env)
	case "shared":
		err = sharedCommand.run(ctx, args[1:], env)
	case "facts":
		err = factsCommand.run(ctx, args[1:], env)
	case "report":
		err = reportCommand.run(ctx, args[1:], env)
	default:
		err = usagef("unknown command %q", args[0])
	}
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stderr, Usage)
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "newsdiff %s: %s\n", args[0], ue.msg)
		fmt.Fprint(env.Stderr, Usage)
		return ExitUsage
	default:
		fmt.Fprintf(env.Stderr, "newsdiff %s: %s\n", args[0], err)
		return ExitError
	}
}

// Usage is the command-line usage of the non-interactive commands.
const Usage = `usage:
  newsdiff [--no-color] [DIR]                   read the articles in DIR (default: the built-in story)
  newsdiff list [--format plain|json] [DIR]     list the articles: id, outlet, title, words
  newsdiff diff [--format ansi|plain|json|html] [--dir DIR] A B
                                                compare two articles; A and B are file paths,
                                                article ids, or outlet names (a prefix will do)
  newsdiff quotes [--format plain|json|ansi] [--story S] [DIR]
                                                every quotation, grouped by utterance, as each outlet words it
  newsdiff matrix [--format plain|json] [--story S] [DIR]
                                                how much of each outlet every other one reports
  newsdiff unique [--format plain|json] [--story S] [DIR]
                                                the passages only one outlet reports
  newsdiff shared [--format plain|json] [--story S] [DIR]
                                                passages two or more outlets print word for word
  newsdiff facts [--format plain|json] [--story S] [DIR]
                                                numbers, days and attributions the outlets give differently
  newsdiff report [--format html] [--story S] [DIR]
                                                all of the above as one HTML page
  newsdiff serve [flags] [DIR]                  serve the reader over SSH (see newsdiff serve -h)
`

// newFlagSet returns a flag set that reports into err rather than exiting.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args, allowing flags after positional arguments as well as
// before ("diff A B --format json"), as people type them.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// load returns the corpus in dir, or env's corpus when dir is empty, and
// reports load problems on stderr.
func load(dir string, env Env) (*corpus.Corpus, error) {
	if dir != "" {
		if !env.Files {
			return nil, errors.New("naming a directory or file is not allowed here")
		}
		c, probs, err := story.LoadDir(dir)
		report(env, probs)
		if err != nil {
			return nil, err
		}
		return c, nil
	}
	if env.Corpus != nil {
		return env.Corpus, nil
	}
	if env.Default == nil {
		return nil, errors.New("no corpus")
	}
	c, probs, err := env.Default()
	report(env, probs)
	return c, err
}

func report(env Env, probs []corpus.Problem) {
	for _, p := range probs {
		fmt.Fprintf(env.Stderr, "newsdiff: %s\n", termsafe.Display(p.Error()))
	}
}

// resolve finds the article a command-line argument names: a file path
// (when files are allowed and it exists), an article id or a unique id
// prefix, or an outlet name or unique case-insensitive prefix of one.
func resolve(arg string, c *corpus.Corpus, env Env) (*corpus.Article, error) {
	if env.Files && strings.ContainsAny(arg, `/\.`) {
		if fileExists(arg) {
			a, probs, err := corpus.LoadFile(arg)
			report(env, probs)
			if err != nil {
				return nil, err
			}
			if a == nil {
				return nil, fmt.Errorf("%s: no article could be read", arg)
			}
			return a, nil
		}
	}
	if c == nil {
		return nil, fmt.Errorf("no article %q", arg)
	}
	all := c.Articles()
	for _, a := range all {
		if a.ID == arg {
			return a, nil
		}
	}
	lower := strings.ToLower(arg)
	for _, try := range []func(*corpus.Article) bool{
		func(a *corpus.Article) bool { return strings.HasPrefix(a.ID, arg) },
		func(a *corpus.Article) bool { return strings.ToLower(a.Outlet) == lower },
		func(a *corpus.Article) bool { return strings.HasPrefix(strings.ToLower(a.Outlet), lower) },
	} {
		var found []*corpus.Article
		for _, a := range all {
			if try(a) {
				found = append(found, a)
			}
		}
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			var names []string
			for _, a := range found {
				names = append(names, a.ID+" ("+a.Outlet+")")
			}
			return nil, fmt.Errorf("%q is ambiguous: %s", arg, termsafe.Display(strings.Join(names, ", ")))
		}
	}
	if env.Files && strings.ContainsAny(arg, `/\`) {
		return nil, fmt.Errorf("%s: no such file", arg)
	}
	return nil, fmt.Errorf("no article with id or outlet %q (try: newsdiff list)", termsafe.Display(arg))
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// checkFormat reports a usage error unless format is one of formats.
func checkFormat(format string, formats ...string) error {
	for _, f := range formats {
		if f == format {
			return nil
		}
	}
	want := formats[len(formats)-1]
	if n := len(formats); n > 1 {
		want = strings.Join(formats[:n-1], ", ") + " or " + want
	}
	return usagef("unknown format %q (want %s)", format, want)
}

// optionalDir returns the one directory the positional arguments may name,
// or "" when they name none.
func optionalDir(pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return "", nil
	case 1:
		return pos[0], nil
	}
	return "", usagef("want at most one directory, got %d arguments", len(pos))
}
