package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraphs groups tokens into paragraphs (at blank lines, or at every line
// of a group whose lines play different roles), gives each a role, and
// splits prose paragraphs into sentences. The first paragraph is the
// title unless it reads as a lead (see isTitle) or is the only one;
// metaTitle is the title
// the article's metadata gives, if any.
func paragraphs(raw []byte, toks Tokens, metaTitle string) ([]Paragraph, []Sentence) {
	type line struct{ r Range }
	var groups [][]line
	var cur []line
	lineStart := 0
	flushLine := func(end int) {
		r := TrimSpace(toks, Range{lineStart, end})
		if hasVisible(toks, r) {
			cur = append(cur, line{r})
		} else if len(cur) > 0 {
			// A line of nothing visible separates paragraphs like a blank one.
			groups = append(groups, cur)
			cur = nil
		}
	}
	for i := range toks.Len() {
		if toks.Kind(i) != TokSpace || toks.Form(i) == " " {
			continue
		}
		flushLine(i)
		if toks.Form(i) == "\n\n" && len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
		lineStart = i + 1
	}
	flushLine(toks.Len())
	if len(cur) > 0 {
		groups = append(groups, cur)
	}

	var paras []Paragraph
	add := func(r Range, role Role) {
		paras = append(paras, Paragraph{
			Span: Span{toks.Span(r.Start).Start, toks.Span(r.End - 1).End},
			Role: role,
			// Sentences are filled in below; the token range rides here.
			Sentences: r,
		})
	}
	for _, g := range groups {
		split := false
		roles := make([]Role, len(g))
		for i, l := range g {
			roles[i] = lineRole(lineText(raw, toks, l.r))
			if roles[i] == RoleBoilerplate || roles[i] == RoleCaption {
				split = true
			}
		}
		if len(g) == 1 || split {
			for i, l := range g {
				add(l.r, roles[i])
			}
			continue
		}
		// Hard-wrapped prose: one paragraph over all its lines.
		add(Range{g[0].r.Start, g[len(g)-1].r.End}, RoleProse)
	}

	// An article of one paragraph has it for its body, title or not: a
	// file of one line, read as a title alone, left an article of no
	// prose, whose quotes, passages and words the views did not show.
	// (Its title, in the list, is still that line.)
	if len(paras) > 1 && isTitle(raw, toks, paras[0], metaTitle) {
		paras[0].Role = RoleTitle
	}
	lastProse := -1
	for i := range paras {
		if paras[i].Role == RoleProse {
			if i > 0 && isHeading(raw, toks, paras[i].Sentences) {
				paras[i].Role = RoleHeading
			} else {
				lastProse = i
			}
		}
	}
	// Short unpunctuated lines after the last prose paragraph are the page's
	// tail ("Press TV News Roku"), not headings of anything.
	for i := lastProse + 1; i < len(paras); i++ {
		if paras[i].Role == RoleHeading {
			paras[i].Role = RoleBoilerplate
		}
	}

	var sents []Sentence
	for pi := range paras {
		p := &paras[pi]
		tr := p.Sentences
		first := len(sents)
		if p.Role == RoleProse {
			for _, sr := range splitSentences(raw, toks, tr) {
				sents = append(sents, newSentence(Span{toks.Span(sr.Start).Start, toks.Span(sr.End - 1).End}, pi, sr))
			}
		} else {
			sents = append(sents, newSentence(p.Span, pi, tr))
		}
		p.Sentences = Range{first, len(sents)}
	}
	return paras, sents
}

// TrimSpace narrows r to exclude leading and trailing whitespace and control
// tokens.
func TrimSpace(toks Tokens, r Range) Range {
	for r.Start < r.End && (toks.Kind(r.Start) == TokSpace || toks.Kind(r.Start) == TokControl) {
		r.Start++
	}
	for r.End > r.Start && (toks.Kind(r.End-1) == TokSpace || toks.Kind(r.End-1) == TokControl) {
		r.End--
	}
	return r
}

func hasVisible(toks Tokens, r Range) bool {
	for i := r.Start; i < r.End; i++ {
		if k := toks.Kind(i); k == TokWord || k == TokPunct {
			return true
		}
	}
	return false
}

// lineText is the visible text of a token range, whitespace collapsed to
// single spaces and control tokens dropped, for classifying lines.
func lineText(raw []byte, toks Tokens, r Range) string {
	var sb strings.Builder
	if r.Start < r.End {
		// The text is at most the line's bytes: one allocation, not a
		// builder doubled from 8 bytes.
		sb.Grow(toks.Span(r.End-1).End - toks.Span(r.Start).Start)
	}
	for i := r.Start; i < r.End; i++ {
		switch toks.Kind(i) {
		case TokSpace:
			sb.WriteByte(' ')
		case TokControl:
		default:
			sb.Write(raw[toks.Span(i).Start:toks.Span(i).End])
		}
	}
	return sb.String()
}

// maxNonProseLine is the longest line, in bytes, that may be boilerplate or
// a caption; longer lines are prose without running the patterns at all.
const maxNonProseLine = 400

// maxBoilerplateLine is the longest line the boilerplate pattern is tried
// on: share buttons and credits are short.
const maxBoilerplateLine = 120

// lineRole classifies one line of text on its own: boilerplate, caption, or
// prose (headings are decided with their paragraph in isHeading). The
// patterns run only where they can match — on short lines, on a line's
// last bracketed group, on its last few dozen bytes — since lines of prose
// are many and long.
func lineRole(text string) Role {
	text = strings.TrimSpace(text)
	if len(text) > maxNonProseLine {
		return RoleProse
	}
	if len(text) <= maxBoilerplateLine && (isBoilerplateLine(text) || isRuleOrLabel(text)) {
		return RoleBoilerplate
	}
	for _, p := range boilerplatePhrases {
		if containsLower(text, p) {
			return RoleBoilerplate
		}
	}
	start := mayStartCaption(text) && captionStartRE().MatchString(text)
	// Three searches, not strings.ContainsAny: with a set outside ASCII it
	// looks up every rune of the line in the set, a tenth of loading a
	// file.
	if (strings.Contains(text, `"`) || strings.Contains(text, "“") || strings.Contains(text, "”")) && !start {
		// Quoted speech is reporting, never a picture's caption.
		return RoleProse
	}
	if start || credited(text) || creditEnds(text) {
		return RoleCaption
	}
	tail := text[max(0, len(text)-40):]
	if mayEndCaption(tail) && captionEndRE().MatchString(tail) && captionVerbRE().MatchString(text) && !strings.Contains(text, " said") {
		return RoleCaption
	}
	return RoleProse
}

// isRuleOrLabel reports whether a line is a page's furniture rather than
// a sentence of the story: a rule or separator with no letter or digit
// ("___", "* * *", "———"), or a lone capitalised label closed by a colon
// that heads a list of links ("ALSO:", "UPDATE:"). A label of more words
// is left alone: "KELLY MCEVERS, HOST:" names who speaks next.
func isRuleOrLabel(text string) bool {
	letters, upper := false, true
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters = true
			if unicode.IsLower(r) {
				upper = false
			}
		}
	}
	if !letters {
		return true
	}
	word := strings.TrimSuffix(text, ":")
	return upper && word != text && len(word) > 1 && !strings.ContainsFunc(word, func(r rune) bool {
		return !unicode.IsLetter(r)
	})
}

