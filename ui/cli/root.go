package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// ReaderRequest is what the reader opens on.
type ReaderRequest struct {
	Corpus   *corpus.Corpus
	Cache    *analysis.Cache
	NoColor  bool
	Problems []string // load warnings, each one safe line
	// InputTTY asks the reader to read keys from the terminal itself,
	// because standard input held an article.
	InputTTY bool
	// Load, when Corpus is nil, loads the corpus while the reader shows
	// that it is loading Loading (a folder takes seconds to read).
	Load    func(ctx context.Context) (*corpus.Corpus, []string, error)
	Loading string
	// Open, in place of Load, opens an archive through its index: the
	// reader lists it from the index and reads articles as it needs them.
	Open func(ctx context.Context) (ui.Library, []string, error)
	// Hyperlinks says the terminal draws OSC 8 hyperlinks.
	Hyperlinks bool
}

const rootLong = `newsdiff compares how news outlets worded the same story.

With no command it opens the reader: on DIR (a folder of .txt, .md or
saved .html articles; each subfolder is a story), on the built-in story
when DIR is left out, or on two files A and B compared side by side. "-"
reads an article from standard input. Given two folders, it shows a story
of each file either has, by its path, beside its version in the other
(an empty side where one has it alone), as diff of two folders pairs them.

Called by git as GIT_EXTERNAL_DIFF (seven arguments, nine for a renamed
file), it prints the word diff of the two versions of each file: the
changed passages with three unchanged ones around each, as git diff shows
three lines (GIT_EXTERNAL_DIFF='newsdiff -U 1' for another count; git
passes no -U of its own to an external diff).`

const rootExample = `  newsdiff                        # the reader, on the built-in story
  newsdiff ~/stories              # the reader, on a folder of articles
  newsdiff a.txt b.txt            # the reader, comparing two files
  newsdiff yesterday/ today/      # the reader, each file beside its new version
  newsdiff diff a.txt b.txt       # the word diff, printed
  GIT_EXTERNAL_DIFF=newsdiff git diff   # git's diff, word by word`

