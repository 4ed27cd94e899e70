package corpus

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// fileMeta is what a file's front matter or its directory's meta.json may
// say about it. An empty field says nothing.
type fileMeta struct {
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Story  string `json:"story"`
	Byline string `json:"byline"`
	Lang   string `json:"lang"`
}

// frontMatterProblem says why text that opens like front matter was read as
// body text instead, and where.
type frontMatterProblem struct {
	offset int
	msg    string
}

// FrontMatter returns what the front matter opening b says, by key
// (outlet, title, url, date, story, byline, lang: those it gives, as the
// loader reads them), and its length, closing line included. The length
// is 0 when b opens with no front matter, or with text that is not one,
// which the loader reads as body; for the latter the error says why, as
// the loader reports it ("byte 42: front matter line is not …"). A
// byte-order mark before it is the caller's to skip.
func FrontMatter(b []byte) (map[string]string, int, error) {
	m, n, p := splitFrontMatter(b)
	if p != nil {
		return nil, 0, fmt.Errorf("byte %d: %s", p.offset, p.msg)
	}
	if n == 0 {
		return nil, 0, nil
	}
	fields := make(map[string]string)
	for k, v := range map[string]string{"outlet": m.Outlet, "title": m.Title, "url": m.URL, "date": m.Date, "story": m.Story, "byline": m.Byline, "lang": m.Lang} {
		if v != "" {
			fields[k] = v
		}
	}
	return fields, n, nil
}

// splitFrontMatter reads the front matter that may open b: YAML's, a line
// "---", lines "key: value" (blank lines and # comments allowed), and a
// closing line "---"; or TOML's, as Hugo writes it, between lines "+++",
// of lines "key = value". Keys are outlet, title, url, date, story, byline
// and lang, in any case; others are ignored, with what they hold: a YAML
// key's indented lines and list items ("tags:" over "  - weather", an
// "author:" map), a TOML table ("[author]") and a TOML array or string
// that runs over several lines. A known key's YAML list or TOML array is
// its items, parted by commas, and a YAML value that goes on over
// indented lines, or a block scalar ("title: >-"), is its lines joined. A
// YAML value may be quoted with "…" (Go escapes) or '…' (where a doubled
// single quote stands for one); a TOML value with "…" (escapes) or '…'
// (none), and a # comment may follow it. Lines may end in \n, \r\n or a
// lone \r.
//
// It returns the metadata and n, the length of the front matter including
// its closing line; n is 0 when b has none. When b opens with "---" or
// "+++" but what follows is not front matter (a line that is not "key:
// value", or not "key = value", or no closing line), n is 0 and the
// problem says why: the text is then body.
func splitFrontMatter(b []byte) (m fileMeta, n int, p *frontMatterProblem) {
	line, i := nextLine(b, 0)
	if i == len(line) {
		return fileMeta{}, 0, nil // no line break after the first line
	}
	switch {
	case isFence(line, "---"):
		return splitYAML(b, i)
	case isFence(line, "+++"):
		return splitTOML(b, i)
	}
	return fileMeta{}, 0, nil
}

// field returns where m keeps the value of key, or nil for a key newsdiff
// does not read.
func (m *fileMeta) field(key []byte) *string {
	switch strings.ToLower(string(key)) {
	case "outlet":
		return &m.Outlet
	case "title":
		return &m.Title
	case "url":
		return &m.URL
	case "date":
		return &m.Date
	case "story":
		return &m.Story
	case "byline":
		return &m.Byline
	case "lang":
		return &m.Lang
	}
	return nil
}

