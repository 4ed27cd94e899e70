package extract

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// markdownParser is goldmark's CommonMark parser; a parser is safe for
// concurrent use once made. It is made on first use: every run of
// newsdiff links this package, and most read no Markdown.
//
// The GitHub extensions that are everyday Markdown are read too, so that
// their markup is not taken for text: tables (each row a paragraph, its
// cells parted by semicolons), ~~strikethrough~~ and footnotes. They are
// read by hand from what the CommonMark parser leaves as text (see
// tableRows, dropTildes, dropFootnoteMarks), not by goldmark's extension
// package: its init compiles the regular expressions of its linkify
// extension whether or not anything is read, 264 KB and 1–2 ms of every
// run's start-up.
//
// The parser is made from goldmark's parser package, as goldmark's
// DefaultParser makes it, not through the goldmark package: that package's
// init builds a whole default Markdown-to-HTML converter and links the
// HTML renderer, whose init builds its attribute filters, in every run of
// newsdiff, which renders no Markdown to HTML.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
})

// Markdown reads src as CommonMark with GitHub's tables, strikethrough
// and footnotes, and returns its text with the markup gone: each heading,
// paragraph, list item, quoted paragraph, code block and table row
// becomes one paragraph; emphasis, links and code spans become their text;
// images and raw HTML tags are dropped (an HTML block keeps its text).
// Backslash escapes and character references are decoded. A first block
// that is a heading is the title.
//
// src should not hold front matter: the loader reads that first.
func Markdown(src []byte) (Page, error) {
	if len(src) > MaxSize {
		return Page{}, ErrTooLarge
	}
	doc := markdownParser().Parse(text.NewReader(src))
	w := mdWriter{src: src}
	w.blocks(doc)
	p := Page{Paragraphs: w.paras}
	if w.firstIsHeading && len(p.Paragraphs) > 0 {
		p.Title = oneLine(p.Paragraphs[0])
		p.Paragraphs = p.Paragraphs[1:]
	}
	return p, nil
}

// mdWriter collects the paragraphs of a Markdown syntax tree. goldmark
// renders HTML only; this is the plain-text rendering it does not have.
type mdWriter struct {
	src            []byte
	paras          []string
	firstIsHeading bool
}

func (w *mdWriter) add(s string) {
	w.paras = append(w.paras, paragraphs(dropFootnoteMarks(s))...)
}

func (w *mdWriter) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			before := len(w.paras)
			w.add(w.inline(c))
			w.firstIsHeading = w.firstIsHeading || before == 0 && len(w.paras) > 0
		case *ast.Paragraph, *ast.TextBlock:
			if rows, ok := w.tableRows(c); ok {
				for _, r := range rows {
					w.add(r)
				}
				continue
			}
			w.add(w.inline(c))
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			w.add(w.lines(c))
		case *ast.HTMLBlock:
			src := w.lines(c)
			if c.HasClosure() {
				src += string(c.ClosureLine.Value(w.src))
			}
			w.add(htmlText(src))
		case *ast.ThematicBreak:
		default:
			w.blocks(c)
		}
	}
}

// lines returns the raw lines of a block.
func (w *mdWriter) lines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(w.src))
	}
	return b.String()
}

// inline returns the text of a block's inline content.
func (w *mdWriter) inline(n ast.Node) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(w.src)
				if !c.IsRaw() {
					v = decodeMarkdownText(v)
				}
				b.Write(dropTildes(v))
				switch {
				case c.HardLineBreak():
					b.WriteByte('\n')
				case c.SoftLineBreak():
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if t, ok := t.(*ast.Text); ok {
						b.Write(t.Segment.Value(w.src))
					}
				}
			case *ast.AutoLink:
				b.Write(c.Label(w.src))
			case *ast.Image, *ast.RawHTML:
				// An image's alt text describes a picture, not the story;
				// an inline tag has no text of its own.
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// decodeMarkdownText resolves backslash escapes and character references,
// as goldmark's HTML writer does when it writes text.
func decodeMarkdownText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
}