// credited reports whether a line ends with a bracketed photo credit.
func credited(text string) bool {
	if !strings.HasSuffix(text, ")") && !strings.HasSuffix(text, "]") {
		return false
	}
	i := strings.LastIndexAny(text, "([")
	return i >= 0 && creditRE().MatchString(text[i:])
}

// isHeading reports whether a paragraph is a crosshead: short, one line,
// with no sentence-ending punctuation.
func isHeading(raw []byte, toks Tokens, r Range) bool {
	words := 0
	for i := r.Start; i < r.End; i++ {
		switch toks.Kind(i) {
		case TokWord:
			words++
		case TokSpace:
			if toks.Form(i) != " " {
				return false
			}
		}
	}
	if words == 0 || words > 12 {
		return false
	}
	// A heading ends on a word (or a quoted phrase), never on . ! ? : ;
	// or ,.
	t, ok := lastMark(toks, r)
	return ok && t.Kind == TokWord
}

// lastMark returns the last word or punctuation mark over r, closing
// quotes and brackets aside (a token's form: every double quote is ",
// every single one '), and false if there is none.
func lastMark(toks Tokens, r Range) (Token, bool) {
	for i := r.End - 1; i >= r.Start; i-- {
		t := toks.At(i)
		switch {
		case t.Kind == TokWord:
			return t, true
		case t.Kind != TokPunct:
			continue
		}
		switch t.Form {
		case `"`, "'", ")", "]":
			continue
		}
		return t, true
	}
	return Token{}, false
}

