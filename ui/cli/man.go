package cli

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/ui/internal/plural"
)

func init() { register("man", false, manCommand) }

// manPages are the manual pages, one per command, made from the command
// tree by scripts/manpages (whose test checks they are current). They are
// made ahead of time because rendering them takes cobra/doc, which brings a
// Markdown renderer and a YAML encoder whose package initialisation every
// run of newsdiff would otherwise pay for, to serve this one command.
//
//go:embed manpages/*.1
var manPages embed.FS

// CommandTree returns the whole command tree of the local command line,
// every command built, with the completion command cobra adds when it
// runs, for generating documentation from it.
func CommandTree() *cobra.Command {
	a := &app{env: Env{Files: true, Stdout: io.Discard, Stderr: io.Discard}}
	root := a.newRoot(nil)
	strictCompletion(root)
	return root
}

// ManSections are what newsdiff(1) says beyond the command tree: the exit
// statuses and the environment, which --help leaves out and a reader of
// a manual looks for. scripts/manpages puts them before SEE ALSO.
const ManSections = `.SH EXIT STATUS
.TP
0
success
.TP
1
an error (a file that cannot be read, output that cannot be written); for \fBdiff \-q\fR and \fBdiff \-\-exit\-code\fR, that the texts differ
.TP
2
a usage error; for \fBdiff \-q\fR and \fBdiff \-\-exit\-code\fR, any error, as for \fBdiff\fR(1)
.TP
130, 143
interrupted (Ctrl\-C, and ctrl+c in the reader, where q exits 0) or terminated; \fBserve\fR stopped either way exits 0
.TP
141
the pager quit before it took the whole output (q in less well before the end), as git exits; output the pager took whole is 0

.SH ENVIRONMENT
.TP
NEWSDIFF_PAGER, PAGER
the pager that output longer than the terminal goes through, the first that is set (default: less \-FRX); empty or cat: none
.TP
LESS, LESSCHARSET
given to the pager as they are, or, where unset, as FRX and utf\-8 (LESSCHARSET not when LESSCHARDEF is set)
.TP
NO_COLOR
set to anything but the empty string: no colour, as \fB\-\-color never\fR (\fB\-\-color always\fR still colours)
.TP
CLICOLOR, CLICOLOR_FORCE
CLICOLOR=0: no colour; CLICOLOR_FORCE set to anything but the empty string or 0: colour, as \fB\-\-color always\fR, unless NO_COLOR is set (\fB\-\-color\fR decides over both)
.TP
COLUMNS
the width list and matrix fit their tables to when stdout is no terminal (a file, a pipe): a positive number; else they are written whole
.TP
TERM, COLORTERM
the terminal's colours; TERM unset or dumb: no colour
.TP
COLORFGBG
in tmux or screen, which newsdiff does not ask, or when output goes to a pipe: whether the background is light ("0;15") or dark, for the colours of the reader, diff and quotes
.TP
GIT_PAGER_IN_USE
as git's external diff under git's pager, colour as on a terminal
.TP
GIT_EXEC_PATH
set, as git sets it for the programs it runs: \fBextract\fR gives a page with no article text to git as empty text, with a line on stderr, and exits 0 (a textconv filter)
.TP
SOURCE_DATE_EPOCH
the date \fBnewsdiff man\fR gives the pages
`

// ManHeader is the .TH line scripts/manpages writes into every page: the
// date and the version are filled in when newsdiff writes the pages.
const ManHeader = `.TH "NEWSDIFF" "1" "" "newsdiff" "newsdiff manual"`

func manCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write the manual pages, one per command, into DIR",
		Long: `Write newsdiff's manual pages into DIR, made from the same definitions as
--help: newsdiff.1 and one newsdiff-COMMAND.1 per command.`,
		Example: `  newsdiff man /usr/local/share/man/man1
  newsdiff man /tmp/man && man /tmp/man/newsdiff-diff.1`,
		ValidArgsFunction: completeFolderFirst(cobra.ShellCompDirectiveNoFileComp),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("want one directory, got %s", plural.Count(len(args), "argument", "arguments"))
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return pathError(dir, err)
			}
			date, err := manDate(a.env.Local.getenv)
			if err != nil {
				return err
			}
			if err := writeManPages(dir, date, version()); err != nil {
				return err
			}
			fmt.Fprintf(a.env.Stderr, "newsdiff man: wrote the pages into %s\n", Name(filepath.Clean(dir)))
			return nil
		},
	}
}

// manDate is the date the pages carry: now, or SOURCE_DATE_EPOCH for a
// reproducible build, as cobra/doc dates the pages it renders, read in
// UTC as the convention has it, so that the date does not change with the
// zone the pages are made in.
func manDate(getenv func(string) string) (time.Time, error) {
	epoch := getenv("SOURCE_DATE_EPOCH")
	if epoch == "" {
		return time.Now(), nil
	}
	secs, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid SOURCE_DATE_EPOCH: %v", err)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// manTitle is the .TH line of the page file name (newsdiff-diff.1)
// written on date by this version, as cobra/doc would write it: titled
// by its command, NEWSDIFF-DIFF, so that man heads the page with the
// command it is about, as git's pages are (GIT-DIFF(1)).
func manTitle(name string, date time.Time, version string) string {
	title := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	return `.TH "` + title + `" "1" "` + date.Format("Jan 2006") + `" "newsdiff ` + version + `" "newsdiff manual"`
}

// writeManPages writes every embedded page into dir, its header line
// filled in with its title, date and version.
func writeManPages(dir string, date time.Time, version string) error {
	entries, err := fs.ReadDir(manPages, "manpages")
	if err != nil {
		return err
	}
	for _, e := range entries {
		page, err := manPages.ReadFile("manpages/" + e.Name())
		if err != nil {
			return err
		}
		text := strings.Replace(string(page), ManHeader, manTitle(e.Name(), date, version), 1)
		path := filepath.Join(dir, e.Name())
		// Written beside its name and renamed onto it: written to the
		// name, a symbolic link there (in a folder another user may
		// write, as /tmp/man) had the file it points to overwritten. A
		// rename replaces the link, and a page is never left half
		// written.
		tmp, err := writeHidden(dir, e.Name(), []byte(text))
		if err != nil {
			return pathError(path, err)
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return pathError(path, err)
		}
	}
	return nil
}
