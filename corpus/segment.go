package corpus

import (
	"unicode"
	"unicode/utf8"
)

// Parse makes an article of raw, all of which is its body (no byte-order
// mark or front matter is looked for: see LoadFS for files), segmented into
// tokens, sentences and paragraphs. Its text is raw read as a file's is
// (see Normalise): text given directly and the same text loaded from a
// file make the same article, where a decomposed accent or a zero-width
// space read here was a change against the file's text, and missed by a
// search typed in the other form.
func Parse(id string, raw []byte) *Article {
	return ParseVerbatim(id, Normalise(raw))
}

// ParseVerbatim is Parse with raw taken byte for byte, not normalised, so
// that offsets into the article are offsets into raw: for text made of
// pieces of an article's own, whose spans must map back onto it.
func ParseVerbatim(id string, raw []byte) *Article {
	a := &Article{ID: id, Raw: raw, Body: Span{0, len(raw)}}
	segment(a, "")
	return a
}

// segment fills a's Tokens, Paragraphs, Sentences and Words from a.Raw
// within a.Body; metaTitle is the title a's metadata gives, if any (see
// paragraphs). It never fails: any byte sequence yields tokens that cover
// the body exactly, each on a UTF-8 boundary (an invalid byte is a one-byte
// control token).
func segment(a *Article, metaTitle string) {
	a.Body.End = min(a.Body.End, maxTokenized)
	a.Tokens = tokenize(a.Raw, a.Body)
	a.Words = CountWords(a.Tokens)
	a.Paragraphs, a.Sentences = paragraphs(a.Raw, a.Tokens, metaTitle)
}

// tokenize splits raw[body.Start:body.End] into contiguous tokens.
func tokenize(raw []byte, body Span) Tokens {
	// Prose runs 2.65 to 3.2 bytes a token, about 13 a distinct form (the
	// embedded and the shared stories' articles): sized for 2.5, the run
	// seldom grows, and finish keeps its slack.
	toks := newTokenBuilder(body.Len()*2/5+1, body.Len()/12)
	var fold []byte // a word's form, when it is not the word's bytes
	i := body.Start
	end := body.End
	for i < end {
		r, size := utf8.DecodeRune(raw[i:end])
		start := i
		switch {
		case r == 0x1b || IsControlRune(r):
			// A whole escape sequence is one token, so that no part of it
			// can be shown as text or cut by a span.
			i += max(ControlLen(raw[i:end]), size)
			toks.push(start, TokControl, formNone)
		case r == utf8.RuneError && size <= 1:
			i++
			toks.push(start, TokControl, formNone)
		case isSpace(r):
			newlines := 0
			for i < end {
				r, size = utf8.DecodeRune(raw[i:end])
				if !isSpace(r) {
					break
				}
				if r == '\n' || (r == '\r' && (i+1 >= end || raw[i+1] != '\n')) || r == '\u2028' || r == '\u2029' {
					newlines++
				}
				i += size
			}
			form := uint32(formSpace)
			switch {
			case newlines == 1:
				form = formLine
			case newlines > 1:
				form = formPara
			}
			toks.push(start, TokSpace, form)
		case isControl(r):
			i += size
			toks.push(start, TokControl, formNone)
		case isIdeographic(r):
			// Chinese and Japanese write words without spaces between
			// them. Each ideograph (and each kana of hiragana) is a word
			// of its own, as Unicode's word boundaries (UAX #29) have it,
			// so that a word diff finds the one character that changed
			// instead of striking the whole run.
			i += size
			for i < end {
				r, size = utf8.DecodeRune(raw[i:end])
				if !unicode.IsMark(r) && !isVariationSelector(r) {
					break
				}
				i += size
			}
			toks.push(start, TokWord, toks.formID(raw[start:i]))
		case isWordRune(r):
			i = scanWord(raw, i, end)
			fold = appendWordForm(fold[:0], raw[start:i])
			toks.push(start, TokWord, toks.formID(fold))
		default:
			i += size
			form := punctForm(r)
			// An ellipsis written as dots, or a dash written as hyphens, is
			// one mark.
			if r == '.' || r == '-' {
				for i < end && raw[i] == byte(r) {
					i++
				}
				if i-start > 1 {
					if r == '.' {
						form = "..."
					} else {
						form = "-"
					}
				}
			}
			if form == "" {
				// The mark is its own form: looked up by its bytes, so that
				// a text of commas does not make a string per comma.
				toks.push(start, TokPunct, toks.formID(raw[start:start+size]))
				continue
			}
			toks.push(start, TokPunct, toks.formIDString(form))
		}
	}
	return toks.finish(end)
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// isControl reports whether r is an invisible format character that is not
// part of any word: a zero-width space, word joiner, or a stray byte-order
// mark. (Controls, escape sequences and bidi marks are caught before, by
// ControlLen; zero-width joiners are left alone, as they hold emoji and
// some scripts' words together.)
func isControl(r rune) bool {
	return r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && r > 0x7f)
}

