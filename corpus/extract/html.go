package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// ErrNoArticle is returned when a page holds no text that reads as an
// article (an index page, an image gallery, an empty document).
var ErrNoArticle = errors.New("no article text found in the page")

// ErrBinary is returned for bytes that are no page at all: an image, a
// PDF or an archive served or saved as one. Such bytes hold a NUL early
// on, which no HTML page does (UTF-16, whose byte-order mark says so,
// aside); read as windows-1252 they made an "article" of garbage.
var ErrBinary = errors.New("not a web page: binary data")

// binarySniffBytes is how much of a page's start is looked at for a NUL.
const binarySniffBytes = 8 << 10

// ErrTooDeep is returned for a page whose elements nest deeper than the
// HTML parser follows. No news page comes near.
var ErrTooDeep = errors.New("its elements nest more than 512 deep, past what newsdiff reads")

// HTML extracts the article of the web page read from r. pageURL is where
// the page came from, or "" for a saved file; the article's URL is the
// page's canonical link (or og:url) when it has one, else pageURL.
// contentType is the Content-Type header it was served with, or
// "", and only its charset is used. Text in a legacy encoding (declared by
// the header or a <meta> tag, or else windows-1252 when the bytes are not
// UTF-8) is decoded to UTF-8; bytes that are valid UTF-8 are read as such
// whatever the page declares (see decode). A page read as UTF-8 whose
// bytes are not all UTF-8 (a page saved or served with some text in
// another encoding) has each byte that is not read as windows-1252 (see
// ReadStray), counted in Page.Stray, or as U+FFFD when it means nothing
// there, counted in Page.Replaced. A page read as windows-1252 that holds
// UTF-8 text (curly quotes or accents pasted in) has that text read as
// UTF-8, not as "cafÃ©" and "â€œ", and says how many characters in
// Page.Mixed.
//
// The body is what Readability keeps: the article's paragraphs, headings,
// lists and quotes, without navigation, share buttons, comments or ads.
// The metadata comes from the page's own tags: the title and byline as
// Readability finds them; the outlet from og:site_name or the JSON-LD
// publisher, else the host name; the date from JSON-LD datePublished,
// article:published_time or a <time> element, as ISO 8601; the language
// from <html lang>.
//
// Parsing is not interruptible; ctx is checked before and after it, and
// one page takes milliseconds.
func HTML(ctx context.Context, r io.Reader, pageURL, contentType string) (Page, error) {
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return Page{}, err
	}
	if len(raw) > MaxSize {
		return Page{}, ErrTooLarge
	}
	if i := BinaryAt(raw); i >= 0 {
		return Page{}, fmt.Errorf("%w (NUL byte at %d)", ErrBinary, i)
	}
	text, replaced, mixed, stray := decode(raw, contentType)
	doc, err := html.Parse(text)
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			// The parser's own words named its internals.
			return Page{}, ErrTooDeep
		}
		return Page{}, err
	}
	base, _ := url.Parse(pageURL)
	if base != nil && !base.IsAbs() {
		base = nil
	}
	// Readability removes scripts and rewrites the tree, so what it does
	// not find is read first.
	own := readOwnMetadata(doc)
	// The page's canonical address names the article however it was
	// reached (a redirect, tracking parameters, a saved copy), so that the
	// same article is known by one URL.
	if c := canonical(own.canonical, base); c != nil {
		base = c
	}
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return Page{}, err
	}
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	p := Page{
		Title:    clean(art.Title()),
		Byline:   byline(art.Byline()),
		Lang:     clean(firstNonEmpty(own.lang, art.Language())),
		Replaced: replaced,
		Mixed:    mixed,
		Stray:    stray,
	}
	if base != nil {
		// A user name and password in the address fetched are no part of
		// the article's address, which add writes into the article and
		// the reader and HTML pages show.
		u := *base
		u.User = nil
		p.URL = u.String()
	}
	p.Outlet = clean(firstNonEmpty(art.SiteName(), own.publisher, hostName(base)))
	if t, err := art.PublishedTime(); err == nil {
		p.Date = isoDate(t)
	} else if own.date != "" {
		p.Date = own.date
	}
	if art.Node != nil {
		removeFigures(art.Node)
		p.Paragraphs = paragraphs(render.InnerText(art.Node))
	}
	if p.Title == "" {
		p.Title = own.h1
	}
	// Readability drops a heading that repeats the title, but not always a
	// first paragraph that does.
	if len(p.Paragraphs) > 0 && strings.EqualFold(p.Paragraphs[0], p.Title) {
		p.Paragraphs = p.Paragraphs[1:]
	}
	if words(p.Paragraphs) < minArticleWords {
		return p, ErrNoArticle
	}
	return p, nil
}

