package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/corpus/story"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/percent"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// storyCommand is the shape shared by the commands that look across a
// story's outlets: matrix, unique, shared, facts, quotes, report. Each
// takes --format, --story and an optional directory, analyses each chosen
// story and writes it.
type storyCommand struct {
	name, short, long, example string
	formats                    []string // the first is the default
	// ansi names the format that colours, which is the default when
	// colour is on.
	ansi  string
	write func(w io.Writer, format string, an *analysis.Analysis) error
	// light, when set, is used instead of write for the ansi format on a
	// terminal whose background is light (see lightBackground).
	light func(w io.Writer, format string, an *analysis.Analysis) error
	// fit, when set, is used instead of write and is given the width to
	// fit (0 for none): the terminal's when stdout is one.
	fit func(w io.Writer, format string, an *analysis.Analysis, width int) error
	// whole is set for commands that write one document for all stories
	// (report); the others write each story in turn.
	// folder is the name of the folder the stories are from, "" when it
	// has none (the default corpus of an archive served).
	whole func(w io.Writer, format, folder string, ans []*analysis.Analysis) error
	// json, when set, writes a story's JSON in place of write, naming
	// the articles' files by source (see app.sourceNamer).
	json func(w io.Writer, an *analysis.Analysis, source func(string) string) error
}

// storyDoc is the JSON document of a story command: one entry per story.
type storyDoc struct {
	SchemaVersion int               `json:"schema_version"`
	Stories       []json.RawMessage `json:"stories"`
}

func (sc storyCommand) build(a *app) *cobra.Command {
	var format, storyName string
	cmd := &cobra.Command{
		Use:     sc.name + " [DIR]",
		Short:   sc.short,
		Long:    sc.long,
		Example: sc.example,
		Args:    dirArgs,
		// DIR, and nothing past it.
		ValidArgsFunction: completeFilesUpTo(1),
		RunE: a.printing(func(ctx context.Context, p *printer, args []string) error {
			if format == "" {
				format = sc.formats[0]
				if sc.ansi != "" && a.colorOn() {
					format = sc.ansi
				}
			}
			if format == sc.ansi && !a.colorOn() {
				format = sc.formats[0]
			}
			var stories []*corpus.Story
			dir, folder := dirOf(args), ""
			if dir != "" {
				if abs, err := filepath.Abs(dir); err == nil {
					folder = filepath.Base(abs)
				}
			}
			if a.isArchive(dir) {
				// With --story, the archive is opened on that story
				// alone when the index allows.
				ar, done, err := p.archiveAt(ctx, dir, archive.Options{Story: storyName})
				if err != nil {
					return err
				}
				defer done()
				if stories, err = p.archiveStories(ctx, ar, storyName); err != nil {
					return err
				}
			} else {
				c, err := p.load(dir)
				if err != nil {
					return err
				}
				if stories, err = a.pickStories(c, storyName); err != nil {
					return err
				}
				if dir == "" {
					folder = c.Name
				}
			}
			var ans []*analysis.Analysis
			for _, s := range stories {
				var an *analysis.Analysis
				var err error
				if a.env.Cache != nil {
					an, err = a.env.Cache.Analyze(ctx, s) // shared with the reader over SSH
				} else {
					an, err = analysis.Analyze(ctx, s, nil)
				}
				if err != nil {
					return err
				}
				ans = append(ans, an)
			}
			w := &p.stdout
			if sc.whole != nil {
				return sc.whole(w, format, folder, ans)
			}
			write := sc.write
			if sc.light != nil && format == sc.ansi && a.lightBackground() {
				write = sc.light
			}
			if sc.fit != nil {
				width := a.outputWidth()
				write = func(w io.Writer, format string, an *analysis.Analysis) error { return sc.fit(w, format, an, width) }
			}
			if format == "json" && sc.json != nil {
				source := a.sourceNamer()
				write = func(w io.Writer, _ string, an *analysis.Analysis) error { return sc.json(w, an, source) }
			}
			if format == "json" {
				doc := storyDoc{SchemaVersion: SchemaVersion, Stories: []json.RawMessage{}}
				for _, an := range ans {
					var buf bytes.Buffer
					if err := write(&buf, "json", an); err != nil {
						return err
					}
					doc.Stories = append(doc.Stories, bytes.TrimSpace(buf.Bytes()))
				}
				return writeJSON(w, doc)
			}
			for i, an := range ans {
				if i > 0 {
					fmt.Fprintln(w)
				}
				if err := write(w, format, an); err != nil {
					return err
				}
			}
			return nil
		}),
	}
	if sc.ansi == "" {
		a.formatFlag(cmd, &format, sc.formats[0], sc.formats...)
	} else {
		a.formatFlag(cmd, &format, "", sc.formats...)
		cmd.Flags().Lookup("format").Usage += " (default " + sc.ansi + " when colour is on, else " + sc.formats[0] + ")"
	}
	cmd.Flags().StringVar(&storyName, "story", "", "the `STORY` to use, by number or name (its start, or a part of it, will do), in a corpus of several")
	_ = cmd.RegisterFlagCompletionFunc("story", a.completeStories)
	return cmd
}