// newRoot builds the command tree for one run of args. When args start
// with a command's name, only that command is built: building all of them
// (their flags, completions and help) is a start-up cost every run would
// pay for commands it does not run.
func (a *app) newRoot(args []string) *cobra.Command {
	root := &cobra.Command{
		Use:           "newsdiff [DIR | A B]",
		Short:         "Compare how news outlets worded the same story",
		Long:          rootLong,
		Example:       rootExample,
		Args:          a.rootArgs,
		RunE:          a.runRoot,
		SilenceErrors: true,
		SilenceUsage:  true,
		// A folder, or two files, and nothing past them.
		ValidArgsFunction: completeFilesUpTo(2),
	}
	if !a.env.Files {
		root.Use = "newsdiff"
		root.Long = "newsdiff compares how news outlets worded the same story.\n\n" +
			"Over SSH, run a command as ssh HOST COMMAND [ARGS] (ssh HOST diff --help\n" +
			"for its flags), or connect with ssh -t HOST for the reader."
		root.Example = ""
		root.ValidArgsFunction = nil
	}
	root.SuggestionsMinimumDistance = 2
	if a.env.Files {
		// The root's own flag, not cobra's (its Version): cobra's says
		// "version for newsdiff", and prints the version before the
		// arguments are checked, so that "newsdiff -v a.txt b.txt"
		// (-v taken for verbose, as in curl and tar) printed it and
		// left the files unsaid. rootArgs refuses arguments beside it.
		// Over SSH a command is the first word ("ssh host --version" is
		// refused as an unknown one): help listed a --version that
		// cannot be run.
		root.Flags().BoolVarP(&a.version, "version", "v", false, "print the version and the commit it was built from")
	}
	root.SetOut(a.env.Stdout)
	root.SetErr(a.env.Stderr)
	if l := a.env.Local; l != nil && l.Stdin != nil {
		root.SetIn(l.Stdin)
	}
	root.SetUsageFunc(a.usage)
	help := root.HelpFunc()
	root.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		if cmd == root && root.Flags().Parsed() {
			// "newsdiff --help diff", as git --help diff: cobra takes
			// a command named after --help for the flag's value and
			// runs the root, whose help said "unknown command "diff"
			// …; did you mean diff?". It is that command's help.
			if sub := subcommandOf(root, root.Flags().Args()); sub != nil {
				help(sub, nil)
				return
			}
			// "newsdiff dif --help" showed the root's help, which
			// takes a folder or two files, and said nothing of the
			// misspelt command, as "help dif" says it: the help a.exit
			// gives is of an error instead.
			if a.helpErr = a.rootHelpArgs(root, root.Flags().Args()); a.helpErr != nil {
				return
			}
		}
		help(cmd, args)
	})
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return flagError(cmd, err, a.env.Files) })
	pf := root.PersistentFlags()
	a.color = colorAuto
	colorUsage := "colour `WHEN`: auto (a terminal, TERM set and not dumb, NO_COLOR unset or empty and CLICOLOR not 0; CLICOLOR_FORCE set and not 0: colour anyway), always or never; --color alone is always"
	if !a.env.Files {
		// A client's terminal is the one it asks for, and its NO_COLOR
		// the one it sends: the server's own play no part.
		colorUsage = "colour `WHEN`: auto (with ssh -t, TERM set and not dumb, NO_COLOR not sent or empty and CLICOLOR not 0; CLICOLOR_FORCE sent and not 0: colour anyway), always or never; --color alone is always"
	}
	pf.Var(colorValue{&a.color}, "color", colorUsage)
	if !isCompletion(args) {
		// --color alone is always, as git's (see colorWords). A shell
		// completing "--color " offers the three values, which that
		// form takes, rather than files.
		pf.Lookup("color").NoOptDefVal = colorAlways
	}
	pf.Var(noColorValue{&a.color}, "no-color", "the same as --color never")
	pf.Lookup("no-color").NoOptDefVal = "true"
	pf.BoolVar(&a.noPager, "no-pager", false, "write long output straight to stdout, not through the pager ($NEWSDIFF_PAGER, else $PAGER, else less -FRX)")
	if !a.env.Files {
		// A served command writes to the client, never through a pager:
		// the flag is taken, for scripts that pass it, but not offered.
		_ = pf.MarkHidden("no-pager")
		// Nor does the root take -h: "ssh HOST --help" is refused as an
		// unknown command, and ssh HOST help shows the root's help.
		root.InitDefaultHelpFlag()
		_ = root.Flags().MarkHidden("help")
	}
	// Completions register functions in a process-wide map; only the
	// local command line, which builds the tree once, may use them.
	root.CompletionOptions.DisableDefaultCmd = !a.env.Files
	if a.env.Files {
		_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(
			[]cobra.Completion{colorAuto, colorAlways, colorNever}, cobra.ShellCompDirectiveNoFileComp))
	}
	only := invoked(args)
	// "newsdiff --version" runs no command and lists none: building the
	// tree for it took a twentieth of its run.
	versionOnly := a.env.Files && isVersionCall(args)
	if only != "" || versionOnly {
		// Nor is cobra's completion command, with its four shells, built
		// for a run of another command.
		root.CompletionOptions.DisableDefaultCmd = true
	}
	if a.env.Files {
		f := root.Flags()
		a.gitContext = gitContext
		f.VarP(contextValue{&a.gitContext}, "context", "U", "as git's external diff: show `N` unchanged passages around each change, or all")
	}
	for _, c := range commands {
		if a.git || versionOnly {
			// git's call runs no command, nor does --version.
			break
		}
		if (c.remote || a.env.Files) && (only == "" || c.name == only) {
			cmd := c.build(a)
			if !a.env.Files {
				cmd = served(cmd)
			}
			root.AddCommand(cmd)
		}
	}
	if len(args) > 0 && args[0] == "completion" {
		strictCompletion(root)
	}
	if a.env.Files && isCompletion(args) {
		valuesNotFiles(root)
	}
	if len(args) > 0 && args[0] == "help" {
		a.strictHelp(root)
	}
	return root
}

// isVersionCall says whether args ask for the version alone (newsdiff
// --version, or -v): with anything beside it, rootArgs refuses or cobra
// dispatches, and those need the commands.
func isVersionCall(args []string) bool {
	return len(args) == 1 && (args[0] == "--version" || args[0] == "-v")
}

// isCompletion says whether args are a shell's request for completions.
func isCompletion(args []string) bool {
	return len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd)
}

// helpWidth is the width --help wraps its flags' descriptions to, as git's
// help and man pages keep to 80 columns: cobra wrote each on one line,
// --color's some 150 columns wide.
const helpWidth = 80

