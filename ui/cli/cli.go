// Package cli is newsdiff's command line: one cobra command tree holding
// every command (the reader, list, diff, the story commands, extract, add,
// index, serve, completion, man) with its flags, help, exit statuses, colour, pager and
// JSON, locally and as exec requests over SSH, where no file may be named.
// It asks corpus and analysis for results and writes them; it does not
// know how they are computed. Adding a command is one file calling register.
//
// diff.go runs past 600 lines because diff's flags, its view of a
// comparison (context, case, punctuation) and its text and JSON writers
// change together; conventions_test.go holds one table test per
// command-line convention (help, colour, pager, exit codes, git).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// Exit statuses. A command stopped by a signal exits 128 plus the signal's
// number, as a shell reports it: 130 for SIGINT, 143 for SIGTERM.
const (
	ExitOK    = 0
	ExitError = 1 // anything that went wrong other than usage; diff --exit-code and -q: the texts differ
	ExitUsage = 2 // a usage error; the command's usage line is printed on stderr; diff --exit-code: any error
)

// Env is what a command runs against.
type Env struct {
	// Corpus is the corpus to use when no directory is named. Default is
	// called to get it when Corpus is nil.
	Corpus  *corpus.Corpus
	Default func() (*corpus.Corpus, []corpus.Problem, error)
	// Archive, when set in place of Corpus, is the archive the commands
	// answer from when no directory is named: the folder a server
	// serves, opened and refreshed once by it, and shared by every
	// command it runs, none of which closes it. The commands find in it
	// what they would find opening its folder themselves.
	Archive *archive.Archive
	// Cache, when set, memoises comparisons across commands.
	Cache *analysis.Cache
	// Files is true on the process's own command line: it allows naming
	// directories and files, reading an article from standard input ("-"),
	// and the commands that only make sense there (the reader, serve,
	// completion, man). It is false over SSH, where a client must not read
	// the server's files.
	Files bool
	// Terminal says stdout is a terminal, so that --color auto colours
	// output unless NoColor (a non-empty NO_COLOR) is set or Local's TERM
	// is unset or dumb (see colorOn). Over SSH, where there is no Local,
	// it is the client's pty (ssh -t) when its TERM is set and not dumb,
	// and NoColor a non-empty NO_COLOR the client sent (see servedEnv).
	// ForceColor (CLICOLOR_FORCE) colours whatever Terminal says; Run
	// reads it, and CLICOLOR=0 for NoColor, from Local's environment,
	// servedEnv from what the client sent (see envColour).
	Terminal   bool
	NoColor    bool
	ForceColor bool
	// LightBackground says, where there is no Local, that the client's
	// terminal has a light background, as the COLORFGBG it sent says: the
	// coloured diff and quotes take darker shades (see lightBackground).
	LightBackground bool
	// Width, when positive, is the width of the terminal the output is
	// shown on where Local cannot tell it: over SSH, that of the client's
	// pty (ssh -t), which tables and lines are fitted to as they are to
	// a local terminal's. It changes nothing else: the output is not
	// coloured or paged for it.
	Width  int
	Stdout io.Writer
	Stderr io.Writer
	// Local holds what only the process's own command line has: standard
	// input, the environment, the terminal's size and whether stderr is a
	// terminal. Nil over SSH and in most tests.
	Local *Local
}

