package ui

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// class says how a piece of text is drawn: a diff role, optionally shown
// as a title, dimmed, or as a search match (the current one stands out).
// It indexes a brush table.
type class uint16

// Diff roles. They fill the low bits of a class.
const (
	clsEqual class = iota
	clsDelete
	clsInsert
	clsDeleteMinor
	clsInsertMinor
	clsDeleteMoved // inside a pair, a fragment the other side has elsewhere
	clsInsertMoved
	clsShared // in a paraphrase pair, a content word both sides have
	clsDiffer // in a paraphrase pair, a number or day the sides give differently
	clsOnlyLeft
	clsOnlyRight
	clsNote
	clsEmpty
	numRoles
)

// Flags added to a role.
const (
	clsTitle class = 1 << (4 + iota)
	clsDim
	clsMatch
	clsCurrent // with clsMatch: the match n/N moved to
	clsFact    // a fact that other outlets give differently

	roleMask   = clsTitle - 1
	numClasses = clsFact << 1
	brushMask  = numClasses - 1

	// clsWire marks words that three or more outlets print word for word,
	// and clsDisputed a quote that outlets attribute to different
	// speakers. They select no brush (a whole passage in a loud style
	// would drown its diff): they only tell the layout which rows get a
	// gutter mark.
	clsWire     = numClasses
	clsDisputed = numClasses << 1
	rowFlags    = clsWire | clsFact | clsDisputed

	// clsLeftText and clsRightText say whose text a fragment is: the left
	// article's alone, or the right's. Text with neither, a run the two
	// have in common shown once inline, is both's; text with both,
	// clsNoText, is neither's: the space inline puts between a deletion
	// and an insertion that would run together. They select no brush:
	// search looks for the query in each article's text, as side by side
	// (see sideMatches).
	clsLeftText  = numClasses << 2
	clsRightText = numClasses << 3
	clsNoText    = clsLeftText | clsRightText
)

// frag is a run of text drawn in one class. Off is the byte offset of Text
// in its cell's searchable text, or -1 for decorations (notes, wdiff
// markers) that search does not see.
type frag struct {
	text string
	cls  class
	off  int
}

// line is one wrapped line of a cell, Width cells wide. Flags holds the
// rowFlags of its fragments, for the gutter.
type line struct {
	frags []frag
	width int
	flags class
}

// wrapper lays fragments out in lines at most width cells wide, breaking
// at spaces and, inside a word longer than a line, between grapheme
// clusters. A single line break counts as a space (sources are sometimes
// hard-wrapped); two or more make a blank line, as between paragraphs.
type wrapper struct {
	width int
	lines []line
	cur   line
	// word is the word being gathered: a run of non-space text that may
	// span several fragments ("emails" equal, "," deleted).
	word      []frag
	wordWidth int
	// space is the space before word, kept until we know whether word
	// starts a new line (where the space is dropped).
	space    frag
	hasSpace bool
}

// wrapFrags wraps frags to width cells. It never returns a line wider than
// width, provided width is at least two (the widest grapheme).
func wrapFrags(frags []frag, width int) []line {
	w := wrapper{width: max(width, 2)}
	for _, f := range frags {
		w.add(f)
	}
	w.flushWord()
	w.endLine()
	// A trailing paragraph break leaves a blank last line: drop it.
	for len(w.lines) > 1 && w.lines[len(w.lines)-1].width == 0 {
		w.lines = w.lines[:len(w.lines)-1]
	}
	return w.lines
}

// lineText returns the text of a wrapped line, unstyled.
func lineText(l line) string {
	var sb strings.Builder
	for _, f := range l.frags {
		sb.WriteString(f.text)
	}
	return sb.String()
}

func (w *wrapper) add(f frag) {
	s := f.text
	for s != "" {
		i := indexSpace(s)
		if i > 0 {
			w.word = append(w.word, frag{s[:i], f.cls, offAt(f.off, len(f.text)-len(s))})
			w.wordWidth += textWidth(s[:i])
			s = s[i:]
			continue
		}
		// A whitespace run.
		j := indexNonSpace(s)
		run := s[:j]
		off := offAt(f.off, len(f.text)-len(s))
		s = s[j:]
		w.flushWord()
		if strings.Count(run, "\n") >= 2 {
			w.paragraphBreak()
			continue
		}
		if len(w.cur.frags) > 0 {
			w.space, w.hasSpace = frag{" ", f.cls, off}, true
		}
	}
}

func offAt(off, delta int) int {
	if off < 0 {
		return -1
	}
	return off + delta
}