// isIdeographic reports whether r is a Han ideograph or a hiragana: a
// word by itself (see tokenize). Katakana runs (loan words, names) and
// Hangul (written with spaces) stay whole words.
func isIdeographic(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r))
}

func isVariationSelector(r rune) bool {
	return (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xe0100 && r <= 0xe01ef)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// scanWord returns the end of the word starting at raw[i]. A word runs over
// letters, digits and marks, and continues across an apostrophe or hyphen
// between letters (you’re, cyber-security), a comma or point between digits
// (30,000; 3.5) and a point between single letters (U.S, a.m).
func scanWord(raw []byte, i, end int) int {
	segLen := 0 // letters since the last inner point, for U.S-style initials
	for i < end {
		if c := raw[i]; c < utf8.RuneSelf && ('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
			// An ASCII letter or digit, as the general case below would
			// find it, without decoding a rune and asking its classes.
			i++
			segLen++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:end])
		if isIdeographic(r) {
			return i
		}
		if isWordRune(r) {
			i += size
			segLen++
			continue
		}
		prev, _ := utf8.DecodeLastRune(raw[:i])
		next, nsize := utf8.DecodeRune(raw[i+size : end])
		if i+size >= end {
			break
		}
		switch {
		case isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(next):
		case (r == '-' || r == '‐' || r == '‑') && isWordRune(prev) && isWordRune(next):
		case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			if r == ',' && !threeDigits(raw, i+size, end) {
				return i
			}
		case r == '.' && segLen == 1 && unicode.IsLetter(prev) && unicode.IsLetter(next):
			// Only when the next segment is a single letter too: "U.S", not "a.The".
			after, _ := utf8.DecodeRune(raw[i+size+nsize : end])
			if isWordRune(after) {
				return i
			}
			segLen = 0
			i += size
			continue
		default:
			return i
		}
		segLen = 0
		i += size
	}
	return i
}

// threeDigits reports whether exactly three digits start at raw[i], as after
// a thousands separator; "1,2" is a list, not a number.
func threeDigits(raw []byte, i, end int) bool {
	n := 0
	for i+n < end && raw[i+n] >= '0' && raw[i+n] <= '9' {
		n++
	}
	return n == 3
}

// appendWordForm appends the matching form of word b to dst:
// lower-case, with curly apostrophes and Unicode hyphens made plain.
func appendWordForm(dst, b []byte) []byte {
	plain := true
	for _, c := range b {
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return append(dst, b...)
	}
	for _, r := range string(b) {
		switch {
		case isApostrophe(r):
			r = '\''
		case r == '‐' || r == '‑':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// punctForm is the matching form of a punctuation mark: all double quotes
// are ", all single quotes and apostrophes ', all dashes -; "" for any
// other mark, whose form is the mark itself.
func punctForm(r rune) string {
	switch r {
	case '“', '”', '„', '‟', '″', '«', '»', '"':
		return `"`
	case '‘', '’', '‚', '‛', '′', '\'', 'ʼ':
		return "'"
	case '–', '—', '―', '‒', '−', '-', '‐', '‑':
		return "-"
	case '…':
		return "..."
	}
	return ""
}