// splitYAML reads YAML front matter from i, past its opening line.
func splitYAML(b []byte, i int) (m fileMeta, n int, p *frontMatterProblem) {
	var (
		keyed bool    // a key line came before: indented lines and list items are its value
		last  *string // the known field that key sets, which they go on
		plain bool    // its value so far is a plain one, that an indented line goes on
	)
	for i < len(b) {
		start := i
		var line []byte
		line, i = nextLine(b, i)
		t := bytes.TrimSpace(line)
		switch {
		case isFence(line, "---"):
			return m, i, nil
		case len(t) == 0 || t[0] == '#':
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		item := t[0] == '-' && (len(t) == 1 || t[1] == ' ' || t[1] == '\t')
		if keyed && (indented || item) {
			// The value of the key above: a list item, a line of a
			// block scalar or of a plain value, or a map under it.
			if last == nil {
				continue
			}
			switch {
			case item:
				v := unquote(string(bytes.TrimSpace(t[1:])))
				if *last != "" && v != "" {
					*last += ", "
				}
				*last += v
				plain = false
			case plain:
				*last = strings.TrimSpace(*last + " " + string(t))
			}
			continue
		}
		key, value, ok := bytes.Cut(t, []byte(":"))
		key = bytes.TrimSpace(key)
		if !ok || !isKey(key, false) {
			return fileMeta{}, 0, &frontMatterProblem{start,
				`front matter line is not "key: value", so the file is read as text from its start`}
		}
		keyed = true
		value = bytes.TrimSpace(value)
		if last = m.field(key); last == nil {
			continue
		}
		if isBlockScalar(value) {
			*last, plain = "", true
			continue
		}
		*last = unquote(string(value))
		plain = len(value) > 0 && !bytes.ContainsAny(value[:1], `"'[{`)
	}
	return fileMeta{}, 0, &frontMatterProblem{0,
		"front matter has no closing --- line, so the file is read as text from its start"}
}

// isBlockScalar reports whether a YAML value is the indicator of a block
// scalar, whose text is on the indented lines under it: "|" or ">", then
// perhaps a chomping indicator and an indentation digit.
func isBlockScalar(v []byte) bool {
	if len(v) == 0 || len(v) > 3 || v[0] != '|' && v[0] != '>' {
		return false
	}
	for _, c := range v[1:] {
		if c != '+' && c != '-' && !('1' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// splitTOML reads TOML front matter from i, past its opening line.
func splitTOML(b []byte, i int) (m fileMeta, n int, p *frontMatterProblem) {
	var (
		inTable bool    // past a [table] header: keys are the table's
		depth   int     // brackets and braces an array or inline table left open
		long    string  // the delimiter of a multi-line string left open, if one is
		last    *string // the known field that string or array is the value of
	)
	for i < len(b) {
		start := i
		var line []byte
		line, i = nextLine(b, i)
		if long != "" {
			// The lines of a multi-line string, up to its delimiter.
			s := string(line)
			if j := strings.Index(s, long); j >= 0 {
				s, long = s[:j], ""
			}
			if last != nil {
				*last = strings.TrimSpace(*last + " " + strings.TrimSpace(s))
			}
			continue
		}
		if depth > 0 {
			// The lines of an array or inline table, up to its close.
			var items []string
			depth, items = tomlItems(line, depth)
			if last != nil {
				for _, it := range items {
					if *last != "" {
						*last += ", "
					}
					*last += it
				}
			}
			continue
		}
		t := bytes.TrimSpace(line)
		switch {
		case isFence(line, "+++"):
			return m, i, nil
		case len(t) == 0 || t[0] == '#':
			continue
		case t[0] == '[' && bytes.HasSuffix(bytes.TrimSpace(tomlStripComment(t)), []byte("]")):
			inTable = true
			continue
		}
		key, value, ok := bytes.Cut(t, []byte("="))
		key = bytes.TrimSpace(key)
		if !ok || !isKey(key, true) {
			return fileMeta{}, 0, &frontMatterProblem{start,
				`front matter line is not "key = value", so the file is read as text from its start`}
		}
		last = nil
		if !inTable {
			last = m.field(key)
		}
		value = bytes.TrimSpace(value)
		var v string
		switch {
		case bytes.HasPrefix(value, []byte(`"""`)) || bytes.HasPrefix(value, []byte(`'''`)):
			delim, rest := string(value[:3]), string(value[3:])
			if j := strings.Index(rest, delim); j >= 0 {
				v = rest[:j]
			} else {
				v, long = rest, delim
			}
			v = strings.TrimSpace(v)
		case len(value) > 0 && (value[0] == '[' || value[0] == '{'):
			var items []string
			depth, items = tomlItems(value, 0)
			v = strings.Join(items, ", ")
		default:
			v = tomlScalar(value)
		}
		if last != nil {
			*last = v
		}
	}
	return fileMeta{}, 0, &frontMatterProblem{0,
		"front matter has no closing +++ line, so the file is read as text from its start"}
}

// tomlScalar returns the value of a TOML string, date, number or boolean,
// which a # comment may follow.
func tomlScalar(v []byte) string {
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		if s, n := tomlString(v); n > 0 {
			return s
		}
	}
	return string(bytes.TrimSpace(tomlStripComment(v)))
}

// tomlString reads the quoted string v opens with and returns its value
// and its length, quotes included; the length is 0 when it does not close.
func tomlString(v []byte) (s string, n int) {
	if v[0] == '\'' {
		j := bytes.IndexByte(v[1:], '\'')
		if j < 0 {
			return "", 0
		}
		return string(v[1 : 1+j]), j + 2
	}
	for j := 1; j < len(v); j++ {
		switch v[j] {
		case '\\':
			j++
		case '"':
			if u, err := strconv.Unquote(string(v[:j+1])); err == nil {
				return u, j + 1
			}
			return string(v[1:j]), j + 1
		}
	}
	return "", 0
}

// tomlStripComment returns v without the # comment that may end it outside
// a string.
func tomlStripComment(v []byte) []byte {
	for j := 0; j < len(v); j++ {
		switch v[j] {
		case '"', '\'':
			_, n := tomlString(v[j:])
			if n == 0 {
				return v
			}
			j += n - 1
		case '#':
			return v[:j]
		}
	}
	return v
}

// tomlItems reads a line of a TOML array or inline table that starts depth
// brackets and braces deep, and returns how deep it ends and the strings
// at the first level: an array's items.
func tomlItems(line []byte, depth int) (int, []string) {
	var items []string
	for j := 0; j < len(line); j++ {
		switch line[j] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth <= 0 {
				return 0, items
			}
		case '#':
			return depth, items
		case '"', '\'':
			s, n := tomlString(line[j:])
			if n == 0 {
				return depth, items
			}
			if s = strings.TrimSpace(s); depth == 1 && s != "" {
				items = append(items, s)
			}
			j += n - 1
		}
	}
	return depth, items
}

// nextLine returns the line of b that starts at i, without its line break,
// and the offset just past the break: \n, \r\n or a lone \r.
func nextLine(b []byte, i int) (line []byte, next int) {
	rest := b[i:]
	j := bytes.IndexAny(rest, "\r\n")
	line = rest
	if j >= 0 {
		line = rest[:j]
	}
	// A line or paragraph separator (U+2028, U+2029) ends a line too, as
	// the tokenizer reads it: a title ended by one ran on into the first
	// paragraph, "Title here Para one is here." in the list and the
	// diff's header, while the passages were split at it.
	if k := separatorIndex(line); k >= 0 {
		return rest[:k], i + k + len("\u2028")
	}
	if j < 0 {
		return rest, len(b)
	}
	next = i + j + 1
	if rest[j] == '\r' && j+1 < len(rest) && rest[j+1] == '\n' {
		next++
	}
	return rest[:j], next
}

// separatorIndex returns the offset in b of its first line or paragraph
// separator (U+2028, U+2029), or -1. It looks for their first two bytes
// and checks the third, rather than asking IndexAny for the two runes:
// with a character that is not ASCII in its set IndexAny decodes every
// rune, and nextLine walks every line of every article a folder loads.
func separatorIndex(b []byte) int {
	for off := 0; ; {
		k := bytes.Index(b[off:], []byte("\xe2\x80"))
		if k < 0 || off+k+2 >= len(b) {
			return -1
		}
		if c := b[off+k+2]; c == 0xa8 || c == 0xa9 {
			return off + k
		}
		off += k + 2
	}
}

// isFence reports whether line is the front matter delimiter fence ("---"
// or "+++"), with trailing blanks allowed.
func isFence(line []byte, fence string) bool {
	return string(bytes.TrimRight(line, " \t")) == fence
}

// isKey reports whether k looks like a front matter key: letters, digits,
// '_' and '-'; in TOML, dots, quotes and spaces too (a dotted or quoted
// key).
func isKey(k []byte, toml bool) bool {
	if len(k) == 0 {
		return false
	}
	for _, c := range k {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' ||
			toml && (c == '.' || c == '"' || c == '\'' || c == ' ')) {
			return false
		}
	}
	return true
}

// unquote removes the quotes around a front matter value, if it has them.
func unquote(v string) string {
	if len(v) < 2 {
		return v
	}
	switch q := v[0]; {
	case q == '"' && v[len(v)-1] == '"':
		if u, err := strconv.Unquote(v); err == nil {
			return u
		}
		return v[1 : len(v)-1]
	case q == '\'' && v[len(v)-1] == '\'':
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	return v
}