// flushWord places the gathered word on the current line, or the next.
// A word with CJK text in it may be broken inside, where Unicode's line
// breaking rules (UAX #14) allow: between ideographs, but never before a
// closing mark such as 、。」 or after an opening one.
func (w *wrapper) flushWord() {
	if len(w.word) == 0 {
		return
	}
	if cuts := lineBreaks(w.word); len(cuts) > 0 {
		w.placeSegments(cuts)
	} else {
		w.place(w.word, w.wordWidth, w.hasSpace)
	}
	w.word, w.wordWidth, w.hasSpace = w.word[:0], 0, false
}

// place puts word, width cells wide, on the current line (after the
// pending space, with space) or else on the next, cutting it only when it
// is wider than a line.
func (w *wrapper) place(word []frag, width int, space bool) {
	need := width
	if space {
		need++
	}
	switch {
	case w.cur.width+need <= w.width:
		if space {
			w.put(w.space, 1)
		}
		for _, f := range word {
			w.put(f, -1)
		}
	case width <= w.width:
		w.endLine()
		for _, f := range word {
			w.put(f, -1)
		}
	default:
		w.breakWord(word)
	}
}

// placeSegments places the gathered word as the segments between the byte
// offsets cuts (into the word's text laid end to end), each kept whole
// where it fits, with no space between them.
func (w *wrapper) placeSegments(cuts []int) {
	var seg []frag
	at, next, space := 0, 0, w.hasSpace
	flush := func() {
		if len(seg) == 0 {
			return
		}
		width := 0
		for _, f := range seg {
			width += textWidth(f.text)
		}
		w.place(seg, width, space)
		seg, space = nil, false
	}
	for _, f := range w.word {
		t, off := f.text, f.off
		for t != "" {
			end := len(t)
			if next < len(cuts) && cuts[next]-at < end {
				end = cuts[next] - at
			}
			seg = append(seg, frag{t[:end], f.cls, off})
			at += end
			t, off = t[end:], offAt(off, end)
			if next < len(cuts) && at == cuts[next] {
				flush()
				next++
			}
		}
	}
	flush()
}

// lineBreaks returns the offsets inside word (its text laid end to end)
// where a line may break, or nil for a word with no Chinese or Japanese
// text: other scripts break only at spaces here, as UAX #14's breaks after
// hyphens and slashes would split "cyber-security" and URLs, and Korean is
// written with spaces.
func lineBreaks(word []frag) []int {
	if !slices.ContainsFunc(word, func(f frag) bool { return mayHoldCJK(f.text) && strings.ContainsFunc(f.text, isCJK) }) {
		return nil
	}
	var sb strings.Builder
	for _, f := range word {
		sb.WriteString(f.text)
	}
	text := sb.String()
	var cuts []int
	at, state := 0, -1
	for rest := text; rest != ""; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		at += len(seg)
		if rest == "" {
			break
		}
		// UAX #14 leaves “ ” ‘ ’ ambiguous (they open in one language
		// and close in another) and may break inside them; in Chinese
		// and Japanese they are paired like 「」, so keep them with the
		// text they enclose.
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(rest)
		if before == '“' || before == '‘' || after == '”' || after == '’' {
			continue
		}
		cuts = append(cuts, at)
	}
	return cuts
}

// mayHoldCJK reports whether s has a byte that can lead the UTF-8 form of
// a rune from U+2000 up, where the CJK ranges are: most words have none,
// and this costs a byte scan, not a decoding.
func mayHoldCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xe2 {
			return true
		}
	}
	return false
}

// isCJK reports whether r is Chinese or Japanese script or punctuation:
// the CJK radicals, symbols and punctuation, kana, ideographs and their
// extensions, and the full-width forms.
func isCJK(r rune) bool {
	return (r >= 0x2e80 && r <= 0x9fff) || (r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xff00 && r <= 0xffef) || (r >= 0x20000 && r <= 0x3ffff)
}

