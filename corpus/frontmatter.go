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

// splitFrontMatter reads the front matter that may open b: a line "---",
// lines "key: value" (blank lines and # comments allowed), and a closing
// line "---". Keys are outlet, title, url, date, story, byline and lang,
// in any case;
// others are ignored. A value may be quoted with "…" (Go escapes) or '…'
// (where a doubled single quote stands for one). Lines may end in \n, \r\n or a lone \r.
//
// It returns the metadata and n, the length of the front matter including
// its closing line; n is 0 when b has none. When b opens with "---" but what
// follows is not front matter (a line that is not "key: value", or no
// closing line), n is 0 and the problem says why: the text is then body.
func splitFrontMatter(b []byte) (m fileMeta, n int, p *frontMatterProblem) {
	line, i := nextLine(b, 0)
	if !isFence(line) || i == len(line) {
		return fileMeta{}, 0, nil // no "---" line, or one with no line break after it
	}
	for i < len(b) {
		start := i
		line, i = nextLine(b, i)
		t := bytes.TrimSpace(line)
		switch {
		case isFence(line):
			return m, i, nil
		case len(t) == 0 || t[0] == '#':
			continue
		}
		key, value, ok := bytes.Cut(t, []byte(":"))
		key = bytes.TrimSpace(key)
		if !ok || !isKey(key) {
			return fileMeta{}, 0, &frontMatterProblem{start,
				`front matter line is not "key: value", so the file is read as text from its start`}
		}
		v := unquote(string(bytes.TrimSpace(value)))
		switch strings.ToLower(string(key)) {
		case "outlet":
			m.Outlet = v
		case "title":
			m.Title = v
		case "url":
			m.URL = v
		case "date":
			m.Date = v
		case "story":
			m.Story = v
		case "byline":
			m.Byline = v
		case "lang":
			m.Lang = v
		}
	}
	return fileMeta{}, 0, &frontMatterProblem{0,
		"front matter has no closing --- line, so the file is read as text from its start"}
}

// nextLine returns the line of b that starts at i, without its line break,
// and the offset just past the break: \n, \r\n or a lone \r.
func nextLine(b []byte, i int) (line []byte, next int) {
	rest := b[i:]
	j := bytes.IndexAny(rest, "\r\n")
	if j < 0 {
		return rest, len(b)
	}
	next = i + j + 1
	if rest[j] == '\r' && j+1 < len(rest) && rest[j+1] == '\n' {
		next++
	}
	return rest[:j], next
}

// isFence reports whether line is a front matter delimiter: "---", with
// trailing blanks allowed.
func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t")) == "---"
}

// isKey reports whether k looks like a front matter key: letters, digits,
// '_' and '-'.
func isKey(k []byte) bool {
	if len(k) == 0 {
		return false
	}
	for _, c := range k {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
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