// minArticleWords is the fewest words an article body has. Readability
// always returns its best candidate, so a page with no article (a home
// page's navigation, an image viewer) still gives a few words; the
// shortest wire brief runs to several dozen.
const minArticleWords = 20

func words(paras []string) int {
	n := 0
	for _, p := range paras {
		n += countWords(p)
	}
	return n
}

// countWords counts words as the text model does: runs of letters and
// digits, but each Han ideograph and hiragana a word by itself, as text
// written without spaces is compared character by character. Counted as
// runs, a Chinese brief of two paragraphs was a dozen words, its commas
// and full stops apart, and no article.
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if isIdeographic(r) {
			n++
			in = false
			continue
		}
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// isIdeographic reports whether r is a Han ideograph or a hiragana, a
// word by itself, as the text model's tokenizer takes them (katakana and
// Hangul words stay whole).
func isIdeographic(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r))
}

// removeFigures removes the figures Readability keeps, captions included:
// a caption describes a picture, it is not the story's text, and outlets
// caption the same photo differently.
func removeFigures(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Figure || c.DataAtom == atom.Figcaption) {
			n.RemoveChild(c)
		} else {
			removeFigures(c)
		}
		c = next
	}
}

// BinaryAt returns the offset of a NUL byte near the start of raw, which
// makes it no web page, or -1 when there is none or raw opens with a
// UTF-16 byte-order mark. A NUL further on is a stray byte in a page,
// which browsers, and HTML, read past.
func BinaryAt(raw []byte) int {
	if bytes.HasPrefix(raw, []byte{0xfe, 0xff}) || bytes.HasPrefix(raw, []byte{0xff, 0xfe}) {
		return -1
	}
	return bytes.IndexByte(raw[:min(len(raw), binarySniffBytes)], 0)
}

// decode returns raw as UTF-8, with the number of its bytes that were not
// valid in the encoding decided on, each replaced by U+FFFD. Bytes that
// are valid UTF-8 are read as UTF-8 whatever the page declares: a page
// often declares its charset late or not at all (charset.DetermineEncoding
// looks at the first 1024 bytes only, and guesses windows-1252), servers
// label every page ISO-8859-1 by default, and text in a legacy encoding
// is valid UTF-8 only when it is ASCII, which reads the same either way. A
// page is read as UTF-8 when it holds at least as many UTF-8 sequences as
// bytes that are not UTF-8 and it declares UTF-8 (a header, a byte-order
// mark, a <meta> tag) or nothing: the first 1024 bytes, all the guess
// looks at, are often ASCII. A page declared UTF-8 that holds fewer is in
// a legacy encoding, windows-1252 as like as not, and is read as such: its
// accents are kept rather than each replaced by U+FFFD, and the pairs its
// capitals make before a quote, valid UTF-8, are not read as letters of
// other scripts. Otherwise the declaration decides. A page read as UTF-8 that mixes in another encoding's bytes
// has each read as windows-1252 (see ReadStray), counted in stray, or
// replaced when it means nothing there, counted in replaced. A page read
// as windows-1252 (declared so, or ISO-8859-1, or guessed) that mixes in
// UTF-8 is read run by run (see decodeMixed), the characters read as UTF-8
// counted: mixed.
func decode(raw []byte, contentType string) (text io.Reader, replaced, mixed, stray int) {
	if utf8.Valid(raw) {
		return bytes.NewReader(bytes.TrimPrefix(raw, utf8BOM)), 0, 0, 0
	}
	enc, name, _ := charset.DetermineEncoding(raw, contentType)
	sequences, invalid := utf8Counts(raw)
	if name == "utf-8" && sequences < invalid {
		// Declared UTF-8, but more of its bytes are not UTF-8 than make
		// UTF-8 sequences: a page in windows-1252, as one that declares
		// nothing is taken to be by that count. Read as UTF-8, the pairs
		// its capitals make before a quote, valid UTF-8 ("ß“" is
		// "\xdf\x93", U+07D3), read as letters of another script.
		enc, name = charmap.Windows1252, "windows-1252"
		raw = bytes.TrimPrefix(raw, utf8BOM)
	}
	switch {
	case name == "utf-8", undeclared(raw, contentType) && sequences > 0 && sequences >= invalid:
		// A page read as UTF-8, as it declares (a header, a byte-order
		// mark, a <meta> tag) or as its bytes say: those that are not
		// UTF-8 are, as like as not, text typed or pasted in
		// windows-1252, from an older page or a word processor, as in a
		// text file (see ReadStray). Those with no meaning there are
		// replaced.
		text, read, _, _ := ReadStray(bytes.TrimPrefix(raw, utf8BOM))
		text, n := replaceInvalid(text)
		return bytes.NewReader(text), n, 0, read
	}
	// enc is a decoder: charset names encoding.Nop (no decoding) "utf-8",
	// and every page named so has returned or is read as windows-1252.
	if name == "windows-1252" && sequences > 0 {
		if text, n := decodeMixed(raw, enc); n > 0 {
			return bytes.NewReader(text), 0, n, 0
		}
	}
	return enc.NewDecoder().Reader(bytes.NewReader(raw)), 0, 0, 0
}