// inStory returns c cut to the story a --story value names (see
// pickStories): diff --story looks its articles up there alone.
func (a *app) inStory(c *corpus.Corpus, name string) (*corpus.Corpus, error) {
	stories, err := a.pickStories(c, name)
	if err != nil {
		return nil, err
	}
	return &corpus.Corpus{Stories: stories, Name: c.Name, Flat: c.Flat}, nil
}

// pickStories returns the stories a --story value names: all of them when
// it is empty, else the one whose 1-based number it is or whose name it
// starts (case-insensitively).
func (a *app) pickStories(c *corpus.Corpus, name string) ([]*corpus.Story, error) {
	if len(c.Stories) == 0 {
		return nil, fmt.Errorf("no articles to compare")
	}
	if name == "" {
		return c.Stories, nil
	}
	names := make([]string, len(c.Stories))
	for i, s := range c.Stories {
		names[i] = s.Name
	}
	i, err := story.Pick(name, names)
	var notPicked *story.PickError
	switch _, isNumber := story.Number(name); {
	case err == nil:
		return c.Stories[i : i+1], nil
	case !errors.As(err, &notPicked):
		return nil, err
	case isNumber:
		return nil, errors.New(cell(pickMessage(err)))
	default:
		// Worded as an archive's FindStory words it: the stories named,
		// when several are.
		return nil, fmt.Errorf("%s %s", cell(pickMessage(err)), a.tryList(""))
	}
}

// pickMessage is err's message, the counts of a *story.PickError grouped
// for people ("there are 3,000"). Only an error that is one itself: a
// wrapped one would lose the words around it.
func pickMessage(err error) string {
	if pe, ok := err.(*story.PickError); ok {
		return pe.Text(digits.Group, Name)
	}
	return err.Error()
}

func storyHeader(w io.Writer, an *analysis.Analysis) {
	fmt.Fprintf(w, "# %s · %s\n", cell(an.Story.Name), plural.Count(len(an.Articles), "article", "articles"))
	if note := an.Note.Text(digits.Group); note != "" {
		fmt.Fprintf(w, "(%s)\n", cell(note))
	}
}

func pct(f float64) string { return percent.String(f) }

// Matrix.

func init() {
	register("matrix", true, storyCommand{
		name:  "matrix",
		short: "How much of each outlet every other one reports",
		long: `For each pair of outlets in a story, the share of the row outlet's words
in passages the column outlet also reports, and the share it prints word for
word.

On a terminal too narrow for the table, the columns are numbered as the
rows are, then the cells shortened ("41/22", then "41%"), then the rows
numbered alone with the outlets named above the table; narrower still,
the terminal wraps the lines. Written to a file or a pipe, the table is
the first, whole, unless COLUMNS gives it a width to fit.`,
		example: `  newsdiff matrix
  newsdiff matrix ~/stories --story 2 --format json`,
		formats: []string{"plain", "json"},
		write:   writeMatrix,
		fit:     writeMatrixFit,
		json:    writeMatrixJSON,
	}.build)
}

