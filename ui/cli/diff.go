package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

func runDiff(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("diff")
	def := "plain"
	if env.Terminal && !env.NoColor {
		def = "ansi"
	}
	format := fs.String("format", def, "output format: ansi, plain, json or html")
	dir := fs.String("dir", "", "the corpus directory that A and B belong to")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch len(pos) {
	case 2:
	case 3:
		if *dir != "" {
			return usagef("a directory is named twice")
		}
		*dir = pos[2]
	default:
		return usagef("want two articles, A and B, got %d arguments", len(pos))
	}
	if err := checkFormat(*format, "ansi", "plain", "json", "html"); err != nil {
		return err
	}
	c, err := corpusFor(pos[:2], *dir, env)
	if err != nil {
		return err
	}
	a, err := resolve(pos[0], c, env)
	if err != nil {
		return err
	}
	b, err := resolve(pos[1], c, env)
	if err != nil {
		return err
	}
	var cmp *compare.Comparison
	if env.Cache != nil {
		cmp, err = env.Cache.Compare(ctx, a, b)
	} else {
		cmp, err = compare.Compare(ctx, a, b)
	}
	if err != nil {
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	switch *format {
	case "json":
		err = WriteJSON(w, cmp)
	case "plain":
		err = WritePlain(w, cmp)
	case "ansi":
		err = WriteANSI(w, cmp)
	case "html":
		err = WriteHTMLDiff(w, cmp)
	}
	if err != nil {
		return err
	}
	return w.Flush()
}

// corpusFor loads the corpus that names are looked up in: the directory if
// one is given; none when both arguments are existing files; else the
// default corpus.
func corpusFor(names []string, dir string, env Env) (*corpus.Corpus, error) {
	if dir == "" && env.Files {
		files := 0
		for _, n := range names {
			if strings.ContainsAny(n, `/\.`) && fileExists(n) {
				files++
			}
		}
		if files == len(names) {
			return nil, nil
		}
	}
	return load(dir, env)
}

// JSON shapes of `diff --format json`. Spans are [start, end) byte offsets
// into each article file's original bytes; a missing side is null.
type (
	jsonArticle struct {
		ID     string `json:"id"`
		Outlet string `json:"outlet"`
		Title  string `json:"title"`
		Source string `json:"source"`
	}
	jsonOp struct {
		Op    string  `json:"op"`
		Left  *[2]int `json:"left,omitempty"`
		Right *[2]int `json:"right,omitempty"`
	}
	jsonBlock struct {
		Kind       string   `json:"kind"`
		Left       *[2]int  `json:"left"`
		Right      *[2]int  `json:"right"`
		Similarity float64  `json:"similarity"`
		Ops        []jsonOp `json:"ops"`
	}
	jsonComparison struct {
		Left       jsonArticle `json:"left"`
		Right      jsonArticle `json:"right"`
		Similarity float64     `json:"similarity"`
		Blocks     []jsonBlock `json:"blocks"`
	}
)

func spanJSON(s corpus.Span) *[2]int { return &[2]int{s.Start, s.End} }

func articleJSON(a *corpus.Article) jsonArticle {
	return jsonArticle{ID: a.ID, Outlet: a.Outlet, Title: a.Title, Source: a.Source}
}

// round keeps JSON similarities readable; four decimals are plenty.
func round(f float64) float64 { return float64(int64(f*10000+0.5)) / 10000 }

// WriteJSON writes c in the documented JSON schema. The encoder escapes
// control characters, so article text needs no sanitising here.
func WriteJSON(w io.Writer, c *compare.Comparison) error {
	out := jsonComparison{
		Left:       articleJSON(c.Left),
		Right:      articleJSON(c.Right),
		Similarity: round(c.Similarity),
		Blocks:     make([]jsonBlock, 0, len(c.Blocks)),
	}
	for _, b := range c.Blocks {
		jb := jsonBlock{Kind: b.Kind.String(), Similarity: round(b.Similarity), Ops: make([]jsonOp, 0, len(b.Ops))}
		if b.Kind != compare.RightOnly {
			jb.Left = spanJSON(b.Left)
		}
		if b.Kind != compare.LeftOnly {
			jb.Right = spanJSON(b.Right)
		}
		for _, op := range b.Ops {
			jo := jsonOp{Op: op.Kind.String()}
			if op.Kind != compare.OpInsert {
				jo.Left = spanJSON(op.Left)
			}
			if op.Kind != compare.OpDelete {
				jo.Right = spanJSON(op.Right)
			}
			jb.Ops = append(jb.Ops, jo)
		}
		out.Blocks = append(out.Blocks, jb)
	}
	return json.NewEncoder(w).Encode(out)
}

// marks says how a text rendering shows each part of a diff.
type marks struct {
	del, ins           func(string) string // a changed passage of words
	minorDel, minorIns func(string) string // a punctuation or whitespace change
	label              func(string) string // a block's heading line
}

// WritePlain writes c wdiff-style: passages in left order, each under a
// label line, deletions as [-…-] and insertions as {+…+}.
func WritePlain(w io.Writer, c *compare.Comparison) error {
	wrap := func(open, close string) func(string) string {
		return func(s string) string { return open + s + close }
	}
	same := func(s string) string { return s }
	return writeText(w, c, marks{
		del: wrap("[-", "-]"), ins: wrap("{+", "+}"),
		minorDel: wrap("[-", "-]"), minorIns: wrap("{+", "+}"),
		label: same,
	})
}

// WriteANSI writes c like WritePlain, with colour and attributes in place
// of markers: deletions orange and struck through, insertions blue and
// underlined — a pair that red–green colour blindness keeps apart, and
// whose attributes carry the meaning without colour.
func WriteANSI(w io.Writer, c *compare.Comparison) error {
	return writeText(w, c, ansiMarks())
}

// ansiMarks are the colours and attributes of the ANSI formats, in 256
// colours, which every terminal of the last decades shows. termenv styles
// a run of text once; lipgloss would style strikethrough and underline
// rune by rune, which multiplies the output.
func ansiMarks() marks {
	p := termenv.ANSI256
	style := func(fg string, apply func(termenv.Style) termenv.Style) func(string) string {
		return func(s string) string {
			st := p.String(s)
			if fg != "" {
				st = st.Foreground(p.Color(fg))
			}
			return apply(st).String()
		}
	}
	return marks{
		del:      style("208", termenv.Style.CrossOut),
		ins:      style("39", termenv.Style.Underline),
		minorDel: style("208", termenv.Style.Faint),
		minorIns: style("39", termenv.Style.Faint),
		label:    style("", func(st termenv.Style) termenv.Style { return st.Bold().Faint() }),
	}
}

func writeText(w io.Writer, c *compare.Comparison, m marks) error {
	l, r := c.Left, c.Right
	st := c.Stats()
	fmt.Fprintln(w, m.label(fmt.Sprintf("--- %s · %s · %s", termsafe.Display(l.ID), termsafe.Display(l.Outlet), termsafe.Display(l.Title))))
	fmt.Fprintln(w, m.label(fmt.Sprintf("+++ %s · %s · %s", termsafe.Display(r.ID), termsafe.Display(r.Outlet), termsafe.Display(r.Title))))
	fmt.Fprintf(w, "similarity %.0f%% · %d words deleted, %d inserted · %d moved · %d one-sided\n",
		100*c.Similarity, st.Deleted, st.Inserted, st.Moved, st.LeftOnly+st.RightOnly)
	for _, b := range c.Blocks {
		fmt.Fprintln(w)
		fmt.Fprintln(w, m.label(BlockLabel(c, b)))
		var sb strings.Builder
		for i, op := range b.Ops {
			switch op.Kind {
			case compare.OpEqual:
				sb.WriteString(termsafe.Display(l.Text(op.Left)))
			case compare.OpDelete:
				text := termsafe.Display(l.Text(op.Left))
				switch {
				case isSpace(text):
					// The left's own layout stays; a paragraph break the
					// right does not have is marked.
					if strings.Contains(text, "\n") {
						sb.WriteString(m.minorDel("¶"))
					}
					sb.WriteString(text)
				case op.Minor:
					sb.WriteString(markLines(m.minorDel, text))
				default:
					sb.WriteString(markLines(m.del, text))
				}
			case compare.OpInsert:
				text := termsafe.Display(r.Text(op.Right))
				pairedDelete := i > 0 && b.Ops[i-1].Kind == compare.OpDelete
				switch {
				case isSpace(text) && strings.Contains(text, "\n"):
					sb.WriteString(m.minorIns("¶"))
				case isSpace(text):
					if !pairedDelete {
						sb.WriteString(" ")
					}
				case op.Minor:
					sb.WriteString(markLines(m.minorIns, text))
				default:
					sb.WriteString(markLines(m.ins, text))
				}
			}
		}
		fmt.Fprintln(w, sb.String())
	}
	return nil
}

// markLines marks each line of s on its own, so that a change spanning a
// paragraph break keeps every line's markers (and colours) balanced.
func markLines(f func(string) string, s string) string {
	if !strings.Contains(s, "\n") {
		return f(s)
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if line != "" {
			lines[i] = f(line)
		}
	}
	return strings.Join(lines, "\n")
}

// BlockLabel names a block for a reader: its kind, where it sits in each
// article (¶ numbers count the article's paragraphs from 1, the title
// being ¶1), its similarity, and its role when it is not prose.
func BlockLabel(c *compare.Comparison, b compare.Block) string {
	var parts []string
	switch b.Kind {
	case compare.Aligned, compare.Moved:
		parts = append(parts, b.Kind.String(),
			fmt.Sprintf("¶%d ~ ¶%d", c.Left.ParagraphOf(b.LeftSentences), c.Right.ParagraphOf(b.RightSentences)),
			fmt.Sprintf("%.0f%%", 100*b.Similarity))
	case compare.LeftOnly:
		parts = append(parts, "left only", fmt.Sprintf("¶%d", c.Left.ParagraphOf(b.LeftSentences)))
	case compare.RightOnly:
		parts = append(parts, "right only", fmt.Sprintf("¶%d", c.Right.ParagraphOf(b.RightSentences)))
	}
	if b.Role != corpus.RoleProse {
		parts = append(parts, b.Role.String())
	}
	if b.Repeats >= 0 && b.Repeats < len(c.Blocks) {
		rep := c.Blocks[b.Repeats]
		parts = append(parts, fmt.Sprintf("repeats ¶%d ~ ¶%d", c.Left.ParagraphOf(rep.LeftSentences), c.Right.ParagraphOf(rep.RightSentences)))
	}
	return "@@ " + strings.Join(parts, " · ") + " @@"
}

// isSpace reports whether s is all whitespace.
func isSpace(s string) bool { return strings.TrimSpace(s) == "" }