// decodeMixed reads raw, a windows-1252 page, run by run, as text
// recovery tools do and browsers do not: each UTF-8 sequence that read as
// windows-1252 would be mojibake of the text people paste (see
// pastedUTF8) is read as UTF-8, every other byte as enc, windows-1252,
// reads it. It returns the text and how many sequences were read as UTF-8.
//
// Text in windows-1252 makes such a sequence only by a capital letter
// with an accent before a quote or a symbol with no space between, or
// "â€" before any character, which no text holds; the sequences that
// capitals such as "É", "Ö" and "ß" make before a quote ("Straße“") read
// as letters of other scripts, and are not taken.
func decodeMixed(raw []byte, enc encoding.Encoding) ([]byte, int) {
	dec := enc.NewDecoder()
	out := make([]byte, 0, len(raw)+len(raw)/4)
	n := 0
	start := 0 // of the bytes not yet decoded as windows-1252
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if size == 1 || !pastedUTF8(r) {
			i++
			continue
		}
		text, err := dec.Bytes(raw[start:i])
		if err != nil {
			return nil, 0
		}
		out = append(append(out, text...), raw[i:i+size]...)
		n++
		i += size
		start = i
	}
	text, err := dec.Bytes(raw[start:])
	if err != nil {
		return nil, 0
	}
	return append(out, text...), n
}

// pastedUTF8 reports whether r, read from UTF-8 in a windows-1252 page,
// is the text people write in Latin script and paste from elsewhere:
// Latin-1's letters and signs and Latin Extended-A ("Ã©" for "é", "Å“"
// for "œ", "Å‚" for "ł"), Romanian's ș and ț, punctuation ("â€œ" for
// "“", "â€”" for "—"), the euro and trade mark signs, and emoji and other
// characters beyond the Basic Multilingual Plane (four bytes, "ðŸ" and
// two more, which no windows-1252 text holds).
func pastedUTF8(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x17f, r >= 0x218 && r <= 0x21b:
		return true
	case r >= 0x2000 && r <= 0x206f, r == '€', r == '™':
		return true
	}
	return r > 0xffff
}

// undeclared reports whether nothing names the charset of the page raw,
// served as contentType: no byte-order mark, no charset in the header nor
// in the first 1024 bytes, where charset.DetermineEncoding looks for a
// <meta> tag, so that the encoding it returns is its guess.
func undeclared(raw []byte, contentType string) bool {
	if bytes.HasPrefix(raw, utf8BOM) || bytes.HasPrefix(raw, []byte{0xfe, 0xff}) || bytes.HasPrefix(raw, []byte{0xff, 0xfe}) {
		return false
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return false
	}
	return !bytes.Contains(bytes.ToLower(raw[:min(len(raw), 1024)]), []byte("charset"))
}

// utf8Counts returns how many valid UTF-8 sequences of more than one byte
// raw holds, and how many of its bytes are not part of a valid sequence.
func utf8Counts(raw []byte) (sequences, invalid int) {
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, n := utf8.DecodeRune(raw[i:])
		if n > 1 {
			sequences++
		} else {
			invalid++
		}
		i += n
	}
	return sequences, invalid
}

