package cli

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	"github.com/muesli/termenv"
	"github.com/rivo/uniseg"
	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
)

func init() { register("index", false, indexCommand) }

// indexCommand builds or refreshes the index of an archive, showing how far
// it has got: a progress bar on a terminal, a line per tenth otherwise. It
// writes straight to stderr rather than through a printer, whose output is
// held until the command ends. Local only: it names a directory.
func indexCommand(a *app) *cobra.Command {
	var quiet, check bool
	cmd := &cobra.Command{
		Use:   "index DIR",
		Short: "Build or refresh the index of a folder of articles",
		Long: `Build or refresh the index newsdiff keeps beside a folder of articles, in
DIR/.newsdiff/index.db (in the user cache directory when DIR cannot be
written; an index there that no run has used for a month is removed): each
file's size, time and hash, each article's metadata and story, and a
full-text index. Files added, changed or removed since the last run are
found and indexed again, and so are files that could not be read; the
articles that name no story are grouped into stories by what they report.
Every command that names a directory does the same on the way, and shows
its progress on a terminal once that takes over a second (diff -q shows
none); this one shows it from the start, as a bar on a terminal and a line
per tenth elsewhere (-q: nothing but problems). Each finds damage to the
index where it reads or writes, and rebuilds it with a warning; --check
first reads every page of the index, so that damage nothing else reads is
found too (seconds on 100,000 articles, where a refresh takes one or two).
A folder with no article it can read is an error, as for list, and is
given no index.`,
		Example: `  newsdiff index ~/archive
  newsdiff index --check ~/archive`,
		ValidArgsFunction: completeFolderFirst(cobra.ShellCompDirectiveNoFileComp),
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("want one directory, got %s", plural.Count(len(args), "argument", "arguments"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if !a.isArchive(args[0]) {
				if _, err := corpus.Stat(args[0]); err != nil {
					return pathError(args[0], err) // missing, or unreadable: say which
				}
				return fmt.Errorf("%s: not a directory", Name(args[0]))
			}
			a.limitMemoryTo(indexMemoryLimit)
			start := time.Now()
			// Reading every page is asked for, not done on every
			// refresh: it took 9-20 s on 100,000 articles, where a
			// refresh that adds 100 articles must take under 2 s.
			opts := archive.Options{Check: check}
			var shown *progressLine
			if !quiet {
				shown = a.stderrProgress("newsdiff index")
				opts.Progress = shown.show
			}
			ctx := cmd.Context()
			isNew := newIndexFolder(args[0])
			ar, err := openInterruptible(ctx, args[0], opts)
			if shown != nil {
				shown.done() // the shell's prompt starts a line of its own
			}
			if ctx.Err() != nil {
				return context.Cause(ctx)
			}
			if err != nil {
				return archiveError(args[0], err)
			}
			probs := asNamed(args[0], ar.Problems())
			if len(ar.Stories()) == 0 {
				// Nothing was indexed: said, and a failure, as list and
				// serve fail on the folder. "0 articles" and status 0
				// read as success, to a script or a user who had named
				// the wrong folder.
				writeEmptyNotes(a.env.Stderr, ar, warnedBefore(probs))
				closeEmpty(ar, args[0], isNew)
				return noArticles(args[0], probs)
			}
			defer ar.Close()
			writeOpenNotes(a.env.Stderr, ar, probs)
			if ar.Temporary() {
				// The warning above says why. The index was removed as
				// the run ended: naming it, with status 0, told a
				// script or a user that DIR was indexed.
				return fmt.Errorf("%s: index not kept: it was built for this run alone", Name(args[0]))
			}
			if quiet {
				return nil
			}
			alone, articles := 0, 0
			for _, s := range ar.Stories() {
				articles += len(s.Entries)
				if s.Alone {
					alone++
				}
			}
			fmt.Fprint(a.env.Stdout, indexSummary(articles, len(ar.Stories())-alone, alone, time.Since(start), Name(ar.IndexPath())))
			return nil
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing but problems")
	cmd.Flags().BoolVar(&check, "check", false, "read every page of the index first, and rebuild it if any is damaged")
	return cmd
}

// barOnStderr says index may draw its bar, redrawn in place with \r and
// an erase to the end of the line, on stderr: a terminal that takes
// escape sequences. It asked whether stdout was a terminal, so "index DIR
// 2> log" wrote the bar's frames and escapes into the log, and Emacs's
// shell (TERM=dumb) showed the escapes; either now gets a line per tenth.
func (a *app) barOnStderr() bool {
	l := a.env.Local
	return l != nil && l.StderrTerminal && smartTerm(l.getenv("TERM"))
}

// progressLine shows a refresh's progress on w. done may be called while
// the refresh still reports, when the command is interrupted: the mutex
// keeps the two apart, and nothing is drawn after done.
type progressLine struct {
	mu       sync.Mutex
	ended    bool
	w        io.Writer
	name     string // the command the lines are of, "newsdiff index"
	terminal bool
	bar      progress.Model
	phase    string
	tenth    int // the last tenth reported, on a non-terminal
	last     time.Time
	drawn    bool
	// width is the terminal's, 0 when unknown: a line wider than it
	// wraps, and \r goes back only to the start of its last row, so
	// every frame drew a new row.
	width int
}

// stderrProgress is the progress line of the command name on stderr: a
// bar fitted to its terminal, else a line a tenth.
func (a *app) stderrProgress(name string) *progressLine {
	p := newProgressLine(a.env.Stderr, name, a.barOnStderr(), !a.colorOn())
	p.width = a.env.Local.stderrWidth()
	return p
}

func newProgressLine(w io.Writer, name string, terminal, noColor bool) *progressLine {
	opts := []progress.Option{progress.WithWidth(40), progress.WithDefaultGradient()}
	if noColor {
		opts = append(opts, progress.WithColorProfile(termenv.Ascii))
	} else {
		opts = append(opts, progress.WithColorProfile(colourProfile(w)))
	}
	return &progressLine{w: w, name: name, terminal: terminal, bar: progress.New(opts...), tenth: -1}
}

func (p *progressLine) show(pr archive.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pr.Total == 0 || p.ended {
		return
	}
	frac := float64(pr.Done) / float64(pr.Total)
	if !p.terminal {
		if pr.Phase != p.phase {
			p.phase, p.tenth = pr.Phase, -1
		}
		if t := int(frac * 10); t > p.tenth {
			p.tenth = t
			// The line's percentage is of the count it gives, rounded
			// down as the bar's is: the tenth's, it said "reading 0% (1
			// of 12)" and "60% (8 of 12)".
			if line := p.tenthLine(pr, int(frac*100)); line != "" {
				fmt.Fprintln(p.w, line)
			}
		}
		return
	}
	// A frame at most every 50 ms: drawing is not free, and the eye needs
	// no more.
	if now := time.Now(); pr.Done < pr.Total && now.Sub(p.last) < 50*time.Millisecond {
		return
	} else {
		p.last = now
	}
	count := fmt.Sprintf("%-8s %s/%s", pr.Phase, digits.Group(pr.Done), digits.Group(pr.Total))
	if bar := p.barWidth(pr); bar > 0 {
		p.bar.Width = bar
		// Whole percents, rounded down as the line without a bar has
		// them: the bar's own percentage rounds, and said 100% with 19
		// of 12,345 still to go.
		fmt.Fprintf(p.w, "\r%s %s\x1b[K", p.bar.ViewAs(float64(int(frac*100))/100), count)
	} else if line := p.barlessLine(pr, int(frac*100)); line != "" {
		fmt.Fprintf(p.w, "\r%s\x1b[K", line)
	} else {
		return
	}
	p.drawn = true
}

// The lines progressLine writes without its bar, longest first, of a
// phase, a percentage, and how many of how many: the longest that fits
// the terminal is written.
var (
	// tenthForms are the line per tenth's.
	tenthForms = []func(name, phase string, pct, done, total int) string{
		func(name, phase string, pct, done, total int) string {
			return fmt.Sprintf("%s: %s %d%% (%s of %s)", name, phase, pct, digits.Group(done), digits.Group(total))
		},
		func(_, phase string, pct, done, total int) string {
			return fmt.Sprintf("%s %d%% (%s of %s)", phase, pct, digits.Group(done), digits.Group(total))
		},
		func(_, phase string, pct, _, _ int) string { return fmt.Sprintf("%s %d%%", phase, pct) },
		func(_, _ string, pct, _, _ int) string { return fmt.Sprintf("%d%%", pct) },
	}
	// barlessForms are the terminal's line, redrawn in place, where
	// there is no room for the bar.
	barlessForms = []func(name, phase string, pct, done, total int) string{
		func(_, phase string, pct, done, total int) string {
			return fmt.Sprintf("%3d%% %-8s %s/%s", pct, phase, digits.Group(done), digits.Group(total))
		},
		func(_, _ string, pct, done, total int) string {
			return fmt.Sprintf("%3d%% %s/%s", pct, digits.Group(done), digits.Group(total))
		},
		func(_, _ string, pct, _, _ int) string { return fmt.Sprintf("%3d%%", pct) },
	}
)

// tenthLine is the line per tenth, pct percent done, cut to fit the
// terminal (see fitForm); "" when nothing fits.
func (p *progressLine) tenthLine(pr archive.Progress, pct int) string {
	return p.fitForm(tenthForms, pr, pct)
}

// barlessLine is the terminal's line without a bar, pct percent done;
// "" when nothing fits.
func (p *progressLine) barlessLine(pr archive.Progress, pct int) string {
	return p.fitForm(barlessForms, pr, pct)
}

// fitForm writes the first of forms that leaves the terminal's last
// column free (a terminal that wraps when it is written would start a
// row there, and a line redrawn with \r would then draw a row per
// frame), measured at its widest (100%, the total done) so that the form
// does not change as the count grows; "" when none fits. Where the width
// is unknown (a log, a pipe) the first is written whole.
func (p *progressLine) fitForm(forms []func(name, phase string, pct, done, total int) string, pr archive.Progress, pct int) string {
	for _, form := range forms {
		if p.width <= 0 || uniseg.StringWidth(form(p.name, pr.Phase, 100, pr.Total, pr.Total)) <= p.width-1 {
			return form(p.name, pr.Phase, pct, pr.Done, pr.Total)
		}
	}
	return ""
}

// barWidth is the width of the bar with its percentage, which the line
// gives the rest of: at most 40 columns, fewer on a terminal too narrow
// for them and the count beside them (the count at its widest, so that
// the bar keeps its width), and 0, no bar, when under 12 would be left.
func (p *progressLine) barWidth(pr archive.Progress) int {
	const most, least = 40, 12
	if p.width <= 0 {
		return most
	}
	widest := len(fmt.Sprintf(" %-8s %s/%s", pr.Phase, digits.Group(pr.Total), digits.Group(pr.Total)))
	// The last column is left free: a terminal that wraps when it is
	// written would start a row there.
	switch room := p.width - 1 - widest; {
	case room >= most:
		return most
	case room >= least:
		return room
	}
	return 0
}

// erase ends the progress line as done does, but leaves no line: the
// bar drawn is erased, so that what the command prints next on the same
// terminal starts where the bar was.
func (p *progressLine) erase() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn && !p.ended {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	p.ended = true
}

// done ends the progress line, so what follows starts on a line of its own.
func (p *progressLine) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn && !p.ended {
		fmt.Fprintln(p.w)
	}
	p.ended = true
}

// indexSummary is what index prints when it is done: the counts and the
// time on one line, the index's path on the next. On one line the two
// wrapped at 80 columns with an index of any length of path; the counts
// and the time alone fit.
func indexSummary(articles, stories, alone int, took time.Duration, indexPath string) string {
	return fmt.Sprintf("%s; stories: %s, not grouped: %s; %s\nindex %s\n",
		plural.Count(articles, "article", "articles"), digits.Group(stories), digits.Group(alone), took.Round(time.Millisecond), indexPath)
}

// openInterruptible opens the archive at dir in the background and
// returns as soon as ctx is done, so that an interrupt ends a command at
// once, as printing does for the others: a refresh checks ctx only
// between its steps, and a serve interrupted 1.5 s into its first index
// of 10,000 articles went on reading for 1.3 s more. What the refresh has
// not committed is discarded by SQLite, and the next run carries on from
// what it has. Once ctx is done it returns no archive, only ctx's cause:
// one that Open returns all the same, even as ctx ends, is closed.
func openInterruptible(ctx context.Context, dir string, opts archive.Options) (*archive.Archive, error) {
	type opened struct {
		ar  *archive.Archive
		err error
	}
	done := make(chan opened, 1)
	go func() {
		ar, err := archive.Open(ctx, dir, opts)
		done <- opened{ar, err}
	}()
	select {
	case o := <-done:
		if ctx.Err() == nil {
			return o.ar, o.err
		}
		// Open finished as ctx ended.
		if o.ar != nil {
			o.ar.Close()
		}
		return nil, context.Cause(ctx)
	case <-ctx.Done():
		go func() {
			if o := <-done; o.ar != nil {
				o.ar.Close()
			}
		}()
		return nil, context.Cause(ctx)
	}
}
