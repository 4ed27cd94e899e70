package extract

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// markdownParser is goldmark's CommonMark parser; a parser is safe for
// concurrent use once made. It is made on first use: every run of
// newsdiff links this package, and most read no Markdown.
// The GitHub extensions that are everyday Markdown are read too, so that
// their markup is not taken for text: tables (each row a paragraph, its
// cells parted by semicolons), ~~strikethrough~~ and footnotes.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Footnote)).Parser()
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
	w.paras = append(w.paras, paragraphs(s)...)
}

func (w *mdWriter) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			before := len(w.paras)
			w.add(w.inline(c))
			w.firstIsHeading = w.firstIsHeading || before == 0 && len(w.paras) > 0
		case *ast.Paragraph, *ast.TextBlock:
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
		case *east.TableHeader, *east.TableRow:
			var cells []string
			for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if t := oneLine(w.inline(cell)); t != "" {
					cells = append(cells, t)
				}
			}
			w.add(strings.Join(cells, "; "))
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
				b.Write(v)
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
