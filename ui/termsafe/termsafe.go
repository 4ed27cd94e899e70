// Package termsafe decides what of a string may reach a terminal. Article
// text, file names, arguments and SSH clients are untrusted: Display removes
// escape sequences, C0/C1 controls and bidi overrides, and OneLine makes a
// label of one line. It knows terminals, not articles: the grammar of control
// runs it removes is the text model's (corpus.ControlLen), shared with the
// tokenizer so an escape sequence is one unit everywhere.
package termsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// Display returns s made safe to print to a terminal. Article text is
// untrusted: a file may carry escape sequences that recolour the screen,
// move the cursor, set the window title or write to the clipboard (OSC 52),
// and bidi controls that make text read differently from how it is stored.
// Display
//
//   - removes whole escape sequences, in their 7-bit forms (CSI "ESC [ … final",
//     OSC "ESC ] … BEL or ST", DCS, SOS, PM and APC strings, and two-byte or
//     nF sequences "ESC x") and their 8-bit forms (U+009B, U+009D, …);
//   - drops every other C0 control except line feed, turns a tab, vertical
//     tab or form feed into a space and a carriage return (alone or before a line feed) into a line
//     feed, drops DEL and the C1 controls U+0080–U+009F;
//   - drops the bidi embedding, override and isolate characters and the
//     directional marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
//     U+061C);
//   - turns U+00A0 and the other Unicode space separators into a plain space
//     and the line and paragraph separators U+2028 and U+2029 into a line
//     feed;
//   - replaces each byte that is not part of valid UTF-8 with U+FFFD;
//   - drops what a terminal may draw at another width than the reader
//     measures it (see unmeasurable): format characters, variation
//     selectors, skin-tone modifiers, and the regional indicator left
//     over when a run of them does not pair into flags.
//
// Everything else (letters of any script, emoji, combining marks) is kept.
// Display(Display(s)) == Display(s), and when s needs no change Display
// returns it without allocating.
//
// A string sequence (OSC, DCS, …) with no terminator ends at the end of its
// line rather than swallowing the rest of the text: its introducer is gone
// either way, so what follows is plain text and safe to show.
func Display(s string) string {
	i := firstUnsafe(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f || c == '\n':
			b.WriteByte(c)
			i++
			continue
		case c == '\t' || c == '\v' || c == '\f':
			b.WriteByte(' ')
			i++
			continue
		case c == '\r':
			b.WriteByte('\n')
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
			continue
		}
		if n := corpus.ControlLen(s[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case unmeasurable(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return pairRegionalIndicators(b.String())
}

// unmeasurable reports whether r is a format character (Unicode's Cf) or a
// variation selector. The reader measures text by grapheme cluster
// (ansi.StringWidth); terminals measure it by cluster or code point by
// code point (wcwidth, as tmux does), and for these the answers differ:
// the soft hyphen measures 0 and tmux draws 1; zero-width joiners and
// prepended concatenation marks join a cluster that a terminal may draw
// in pieces; a variation selector makes "☺\uFE0F" 2 cells for the reader
// and 1 in a terminal; a skin-tone modifier is part of the cluster before
// it (an emoji, or even a space) and a 2-cell emoji of its own in a
// terminal. Display drops them, and none of them changes what the text
// says. Unpaired regional indicators disagree the same way, but only in
// context: see pairRegionalIndicators.
//
// The zero-width non-joiner is kept: it joins no cluster (Unicode counts it
// an extension of the one before), measures 0 either way, and Persian and
// the Indic scripts spell words with it, "می‌خواهم" and not "میخواهم", which
// joins letters the word keeps apart.
func unmeasurable(r rune) bool {
	if r == zeroWidthNonJoiner {
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) || isEmojiModifier(r)
}

const zeroWidthNonJoiner = '\u200c'

func isEmojiModifier(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// pairRegionalIndicators drops the last regional indicator of every run of
// an odd number of them: flags are pairs, and a lone one measures 2 for
// the reader and 1 in a terminal.
func pairRegionalIndicators(s string) string {
	if !containsRegionalIndicator(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	run := 0
	for i, r := range s {
		if isRegionalIndicator(r) {
			run++
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !isRegionalIndicator(next) && run%2 == 1 {
				run = 0
				continue
			}
		} else {
			run = 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func containsRegionalIndicator(s string) bool {
	for _, r := range s {
		if isRegionalIndicator(r) {
			return true
		}
	}
	return false
}

// firstUnsafe returns the byte offset of the first part of s that Display
// changes, or len(s) if there is none.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are printable ASCII, which
		// most titles are throughout: a list of 100,000 articles looks
		// at 13 MB of them.
		for i+8 <= len(s) && printableASCII8(s[i:i+8]) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || corpus.IsControlRune(r) ||
			r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Zs, r) ||
			unmeasurable(r) || isRegionalIndicator(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// printableASCII8 reports whether the eight bytes of s are all printable
// ASCII (0x20 to 0x7e), testing them as one word: none has its high bit
// set, none is below 0x20, none is 0x7f. Subtracting a byte's bound from
// every byte borrows out of a byte only when that byte is below it, so
// the lowest such byte always shows.
func printableASCII8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	del := x ^ (0x7f * ones) // a zero byte where s has 0x7f
	return x&highs == 0 && (x-0x20*ones)&^x&highs == 0 && (del-ones)&^del&highs == 0
}

// OneLine returns s made safe by Display with every run of whitespace, line
// breaks included, made one space and the ends trimmed: a label for one
// row of a table or a status line.
func OneLine(s string) string {
	if isOneLine(s) {
		return s // most titles and outlets: no copy, which a listing of 100,000 articles notices
	}
	return strings.Join(strings.Fields(Display(s)), " ")
}

// isOneLine reports whether OneLine would return s unchanged: Display
// leaves it alone and its only whitespace is single spaces between words.
// Display already stops at every other space character (tabs and other
// controls, Zs, the line and paragraph separators), so only the line feed
// and the ASCII space are left to look at.
func isOneLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") || strings.IndexByte(s, '\n') >= 0 {
		return false
	}
	return firstUnsafe(s) == len(s)
}

// OutletLabels names each article by its outlet, made safe to print and one
// line, with the article's id added where two articles share an outlet, so
// that a table of outlets never has two rows of the same name.
func OutletLabels(arts []*corpus.Article) []string {
	count := make(map[string]int)
	for _, a := range arts {
		count[OneLine(a.Outlet)]++
	}
	names := make([]string, len(arts))
	for i, a := range arts {
		names[i] = OneLine(a.Outlet)
		if count[names[i]] > 1 {
			names[i] += " (" + OneLine(a.ID) + ")"
		}
	}
	return names
}