type jsonMatrix struct {
	Story    string        `json:"story"`
	Articles []jsonArticle `json:"articles"`
	// Aligned[i][j] is the share of article i's words in passages paired
	// with article j; Verbatim[i][j] the share equal word for word.
	Aligned  [][]float64 `json:"aligned"`
	Verbatim [][]float64 `json:"verbatim"`
	Note     string      `json:"note,omitempty"` // see storyNote
}

// writeMatrixJSON writes the matrix of an as JSON, naming the articles'
// files by name.
func writeMatrixJSON(w io.Writer, an *analysis.Analysis, name func(string) string) error {
	n := len(an.Articles)
	m := jsonMatrix{Story: an.Story.Name, Aligned: make([][]float64, n), Verbatim: make([][]float64, n), Note: storyNote(an)}
	for i, a := range an.Articles {
		m.Articles = append(m.Articles, articleJSON(a, name))
		m.Aligned[i] = make([]float64, n)
		m.Verbatim[i] = make([]float64, n)
		for j := range n {
			m.Aligned[i][j] = round(an.Coverage[i][j].Aligned)
			m.Verbatim[i][j] = round(an.Coverage[i][j].Verbatim)
		}
	}
	return writeJSON(w, m)
}

func writeMatrix(w io.Writer, format string, an *analysis.Analysis) error {
	if format == "json" {
		return writeMatrixJSON(w, an, sourceNamer())
	}
	storyHeader(w, an)
	fmt.Fprintln(w, matrixForms[0].legend)
	fmt.Fprintln(w)
	return writeMatrixTable(w, an, matrixForms[0])
}

// Unique passages.

func init() {
	register("unique", true, storyCommand{
		name:    "unique",
		short:   "The passages only one outlet reports",
		long:    "For each outlet of a story, the passages that no other outlet reports.",
		example: "  newsdiff unique\n  newsdiff unique ~/stories --story 2 --format json",
		formats: []string{"plain", "json"},
		write:   writeUnique,
	}.build)
}

type jsonPassage struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Paragraph int    `json:"paragraph"`
	Span      [2]int `json:"span"`
	Text      string `json:"text"`
}

func writeUnique(w io.Writer, format string, an *analysis.Analysis) error {
	if format == "json" {
		out := struct {
			Story    string        `json:"story"`
			Passages []jsonPassage `json:"passages"`
			Note     string        `json:"note,omitempty"` // see storyNote
		}{Story: an.Story.Name, Passages: []jsonPassage{}, Note: storyNote(an)}
		for i, a := range an.Articles {
			for _, p := range an.Unique[i] {
				out.Passages = append(out.Passages, jsonPassage{a.ID, a.Outlet, a.ParagraphOf(p.Sentences), fileSpan(a, p.Span), a.Text(p.Span)})
			}
		}
		return writeJSON(w, out)
	}
	storyHeader(w, an)
	names := termsafe.OutletLabels(an.Articles)
	// The paragraph numbers are padded to the widest, so that the
	// passages start in one column, as in the reader ("¶4   …", "¶12  …").
	numW := 0
	for i, a := range an.Articles {
		for _, p := range an.Unique[i] {
			numW = max(numW, len(strconv.Itoa(a.ParagraphOf(p.Sentences))))
		}
	}
	// An outlet with no passage only it reports is not headed "0
	// passages only it reports" over nothing: those are named once, last,
	// as the reader names them.
	var none []string
	for i, a := range an.Articles {
		if len(an.Unique[i]) == 0 && len(an.Articles) > 1 {
			none = append(none, names[i])
			continue
		}
		fmt.Fprintf(w, "\n## %s · %s only it reports\n", names[i], plural.Count(len(an.Unique[i]), "passage", "passages"))
		for _, p := range an.Unique[i] {
			fmt.Fprintf(w, "¶%-*d  %s\n", numW, a.ParagraphOf(p.Sentences), termsafe.OneLine(a.Text(p.Span)))
		}
	}
	if len(none) > 0 {
		fmt.Fprintf(w, "\n## %s · nothing of %s own\n", strings.Join(none, ", "), plural.Their(len(none)))
	}
	return nil
}