// isTitle reports whether p, an article's first paragraph, is its title.
// Without a title in the metadata it is, whatever it reads as: a first
// line that is the lead sentence (27 of the 69 development articles have
// no headline line) is compared as a title, with the other article's
// title or lead, and that pairs leads that report the story's main event
// in other words. Read as prose, the same leads lost 2 to 6 held-out
// paraphrase pairs at every threshold, with as many wrong pairings. With
// a title from the metadata (front matter, a sidecar, a saved page's
// headline), a first line that ends as a sentence does and is not that
// title is the lead, however short: a Markdown file whose front matter
// holds the headline starts on its lead, which was otherwise paired as a
// headline against the other article's title.
func isTitle(raw []byte, toks Tokens, p Paragraph, metaTitle string) bool {
	if metaTitle == "" || p.Role != RoleProse || !endsAsSentence(toks, p.Sentences) {
		return true
	}
	return sameLetters(lineText(raw, toks, p.Sentences), metaTitle)
}

// endsAsSentence reports whether the tokens over r end on a full stop, a
// question or exclamation mark or an ellipsis ("…" and "..." are both the
// token "..."), closing quotes and brackets aside: the marks that end a
// sentence in splitSentences.
func endsAsSentence(toks Tokens, r Range) bool {
	t, ok := lastMark(toks, r)
	if !ok || t.Kind != TokPunct {
		return false
	}
	switch t.Form {
	case ".", "!", "?", "...":
		return true
	}
	return false
}

// sameLetters reports whether a and b hold the same letters and digits in
// the same order, case aside: a headline as the page's metadata and its
// body each set it.
func sameLetters(a, b string) bool {
	next := func(s string) (rune, string) {
		for s != "" {
			r, n := utf8.DecodeRuneInString(s)
			s = s[n:]
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r), s
			}
		}
		return -1, ""
	}
	for {
		var ra, rb rune
		ra, a = next(a)
		rb, b = next(b)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
	}
}

// isAbbreviation reports whether w, followed by a point, never ends a
// sentence. It and isNumberedAbbreviation are switches, not maps, so that
// nothing is built before main (see IsStopword).
func isAbbreviation(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "reps", "st", "jr", "sr", "u.s", "u.k",
		"u.n", "e.g", "i.e", "gen", "lt", "col", "capt", "sgt", "prof", "vs", "rev", "messrs",
		"mt", "ft", "gov't", "supt", "cmdr", "adm", "pres", "a.m", "p.m", "d.c", "corp", "inc",
		"ltd", "co", "etc", "det", "insp", "cpl", "atty":
		return true
	}
	return false
}

// isNumberedAbbreviation reports whether w, followed by a point, ends no
// sentence when a number follows: "Jan. 5", "No. 10".
func isNumberedAbbreviation(w string) bool {
	switch w {
	case "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
		"dec", "p", "pp", "vol":
		return true
	}
	return false
}