// Local is the part of Env that belongs to one process run from a shell.
type Local struct {
	Stdin io.Reader
	// LookupEnv is os.LookupEnv: a variable set to the empty string is
	// not one left unset (PAGER= turns the pager off, as in git).
	LookupEnv func(string) (string, bool)
	// Size returns the terminal's width and height, for the pager's "longer
	// than the screen".
	Size func() (width, height int, err error)
	// StderrTerminal says stderr is a terminal, where index draws its
	// progress bar (Env.Terminal is stdout's), and StderrWidth, when set,
	// returns its width, which the bar is fitted to (0: unknown).
	StderrTerminal bool
	StderrWidth    func() int
	// DarkBackground, when set, says whether the terminal on stdout has a
	// dark background, as it answered when asked (lipgloss's
	// HasDarkBackground, which also reads COLORFGBG); the coloured diff
	// and quotes take their shades from it (see lightBackground).
	DarkBackground func() bool
	// Read and Serve replace the reader and the SSH server when set: tests
	// see what would be opened, with which settings, without a terminal or
	// a listening socket. Nil runs the real ones (runReader, runServer).
	Read  func(ctx context.Context, r ReaderRequest) error
	Serve func(ctx context.Context, s ServeRequest) error
	// Notify, when set, is NotifyContext or a stand-in for it: Run calls
	// it once a command is about to run, its arguments checked, and stops
	// it as it returns. A run that only prints its version or help, or
	// refuses its arguments, so never starts the three threads the
	// runtime's signal handling takes: a twentieth of newsdiff --version.
	Notify func(context.Context) (context.Context, func())
}

// stderrWidth is the width of the terminal stderr is, 0 when unknown.
func (l *Local) stderrWidth() int {
	if l == nil || l.StderrWidth == nil {
		return 0
	}
	return l.StderrWidth()
}

func (l *Local) getenv(name string) string {
	v, _ := l.lookupEnv(name)
	return v
}

func (l *Local) lookupEnv(name string) (string, bool) {
	if l == nil || l.LookupEnv == nil {
		return "", false
	}
	return l.LookupEnv(name)
}

// A command is one subcommand, registered by the init function of the file
// that defines it.
type command struct {
	name string
	// remote commands only read the corpus and print: they also run over
	// SSH. The others (extract, add, index, serve, man) exist only
	// locally, as does the completion command cobra adds.
	remote bool
	build  func(a *app) *cobra.Command
}

var commands []command

// Commands lists the commands that run over SSH too, sorted: what a client
// may name in an exec request. It is complete once the package is
// initialised.
var Commands []string

// register adds a subcommand. Call it from the init function of the
// command's own file; a command that only reads the corpus and prints is
// remote, and its body runs through app.printing so that it is
// interruptible and paged:
//
//	func init() { register("outlets", true, outletsCommand) }
//
//	func outletsCommand(a *app) *cobra.Command {
//		var format string
//		cmd := &cobra.Command{
//			Use: "outlets [DIR]", Short: "…", Example: "  newsdiff outlets", Args: dirArgs,
//			RunE: a.printing(func(ctx context.Context, p *printer, args []string) error {
//				c, err := p.load(dirOf(args)) // warnings go to stderr
//				…                             // write to &p.stdout; JSON through writeJSON
//			}),
//		}
//		a.formatFlag(cmd, &format, "plain", "plain", "json")
//		return cmd
//	}
func register(name string, remote bool, build func(a *app) *cobra.Command) {
	commands = append(commands, command{name: name, remote: remote, build: build})
	if remote {
		Commands = append(Commands, name)
		slices.Sort(Commands)
	}
}

// IsCommand reports whether name is one of Commands.
func IsCommand(name string) bool { return slices.Contains(Commands, name) }

// usageError marks an error as a usage error (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitError ends a command with a status of its own and no message, as
// diff --exit-code does when the texts differ.
type exitError struct{ status int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.status) }

// Run runs the command line args (without the program's name) and returns
// the exit status. Errors are reported on env.Stderr in one line naming
// what went wrong, every user-controlled string in it made safe; usage
// errors add the command's usage line. When ctx is cancelled by a signal
// (see NotifyContext and Local.Notify), a printing command returns at once
// with 128 plus the signal's number, without waiting for the work it
// started.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	env.Stdout = &stdoutWriter{w: env.Stdout}
	if l := env.Local; l != nil {
		env.NoColor, env.ForceColor = envColour(env.NoColor, l.getenv)
	}
	a := &app{env: env}
	if opts, call, ok := gitCall(args); ok && env.Files {
		a.git = true
		args = append(append(slices.Clip(opts), "--"), call...)
		keepBrokenPipe(env.Stdout)
	}
	root := a.newRoot(args)
	if !isCompletion(args) {
		args = colorWords(root, args)
	}
	// A nil slice would make cobra read os.Args.
	root.SetArgs(append([]string{}, args...))
	stop := func() {}
	if l := env.Local; l != nil && l.Notify != nil {
		// Cobra runs this after the flags and arguments are checked and
		// before any command's work; help never reaches it. No command
		// defines a hook of its own, which would take this one's place.
		root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
			if a.version {
				return
			}
			ctx, stop = l.Notify(ctx)
			cmd.SetContext(ctx)
		}
	}
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil && a.helpErr != nil {
		err = a.helpErr
	}
	status := a.exit(ctx, cmd, err)
	stop()
	return status
}