// htmlText returns the text of an HTML fragment, with a paragraph break
// for each block-level tag, and nothing of scripts and styles.
func htmlText(src string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(src))
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template":
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article":
				b.WriteString("\n\n")
			}
		}
	}
}

// tableRows reads a paragraph that is a GitHub table, a header row, a
// delimiter row ("|---|:--:|") of as many cells, then its rows, as one
// paragraph a row, its cells' text parted by semicolons and empty cells
// left out. ok is false for any other paragraph.
func (w *mdWriter) tableRows(n ast.Node) (rows []string, ok bool) {
	segs := n.Lines()
	if segs.Len() < 2 {
		return nil, false
	}
	line := func(i int) []byte {
		seg := segs.At(i)
		return seg.Value(w.src)
	}
	// Most paragraphs are no table: their first line has no pipe.
	first := line(0)
	if bytes.IndexByte(first, '|') < 0 {
		return nil, false
	}
	header := tableCells(string(first))
	if !isDelimiterRow(tableCells(string(line(1))), len(header)) {
		return nil, false
	}
	for i := range segs.Len() {
		if i == 1 {
			continue
		}
		row := header
		if i > 1 {
			row = tableCells(string(line(i)))
		}
		var cells []string
		for _, cell := range row {
			if t := oneLine(markdownInline(cell)); t != "" {
				cells = append(cells, t)
			}
		}
		if len(cells) > 0 {
			rows = append(rows, strings.Join(cells, "; "))
		}
	}
	return rows, true
}

// tableCells splits a table row at its pipes, a backslash-escaped pipe
// staying in its cell, without the empty cells a leading and a trailing
// pipe make.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	var cells []string
	start := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, line[start:i])
			start = i + 1
		}
	}
	cells = append(cells, line[start:])
	if strings.HasPrefix(line, "|") {
		cells = cells[1:]
	}
	if len(cells) > 0 && strings.HasSuffix(line, "|") && !strings.HasSuffix(line, "\\|") {
		cells = cells[:len(cells)-1]
	}
	for i, c := range cells {
		cells[i] = strings.TrimSpace(strings.ReplaceAll(c, "\\|", "|"))
	}
	return cells
}

// isDelimiterRow reports whether cells are a table's delimiter row for a
// header of width cells: each a run of hyphens, a colon at either end.
func isDelimiterRow(cells []string, width int) bool {
	if len(cells) != width {
		return false
	}
	for _, c := range cells {
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// markdownInline returns the text of a table cell's Markdown.
func markdownInline(src string) string {
	cell := mdWriter{src: []byte(src)}
	cell.blocks(markdownParser().Parse(text.NewReader(cell.src)))
	return strings.Join(cell.paras, " ")
}

// dropTildes drops the double tildes around struck words, which keep
// their text: "He ~~denied~~ admitted it." is "He denied admitted it.".
func dropTildes(v []byte) []byte {
	if !bytes.Contains(v, []byte("~~")) {
		return v
	}
	return bytes.ReplaceAll(v, []byte("~~"), nil)
}

// dropFootnoteMarks drops footnote marks ("rose[^1].") from a paragraph,
// and the label opening a footnote's note ("[^1]: Official data."),
// whose text stays a paragraph.
func dropFootnoteMarks(s string) string {
	if !strings.Contains(s, "[^") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "[^")
		if i < 0 {
			break
		}
		end := strings.IndexByte(s[i:], ']')
		label := ""
		if end > 2 {
			label = s[i+2 : i+end]
		}
		if label == "" || strings.ContainsAny(label, " \t\n[") {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		s = s[i+end+1:]
		if b.Len() == 0 && strings.HasPrefix(s, ":") {
			s = strings.TrimLeft(s[1:], " ")
		}
	}
	b.WriteString(s)
	return b.String()
}