// Shared (verbatim) runs.

func init() {
	register("shared", true, storyCommand{
		name:  "shared",
		short: "Passages two or more outlets print word for word",
		long: `The runs of words that two or more outlets of a story print word for word:
agency copy, press releases, quotes.`,
		example: "  newsdiff shared\n  newsdiff shared ~/stories --story 2 --format json",
		formats: []string{"plain", "json"},
		write:   writeShared,
	}.build)
}

type jsonRun struct {
	Words    int           `json:"words"`
	Text     string        `json:"text"`
	Carriers []jsonCarrier `json:"carriers"`
}

type jsonCarrier struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Paragraph int    `json:"paragraph"`
	Span      [2]int `json:"span"`
}

func writeShared(w io.Writer, format string, an *analysis.Analysis) error {
	if format == "json" {
		out := struct {
			Story string    `json:"story"`
			Runs  []jsonRun `json:"runs"`
			// Note says, besides what storyNote says, why no runs were
			// looked for (see analysis.MaxVerbatimWords).
			Note string `json:"note,omitempty"`
		}{Story: an.Story.Name, Runs: []jsonRun{}, Note: storyNote(an, an.VerbatimNote.String())}
		for _, r := range an.Verbatim {
			jr := jsonRun{Words: r.Words, Text: r.Common.Article.Text(r.Common.Span)}
			for i, s := range r.Spans {
				jr.Carriers = append(jr.Carriers, jsonCarrier{s.Article.ID, s.Article.Outlet, r.Paragraph(i), fileSpan(s.Article, s.Span)})
			}
			out.Runs = append(out.Runs, jr)
		}
		return writeJSON(w, out)
	}
	storyHeader(w, an)
	fmt.Fprintf(w, "%s of %d or more words printed word for word by two or more outlets\n", plural.Count(len(an.Verbatim), "passage", "passages"), analysis.MinVerbatimRun)
	if note := an.VerbatimNote.Text(digits.Group); note != "" {
		fmt.Fprintf(w, "(%s)\n", note)
	}
	name := outletNamer(an)
	for _, r := range an.Verbatim {
		fmt.Fprintf(w, "\n## %s · %s\n%s\n", plural.Count(len(r.Spans), "outlet", "outlets"), plural.Count(r.Words, "word", "words"), termsafe.OneLine(r.Common.Article.Text(r.Common.Span)))
		var carriers []string
		for i, s := range r.Spans {
			carriers = append(carriers, fmt.Sprintf("%s ¶%d", name(s.Article), r.Paragraph(i)))
		}
		fmt.Fprintf(w, "  in: %s\n", strings.Join(carriers, ", "))
	}
	return nil
}

// Facts that disagree.

func init() {
	register("facts", true, storyCommand{
		name:  "facts",
		short: "Numbers, days and attributions the outlets give differently",
		long: `The facts of a story that its outlets give differently: numbers, days and
dates, and who said what.`,
		example: "  newsdiff facts\n  newsdiff facts ~/stories --story 2",
		formats: []string{"plain", "json"},
		write:   writeFacts,
	}.build)
}

type jsonFact struct {
	Kind     string        `json:"kind"`
	About    string        `json:"about,omitempty"`
	Act      string        `json:"act,omitempty"` // a count's act: "killed", "injured"
	Mentions []jsonMention `json:"mentions"`
}