// usage writes cmd's usage as cobra's default does, but with the flags'
// descriptions wrapped to helpWidth, and over SSH the help of a command
// named as a client runs it (see commandName).
func (a *app) usage(cmd *cobra.Command) error {
	var b strings.Builder
	b.WriteString("Usage:")
	// Over SSH the root runs no command line of its own: "ssh HOST
	// --color never" is refused as an unknown command.
	if cmd.Runnable() && (a.env.Files || cmd.HasParent()) {
		b.WriteString("\n  " + a.useLine(cmd))
	}
	if cmd.HasAvailableSubCommands() {
		b.WriteString("\n  " + a.commandOf(cmd, "[command]"))
	}
	if cmd.HasExample() {
		b.WriteString("\n\nExamples:\n" + cmd.Example)
	}
	if cmd.HasAvailableSubCommands() {
		b.WriteString("\n\nAvailable Commands:")
		for _, sub := range cmd.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if cmd.HasAvailableLocalFlags() {
		heading := "Flags"
		if !a.env.Files && !cmd.HasParent() {
			// Over SSH the root's flags are its commands' ("ssh HOST
			// diff --color never"), as each command's help names them.
			heading = "Global Flags"
		}
		b.WriteString("\n\n" + heading + ":\n" + strings.TrimRightFunc(cmd.LocalFlags().FlagUsagesWrapped(helpWidth), unicode.IsSpace))
	}
	if cmd.HasAvailableInheritedFlags() {
		b.WriteString("\n\nGlobal Flags:\n" + strings.TrimRightFunc(cmd.InheritedFlags().FlagUsagesWrapped(helpWidth), unicode.IsSpace))
	}
	if cmd.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\nUse \"%s\" for more information about a command.", a.commandOf(cmd, "[command] --help"))
	}
	b.WriteString("\n")
	_, err := io.WriteString(cmd.OutOrStderr(), b.String())
	return err
}

// valuesNotFiles makes each flag of cmd and its commands whose value is
// no file (a count, a duration, an address, a URL, a story) complete to
// nothing where it has no completion of its own: cobra completes such a
// flag to the files of the working directory, so "diff -U <tab>" offered
// them. A flag whose value is a PATH or a DIR keeps them; -U offers all.
// Each flag's usage, which the shells show beside it, loses the backquotes
// around its value's name.
func valuesNotFiles(cmd *cobra.Command) {
	cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
		// The shells show a flag's usage beside it as it is written:
		// "output `FORMAT`: ansi, …", its value's name in backquotes,
		// where --help shows "output FORMAT: ansi, …".
		name, plain := pflag.UnquoteUsage(f)
		f.Usage = plain
		if f.NoOptDefVal != "" {
			return // a switch
		}
		if _, ok := cmd.GetFlagCompletionFunc(f.Name); ok {
			return
		}
		switch name {
		case "PATH", "DIR":
			return
		}
		complete := cobra.NoFileCompletions
		if f.Name == "context" {
			complete = cobra.FixedCompletions([]cobra.Completion{"all"}, cobra.ShellCompDirectiveNoFileComp)
		}
		_ = cmd.RegisterFlagCompletionFunc(f.Name, complete)
	})
	for _, sub := range cmd.Commands() {
		valuesNotFiles(sub)
	}
}

// strictHelp adds cobra's help command to root and makes a topic that is
// no command a usage error: the root takes a directory or two files as
// its arguments, so cobra found the root for "help dif" and printed its
// help, exiting 0, without a word about the misspelt command. Its own
// help names it as it is typed: cobra's says "newsdiff help" over SSH too.
func (a *app) strictHelp(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" || c.Run == nil {
			continue
		}
		c.Long = "Help provides help for any command.\nType '" + a.commandName("help [command]") + "' for full details."
		show := c.Run
		c.Run = nil
		c.RunE = func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			switch {
			case err == nil && target == cmd.Root() && len(args) > 0:
				return unknownCommand(cmd.Root(), args[0])
			case err == nil && len(rest) > 0:
				// "help diff x" showed diff's help and said nothing of
				// x, as if it were a command of diff's.
				return usagef("%s has no command %s", strings.TrimSpace(strings.TrimPrefix(target.CommandPath(), target.Root().Name())), quoteArg(rest[0]))
			}
			show(cmd, args)
			return nil
		}
	}
}

