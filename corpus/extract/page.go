// Package extract turns the bytes people collect — a saved web page, a
// Markdown file — into a newsdiff article: its metadata (title, outlet,
// byline, date, URL, language) and its body as plain paragraphs, with no
// markup, navigation, captions or comments left to be diffed as words.
//
// HTML goes through go-readability, a port of Mozilla's Readability (the
// Firefox Reader View algorithm), after golang.org/x/net/html/charset has
// decoded a legacy encoding to UTF-8 (bytes that are valid UTF-8 are read
// as UTF-8 whatever the page declares); Markdown goes through goldmark's
// CommonMark parser, and its syntax tree is written out as text, GitHub's
// tables, strikethrough and footnotes read by hand from the text the
// parser leaves (markdown.go), not by goldmark's extensions.
//
// The package must not know about corpus (which imports it to read .html
// and .md files), terminals or the network; it shares with corpus only
// the rules that tell control characters and escape sequences from text
// (corpus/internal/control). Fetching pages is the business of
// extract/fetch.
package extract

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus/internal/control"
)

// MaxSize is the most bytes of a page or file the importers read: the
// loader's limit for any file. No news article comes close.
const MaxSize = 5 << 20

// ErrTooLarge is returned when a page is larger than MaxSize. Its text is
// the one wording of the limit, wherever a file, a page or standard input
// is refused for its size (the loaders', diff's, extract's): "larger than
// the 5 MiB limit", the same whether the size is known or reading stopped
// at the limit.
var ErrTooLarge = fmt.Errorf("larger than the %d MiB limit", MaxSize>>20)

// Page is one article as extracted: metadata where the source gives it,
// and the body as paragraphs of plain text, each a run of non-blank lines.
type Page struct {
	Title  string
	Outlet string
	Byline string
	Date   string // ISO 8601: a day "2006-01-02" or a time "2006-01-02T15:04:05Z07:00"
	URL    string
	Lang   string

	Paragraphs []string

	// NoHeadline says the text does not open on Title: the title is the
	// front matter's alone, as in a Markdown file whose front matter
	// gives it over a text that opens on its lead or on a heading of its
	// own. Text then writes Title in the front matter only, so that the
	// text reads back as the file does (a headline line was a title
	// paragraph the file has not).
	NoHeadline bool

	// Replaced is how many bytes of a page read as UTF-8 were not valid
	// UTF-8 and were read as U+FFFD: a page that mixes in text in another
	// encoding. It is no part of the article's text.
	Replaced int

	// Mixed is how many characters of a page read as windows-1252 were
	// UTF-8 and were read as such (see HTML): a page that mixes UTF-8
	// text into windows-1252. It is no part of the article's text.
	Mixed int

	// Stray is how many bytes of a page read as UTF-8 (declared so, or
	// declaring nothing and mostly UTF-8) were not valid UTF-8 and were
	// read as windows-1252 (see ReadStray): a page that mixes windows-1252
	// text into UTF-8. The bytes that have no meaning in windows-1252 are
	// counted in Replaced.
	Stray int

	// Legacy says the Stray characters are all there are outside ASCII:
	// the text is windows-1252 (or Latin-1) alone, with no UTF-8 in it to
	// mix with.
	Legacy bool

	// Note says, in one line, what else was worked around in reading the
	// page, or is "": front matter that is none, read as text. It is no
	// part of the article's text; it travels with the page so that a
	// page read where no one can be told (one of a batch being fetched)
	// is said when its article is written.
	Note string
}

// EncodingNote says how many bytes of the page were not valid UTF-8 and
// were replaced (see Replaced), or how many of its characters were UTF-8
// in windows-1252 text (see Mixed) or windows-1252 in UTF-8 text (see
// Stray), or is "" when none: the one-line warning the loader and the
// import commands give of such a page.
func (p Page) EncodingNote() string {
	var notes []string
	switch {
	case p.Mixed > 0:
		notes = append(notes, "mixes UTF-8 and windows-1252; "+characters(p.Mixed)+" read as UTF-8")
	case p.Stray > 0 && p.Legacy:
		notes = append(notes, "is windows-1252, not UTF-8; "+characters(p.Stray)+" read as windows-1252")
	case p.Stray > 0:
		notes = append(notes, "mixes UTF-8 and windows-1252; "+characters(p.Stray)+" read as windows-1252")
	}
	switch {
	case p.Replaced == 1:
		notes = append(notes, "1 byte was not valid UTF-8 and was replaced")
	case p.Replaced > 1:
		notes = append(notes, strconv.Itoa(p.Replaced)+" bytes were not valid UTF-8 and were replaced")
	}
	return strings.Join(notes, "; ")
}

