package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/newsdiff/newsdiff/ui/internal/colorfgbg"
)

// printer collects what a printing command writes, so that it reaches the
// terminal (or the pager) only once the command has finished, and never
// after an interrupt.
type printer struct {
	app    *app
	stdout bytes.Buffer
	stderr bytes.Buffer
	// warned holds the warnings report has written, each written once:
	// the two files of a diff share their folder's meta.json, and each
	// load of one said what was wrong with it.
	warned map[string]bool
	// bar is the progress line openArchive draws on a terminal's stderr,
	// which printing erases itself when an interrupt ends the command
	// with the body still opening the archive: the body's own erasing
	// comes too late then, and the bar was left on the terminal with the
	// shell's prompt after it.
	bar atomic.Pointer[progressLine]
	// noProgress says openArchive draws no bar: the command was asked to
	// print nothing (diff -q).
	noProgress bool
}

// Colour modes of --color.
const (
	colorAuto   = "auto"
	colorAlways = "always"
	colorNever  = "never"
)

// colorOn says whether output may carry colour and attributes: --color
// always, or auto on a terminal without a non-empty NO_COLOR (no-color.org)
// — or under git's pager, which shows colour as git's own auto does — whose
// TERM names one that draws attributes (see smartTerm). The environment's
// CLICOLOR_FORCE colours and CLICOLOR=0 does not, as they do the served
// reader (see envColour).
func (a *app) colorOn() bool {
	switch a.color {
	case colorAlways:
		return true
	case colorNever:
		return false
	}
	if a.env.NoColor {
		return false
	}
	if a.env.ForceColor {
		return true
	}
	if l := a.env.Local; l != nil && !smartTerm(l.getenv("TERM")) {
		return false
	}
	return a.env.Terminal || (a.git && a.env.Local.getenv("GIT_PAGER_IN_USE") != "")
}

// lightBackground says the terminal's background is light, by termenv's
// measure, which the reader's palette follows: a colour of lightness one
// half or more. On a terminal it is what the terminal answered when asked
// as newsdiff loaded (Local.DarkBackground); else, and where the terminal
// was not asked (tmux, screen) or output goes to a pipe, what COLORFGBG
// says (see colorfgbg.Light). Over SSH it is what the client sent of
// COLORFGBG (Env.LightBackground).
func (a *app) lightBackground() bool {
	l := a.env.Local
	if l == nil {
		return a.env.LightBackground
	}
	if l.DarkBackground != nil && a.env.Terminal {
		return !l.DarkBackground()
	}
	return colorfgbg.Light(l.getenv("COLORFGBG"))
}

// envColour weighs what the environment getenv reads says of colour
// under --color auto, by the conventions termenv follows, and with it
// lipgloss and the reader served over SSH (and Rust's anstream, and
// CMake): a non-empty NO_COLOR (no-color.org), or noColor, which says
// one was found, means none and outweighs the rest; else CLICOLOR_FORCE
// set to anything but "" or "0" means colour even where auto gives none,
// in a pipe or on TERM=dumb; else CLICOLOR=0 means none
// (bixense.com/clicolors). The commands read only NO_COLOR, so the same
// client's CLICOLOR=0 left ssh -t HOST diff coloured and its reader
// plain, and CLICOLOR_FORCE=1 newsdiff diff A B | less -R got no colour.
func envColour(noColor bool, getenv func(string) string) (off, forced bool) {
	if noColor || getenv("NO_COLOR") != "" {
		return true, false
	}
	if f := getenv("CLICOLOR_FORCE"); f != "" && f != "0" {
		return false, true
	}
	return getenv("CLICOLOR") == "0", false
}

// smartTerm says whether a terminal of type term takes escape sequences:
// not when TERM is unset or "dumb", as git and GNU ls decide, so colour
// auto leaves it uncoloured. The reader drew such a terminal without
// attributes (termenv's palette for it is none) while diff, quotes and
// the git diff coloured it, so the same terminal got two answers.
func smartTerm(term string) bool { return term != "" && term != "dumb" }

// colorValue is --color's value, checked as the flags are parsed: checked
// after them, it came after the command's arguments were counted, and
// "diff --color 003 004" took 003 for the colour and said only that one
// article was given. --color alone is --color always, as git, ls and
// grep take it (see colorWords).
type colorValue struct{ s *string }

func (c colorValue) String() string { return *c.s }

func (c colorValue) Set(v string) error {
	switch v {
	case colorAuto, colorAlways, colorNever:
		*c.s = v
		return nil
	}
	return errors.New("want auto, always or never")
}

func (colorValue) Type() string { return "when" }