// ReadStray returns raw with each byte that is not part of a valid UTF-8
// sequence but reads as a printable character in windows-1252 (see
// strayRune) read as that character, and how many there were (read); the
// other bytes that are not UTF-8 are left as they are, and ReadStray says
// how many (left) and the offset in raw of the first of them (first, or
// -1). It is the inverse of decodeMixed, for text in UTF-8 with some
// windows-1252 typed or pasted in: "\x93caf\xe9\x94" reads as "“café”",
// not as "\ufffdcaf\ufffd\ufffd".
//
// Such text may hold bytes that are valid UTF-8 by chance: a capital
// before a quote ("„STRAßE“" is "\x84STRA\xdf\x93", and "\xdf\x93" is
// U+07D3). A UTF-8 sequence is read as windows-1252 too when it is one
// windows-1252 text makes (see byChance), it ends a word as those do
// (a letter comes right before it), and the text around it says so: the
// nearest bytes that are not ASCII before and after it are not UTF-8, on
// one side at least and on both where there are any. A letter of another
// script written in UTF-8 has others of its script for neighbours, or is
// a word of its own ("и" in "\x93мост\x94 и \x93дорога\x94").
func ReadStray(raw []byte) (out []byte, read, first, left int) {
	out = make([]byte, 0, len(raw)+len(raw)/8)
	first = -1
	before := neighbourNone // the nearest bytes before i that are not ASCII
	letterAt := -1          // where the last byte read as a windows-1252 letter is
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			out = append(out, raw[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			before = neighbourStray
			if s, ok := strayRune(raw[i]); ok {
				out = utf8.AppendRune(out, s)
				read++
				if unicode.IsLetter(s) {
					letterAt = i
				}
				i++
				continue
			}
			if left == 0 {
				first = i
			}
			left++
		} else {
			prev := before
			before = neighbourUTF8 // as it is in raw, read as windows-1252 or not
			if prev != neighbourUTF8 && i > 0 && (isASCIILetter(raw[i-1]) || letterAt == i-1) && byChance(raw[i:i+size], r) {
				if after := nextNeighbour(raw[i+size:]); after != neighbourUTF8 && (prev == neighbourStray || after == neighbourStray) {
					for _, b := range raw[i : i+size] {
						s, _ := strayRune(b)
						out = utf8.AppendRune(out, s)
					}
					read += size
					i += size
					continue
				}
			}
		}
		out = append(out, raw[i:i+size]...)
		i += size
	}
	return out, read, first, left
}

// StrayLegacy reports whether out, which ReadStray made, reading read
// bytes as windows-1252 and leaving left as they were, is windows-1252
// throughout, with no UTF-8 in it to mix with (see Page.Legacy): every
// character of it outside ASCII is one of those bytes.
func StrayLegacy(out []byte, read, left int) bool {
	if read == 0 {
		return false
	}
	n := 0
	for _, r := range string(out) {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n-left == read
}

// What the nearest bytes that are not ASCII on one side of a UTF-8
// sequence are (see ReadStray).
const (
	neighbourNone  = iota // there are none
	neighbourStray        // a byte that is not UTF-8
	neighbourUTF8         // a UTF-8 sequence
)

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// nextNeighbour returns what the first bytes of raw that are not ASCII are.
func nextNeighbour(raw []byte) int {
	for i, b := range raw {
		if b < utf8.RuneSelf {
			continue
		}
		if r, size := utf8.DecodeRune(raw[i:]); r == utf8.RuneError && size == 1 {
			return neighbourStray
		}
		return neighbourUTF8
	}
	return neighbourNone
}

// byChance reports whether seq, a UTF-8 sequence that reads as r, may be
// windows-1252 text that happens to be valid UTF-8: each of its bytes is
// a printable character there, and r is a letter or a mark of another
// script (U+07D3 for "ß“", U+0594 for "Ö”", U+95D4 for "é—”"). Not the
// characters that text pasted in UTF-8 holds (see pastedUTF8), which
// windows-1252 text does not make ("Ã©" for "é", "â€œ" for "“"), nor
// the accents of Latin letters written apart (U+0300 to U+036F, "e" and
// U+0301 for "é"), nor symbols ("→", "â†’"), a byte-order mark or U+FFFD.
func byChance(seq []byte, r rune) bool {
	if pastedUTF8(r) || r >= 0x300 && r <= 0x36f || !unicode.IsLetter(r) && !unicode.IsMark(r) {
		return false
	}
	for _, b := range seq {
		if _, ok := strayRune(b); !ok {
			return false
		}
	}
	return true
}

// strayRune returns what b, a byte that is not part of a valid UTF-8
// sequence, reads as in windows-1252, and whether that is a printable
// character: the five bytes windows-1252 leaves undefined (0x81, 0x8D,
// 0x8F, 0x90 and 0x9D), the C1 controls they would map to, and the soft
// hyphen, which shows nothing, are not.
func strayRune(b byte) (rune, bool) {
	r := charmap.Windows1252.DecodeByte(b)
	if r == utf8.RuneError || r >= 0x80 && r < 0xa0 || !unicode.IsGraphic(r) {
		return utf8.RuneError, false
	}
	return r, true
}

// replaceInvalid returns raw with each byte that is not part of a valid
// UTF-8 sequence replaced by U+FFFD, and how many there were.
func replaceInvalid(raw []byte) ([]byte, int) {
	out := make([]byte, 0, len(raw)+len(raw)/8)
	n := 0
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
			n++
		} else {
			out = append(out, raw[i:i+size]...)
		}
		i += size
	}
	return out, n
}