type jsonMention struct {
	ID        string `json:"id"`
	Outlet    string `json:"outlet"`
	Value     string `json:"value"`
	Paragraph int    `json:"paragraph"`
	Span      [2]int `json:"span"`
}

func writeFacts(w io.Writer, format string, an *analysis.Analysis) error {
	ds := an.Disagreements()
	if format == "json" {
		out := struct {
			Story string     `json:"story"`
			Facts []jsonFact `json:"facts"`
			Note  string     `json:"note,omitempty"` // see storyNote
		}{Story: an.Story.Name, Facts: []jsonFact{}, Note: storyNote(an)}
		for _, d := range ds {
			f := jsonFact{Kind: d.Kind.String(), About: d.About, Act: d.Act}
			for _, m := range d.Mentions {
				f.Mentions = append(f.Mentions, jsonMention{m.Article.ID, m.Article.Outlet, m.Value, m.Article.ParagraphAt(m.Span.Start), fileSpan(m.Article, m.Span)})
			}
			out.Facts = append(out.Facts, f)
		}
		return writeJSON(w, out)
	}
	storyHeader(w, an)
	fmt.Fprintf(w, "%s the outlets give differently\n", plural.Count(len(ds), "fact", "facts"))
	name := outletNamer(an)
	for _, d := range ds {
		about := ""
		if d.About != "" {
			about = " · " + cell(d.About)
		}
		if d.Act != "" {
			about += " · " + cell(d.Act)
		}
		fmt.Fprintf(w, "\n## %s%s\n", d.Kind, about)
		writeMentions(w, d.Mentions, name)
	}
	return nil
}

// writeMentions writes a fact's mentions as a table: outlet, value and
// paragraph, each column as wide as its widest cell, in terminal cells,
// and two more, then the sentences around. Padded by fmt's %-14s and
// %-12s, which count characters, an outlet in Japanese (two cells a
// character) or with combining accents, and any value longer than twelve
// ("Jake Sullivan (said)"), pushed the columns after it out of line.
func writeMentions(w io.Writer, ms []analysis.Mention, name func(*corpus.Article) string) {
	rows := make([][3]string, len(ms))
	var widths [3]int
	for i, m := range ms {
		rows[i] = [3]string{name(m.Article), cell(m.Value), "¶" + strconv.Itoa(m.Article.ParagraphAt(m.Span.Start))}
		for c, v := range rows[i] {
			widths[c] = max(widths[c], cellWidth(v))
		}
	}
	for i, m := range ms {
		var sb strings.Builder
		sb.WriteString("  ")
		for c, v := range rows[i] {
			sb.WriteString(v)
			sb.WriteString(strings.Repeat(" ", widths[c]-cellWidth(v)+2))
		}
		sb.WriteString(mentionContext(m))
		fmt.Fprintln(w, sb.String())
	}
}

// outletNamer names the articles of an as matrix and unique name them
// (termsafe.OutletLabels): by outlet, one line, with the id added where
// two articles of the story share an outlet, so that shared, quotes and
// facts, which name an article beside what it prints, tell apart two
// articles of one outlet (an update and the first version) as the table
// and unique's headings do. An article not of an is named by its outlet.
func outletNamer(an *analysis.Analysis) func(*corpus.Article) string {
	labels := termsafe.OutletLabels(an.Articles)
	names := make(map[*corpus.Article]string, len(labels))
	for i, a := range an.Articles {
		names[a] = labels[i]
	}
	return func(a *corpus.Article) string {
		if n, ok := names[a]; ok {
			return n
		}
		return cell(a.Outlet)
	}
}

// mentionContext returns the sentences around mention m, on one line: a
// quote's with its marks as the outlet wrote them (see Mention.Context).
func mentionContext(m analysis.Mention) string {
	return termsafe.OneLine(m.ContextText())
}