// breakWord places a word wider than a line, starting a new line and
// cutting between grapheme clusters.
func (w *wrapper) breakWord(word []frag) {
	if w.cur.width > 0 {
		w.endLine()
	}
	for _, f := range word {
		t, off := f.text, f.off
		// Text with no controls nor escapes, what the reader shows, is
		// cut grapheme by grapheme as far as the line goes; other text is
		// measured and cut by a prefix (see widthPrefix). Cutting the
		// whole rest of a word measured it all for every line, and a
		// 5 MiB word (a file of one "line") held the reader for hours.
		plain := !hasControls(t)
		for t != "" {
			room := w.width - w.cur.width
			var head string
			hw := -1
			switch {
			case asciiCells(t, room) > 0:
				// Plain ASCII: a byte a cell, nothing to measure.
				head, hw = t[:room], room
			case plain:
				head, hw = cutCells(t, room)
			default:
				probe, pw := widthPrefix(t, room)
				if probe == t && pw <= room {
					head, hw = t, pw
				} else {
					head = ansi.Truncate(probe, room, "")
				}
			}
			if head == "" || !strings.HasPrefix(t, head) {
				if w.cur.width > 0 {
					w.endLine()
					continue
				}
				// Cannot happen for width >= 2; take one rune so the loop ends.
				_, n := utf8.DecodeRuneInString(t)
				head, hw = t[:n], -1
			}
			w.put(frag{head, f.cls, off}, hw)
			t, off = t[len(head):], offAt(off, len(head))
			if t != "" {
				w.endLine()
			}
		}
	}
}

// hasControls reports whether s holds a C0 control, DEL or an escape,
// which the terminal's parser measures apart from graphemes.
func hasControls(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// cutCells returns the longest prefix of t, in whole graphemes, at most
// room cells wide, and its width: t's first graphemes only are measured,
// however long t is. t holds no control (see hasControls).
func cutCells(t string, room int) (string, int) {
	i, width := 0, 0
	for i < len(t) {
		g, gw := ansi.FirstGraphemeCluster(t[i:], ansi.GraphemeWidth)
		if g == "" || width+gw > room {
			break
		}
		i, width = i+len(g), width+gw
	}
	return t[:i], width
}

// asciiCells returns room when t is longer than room and its first room
// bytes, and the one after them, are printable ASCII, so that its first
// room bytes are room cells and end a grapheme; else 0.
func asciiCells(t string, room int) int {
	if room <= 0 || len(t) <= room {
		return 0
	}
	for i := 0; i <= room; i++ {
		if t[i] < 0x20 || t[i] >= 0x7f {
			return 0
		}
	}
	return room
}

// widthPrefix returns a prefix of t, cut between runes, that is wider
// than room cells, or t itself when t is no wider, and its width. The
// prefix is a few bytes per cell of room, so that a line cut from a long
// word costs its own length, not the word's: a grapheme straddling the
// prefix's end is past the cut, since the prefix is wider than room.
func widthPrefix(t string, room int) (string, int) {
	n := 4 * (room + 1)
	for {
		if n >= len(t) {
			return t, textWidth(t)
		}
		for n > 0 && !utf8.RuneStart(t[n]) {
			n--
		}
		if pw := textWidth(t[:n]); pw > room {
			return t[:n], pw
		}
		// Zero-width marks or escapes: look further.
		n = 2*n + 4
	}
}

// put appends f to the current line; width < 0 means measure it.
func (w *wrapper) put(f frag, width int) {
	if width < 0 {
		width = textWidth(f.text)
	}
	w.cur.frags = append(w.cur.frags, f)
	w.cur.width += width
}

func (w *wrapper) endLine() {
	w.lines = append(w.lines, w.cur)
	w.cur = line{}
	w.hasSpace = false
}

// paragraphBreak ends the line and leaves one blank line, but never two in
// a row and never at the top of a cell.
func (w *wrapper) paragraphBreak() {
	if len(w.cur.frags) > 0 {
		w.endLine()
	}
	if n := len(w.lines); n > 0 && w.lines[n-1].width > 0 {
		w.lines = append(w.lines, line{})
	}
	w.hasSpace = false
}

// indexSpace returns the index of the first whitespace in s, or len(s).
func indexSpace(s string) int {
	for i, r := range s {
		if unicode.IsSpace(r) {
			return i
		}
	}
	return len(s)
}

// indexNonSpace returns the index of the first non-whitespace in s, or
// len(s).
func indexNonSpace(s string) int {
	for i, r := range s {
		if !unicode.IsSpace(r) {
			return i
		}
	}
	return len(s)
}

// textWidth is the width of s in terminal cells: wide runes (CJK, emoji)
// count two and escape sequences nothing. Plain ASCII, which is most text,
// takes a fast path.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] == ansi.ESC {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// wrapText wraps s, plain text on one line, to lines of at most width
// cells: a message a view shows in place of its content, which a line of
// its own would cut short of what it says.
func wrapText(s string, width int) []string {
	var out []string
	for _, l := range wrapFrags([]frag{{s, clsEqual, 0}}, max(width, 2)) {
		out = append(out, lineText(l))
	}
	return out
}

// truncate cuts s to at most width cells, ending it with "…" if anything
// was cut. The "…" follows the last word kept, "Trump asks Russia to…":
// a cut just after a space would leave it apart, "Russia to …", as if
// a word of its own.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if textWidth(s) <= width {
		return s
	}
	t := ansi.Truncate(s, width, "…")
	for width > 1 && strings.HasSuffix(ansi.Strip(t), " …") {
		width--
		t = ansi.Truncate(s, width, "…")
	}
	return t
}