// commandName names command (with its arguments) as the one who runs it
// types it: "newsdiff list" on the command line, and over SSH "ssh HOST
// list", as the served help names commands; "newsdiff list" is no
// command a client can run.
func (a *app) commandName(command string) string {
	if !a.env.Files {
		return "ssh HOST " + command
	}
	return "newsdiff " + command
}

// commandOf names cmd followed by rest as commandName names a command:
// "newsdiff diff --help", over SSH "ssh HOST diff --help", and for the
// root "ssh HOST --help".
func (a *app) commandOf(cmd *cobra.Command, rest string) string {
	path := strings.TrimSpace(strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()))
	return a.commandName(strings.TrimSpace(path + " " + rest))
}

// useLine is cmd's usage line as the one who runs it types it: "newsdiff
// diff [flags] A B" on the command line, and over SSH "ssh HOST diff
// [flags] A B", as commandName names commands. The root over SSH takes
// a command and nothing else: "ssh HOST [command]".
func (a *app) useLine(cmd *cobra.Command) string {
	if a.env.Files {
		return cmd.UseLine()
	}
	if !cmd.HasParent() {
		return a.commandName("[command]")
	}
	return a.commandName(strings.TrimSpace(strings.TrimPrefix(cmd.UseLine(), cmd.Root().Name())))
}

// tryList is the hint an error gives of the list that shows what it
// names: list on the folder the command read (a.dir), with args, such as
// " --story NAME", after it ("(try: newsdiff list 'my folder')", over SSH
// "(try: ssh HOST list)"). A bare "(try: newsdiff list)" sent one who had
// named a folder to the built-in story's list.
func (a *app) tryList(args string) string { return "(try: " + a.listCommand(args) + ")" }

// listCommand names list on the folder the command read, with args after
// it, as the one who runs it types it.
func (a *app) listCommand(args string) string {
	if a.dir != "" && a.env.Files {
		return a.commandName("list " + shellWord(a.dir) + args)
	}
	return a.commandName("list" + args)
}

// word is s as one word of a command a hint names: for the local shell
// (see shellWord), or quoted as the SSH server's command line reads it.
func (a *app) word(s string) string {
	if a.env.Files {
		return shellWord(s)
	}
	return quoteArg(s)
}