// characters says n characters "were" or "was".
func characters(n int) string {
	if n == 1 {
		return "1 character was"
	}
	return strconv.Itoa(n) + " characters were"
}

// Text returns the page in newsdiff's text format: a front matter block
// with the metadata the page has ("---", "key: value" lines, "---"), then
// the headline (see NoHeadline), a blank line, and the paragraphs
// separated by blank lines.
// With no metadata and no title it is the paragraphs alone.
func (p Page) Text() []byte {
	var b bytes.Buffer
	fields := []struct{ key, value string }{
		{"title", p.Title}, {"outlet", p.Outlet}, {"byline", p.Byline},
		{"date", p.Date}, {"url", p.URL}, {"lang", p.Lang},
	}
	hasMeta := false
	for _, f := range fields {
		hasMeta = hasMeta || f.value != ""
	}
	if hasMeta {
		b.WriteString("---\n")
		for _, f := range fields {
			if f.value != "" {
				b.WriteString(f.key)
				b.WriteString(": ")
				b.WriteString(frontMatterValue(f.value))
				b.WriteByte('\n')
			}
		}
		b.WriteString("---\n")
	}
	b.Write(p.Body())
	return b.Bytes()
}

// Body returns the page's text without front matter: the headline (when
// there is one and NoHeadline is false), a blank line, and the paragraphs
// separated by blank lines.
func (p Page) Body() []byte {
	var b bytes.Buffer
	if p.Title != "" && !p.NoHeadline {
		b.WriteString(clean(p.Title))
		b.WriteByte('\n')
		if len(p.Paragraphs) > 0 {
			// A title alone (a Markdown file of a heading) ends on its
			// line, as a text file does, not on a blank line after it.
			b.WriteByte('\n')
		}
	}
	for i, para := range p.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(para)
	}
	if len(p.Paragraphs) > 0 {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// frontMatterValue writes v so that newsdiff's front matter reader gives v
// back: on one line, and quoted when a bare value would be read otherwise
// (surrounding quotes, or a character that needs an escape).
func frontMatterValue(v string) string {
	v = clean(v)
	if v == "" {
		return `""`
	}
	needsQuotes := v[0] == '"' || v[0] == '\''
	for _, r := range v {
		if !strconv.IsPrint(r) && r != ' ' {
			needsQuotes = true
		}
	}
	if needsQuotes {
		return strconv.Quote(v)
	}
	return v
}

// oneLine joins the whitespace-separated fields of s with single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clean makes s one line of text: whitespace runs become one space and
// control characters are dropped.
func clean(s string) string {
	return oneLine(dropControls(s))
}

// dropControls turns line and paragraph separators into line feeds and a
// no-break space into a space, and drops escape sequences, whole, and
// control characters other than line feeds and tabs: no article needs
// them, and they would otherwise travel into files and terminals. An
// escape sequence, which starts with a control character, goes whole, as
// the text model reads it (see control.Len): with its ESC alone dropped,
// "[2J" stayed in the text.
func dropControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' || r == '\t':
		case r == '\r', r == '\u2028', r == '\u2029':
			r = '\n'
		case r == '\u00a0':
			r = ' '
		case unicode.IsControl(r):
			i += max(control.Len(s[i:]), size)
			continue
		}
		i += size
		b.WriteRune(r)
	}
	return b.String()
}

// paragraphs splits text into paragraphs at blank lines, trimming each line
// and joining runs of spaces, and drops what is left empty and the
// control characters (see dropControls).
func paragraphs(text string) []string {
	text = dropControls(text)
	var out []string
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
			lines = lines[:0]
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = oneLine(line)
		if line == "" {
			flush()
			continue
		}
		lines = append(lines, line)
	}
	flush()
	return out
}