// colorWords returns args with each "--color WHEN", WHEN auto, always or
// never, written as "--color=WHEN". --color alone means always (its
// NoOptDefVal), as in git, so pflag takes no value from the next word:
// "--color never", as newsdiff has documented it and scripts pass it,
// would colour, and take "never" for an argument. No other word after
// --color is its value: "diff --color A B" colours the diff of A and B.
// Flags are those of root's commands: a word that is another flag's
// value ("--story --color") is left alone, and nothing after "--" is a
// flag.
func colorWords(root *cobra.Command, args []string) []string {
	takesValue := func(f *pflag.Flag) bool { return f != nil && f.NoOptDefVal == "" }
	var out []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		out = append(out, arg)
		switch {
		case arg == "--":
			return append(out, args[i+1:]...)
		case strings.HasPrefix(arg, "--") && !strings.Contains(arg, "="):
			name := arg[2:]
			if i+1 == len(args) {
				break
			}
			if name == "color" {
				switch next := args[i+1]; next {
				case colorAuto, colorAlways, colorNever:
					out[len(out)-1] = arg + "=" + next
					i++
				}
				break
			}
			if takesValue(flagIn(root, name, (*pflag.FlagSet).Lookup)) {
				out = append(out, args[i+1])
				i++
			}
		case strings.HasPrefix(arg, "-") && !strings.HasPrefix(arg, "--") && len(arg) > 1:
			// A cluster of shorthands ("-iU"): the first that takes a
			// value takes the rest of the word, or the next word.
			for j := 1; j < len(arg); j++ {
				if takesValue(flagIn(root, arg[j:j+1], (*pflag.FlagSet).ShorthandLookup)) {
					if j == len(arg)-1 && i+1 < len(args) {
						out = append(out, args[i+1])
						i++
					}
					break
				}
			}
		}
	}
	return out
}

// flagIn returns the flag lookup finds by name among the flags of cmd or
// of any of its commands, nil when there is none.
func flagIn(cmd *cobra.Command, name string, lookup func(*pflag.FlagSet, string) *pflag.Flag) *pflag.Flag {
	if f := lookup(cmd.Flags(), name); f != nil {
		return f
	}
	if f := lookup(cmd.PersistentFlags(), name); f != nil {
		return f
	}
	for _, sub := range cmd.Commands() {
		if f := flagIn(sub, name, lookup); f != nil {
			return f
		}
	}
	return nil
}

// noColorValue is --no-color, the older spelling of --color never. It
// sets --color's value, so that of the two the last given wins, as with
// git's --no-color and --color: a separate flag won over any --color,
// and "newsdiff --no-color diff --color always" (an alias and the
// command typed after it) drew no colour. --no-color=false changes
// nothing, as before.
type noColorValue struct{ s *string }

func (n noColorValue) String() string { return strconv.FormatBool(*n.s == colorNever) }

func (n noColorValue) Set(v string) error {
	on, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	if on {
		*n.s = colorNever
	}
	return nil
}

func (noColorValue) Type() string { return "bool" }

func (noColorValue) IsBoolFlag() bool { return true }

// flush writes a printing command's output: through the pager when stdout
// is a terminal, the output is longer than the screen and the pager is not
// turned off, else straight to stdout.
func (a *app) flush(ctx context.Context, out *bytes.Buffer) error {
	pager := a.pager(out.Bytes())
	if name := missingPager(pager); name != "" {
		// The shell would say "sh: 1: name: not found" in its own words,
		// before the output; newsdiff says it once, in its own.
		fmt.Fprintf(a.env.Stderr, "newsdiff: warning: pager %s not found; writing without it\n", Name(name))
		pager = ""
	}
	if pager != "" {
		unread, err := runPager(pager, out.Bytes(), a.env)
		var ee *exec.ExitError
		switch {
		case err == nil, errors.As(err, &ee) && ee.ExitCode() != 126 && ee.ExitCode() != 127:
			// The pager ran and stopped (a killed pager is not worth an
			// error message). One that stopped before taking the whole
			// output (q in less before the end, PAGER=false) ends the
			// command as a closed pipe ends git's: 141, 128 + SIGPIPE,
			// with no message. Output that the pipe took whole before
			// the pager stopped was all given, as git's is.
			if unread {
				return exitError{exitPagerQuit}
			}
			return nil
		}
		// A pager the shell cannot find or run (126, 127), or no shell at
		// all, is no reason to lose the output.
	}
	return copyOut(ctx, a.env.Stdout, out)
}

// copyOut writes out to w, and returns at once when ctx is done first. A
// write to a pipe whose reader has stopped reading (newsdiff list DIR |
// less, where less reads a screenful and ignores Ctrl-C) blocks, and a
// signal does not end it: the command finished writing whatever its
// reader took next, and only then exited 130. The write left blocked
// ends with the process. A writer that is no file (a buffer, an SSH
// channel's, which its server ends) is written to in turn.
func copyOut(ctx context.Context, w io.Writer, out *bytes.Buffer) error {
	if _, ok := terminalOf(w).(*os.File); !ok {
		_, err := io.Copy(w, out)
		return err
	}
	_, err := untilDone(ctx, func() (int64, error) { return io.Copy(w, out) })
	return err
}