// completionShells are the shells cobra's completion command writes for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// strictCompletion adds cobra's completion command to root, if it is
// enabled, and makes a missing or unknown shell a usage error: cobra
// prints the command's help for "completion tcsh" and exits 0, so a
// script writing the output to a file gets help text and no error.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = func(_ *cobra.Command, args []string) error {
			want := strings.Join(completionShells[:len(completionShells)-1], ", ") + " or " + completionShells[len(completionShells)-1]
			if len(args) == 0 {
				return usagef("want a shell: %s", want)
			}
			return usagef("unknown shell %s (want %s)", quoteArg(args[0]), want)
		}
		// Runnable, so that cobra checks the arguments; a known shell runs
		// its own subcommand and never gets here.
		c.RunE = func(*cobra.Command, []string) error { return nil }
		c.Use = "completion SHELL"
		for _, shell := range c.Commands() {
			// cobra's own check made "completion zsh extra" an error of
			// status 1, not a usage error.
			shell.Args = func(_ *cobra.Command, args []string) error {
				if len(args) > 0 {
					return usagef("want no arguments, got %s", plural.Count(len(args), "argument", "arguments"))
				}
				return nil
			}
		}
	}
}

// invoked is the command args run, when they name one and nothing that
// needs the others: root's help and completion list every command.
func invoked(args []string) string {
	if len(args) == 0 {
		return ""
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.name
		}
	}
	return ""
}

// formatFlag adds --format to cmd, one of formats, with its completions.
func (a *app) formatFlag(cmd *cobra.Command, target *string, def string, formats ...string) {
	*target = def
	cmd.Flags().Var(formatValue{target, formats}, "format", "output `FORMAT`: "+orList(formats))
	if a.env.Files {
		_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	}
}

// formatValue is --format's value, checked as the flags are parsed, as
// --color's is: checked after them, "diff --format 003 004", the format
// left out, said only that one article was given.
type formatValue struct {
	s       *string
	formats []string
}

func (f formatValue) String() string { return *f.s }

func (f formatValue) Set(v string) error {
	if !slices.Contains(f.formats, v) {
		return fmt.Errorf("want %s", orList(f.formats))
	}
	*f.s = v
	return nil
}

func (formatValue) Type() string { return "format" }

// rootArgs accepts what the reader opens on, and names the commands when
// the first argument is neither a command nor a file.
func (a *app) rootArgs(cmd *cobra.Command, args []string) error {
	if !a.env.Files {
		if len(args) == 0 {
			return usagef("no command (commands: %s)", strings.Join(Commands, ", "))
		}
		return unknownCommand(cmd, args[0])
	}
	if a.version {
		if len(args) > 0 {
			return usagef("--version takes no arguments, got %s", plural.Count(len(args), "argument", "arguments"))
		}
		return nil
	}
	if a.git || isGitExternalDiff(args) {
		a.git = true
		return nil
	}
	if cmd.Flags().Changed("context") {
		return usagef("--context is for git's external diff (GIT_EXTERNAL_DIFF='newsdiff -U 1'); to compare two files: newsdiff diff -U N A B")
	}
	tooMany := usagef("want a directory, or two files to compare, got %s", plural.Count(len(args), "argument", "arguments"))
	if len(args) > 2 && mayBeFile(args[0]) {
		// Said before any file is looked for: "newsdiff a.txt b.txt
		// c.txt" was a usage error, status 2, where c.txt existed, and
		// "c.txt: no such file or directory", status 1, where not.
		return tooMany
	}
	for i, arg := range args {
		switch {
		case arg == "-" || pathExists(arg):
		case i > 0 || arg == "" || looksLikePath(arg):
			// Only the first word can be a command: "newsdiff a.txt
			// b.txt" with b.txt missing, or "newsdiff old.txt new.txt"
			// with old.txt missing, names a file that is not there. No
			// command is named "": newsdiff "$DIR" with DIR unset names
			// a folder that is not there, as list "$DIR" does.
			return notThere(arg)
		default:
			return unknownCommand(cmd, arg)
		}
	}
	switch len(args) {
	case 0, 1:
		if len(args) == 1 && args[0] == "-" {
			return usagef("the reader needs two articles when one is standard input: newsdiff - B")
		}
		return nil
	case 2:
		if args[0] == "-" && args[1] == "-" {
			return usagef("standard input can be read only once")
		}
		return nil
	}
	return tooMany
}

// rootHelpArgs is the error of root's --help for the arguments args
// beside it: an unknown command when the first names neither a command
// nor a file, as rootArgs finds it; nil, and the help shown, otherwise.
// Another argument, or a file that is missing, is no reason to withhold
// help: --help added to a command line being written shows the help, as
// git's and GNU tools' does.
func (a *app) rootHelpArgs(root *cobra.Command, args []string) error {
	if len(args) == 0 || (a.env.Files && mayBeFile(args[0])) {
		return nil
	}
	return unknownCommand(root, args[0])
}