// splitSentences splits the token range of a prose paragraph into sentence
// token ranges. A sentence ends at . ! ? or an ellipsis, with any closing
// quotes or brackets after it, when whitespace and then an upper-case
// letter, a digit or an opening quote follow — unless the point ends a known
// abbreviation or a single initial. It also ends at a CJK full stop, ! or ?
// (and the closing brackets after it), whatever follows.
func splitSentences(raw []byte, toks Tokens, r Range) []Range {
	var out []Range
	start := r.Start
	// In text that was lower-cased wholesale, a lower-case letter may start
	// a sentence too.
	lowered := !hasUpper(raw, toks, r)
	for i := r.Start; i < r.End; i++ {
		if toks.Kind(i) != TokPunct {
			continue
		}
		t := toks.At(i)
		switch t.Form {
		case ".", "!", "?", "...":
		case "。", "！", "？", "｡":
			// Chinese and Japanese end a sentence at the mark itself:
			// no space follows, and no case tells where the next begins.
			j := i + 1
			for j < r.End && toks.Kind(j) == TokPunct && isClosing(raw, toks.At(j)) {
				j++
			}
			if j >= r.End {
				continue
			}
			out = append(out, Range{start, j})
			start = j
			if toks.Kind(j) == TokSpace {
				start = j + 1
			}
			i = start - 1
			continue
		default:
			continue
		}
		j := i + 1
		for j < r.End && toks.Kind(j) == TokPunct && isClosing(raw, toks.At(j)) {
			j++
		}
		if j >= r.End || toks.Kind(j) != TokSpace || j+1 >= r.End {
			continue
		}
		next := toks.At(j + 1)
		if !opensSentence(raw, next, lowered) {
			continue
		}
		if t.Form == "." && i > r.Start && toks.Kind(i-1) == TokWord && toks.Span(i-1).End == t.Start {
			w := toks.Form(i - 1)
			if isAbbreviation(w) || (isNumberedAbbreviation(w) && next.Kind == TokWord && startsWithDigit(raw, next)) {
				continue
			}
			if isInitial(raw, toks.At(i-1)) && (i-1 == r.Start || toks.Kind(i-2) == TokSpace) {
				continue
			}
		}
		out = append(out, Range{start, j})
		start = j + 1
		i = j
	}
	if start < r.End {
		out = append(out, Range{start, r.End})
	}
	return out
}

// isClosing reports whether a punctuation token can close a quotation or
// parenthesis right after a sentence's final mark. A straight quote there
// closes: it follows the mark directly.
func isClosing(raw []byte, t Token) bool {
	r, _ := utf8.DecodeRune(raw[t.Start:t.End])
	switch r {
	case '”', '’', '"', '\'', ')', ']', '»', '」', '』', '）', '】', '〕', '》', '〉':
		return true
	}
	return false
}

// opensSentence reports whether a token can begin a sentence.
func opensSentence(raw []byte, t Token, lowered bool) bool {
	r, _ := utf8.DecodeRune(raw[t.Start:t.End])
	switch t.Kind {
	case TokWord:
		return lowered || !unicode.IsLower(r)
	case TokPunct:
		switch r {
		case '“', '‘', '"', '\'', '(', '[', '«', '¿', '¡':
			return true
		}
	}
	return false
}

func startsWithDigit(raw []byte, t Token) bool {
	return t.End > t.Start && raw[t.Start] >= '0' && raw[t.Start] <= '9'
}

// isInitial reports whether a word is a single upper-case letter, as in
// "George W. Bush". "I." is left alone: it ends sentences.
func isInitial(raw []byte, t Token) bool {
	r, size := utf8.DecodeRune(raw[t.Start:t.End])
	return size == t.End-t.Start && unicode.IsUpper(r) && r != 'I'
}

// hasUpper reports whether any word in r has an upper-case letter.
func hasUpper(raw []byte, toks Tokens, r Range) bool {
	for i := r.Start; i < r.End; i++ {
		if toks.Kind(i) == TokWord && toks.Form(i) != string(raw[toks.Span(i).Start:toks.Span(i).End]) {
			return true
		}
	}
	return false
}