// truncateApart cuts each of names to at most width cells, as truncate
// does, except that names truncate would make the same ("Reuters
// (reuters-2016-…" twice, or file names that share a long start) lose
// their middle instead and keep the ends that tell them apart.
func truncateApart(names []string, width int) []string {
	out := make([]string, len(names))
	// first maps a label to the first name cut to it; alike marks the
	// labels that two different names were cut to. One name twice (an
	// outlet giving two figures) is no collision.
	first := make(map[string]string, len(names))
	alike := make(map[string]bool)
	for i, n := range names {
		out[i] = truncate(n, width)
		if f, ok := first[out[i]]; !ok {
			first[out[i]] = n
		} else if f != n {
			alike[out[i]] = true
		}
	}
	for i, n := range names {
		if alike[out[i]] {
			out[i] = truncateMiddle(n, width)
		}
	}
	// Names alike at both ends differ in the middle, which the cut above
	// drops: "outlet-01-long-name" and "outlet-02-long-name" were both
	// "outl…ng-name", as many columns of the matrix headed alike. Each
	// such name keeps what follows the start it shares with the others,
	// from the word the difference falls in: "…01-long-name".
	group := make(map[string][]string, len(names))
	for i, n := range names {
		if !slices.Contains(group[out[i]], n) {
			group[out[i]] = append(group[out[i]], n)
		}
	}
	for i, n := range names {
		if g := group[out[i]]; len(g) > 1 {
			if at := apartFrom(n, g); at > 0 {
				out[i] = truncate("…"+n[at:], width)
			}
		}
	}
	return out
}

// apartFrom returns the byte offset in name of the part that tells it
// from the other names of others: past the longest start it shares with
// one of them, back to the start of the word (the run of letters and
// digits) the difference falls in, so that "-018_01" is cut as "018_01",
// not "8_01". It returns 0 where nothing is shared.
func apartFrom(name string, others []string) int {
	shared := 0
	for _, o := range others {
		if o == name {
			continue
		}
		n := 0
		for n < len(name) && n < len(o) && name[n] == o[n] {
			n++
		}
		shared = max(shared, n)
	}
	// Back to the start of a character, then of the word.
	shared = min(shared, len(name))
	for shared > 0 && shared < len(name) && !utf8.RuneStart(name[shared]) {
		shared--
	}
	for shared > 0 {
		r, size := utf8.DecodeLastRuneInString(name[:shared])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.M, r) {
			break
		}
		shared -= size
	}
	return shared
}

// truncateAmong cuts name to at most width cells as truncateApart would
// among names: in the middle if another of names cuts to the same label.
// It serves labels drawn one at a time, each at its own width (a story's
// heading beside its own count).
func truncateAmong(name string, names []string, width int) string {
	t := truncate(name, width)
	if t == name {
		return t
	}
	start := strings.TrimSuffix(t, "…")
	for _, o := range names {
		if o != name && strings.HasPrefix(o, start) && truncate(o, width) == t {
			return truncateMiddle(name, width)
		}
	}
	return t
}

// truncateMiddle cuts s to at most width cells by dropping its middle,
// keeping a third of the room for its start and the rest for its end,
// where names that share a start differ. Below 5 cells there is no room
// for both ends, and it cuts as truncate does.
func truncateMiddle(s string, width int) string {
	if textWidth(s) <= width || width < 5 {
		return truncate(s, width)
	}
	head := width / 3
	tail := width - head - 1
	// TruncateLeft keeps a wide character the cut falls inside, which
	// would make the label a cell wider than width (and the compare
	// header wider than the screen): cut one cell further then.
	drop := textWidth(s) - tail
	end := ansi.TruncateLeft(s, drop, "")
	if textWidth(end) > tail {
		end = ansi.TruncateLeft(s, drop+1, "")
	}
	return ansi.Truncate(s, head, "") + "…" + end
}

// padRight pads s, which is width cells wide, with spaces to n cells.
func padRight(s string, width, n int) string {
	if width >= n {
		return s
	}
	return s + strings.Repeat(" ", n-width)
}