// subcommandOf returns the command that args, the root's arguments, name
// from their first ("diff", "completion bash"), or nil when the first
// names none.
func subcommandOf(root *cobra.Command, args []string) *cobra.Command {
	if len(args) == 0 {
		return nil
	}
	sub, _, err := root.Find(args)
	if err != nil || sub == root {
		return nil
	}
	return sub
}

// mayBeFile says whether the root's first argument is taken for a file
// rather than a command: standard input, a file that is there, a word
// that looks like a path, or no word at all.
func mayBeFile(arg string) bool {
	return arg == "-" || arg == "" || pathExists(arg) || looksLikePath(arg)
}

// unknownCommand names the commands, and the nearest when there is one.
func unknownCommand(cmd *cobra.Command, name string) error {
	var names []string
	for _, c := range cmd.Root().Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	msg := fmt.Sprintf("unknown command %s (commands: %s)", quoteArg(name), strings.Join(names, ", "))
	if s := cmd.Root().SuggestionsFor(name); len(s) > 0 {
		msg += "; did you mean " + s[0] + "?"
	}
	return usageError{msg}
}

// runRoot opens the reader, or runs git's external diff.
func (a *app) runRoot(cmd *cobra.Command, args []string) error {
	if a.version {
		// The build's version is read only here: reading it took 20 µs
		// of every run's start-up.
		_, err := fmt.Fprintf(a.env.Stdout, "newsdiff %s\n", version())
		return err
	}
	if a.git {
		return a.printing(a.gitDiff(args))(cmd, args)
	}
	l := a.env.Local
	if l == nil {
		return errors.New("the reader needs a terminal")
	}
	read := l.Read
	if read == nil {
		read = runReader
	}
	var (
		c     *corpus.Corpus
		probs []corpus.Problem
		// The reader, given no corpus, shows that it is loading
		// loading while loadPair loads a large pair, or open opens an
		// archive, in its background.
		loading  string
		loadPair func(context.Context) (*corpus.Corpus, []string, error)
		open     func(context.Context) (ui.Library, []string, error)
		err      error
	)
	folders := len(args) == 2 && a.twoFolders(args[0], args[1], diffOptions{})
	if len(args) == 2 && !folders {
		// A folder beside a file is its file of that name, as diff takes
		// them.
		args = slices.Clone(args)
		args[0], args[1] = intoFolder(args[0], args[1])
	}
	switch {
	case folders:
		// Two folders: each file beside its version in the other, as
		// diff of two folders pairs them, read in the background.
		oldDir, newDir := args[0], args[1]
		loading = "the articles in " + termsafe.OneLine(oldDir) + " and " + termsafe.OneLine(newDir)
		loadPair = func(ctx context.Context) (*corpus.Corpus, []string, error) {
			c, probs, err := a.loadFolders(ctx, oldDir, newDir)
			return c, problemLines(probs), err
		}
	case len(args) == 2:
		// Two articles of up to 5 MiB each, their comparison and the
		// pair view's lines: without a soft limit the heap grew to twice
		// what is live (725 MiB of RSS for two 5 MiB files of prose).
		a.limitMemoryTo(pairMemoryLimit)
		if a.largePair(args[0], args[1]) {
			// Reading and segmenting two large files takes seconds:
			// the reader opens at once, shows that it is loading, and
			// answers q and Ctrl-C meanwhile.
			left, right := args[0], args[1]
			loading = termsafe.OneLine(left) + " and " + termsafe.OneLine(right)
			loadPair = func(context.Context) (*corpus.Corpus, []string, error) {
				c, probs, err := a.loadPair(left, right)
				return c, problemLines(probs), err
			}
			break
		}
		// Standard input at a prompt, or a named pipe no one writes to,
		// is waited for until an interrupt, which ended nothing.
		type pair struct {
			c     *corpus.Corpus
			probs []corpus.Problem
		}
		var p pair
		p, err = untilDone(cmd.Context(), func() (pair, error) {
			c, probs, err := a.loadPair(args[0], args[1])
			return pair{c, probs}, err
		})
		c, probs = p.c, p.probs
	case len(args) == 1 && a.isArchive(args[0]):
		// A folder is opened through its index, which can take a while
		// to refresh: the reader opens at once and shows that it is
		// loading.
		loads, skipped, err := probeArticles(cmd.Context(), args[0], probeTime)
		if err != nil {
			return archiveError(args[0], err)
		}
		if !loads {
			// As list fails: each file's reason, then one line, which
			// names a sole file's reason itself.
			for _, pr := range warnedBefore(skipped) {
				fmt.Fprintf(a.env.Stderr, "newsdiff: warning: %s\n", Problem(pr))
			}
			return noArticles(args[0], skipped)
		}
		opener := &archiveOpener{a: a, dir: args[0]}
		defer opener.close()
		loading = "the articles in " + termsafe.OneLine(args[0])
		open = opener.open
	case len(args) == 1:
		c, probs, err = a.loadCorpus(args[0])
	default:
		c, probs, err = a.loadCorpus("")
	}
	if err != nil {
		return err
	}
	problems := problemLines(probs)
	ctx := cmd.Context()
	err = read(ctx, ReaderRequest{
		Corpus:   c,
		Cache:    a.env.Cache,
		NoColor:  !a.colorOn(),
		Problems: problems,
		InputTTY: len(args) == 2 && (args[0] == "-" || args[1] == "-"),
		Loading:  loading,
		Load:     loadPair,
		Open:     open,
		// An OSC 8 link is an escape sequence: only with colour on.
		Hyperlinks: a.colorOn() && l.LookupEnv != nil && ui.SupportsHyperlinks(l.getenv),
	})
	if ctx.Err() != nil {
		// The reader may have quit on the signal by itself (Bubble Tea
		// catches SIGTERM too): the status still says it was a signal.
		return context.Cause(ctx)
	}
	return err
}