// pager returns the pager command to show out through, or "" for none.
// $NEWSDIFF_PAGER, then $PAGER, else "less -FRX"; an empty or "cat" pager
// means none, as in git. Set to the empty string is not unset: PAGER= is
// how a git user turns paging off, and it was read as unset, which paged
// through less.
func (a *app) pager(out []byte) string {
	l := a.env.Local
	if a.noPager || a.git || !a.env.Terminal || l == nil || l.Size == nil {
		return ""
	}
	w, h, err := l.Size()
	if err != nil || h <= 0 || w <= 0 || rows(out, w) < h {
		return ""
	}
	pager := "less -FRX"
	for _, name := range []string{"NEWSDIFF_PAGER", "PAGER"} {
		if v, set := l.lookupEnv(name); set {
			pager = v
			break
		}
	}
	if p := strings.TrimSpace(pager); p == "" || p == "cat" {
		return ""
	}
	return pager
}

// missingPager returns the command of pager when pager is a plain
// command line (words, no shell syntax) whose command is not on $PATH, else
// "". A pager written in the shell's syntax is left for the shell to run.
func missingPager(pager string) string {
	words := strings.Fields(pager)
	if len(words) == 0 || strings.ContainsAny(pager, "|&;<>()$`\\\"'*?[]#~={}%!") {
		return ""
	}
	if _, err := exec.LookPath(words[0]); err != nil && !errors.Is(err, exec.ErrDot) {
		return words[0]
	}
	return ""
}

// rows counts the screen rows out takes at width w, long lines wrapping.
func rows(out []byte, w int) int {
	n := 0
	for line := range strings.Lines(string(out)) {
		cells := ansi.StringWidth(strings.TrimRight(line, "\n"))
		n += max(1, (cells+w-1)/w)
	}
	return n
}

// runPager shows out through pager, run by the shell as git does, with
// LESS=FRX when LESS is unset so that colour and short output work, and
// LESSCHARSET=utf-8 when the user has not chosen a character set: the
// output is UTF-8 whatever the locale (see the README), and less in a C
// or POSIX locale showed every "·", "…" and curly quote as <E2><80><A6>
// once the output was long enough to be paged, where shorter output,
// written straight to the terminal, showed them. bat and systemd tell
// less the same.
//
// unread says the pager stopped before it took the whole output: writing
// the rest to its input failed.
func runPager(pager string, out []byte, env Env) (unread bool, err error) {
	cmd := exec.Command("sh", "-c", pager)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return false, fmt.Errorf("pager %s: %w", Name(pager), err)
	}
	cmd.Stdout = terminalOf(env.Stdout)
	cmd.Stderr = env.Stderr
	cmd.Env = os.Environ()
	if env.Local.getenv("LESS") == "" {
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if env.Local.getenv("LV") == "" {
		cmd.Env = append(cmd.Env, "LV=-c")
	}
	if env.Local.getenv("LESSCHARSET") == "" && env.Local.getenv("LESSCHARDEF") == "" {
		cmd.Env = append(cmd.Env, "LESSCHARSET=utf-8")
	}
	if err := cmd.Start(); err != nil {
		return false, fmt.Errorf("pager %s: %w", Name(pager), err)
	}
	// The pager owns the terminal until it exits, even after an
	// interrupt (NotifyContext keeps catching signals): the reader of a
	// long diff presses q, not Ctrl-C, as with git. The write ends when
	// the pager has read the output or has exited.
	_, werr := stdin.Write(out)
	stdin.Close()
	return werr != nil, cmd.Wait()
}

// exitPagerQuit is the status of a command whose pager stopped before it
// took the whole output: 128 + SIGPIPE, as git's.
const exitPagerQuit = 141

// quoteArg quotes s with Go's escapes; strconv.Quote escapes every rune that
// is not printable (controls, C1, bidi overrides, invalid bytes).
func quoteArg(s string) string { return strconv.Quote(s) }

// isPlainRune reports whether r prints as itself on one line.
func isPlainRune(r rune) bool { return r != utf8.RuneError && strconv.IsPrint(r) }

// colourProfile is the palette of a terminal newsdiff has decided to
// colour (colorOn): TERM's and COLORTERM's alone. termenv's own guesses,
// a set CI or NO_COLOR meaning none, were weighed by colorOn already.
// It is never none: termenv knows no colour for a TERM it cannot place
// (screen, the terminal GNU screen and tmux name by default; dumb under
// --color always), and the reader then drew a colourless screen while
// diff coloured the same terminal. Such a terminal gets the 16 ANSI
// colours, as termenv itself gives one CLICOLOR_FORCE colours.
func colourProfile(w io.Writer) termenv.Profile {
	p := termenv.NewOutput(w, termenv.WithTTY(true)).ColorProfile()
	if p == termenv.Ascii {
		return termenv.ANSI
	}
	return p
}
