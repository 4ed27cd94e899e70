package extract

import (
	"bytes"
	"strings"
)

// LooksLikeMarkdown reports whether text, which came with no name to say
// what it holds (standard input, a pipe), is plainly Markdown, to be read
// as a .md file is rather than as plain text. text is what follows the
// front matter, which the caller reads first: front matter is no sign of
// Markdown, since newsdiff's own text format opens with it too (what
// `newsdiff extract` writes).
//
// It is conservative, as a wrong answer costs more one way than the
// other: plain text read as Markdown loses words to the parser (a line
// that opens "1." or "- " becomes a list, "c**t" emphasis, a line of
// "---" under a paragraph a heading), where Markdown read as text only
// shows its marks. So it wants signs that plain news text does not give:
//
//   - a text that opens on an ATX heading ("# Title"), which no plain
//     article does (a hashtag has no space after its "#");
//   - else two kinds of markup, or three marks of one kind, among inline
//     links and images ("[text](target)"), link reference definitions
//     ("[1]: https://…"), strong emphasis ("**word**", flanked by no
//     letter, so that "c**t" is not one), headings further on, code
//     fences, setext "===" underlines and table delimiter rows
//     ("|---|:-:|").
//
// Lists, block quotes, single "*" emphasis and code spans are not
// counted: plain text uses "- " and "> " lines and "*stars*" alike.
func LooksLikeMarkdown(text []byte) bool {
	text = bytes.TrimPrefix(text, []byte("\ufeff"))
	var kinds [sniffKinds]int
	first, prevBlank := true, true
	for len(text) > 0 {
		var line []byte
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			prevBlank = true
			continue
		}
		if atxHeading(line) {
			if first {
				return true
			}
			kinds[sniffHeading]++
		}
		first = false
		switch {
		case fenceLine(line):
			kinds[sniffFence]++
		case !prevBlank && setextUnderline(line):
			kinds[sniffSetext]++
		case tableDelimiter(line):
			kinds[sniffTable]++
		case referenceDefinition(line):
			kinds[sniffReference]++
		}
		kinds[sniffLink] += inlineLinks(line)
		kinds[sniffStrong] += strongSpans(line)
		prevBlank = false
		n, total := 0, 0
		for _, k := range kinds {
			if k > 0 {
				n++
			}
			total += k
		}
		if n >= 2 || total >= 3 {
			return true
		}
	}
	return false
}

// The kinds of markup LooksLikeMarkdown counts.
const (
	sniffHeading = iota
	sniffFence
	sniffSetext
	sniffTable
	sniffReference
	sniffLink
	sniffStrong
	sniffKinds
)

// indent returns line without the up to three spaces of indentation
// CommonMark lets a block's marker have, and false when it has more (an
// indented code block).
func indent(line []byte) ([]byte, bool) {
	for i := 0; i < 4 && i < len(line); i++ {
		if line[i] != ' ' {
			return line[i:], true
		}
	}
	return line, len(line) < 4
}

// atxHeading reports whether line is an ATX heading with text: one to
// six "#", a space or tab, then something other than "#".
func atxHeading(line []byte) bool {
	line, ok := indent(line)
	if !ok {
		return false
	}
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(line) || (line[n] != ' ' && line[n] != '\t') {
		return false
	}
	return len(bytes.Trim(line[n:], " \t#")) > 0
}

// fenceLine reports whether line opens or closes a fenced code block:
// three or more backticks or tildes.
func fenceLine(line []byte) bool {
	line, ok := indent(line)
	return ok && (bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")))
}

// setextUnderline reports whether line is a run of three or more "=",
// which under a paragraph's line makes it a heading. A line of "-" does
// that too, but plain text rules off its parts with such lines.
func setextUnderline(line []byte) bool {
	line, ok := indent(line)
	line = bytes.TrimRight(line, " \t")
	return ok && len(line) >= 3 && len(bytes.Trim(line, "=")) == 0
}

// tableDelimiter reports whether line is a GitHub table's delimiter row
// with a pipe in it ("|---|:--:|", "--- | ---").
func tableDelimiter(line []byte) bool {
	if bytes.IndexByte(line, '|') < 0 || bytes.IndexByte(line, '-') < 0 {
		return false
	}
	cells := tableCells(string(line))
	return len(cells) > 0 && isDelimiterRow(cells, len(cells))
}

// referenceDefinition reports whether line defines a link reference to
// an address: "[label]: https://…", "[label]: /path" or "[label]: <…>".
func referenceDefinition(line []byte) bool {
	line, ok := indent(line)
	if !ok || len(line) == 0 || line[0] != '[' || bytes.HasPrefix(line, []byte("[^")) {
		return false
	}
	end := bytes.Index(line, []byte("]:"))
	if end < 2 || bytes.IndexByte(line[1:end], ']') >= 0 {
		return false
	}
	target := strings.TrimLeft(string(line[end+2:]), " \t")
	return strings.HasPrefix(target, "http://") || strings.HasPrefix(target, "https://") ||
		strings.HasPrefix(target, "/") || strings.HasPrefix(target, "<")
}

// inlineLinks counts the inline links and images of line: "[text]"
// straight followed by "(target)" or "(target "title")", the text not
// empty and the target with no space in it.
func inlineLinks(line []byte) int {
	n := 0
	for {
		i := bytes.Index(line, []byte("]("))
		if i < 0 {
			return n
		}
		open := bytes.LastIndexByte(line[:i], '[')
		empty := open < 0 || len(bytes.TrimSpace(line[open+1:i])) == 0
		rest := line[i+2:]
		line = rest
		if empty {
			continue
		}
		end := bytes.IndexAny(rest, " )")
		if end <= 0 {
			continue
		}
		if rest[end] == ')' || bytes.HasPrefix(rest[end:], []byte(` "`)) {
			n++
		}
	}
}

// strongSpans counts the spans of strong emphasis of line, "**words**"
// or "__words__": the opening mark after no letter or digit and before
// no space, the closing one after no space and before no letter or
// digit. CommonMark also takes "**" inside a word, but plain text writes
// words so ("c**t"), and those are not counted.
func strongSpans(line []byte) int {
	n := 0
	for _, mark := range [][]byte{[]byte("**"), []byte("__")} {
		rest := line
		for {
			i := bytes.Index(rest, mark)
			if i < 0 {
				break
			}
			after := rest[i+2:]
			if (i > 0 && wordByte(rest[i-1])) || len(after) == 0 || after[0] == ' ' || after[0] == '\t' || after[0] == mark[0] {
				rest = after
				continue
			}
			j := closingMark(after, mark)
			if j < 0 {
				break
			}
			n++
			rest = after[j+2:]
		}
	}
	return n
}

// closingMark returns where in s the first mark that closes a strong
// span is, or -1.
func closingMark(s, mark []byte) int {
	for j := 1; j+2 <= len(s); j++ {
		if s[j] != mark[0] || s[j+1] != mark[1] {
			continue
		}
		before := s[j-1]
		if before == ' ' || before == '\t' || before == mark[0] {
			continue
		}
		if j+2 < len(s) && (wordByte(s[j+2]) || s[j+2] == mark[0]) {
			continue
		}
		return j
	}
	return -1
}

// wordByte reports whether b is an ASCII letter or digit, or a byte of a
// character outside ASCII (most of which are letters).
func wordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