// largePairBytes is the size of a pair of files past which the reader
// loads them in its background: two files of 1 MiB of prose take some
// 0.3 s of CPU to read and segment, over what a key may wait for.
const largePairBytes = 1 << 20

// pairMemoryLimit is the soft heap limit of the reader on two files. Two
// 5 MiB files of two-word sentences, the most it holds for their size,
// keep about 185 MiB live once compared and laid out. Near the 224 MiB of
// readerMemoryLimit the reader peaked at 234-236 MiB of RSS on them, near
// this one at 218-228, for about 1 s more CPU (5.4 s against 4.4); two
// 5 MiB files of prose peak 10 MiB lower, at no measurable CPU.
const pairMemoryLimit = 208 << 20

// largePair reports whether the files left and right are regular files
// of more than largePairBytes together. Standard input and a file that
// cannot be looked at are loaded at once, so that their errors are the
// command's.
func (a *app) largePair(left, right string) bool {
	if !a.env.Files {
		return false
	}
	var n int64
	for _, name := range []string{left, right} {
		if name == "-" {
			return false
		}
		info, err := os.Stat(name)
		if err != nil || !info.Mode().IsRegular() {
			return false
		}
		n += info.Size()
	}
	return n > largePairBytes
}

// loadPair makes a corpus of the two articles in files (or standard
// input) left and right: one story, which the reader opens on that pair.
// A file of no words is an empty side, as diff takes it (see
// resolveSide): the reader refused it ("no words", status 1) where it
// took /dev/null.
func (a *app) loadPair(left, right string) (*corpus.Corpus, []corpus.Problem, error) {
	var probs []corpus.Problem
	var arts []*corpus.Article
	// Two files of one folder: its meta.json is read once.
	files := new(corpus.Files)
	for _, name := range []string{left, right} {
		art, more, err := a.loadArticle(name, files)
		probs = append(probs, more...)
		if noWords(err) {
			art, err = emptySide(name), nil
		}
		if err != nil {
			return nil, probs, err
		}
		arts = append(arts, art)
	}
	if arts[0].ID == arts[1].ID && arts[0].Source != arts[1].Source {
		// Two files of one name in different folders: tell them apart.
		arts[0], arts[1] = withID(arts[0], arts[0].Source), withID(arts[1], arts[1].Source)
	}
	story := &corpus.Story{Name: arts[0].Story, Articles: arts}
	return &corpus.Corpus{Stories: []*corpus.Story{story}}, probs, nil
}

// withID returns a copy of art with another ID.
func withID(art *corpus.Article, id string) *corpus.Article {
	cp := *art
	cp.ID = id
	return &cp
}

// version is the module version and the commit it was built from, as the
// Go toolchain records them.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " (commit " + rev + modified + ")"
	}
	return v + " " + info.GoVersion
}

// problemLines makes each load problem one safe line for the reader.
func problemLines(probs []corpus.Problem) []string {
	var lines []string
	for _, p := range probs {
		lines = append(lines, Problem(p))
	}
	return lines
}