var utf8BOM = []byte("\ufeff")

// ownMetadata is what the page says that Readability does not report.
type ownMetadata struct {
	lang      string
	canonical string // <link rel=canonical> or og:url
	publisher string // a JSON-LD publisher or NewsMediaOrganization name
	date      string // from a <time datetime> or itemprop=datePublished, as ISO 8601
	h1        string
}

// readOwnMetadata walks doc once for the metadata Readability leaves out.
func readOwnMetadata(doc *html.Node) ownMetadata {
	var m ownMetadata
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Meta:
				if attr(n, "property") == "og:url" && attr(n, "content") != "" && m.canonical == "" {
					m.canonical = attr(n, "content")
				}
				if attr(n, "itemprop") == "datePublished" && m.date == "" {
					m.date = parseDate(attr(n, "content"))
				}
			case atom.Time:
				if m.date == "" {
					m.date = parseDate(attr(n, "datetime"))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = clean(textOf(n))
				}
			case atom.Script:
				if attr(n, "type") == "application/ld+json" && m.publisher == "" {
					m.publisher = ldPublisher(textOf(n))
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// canonical returns the page's canonical address, resolved against base,
// when it is an http(s) address with a host.
func canonical(href string, base *url.URL) *url.URL {
	u, err := url.Parse(href)
	if err != nil || href == "" {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// ldPublisher returns the publisher's name in a JSON-LD block: the
// "publisher" of any object, or an object whose @type is an organization
// of news. Readability reads the publisher only of an Article-typed object;
// pages often put it in a @graph or an array beside it.
func ldPublisher(src string) string {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return ""
	}
	var find func(v any, depth int) string
	find = func(v any, depth int) string {
		if depth > 8 {
			return ""
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				if s := find(e, depth+1); s != "" {
					return s
				}
			}
		case map[string]any:
			if pub, ok := v["publisher"]; ok {
				if s := nameOf(pub); s != "" {
					return s
				}
			}
			if t, _ := v["@type"].(string); t == "NewsMediaOrganization" {
				if s, _ := v["name"].(string); s != "" {
					return s
				}
			}
			if g, ok := v["@graph"]; ok {
				return find(g, depth+1)
			}
		}
		return ""
	}
	return oneLine(find(v, 0))
}

// nameOf returns the name of a JSON-LD value that names something: a
// string, an object with a "name", or the first of a list.
func nameOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		s, _ := v["name"].(string)
		return s
	case []any:
		if len(v) > 0 {
			return nameOf(v[0])
		}
	}
	return ""
}

// hostName names an outlet after the host of u, without "www.": the last
// resort when the page names no outlet.
func hostName(u *url.URL) string {
	if u == nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// byline trims a byline and a leading "By ".
func byline(s string) string {
	s = clean(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// dateLayouts are the forms a machine-readable page date takes.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02",
}

// parseDate reads a machine-readable date (a <time datetime> or
// itemprop value) and writes it as ISO 8601, or returns "".
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if layout == "2006-01-02" {
				return t.Format(time.DateOnly)
			}
			return isoDate(t)
		}
	}
	return ""
}

// isoDate writes t as ISO 8601: a day alone when t is midnight UTC (what
// a date without a time parses to), else the time with its offset.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	_, offset := t.Zone()
	if offset == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}