// shellWord is s as one word a POSIX shell reads back as s: as it is when
// it holds only characters no shell treats specially, else in single
// quotes, or, where it holds what a terminal must not be sent, quoted as
// Name quotes it (bash's $'…' reads most of those escapes back).
func shellWord(s string) string {
	if s == "" {
		return "''"
	}
	if quoteName(s) != "" {
		return "$'" + strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(quoteArg(s), `"`), `"`), `'`, `\'`) + "'"
	}
	plain := true
	for _, r := range s {
		if !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%=~", r) && r < 0x80 {
			plain = false
			break
		}
	}
	if plain && !strings.HasPrefix(s, "~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// exit reports err and returns the exit status for it.
func (a *app) exit(ctx context.Context, cmd *cobra.Command, err error) int {
	// Lost output outweighs success and a bare status (diff --exit-code's
	// 1, which prints nothing), which would otherwise hide it; a command's
	// own error already says what went wrong.
	if _, onlyStatus := errors.AsType[exitError](err); err == nil || onlyStatus {
		if lost := a.lostOutput(); lost != nil {
			err = lost
		}
	}
	if err == nil || (a.git && errors.Is(err, syscall.EPIPE)) {
		// git's reader stopped (git diff | head -1): git writes nothing of
		// its own for an external diff, so nothing else would tell it, and
		// it would take a failure for its own ("fatal: external diff
		// died"). git's own diff stops silently there.
		return ExitOK
	}
	if sig, ok := signalOf(ctx); ok {
		return 128 + sig
	}
	name := "newsdiff"
	trouble := ExitError
	if cmd != nil {
		name = cmd.CommandPath()
		// With --exit-code, 1 says the texts differ, so trouble is 2, as
		// diff(1) has it: a missing file was taken for a difference.
		if f := cmd.Flags().Lookup("exit-code"); f != nil && f.Value.String() == "true" {
			trouble = ExitUsage
		}
	}
	var ue usageError
	var ee exitError
	switch {
	case errors.As(err, &ee):
		return ee.status
	case errors.As(err, &ue):
		fmt.Fprintf(a.env.Stderr, "%s: %s\n", name, termsafe.OneLine(ue.msg))
		if cmd != nil {
			fmt.Fprintf(a.env.Stderr, "usage: %s\n", termsafe.OneLine(a.useLine(cmd)))
			fmt.Fprintf(a.env.Stderr, "Run '%s' for more.\n", a.commandOf(cmd, "--help"))
		}
		return ExitUsage
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(a.env.Stderr, "%s: stopped\n", name)
		return trouble
	default:
		fmt.Fprintf(a.env.Stderr, "%s: %s\n", name, termsafe.OneLine(err.Error()))
		return trouble
	}
}

// app is one run of the command line: the environment, the global flags
// and the output of the command that runs.
type app struct {
	env Env
	// Global flags.
	color   string // auto, always or never; --no-color sets never
	noPager bool
	version bool // the root's --version
	// helpErr is the error the root's help gave in place of the help
	// (see rootHelpArgs).
	helpErr error
	// git is set when the command line is git's GIT_EXTERNAL_DIFF call,
	// and gitContext is its -U.
	git        bool
	gitContext int
	// dir is the folder the command read its articles from, as it was
	// named, or "" for the built-in story: a hint to list them names it.
	dir string
}

// printing wraps the body of a command that only prints. The body writes
// to buffers and runs in its own goroutine; when ctx is done first the
// command returns at once, so an interrupt never waits for a long
// comparison. Otherwise its output goes to stdout, through the pager when
// it is longer than the screen.
func (a *app) printing(body func(ctx context.Context, p *printer, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		ctx := cmd.Context()
		p := &printer{app: a}
		done := make(chan error, 1)
		go func() {
			defer func() {
				if r := recover(); r != nil {
					done <- fmt.Errorf("internal error: %v", r)
				}
			}()
			done <- body(ctx, p, args)
		}()
		var err error
		select {
		case err = <-done:
		case <-ctx.Done():
			// The body may still be writing to p: leave it alone, but
			// for the bar it draws on the terminal, which is erased
			// (and drawn no more) as it would be before the output.
			if bar := p.bar.Load(); bar != nil {
				bar.erase()
			}
			return context.Cause(ctx)
		}
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		io.Copy(a.env.Stderr, &p.stderr)
		if werr := a.flush(ctx, &p.stdout); werr != nil && err == nil {
			err = werr
		}
		if ctx.Err() != nil {
			// Interrupted while the pager had the terminal: the pager
			// was told too, and quit by its reader; the status says so,
			// as git's does.
			return context.Cause(ctx)
		}
		return err
	}
}

// load returns the corpus in dir, or env's corpus when dir is empty, and
// reports load problems on stderr. A corpus with no article is an error
// that says why.
func (p *printer) load(dir string) (*corpus.Corpus, error) {
	c, probs, err := p.app.loadCorpus(dir)
	if err != nil {
		p.report(warnedBefore(probs))
		return nil, err
	}
	p.report(probs)
	return c, nil
}

// loadCorpus is load without the reporting, for the reader, which shows
// the problems itself.
func (a *app) loadCorpus(dir string) (*corpus.Corpus, []corpus.Problem, error) {
	env := a.env
	if dir != "" {
		if !env.Files {
			return nil, nil, errors.New("naming a directory or file is not allowed here")
		}
		c, probs, err := loadDir(dir)
		if err != nil {
			return nil, probs, err
		}
		a.dir = dir
		if len(c.Articles()) == 0 {
			return nil, probs, noArticles(dir, probs)
		}
		return c, probs, nil
	}
	if env.Corpus != nil {
		return env.Corpus, nil, nil
	}
	if env.Default == nil {
		return nil, nil, errors.New("no corpus")
	}
	return env.Default()
}

// noArticles says why nothing loaded from dir.
func noArticles(dir string, probs []corpus.Problem) error {
	switch len(probs) {
	case 0:
		if p, ok := otherFiles(dir); ok {
			return fmt.Errorf("%s: no articles: %s", Name(dir), termsafe.OneLine(p.DetailText(digits.Group)))
		}
		return fmt.Errorf("%s: no articles (.txt, .md, .html or .htm files)", Name(dir))
	case 1:
		if filepath.Clean(probs[0].Path) == filepath.Clean(dir) {
			// dir is the one file: nothing else was read without it.
			return fmt.Errorf("no article could be read: %s", fileProblem(probs[0]))
		}
		return fmt.Errorf("no article could be read: %s", Problem(probs[0]))
	}
	return fmt.Errorf("%s: no article could be read (%s skipped)", Name(dir), plural.Count(len(probs), "file", "files"))
}

// otherFiles is the problem corpus.LoadDir makes of the folder dir when
// it holds files but none newsdiff reads, naming the first few: the index
// of a folder lists article files alone, and "no articles" of a folder of
// PDFs left the reader to guess that its files had been looked at.
func otherFiles(dir string) (corpus.Problem, bool) {
	if !isDir(dir) {
		return corpus.Problem{}, false
	}
	c, probs, err := corpus.LoadDir(dir)
	if err != nil || len(c.Articles()) > 0 || len(probs) != 1 || probs[0].Skipped ||
		filepath.Clean(probs[0].Path) != filepath.Clean(dir) {
		return corpus.Problem{}, false
	}
	return probs[0], true
}

// warnedBefore is the problems to warn of before noArticles's error for
// probs: none when there is one, which the error names itself (a warning
// saying it too gave the reason twice), else all of them.
func warnedBefore(probs []corpus.Problem) []corpus.Problem {
	if len(probs) == 1 {
		return nil
	}
	return probs
}

// report writes each load problem as one warning line, once.
func (p *printer) report(probs []corpus.Problem) {
	for _, pr := range probs {
		line := Problem(pr)
		if p.warned[line] {
			continue
		}
		if p.warned == nil {
			p.warned = make(map[string]bool)
		}
		p.warned[line] = true
		fmt.Fprintf(&p.stderr, "newsdiff: warning: %s\n", line)
	}
}

// Name returns a file name or argument fit to print inside a message: as
// it is when it is plain text on one line, else quoted with Go's escapes
// (a newline as \n, an escape as \x1b, a bidi override as \u202e), so that
// no name can split a line, forge another message or reach the terminal
// as a control.
//
// It is the rule for every name a message gives, of what one may type
// back: a file or folder, an id or STORY/ID, a story, the index. Such a
// name is never stripped of what it holds (cell): stripped, it names
// another file, or none, and two names became one. Text from inside an
// article (a title, an outlet) is made safe by cell instead; an argument
// the user typed is quoted whole (quoteArg), as cobra quotes one. The
// empty name is quoted too: bare, it left a message headed ": ".
func Name(s string) string {
	if s == "" {
		return `""`
	}
	if q := quoteName(s); q != "" {
		return q
	}
	return s
}

// quoteName returns s quoted when it needs to be, else "".
func quoteName(s string) string {
	for _, r := range s {
		if r == '"' || !isPlainRune(r) {
			return quoteArg(s)
		}
	}
	return ""
}

// Problem formats a load problem with its path made safe by Name and the
// reason on the same line, its counts grouped for people to read.
func Problem(p corpus.Problem) string {
	p.Path = Name(p.Path)
	return termsafe.OneLine(p.Text(digits.Group))
}
