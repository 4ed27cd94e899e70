package quote

import (
	"cmp"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// Extraction: finding quote marks, the quotes they enclose and block
// quotes, paragraph by paragraph.

// scanInfo is what extraction knows about a quote beyond the Quote.
type scanInfo struct {
	parts []corpus.Range // token ranges of the parts, trimmed
	// outer holds, per part, the token range including the marks (or the
	// whole paragraph of a block quote): the tokens attribution skips.
	outer      []corpus.Range
	intro      int  // for a block quote, the sentence introducing it; else -1
	endsOnMark bool // the quoted text ended on , . ! ? or an ellipsis, before trimming
	paraStart  bool // the first part opens its paragraph
	lastPara   int
	reachedEnd bool // unclosed, and ran to its paragraph's end
	kind       int  // speaker kind
	subject    int  // token of the speaker's (last) word, or -1
	verb       int  // token of the attribution verb, when Quote.Verb is set
	// ask is 1 + the index of the quote whose verb of asking attributed
	// this one, itself or the one it took its speaker from; 0 for none.
	ask int
	// settled marks an attribution that stands even when it names no
	// one: a journalist's transcript label, or the writer's "I".
	settled bool
}

// scanner extracts the quotes of one article.
type scanner struct {
	a      *corpus.Article
	toks   corpus.Tokens
	sentOf []int32 // token → sentence index, -1 between sentences
	first  []int32 // sentence → its first word token, or -1
	inside []bool  // token is within a quote's marks or a block quote
	lower  map[string]bool
	known  map[string]string // a named speaker's last word (form) → the name
	// gender holds what the article tells of a name's gender, by its
	// last word (see gender.go); gendersRead marks its titles and
	// possessives read.
	gender      map[string]byte
	gendersRead bool
	// antecedent is the sentence resolvePronoun last took a name from,
	// or -1.
	antecedent int
	qs         []Quote
	info       []scanInfo
	// formPos holds the word tokens by form id, in text order within
	// each form: those of form id f are formPos[formStart[f]:formStart[f+1]].
	// formID maps a word's form to its id. Made on first use (see
	// indexForms).
	formStart, formPos []int32
	formID             map[string]int32
	// story tells the surnames the story's articles, this one among
	// them, write (see storyNames); nil for an article read alone.
	story *storyNames
	// doubled is 1 when the article writes two apostrophes for a double
	// quote mark, -1 when not, 0 until asked (see doubledMark).
	doubled int8
	// cased is 1 when the article writes capitals within its sentences,
	// -1 when it was lower-cased, 0 until asked (see casedText).
	cased int8
}

// Extract returns every quotation in a, in text order: text between double
// quote marks, curly or straight, and block quotes set as their own
// paragraph after an attribution ending in a colon. Boilerplate lines are
// skipped. See Quote for what each field holds.
//
// Extract only reads a; it is safe to call concurrently.
func Extract(a *corpus.Article) []Quote {
	return extractIn(a, nil)
}

// extractIn is Extract of an article of the story whose surnames story
// tells (see storyNames), or of an article alone when story is nil.
func extractIn(a *corpus.Article, story *storyNames) []Quote {
	if a.Tokens.Len() == 0 || len(a.Paragraphs) == 0 {
		return nil
	}
	if v := visibleText(a); v != nil {
		return v.extract(story)
	}
	return extract(a, story)
}

// extract is extractIn on an article with no control tokens.
func extract(a *corpus.Article, story *storyNames) []Quote {
	s := &scanner{a: a, toks: a.Tokens, story: story}
	s.index()
	s.scanMarks()
	s.blocks()
	if len(s.qs) == 0 {
		return nil
	}
	s.finish()
	return s.qs
}

// index maps tokens to sentences and notes the words the article writes
// in lower case somewhere.
func (s *scanner) index() {
	s.sentOf = make([]int32, s.toks.Len())
	for i := range s.sentOf {
		s.sentOf[i] = -1
	}
	s.first = make([]int32, len(s.a.Sentences))
	for si, se := range s.a.Sentences {
		s.first[si] = -1
		for ti := se.Tokens().Start; ti < se.Tokens().End && ti < s.toks.Len(); ti++ {
			s.sentOf[ti] = int32(si)
			if s.first[si] < 0 && s.toks.Kind(ti) == corpus.TokWord {
				s.first[si] = int32(ti)
			}
		}
	}
	s.lower = make(map[string]bool, s.toks.Len()/8)
	for _, t := range s.toks.All() {
		if t.Kind == corpus.TokWord && !s.lower[t.Form] && len(t.Form) == t.Len() && t.Form == string(s.a.Raw[t.Start:t.End]) {
			s.lower[t.Form] = true
		}
	}
	s.inside = make([]bool, s.toks.Len())
	s.known = make(map[string]string)
}

// maxNameLookBack is how many earlier words of a role's noun or an
// organisation's roleHolder and organisationNamed look at for the name it
// stands for, nearest first: far more than an article names anyone by
// one role. Each read every token back to the text's start, and a text
// that says "the agency said" after each of its quotes took time growing
// with the square of its length (4,000 quotes, two seconds). The clauses
// anonymous and absoluteName read for a pronoun, and the sentences
// ellipsisNoun reads for "another", are held to as many of their "who",
// "with" and "of".
const maxNameLookBack = 256

// sameFormBefore returns the word tokens before token end whose form is
// token i's, at most the maxNameLookBack nearest, in text order.
func (s *scanner) sameFormBefore(i, end int) []int32 {
	s.indexForms()
	return s.formIn(s.toks.FormID(i), 0, end)
}

// wordsIn returns the word tokens of [start, end) whose form is f, at
// most the maxNameLookBack last, in text order.
func (s *scanner) wordsIn(f string, start, end int) []int32 {
	s.indexForms()
	id, ok := s.formID[f]
	if !ok {
		return nil
	}
	return s.formIn(int(id), start, end)
}

// formIn returns the word tokens of [start, end) of form id f, at most
// the maxNameLookBack last, in text order.
func (s *scanner) formIn(f, start, end int) []int32 {
	pos := s.formPos[s.formStart[f]:s.formStart[f+1]]
	lo, _ := slices.BinarySearch(pos, int32(start))
	hi, _ := slices.BinarySearch(pos, int32(end))
	return pos[max(hi-maxNameLookBack, lo):max(hi, lo)]
}

// indexForms fills formStart, formPos and formID, once: a counting sort
// of the word tokens by form id.
func (s *scanner) indexForms() {
	if s.formStart != nil {
		return
	}
	start := make([]int32, s.toks.FormCount()+1)
	for i := 0; i < s.toks.Len(); i++ {
		if s.toks.Kind(i) == corpus.TokWord {
			start[s.toks.FormID(i)+1]++
		}
	}
	for f := 1; f < len(start); f++ {
		start[f] += start[f-1]
	}
	pos := make([]int32, start[len(start)-1])
	next := slices.Clone(start)
	s.formID = make(map[string]int32)
	for i := 0; i < s.toks.Len(); i++ {
		if s.toks.Kind(i) != corpus.TokWord {
			continue
		}
		f := s.toks.FormID(i)
		if next[f] == start[f] {
			s.formID[s.toks.Form(i)] = int32(f)
		}
		pos[next[f]] = int32(i)
		next[f]++
	}
	s.formStart, s.formPos = start, pos
}

// paraTokens returns the token range of paragraph pi.
func (s *scanner) paraTokens(pi int) corpus.Range {
	p := s.a.Paragraphs[pi]
	if p.Sentences.Len() <= 0 {
		return corpus.Range{}
	}
	return corpus.Range{Start: s.a.Sentences[p.Sentences.Start].Tokens().Start, End: s.a.Sentences[p.Sentences.End-1].Tokens().End}
}

// markFlank says how a double quote mark, written as the tokens i to last,
// sits between its neighbours: it can open when a word or mark follows it
// and a space, a paragraph start or an opening bracket precedes it, unless
// what follows it ends words (see endsQuoted); it can close in the mirror
// case.
func (s *scanner) markFlank(i, last int, pr corpus.Range) (canOpen, canClose bool) {
	spaceBefore := i == pr.Start || s.toks.Kind(i-1) == corpus.TokSpace || s.toks.Kind(i-1) == corpus.TokControl
	spaceAfter := last+1 >= pr.End || s.toks.Kind(last+1) == corpus.TokSpace || s.toks.Kind(last+1) == corpus.TokControl
	openBefore := spaceBefore
	if !spaceBefore && s.toks.Kind(i-1) == corpus.TokPunct {
		switch s.toks.Form(i - 1) {
		case "(", "[", "{", "-", ":", "/", "'":
			openBefore = true
		}
	}
	closeAfter := spaceAfter
	if !spaceAfter && s.toks.Kind(last+1) == corpus.TokPunct {
		switch s.toks.Form(last + 1) {
		case ".", ",", ";", ":", "!", "?", ")", "]", "}", "-", "'", "...", "/":
			closeAfter = true
		}
	}
	return !spaceAfter && openBefore && !s.endsQuoted(last, pr), !spaceBefore && closeAfter
}

// endsQuoted says whether the mark ending at token last is followed by
// what only ends quoted words: a stop, a comma or a bracket standing
// before a space or the paragraph's end (`answered " no ", whether`,
// `a brief “nap” :) “. Buyers`), or a possessive's "'s" (`user "shithead
// "'s request`). No quote opens so, whatever the mark's glyph; read as
// opening, such a mark quoted the prose up to the next one.
func (s *scanner) endsQuoted(last int, pr corpus.Range) bool {
	n := last + 1
	if n >= pr.End || s.toks.Kind(n) != corpus.TokPunct {
		return false
	}
	spaceOrEnd := func(k int) bool {
		return k >= pr.End || s.toks.Kind(k) == corpus.TokSpace || s.toks.Kind(k) == corpus.TokControl
	}
	switch s.toks.Form(n) {
	case ".", ",", ";", ":", "!", "?", ")", "]", "}":
		return spaceOrEnd(n + 1)
	case "'":
		return n+1 < pr.End && s.toks.Kind(n+1) == corpus.TokWord && s.toks.Form(n+1) == "s" && (spaceOrEnd(n+2) || s.toks.Kind(n+2) == corpus.TokPunct)
	}
	return false
}

// lostCloser says whether token i is the "?" of a closing curly mark lost
// to a bad decoding, "�?" set against the quote's last word or mark
// (`“It’s drivers helping drivers,�? said Bambic.`), or spaced in text
// that spaces its marks (`it's not that hard, �? said michael julian`).
// Read as no mark, it left its quote open, to run on over the
// attribution to the next one. One set against the word after it
// (`— �?no idea why`) stood for an opening mark, and is left alone.
func (s *scanner) lostCloser(i int, pr corpus.Range) bool {
	if i-2 < pr.Start || s.toks.Kind(i) != corpus.TokPunct || s.toks.Form(i) != "?" || s.toks.Kind(i-1) != corpus.TokPunct || s.toks.Form(i-1) != "\uFFFD" {
		return false
	}
	return !s.lostCloserSpaced(i) || i+1 >= pr.End || s.toks.Kind(i+1) == corpus.TokSpace
}

// lostCloserSpaced says whether the lost closing mark whose "?" is token i
// has a space before it.
func (s *scanner) lostCloserSpaced(i int) bool {
	return s.toks.Kind(i-2) == corpus.TokSpace
}

// doubledMark says whether tokens i and i+1 are two apostrophes, straight
// or curly, that stand for one double quote mark. Wire text converted
// from old systems closes its quotes so, after a straight or curly
// opening mark, and some text opens them so too. Read as apostrophes,
// they left each quote open, to run on over its attribution to the
// paragraph's end. They are read as a mark only in a text that sets them
// as one somewhere (see setAsMark), and never after a figure, where they
// stand for inches: elsewhere two apostrophes are a slip, an elision or
// part of a name.
func (s *scanner) doubledMark(i int, pr corpus.Range) bool {
	if !s.apostrophes(i, pr) {
		return false
	}
	if s.doubled == 0 {
		s.doubled = -1
		for k := 0; k+1 < s.toks.Len(); k++ {
			if s.apostrophes(k, corpus.Range{Start: 0, End: s.toks.Len()}) && s.setAsMark(k) {
				s.doubled = 1
				break
			}
		}
	}
	if s.doubled < 0 {
		return false
	}
	if i > pr.Start && s.toks.Kind(i-1) == corpus.TokWord {
		w := s.toks.Form(i - 1)
		return w[len(w)-1] < '0' || w[len(w)-1] > '9'
	}
	return true
}

// apostrophes says whether tokens i and i+1 of range pr are two
// apostrophes alike and set together, with no third against them.
func (s *scanner) apostrophes(i int, pr corpus.Range) bool {
	if i+1 >= pr.End || s.toks.Kind(i) != corpus.TokPunct || s.toks.Kind(i+1) != corpus.TokPunct {
		return false
	}
	a, b := s.toks.At(i), s.toks.At(i+1)
	if a.Form != "'" || b.Form != "'" || a.End != b.Start {
		return false
	}
	r, _ := utf8.DecodeRune(s.a.Raw[a.Start:a.End])
	if r2, _ := utf8.DecodeRune(s.a.Raw[b.Start:b.End]); r != r2 || r != '\'' && r != '’' {
		return false
	}
	if i > pr.Start && s.toks.Form(i-1) == "'" && s.toks.At(i-1).End == a.Start {
		return false
	}
	return i+2 >= pr.End || s.toks.Form(i+2) != "'" || s.toks.At(i+2).Start != b.End
}

// setAsMark says whether the two apostrophes at token k sit as only a
// quote mark would: closing after a stop or a comma, or opening a word
// after a colon and a space.
func (s *scanner) setAsMark(k int) bool {
	if k > 0 && s.toks.Kind(k-1) == corpus.TokPunct {
		switch s.toks.Form(k - 1) {
		case ",", ".", "?", "!":
			return k+2 >= s.toks.Len() || s.toks.Kind(k+2) != corpus.TokWord
		}
	}
	return k >= 2 && s.toks.Kind(k-1) == corpus.TokSpace && s.toks.Form(k-2) == ":" && k+2 < s.toks.Len() && s.toks.Kind(k+2) == corpus.TokWord
}

// markAt says whether a double quote mark starts at token i of paragraph
// pr, and returns the glyph that tells its direction and its last token: a
// straight or curly mark, a closing curly mark lost to "�?" (see
// lostCloser), or two apostrophes standing for a straight mark (see
// doubledMark).
func (s *scanner) markAt(i int, pr corpus.Range) (r rune, last int, ok bool) {
	switch t := s.toks.At(i); {
	case s.lostCloser(i, pr):
		return '”', i, true
	case s.doubledMark(i, pr):
		return '"', i + 1, true
	case t.Kind == corpus.TokPunct && t.Form == `"`:
		r, _ = utf8.DecodeRune(s.a.Raw[t.Start:t.End])
		return r, i, true
	}
	return 0, i, false
}

// markPiece is a stretch between marks found by scanMarks, before paragraphs
// are joined.
type markPiece struct {
	para       int
	open       int // the opening mark's token
	body       corpus.Range
	close      int // the closing mark's token, or -1
	reachedEnd bool
	paraStart  bool
}

// scanMarks pairs the double quote marks of every paragraph and joins
// quotes continued over paragraphs.
func (s *scanner) scanMarks() {
	var pieces []markPiece
	// openAt is the paragraph after one that ended within a quote, or -1.
	openAt := -1
	for pi, p := range s.a.Paragraphs {
		if p.Role == corpus.RoleBoilerplate {
			continue
		}
		pr := s.paraTokens(pi)
		first := pr.Start
		for first < pr.End && (s.toks.Kind(first) == corpus.TokSpace || s.toks.Kind(first) == corpus.TokControl) {
			first++
		}
		if sp, openEnd, ok := s.pairSpaced(pi, pr, first, openAt == pi); ok {
			pieces = append(pieces, sp...)
			openAt = -1
			if openEnd {
				openAt = pi + 1
			}
			continue
		}
		// open is the opening mark's first token, or -1; openEnd its
		// last.
		open, openEnd := -1, -1
		for i := pr.Start; i < pr.End; i++ {
			r, last, ok := s.markAt(i, pr)
			if !ok {
				continue
			}
			canOpen, canClose := s.markFlank(i, last, pr)
			if last > i && !canOpen && !canClose {
				// two apostrophes within a word
				i = last
				continue
			}
			opener, closer := s.markRole(r, last, pr, open >= 0, canOpen, canClose)
			switch {
			case opener && open >= 0:
				if inner, ok := s.nestedClose(last+1, pr); ok {
					// A quote within the quote: its marks are part of
					// the open one, which goes on.
					i = inner
					continue
				}
				// A new quote opens while one is open: the open one lost its
				// closing mark.
				pieces = append(pieces, markPiece{para: pi, open: open, body: corpus.Range{Start: openEnd + 1, End: s.lostCloseEnd(openEnd, i)}, close: -1, paraStart: open == first})
				open, openEnd = i, last
			case opener:
				open, openEnd = i, last
			case closer && open >= 0:
				pieces = append(pieces, markPiece{para: pi, open: open, body: corpus.Range{Start: openEnd + 1, End: i}, close: last, paraStart: open == first})
				open = -1
			}
			i = last
		}
		openAt = -1
		if open >= 0 {
			pieces = append(pieces, markPiece{para: pi, open: open, body: corpus.Range{Start: openEnd + 1, End: pr.End}, close: -1, reachedEnd: true, paraStart: open == first})
			openAt = pi + 1
		}
	}

	for k := 0; k < len(pieces); k++ {
		pc := pieces[k]
		if end, ok := s.wovenEnd(pc); ok {
			pc.body.End, pc.reachedEnd = end, false
		}
		body, ends := s.trimQuote(pc.body)
		if corpus.CountWords(s.toks.In(body)) == 0 {
			continue
		}
		outerEnd := pc.body.End
		if pc.close >= 0 {
			outerEnd = pc.close + 1
		}
		inf := scanInfo{
			parts:      []corpus.Range{body},
			outer:      []corpus.Range{{Start: pc.open, End: outerEnd}},
			intro:      -1,
			endsOnMark: ends,
			paraStart:  pc.paraStart,
			lastPara:   pc.para,
			reachedEnd: pc.reachedEnd,
			subject:    -1,
		}
		// The news convention: a quote left open at a paragraph's end goes
		// on in the next paragraph when that opens with a quote mark.
		for inf.reachedEnd && k+1 < len(pieces) && pieces[k+1].para == inf.lastPara+1 && pieces[k+1].paraStart {
			next := pieces[k+1]
			nb, nends := s.trimQuote(next.body)
			if corpus.CountWords(s.toks.In(nb)) == 0 {
				break
			}
			k++
			nEnd := next.body.End
			if next.close >= 0 {
				nEnd = next.close + 1
			}
			inf.parts = append(inf.parts, nb)
			inf.outer = append(inf.outer, corpus.Range{Start: next.open, End: nEnd})
			inf.endsOnMark = nends
			inf.lastPara = next.para
			inf.reachedEnd = next.reachedEnd
		}
		s.add(pc.para, inf, pieces[k].close < 0)
	}
}

// markRole says whether the mark with glyph r, ending at token last of
// paragraph pr, opens or closes a quote, given whether one is open and
// how the mark sits between its neighbours (see markFlank). A curly mark
// or a guillemet faces the way its glyph does, unless its neighbours
// plainly say otherwise; a straight mark faces the way its neighbours
// do, and closes an open quote unless it can only open one.
func (s *scanner) markRole(r rune, last int, pr corpus.Range, isOpen, canOpen, canClose bool) (opener, closer bool) {
	switch r {
	case '“', '„', '‟', '«':
		opener = (!isOpen || !(canClose && !canOpen)) && !s.endsQuoted(last, pr)
		closer = !opener
	case '”', '»':
		closer = isOpen || !(canOpen && !canClose)
		opener = !closer
	default: // straight marks and primes: direction from the neighbours
		if !isOpen {
			opener = canOpen
		} else {
			opener = canOpen && !canClose
			closer = !opener
		}
	}
	return opener, closer
}

// nestedClose says whether a mark opening while a quote is open, whose
// last token is before token from of paragraph pr, opens a quote within
// that quote (`"We need to relieve his stress, so the "greatest artist of
// all time" can do what he does best!"`): the next mark closes it, and
// the one after that closes again, the outer quote; words stand between
// the inner marks. It returns the inner
// closing mark's last token. Read as the outer quote's lost closing mark,
// as any other opening mark within a quote is, the inner one cut the
// outer quote off at it and left the rest of its words unquoted.
func (s *scanner) nestedClose(from int, pr corpus.Range) (int, bool) {
	inner := -1
	for i := from; i < pr.End; i++ {
		r, last, ok := s.markAt(i, pr)
		if !ok {
			continue
		}
		canOpen, canClose := s.markFlank(i, last, pr)
		if last > i && !canOpen && !canClose {
			i = last // two apostrophes within a word
			continue
		}
		if _, closer := s.markRole(r, last, pr, true, canOpen, canClose); !closer {
			return 0, false
		}
		if inner >= 0 {
			return inner, true
		}
		if s.nextWord(from, i) < 0 {
			return 0, false // no words between the marks: no quote
		}
		inner = last
		i = last
	}
	return 0, false
}

// wovenEnd returns where a quote left open at its paragraph's end stops,
// if its own mark opened within the writer's sentence, on a lower-case
// word after a word that does not introduce speech (`Bloomberg, who said
// he'll "probably not endorse a candidate in the 2012 election, also
// weighed in on …`, `Cosby was declared a "sexually violent predator'
// just before his sentencing, …`): at that sentence's end, when more of
// the paragraph follows. Words quoted into a sentence end with it at the
// latest; the sentences after are the writer's, and read as the quote's
// they ran on to the paragraph's end, and joined the next paragraph's
// quote, attribution and all, when that opened with a mark. A quote
// opened so that runs to its paragraph's end in one sentence (`the memos
// "show the President made clear …`) goes on there as before. In a
// lower-cased text (see casedText) the quote is cut so only before a
// paragraph that opens with a mark, and otherwise left to run to its
// paragraph's end: such a text (`trump added that "this is the last big
// speech i ' m making`) writes its quotes' sentences so too.
func (s *scanner) wovenEnd(pc markPiece) (int, bool) {
	if !pc.reachedEnd || !s.opensWithMark(pc.para+1) && !s.casedText() {
		return 0, false
	}
	w := s.nextWord(pc.body.Start, pc.body.End)
	if w < 0 || s.nextVisible(pc.body.Start, pc.body.End) != w {
		return 0, false
	}
	if r, _ := utf8.DecodeRune(s.a.Raw[s.toks.At(w).Start:]); !unicode.IsLower(r) {
		return 0, false
	}
	p := s.prevVisible(pc.open, s.paraTokens(pc.para).Start)
	if p < 0 || s.toks.Kind(p) != corpus.TokWord || wordSets().verbs[s.toks.Form(p)] {
		return 0, false
	}
	si := s.sentOf[w]
	if si < 0 {
		return 0, false
	}
	end := s.a.Sentences[si].Tokens().End
	if end >= pc.body.End || s.nextWord(end, pc.body.End) < 0 {
		return 0, false
	}
	return end, true
}

// casedText says whether the article writes capitals within its
// sentences, as a cased text does its names: at least one word in 200,
// and two, with a capital and not right after a point, a colon or a
// quote mark. A text lower-cased and capitalised again only after each
// point has next to none.
func (s *scanner) casedText() bool {
	if s.cased != 0 {
		return s.cased > 0
	}
	words, capped := 0, 0
	for i := 0; i < s.toks.Len(); i++ {
		t := s.toks.At(i)
		if t.Kind != corpus.TokWord {
			continue
		}
		words++
		if !upperInitial(s.a.Raw[t.Start:t.End]) || t.Form == "i" {
			continue
		}
		if si := s.sentOf[i]; si < 0 || s.first[si] == int32(i) {
			continue
		}
		if p := s.prevVisible(i, 0); p >= 0 && s.toks.Kind(p) == corpus.TokPunct {
			switch s.toks.Form(p) {
			case ".", ":", "!", "?", `"`, "'":
				continue
			}
		}
		capped++
	}
	s.cased = -1
	if capped >= 2 && capped*200 >= words {
		s.cased = 1
	}
	return s.cased > 0
}

// Mark roles in a paragraph of spaced straight marks (see pairSpaced).
const (
	markNone   = iota // between two words, or no quote mark at all
	markOpen          // set against the word after it
	markClose         // set against the word or mark before it
	markSpaced        // a space before it, and a space or a stop after it
)

// spacedMark is one straight double mark of a paragraph that sets some of
// them apart by spaces.
type spacedMark struct {
	tok      int
	role     int
	canOpen  bool // spaced: a space and then a word follow it
	canClose bool // spaced: a word or a stop and then a space precede it
}

// mayOpen says whether m can open a quote: set against the word after
// it, or spaced with a word after it.
func (m spacedMark) mayOpen() bool { return m.role == markOpen || m.role == markSpaced && m.canOpen }

// mayClose says whether m can close a quote, as mayOpen says it opens.
func (m spacedMark) mayClose() bool { return m.role == markClose || m.role == markSpaced && m.canClose }

// onlyOpens says whether m opens a quote and cannot close one.
func (m spacedMark) onlyOpens() bool { return m.mayOpen() && !(m.role == markSpaced && m.canClose) }

// onlyCloses says whether m closes a quote and cannot open one.
func (m spacedMark) onlyCloses() bool { return m.mayClose() && !(m.role == markSpaced && m.canOpen) }

// pairSpaced pairs the marks of a paragraph whose straight marks stand apart
// by spaces, as tokenised text sets them (`he called her a " hot blond ".`),
// and reports false for any other paragraph, which scanMarks pairs by each
// mark's neighbours; a paragraph with curly marks or guillemets is another,
// unless its guillemets are arrows (see arrow). A spaced mark faces neither way, so it is paired as a
// reader pairs it, by alternation: after a space and before a word it opens,
// after a word and before a space or a stop it closes. One odd mark flips
// every later pair, quoting the prose between the quotes, so the marks are
// paired from both ends and only the quotes both pairings find are kept: a
// passage is rather left unquoted than prose quoted. A quote left open at
// the paragraph's end counts when the next paragraph opens with a mark,
// or when the paragraph is cut short in the middle of a sentence after
// a mark that a colon or "said," introduces.
//
// A paragraph after one that ended within a quote, and that does not open
// with a mark of its own, opens within that quote: text that lost its
// paragraph breaks goes on speaking there, and its first closing mark
// ends the quote rather than opening one. openEnd tells that the
// paragraph ends within a quote.
func (s *scanner) pairSpaced(pi int, pr corpus.Range, first int, inside bool) (pieces []markPiece, openEnd, ok bool) {
	var marks []spacedMark
	spaced := false
	for i := pr.Start; i < pr.End; i++ {
		t := s.toks.At(i)
		if s.lostCloser(i, pr) {
			if !s.lostCloserSpaced(i) {
				return nil, false, false
			}
			marks = append(marks, spacedMark{tok: i, role: markClose})
			continue
		}
		if t.Kind != corpus.TokPunct || t.Form != `"` {
			continue
		}
		switch r, _ := utf8.DecodeRune(s.a.Raw[t.Start:t.End]); r {
		case '«', '»':
			if s.arrow(i, pr) {
				continue
			}
			return nil, false, false
		case '“', '„', '‟', '”':
			return nil, false, false
		}
		m := spacedMark{tok: i}
		canOpen, canClose := s.markFlank(i, i, pr)
		switch {
		case s.isSpacedMark(i, pr):
			m.role = markSpaced
			spaced = true
			m.canOpen = s.wordAfterSpace(i, pr) && !s.saidAfter(i, pr)
			m.canClose = s.wordBeforeSpace(i, pr)
		case s.beforeEllipsis(i, pr):
			// `" deep fault lines "... ( associated press )`: a mark set
			// against an ellipsis after a word may close the quote the
			// ellipsis follows, and opens one only where a word follows
			// the ellipsis; after a stop, a comma or nothing it opens,
			// as set against a word (`she wrote, "... You felt`).
			canClose := i-2 >= pr.Start && s.toks.Kind(i-1) == corpus.TokSpace && s.toks.Kind(i-2) == corpus.TokWord
			switch {
			case !canClose:
				m.role = markOpen
			case s.wordAfterEllipsis(i, pr):
				m.role, m.canOpen, m.canClose = markSpaced, true, true
			default:
				m.role = markClose
			}
		case canOpen && !canClose:
			m.role = markOpen
		case canClose && !canOpen:
			m.role = markClose
		}
		marks = append(marks, m)
	}
	if !spaced {
		return nil, false, false
	}
	goesOn := s.opensWithMark(pi + 1)
	bwd := pairBackward(marks, goesOn)
	if !goesOn && s.endsCut(pr) && s.introduced(marks[len(marks)-1].tok, pr) {
		// Cut short right after a mark that opens a quote (`Lucas
		// said, " he was the democratic nominee … he chose to run
		// as`), the text ended within it: a quote stands where pairing
		// forward agrees with pairing back from either end. From the
		// wrong one every pair came out the other way round, and the
		// quotes before the last were lost. Pairing back from within a
		// quote after any other mark made forward pairing after an odd
		// mark win, prose and all, since it too ends within one.
		bwd = append(bwd, pairBackward(marks, true)...)
	}
	inside = inside && !s.opensWithMark(pi)
	fwd := pairForward(marks, inside)
	if n := len(fwd); n > 0 && fwd[n-1].close < 0 && fwd[n-1].next < 0 {
		openEnd = true
	}
	for _, p := range fwd {
		// A mark set against its word opens a quote for sure, as in the
		// rest of the text; a spaced one only where both pairings agree.
		if !p.attached && !slices.Contains(bwd, [2]int{p.open, p.close}) {
			continue
		}
		pc := markPiece{para: pi, open: p.open, close: p.close, paraStart: p.open == first}
		switch {
		case p.close >= 0:
			pc.body = corpus.Range{Start: p.open + 1, End: p.close}
		case p.next >= 0:
			// Lost its closing mark to the next opening one.
			pc.body = corpus.Range{Start: p.open + 1, End: s.lostCloseEnd(p.open, p.next)}
		default:
			pc.body = corpus.Range{Start: p.open + 1, End: pr.End}
			pc.reachedEnd = true
		}
		pieces = append(pieces, pc)
	}
	return pieces, openEnd, true
}

// arrow says whether the guillemet at token i, alone or in a run of
// them, stands apart from the words on both sides, as a link's arrow or
// a pager's does ("More »", "related article » mounted police …", "«««
// previous next » » »"): it quotes nothing. A paragraph of spaced
// straight marks with such an arrow is still paired as one.
func (s *scanner) arrow(i int, pr corpus.Range) bool {
	guillemet := func(k int) bool {
		if k < pr.Start || k >= pr.End || s.toks.Kind(k) != corpus.TokPunct {
			return false
		}
		r, _ := utf8.DecodeRune(s.a.Raw[s.toks.At(k).Start:])
		return r == '«' || r == '»'
	}
	apart := func(k int) bool {
		return k < pr.Start || k >= pr.End || s.toks.Kind(k) == corpus.TokSpace || s.toks.Kind(k) == corpus.TokControl
	}
	a, b := i, i
	for guillemet(a-1) && s.toks.At(a-1).End == s.toks.At(a).Start {
		a--
	}
	for guillemet(b+1) && s.toks.At(b).End == s.toks.At(b+1).Start {
		b++
	}
	return apart(a-1) && apart(b+1)
}

// introduced says whether the mark at token i follows what introduces a
// quote: a colon, or a verb of speech and a comma ("Lucas said, "",
// "she wrote: "").
func (s *scanner) introduced(i int, pr corpus.Range) bool {
	j := s.prevVisible(i, pr.Start)
	if j < 0 || s.toks.Kind(j) != corpus.TokPunct {
		return false
	}
	switch s.toks.Form(j) {
	case ":":
		return true
	case ",":
		v := s.prevVisible(j, pr.Start)
		return v >= 0 && s.toks.Kind(v) == corpus.TokWord && wordSets().verbs[s.toks.Form(v)]
	}
	return false
}

// endsCut says whether paragraph pr ends in the middle of a sentence, on a
// word or a comma, as a text cut short does ("… This time, he chose to
// run as"). Its last mark may then have opened a quote the cut lost the
// end of.
func (s *scanner) endsCut(pr corpus.Range) bool {
	r := corpus.TrimSpace(s.toks, pr)
	if r.Len() == 0 {
		return false
	}
	last := r.End - 1
	return s.toks.Kind(last) == corpus.TokWord || s.toks.Kind(last) == corpus.TokPunct && s.toks.Form(last) == ","
}

// lostCloseEnd is where the body of a quote opened at token open ends
// when a new quote opens at token next before it is closed: before the
// sentence holding the new mark, or right before the mark.
func (s *scanner) lostCloseEnd(open, next int) int {
	if si := s.sentOf[next]; si >= 0 {
		if st := s.a.Sentences[si].Tokens().Start; st > open {
			return st
		}
	}
	return next
}

// markPair is a quote found by pairForward.
type markPair struct {
	open, close int // the marks' tokens; close -1 when unclosed
	next        int // for an unclosed quote, the mark that opened the next one, or -1
	attached    bool
}

// pairForward pairs marks from the paragraph's start, or from within a
// quote opened before it when inside. A quote that loses its closing mark
// to a new opening one, or is still open at the paragraph's end, comes
// back unclosed.
func pairForward(marks []spacedMark, inside bool) []markPair {
	var pairs []markPair
	open, attached := -1, false
	for _, m := range marks {
		if inside {
			// The quote the paragraph opens within ends at its first
			// closing mark; an opening one starts a new quote.
			inside = false
			if m.onlyOpens() {
				open, attached = m.tok, m.role == markOpen
			} else if m.role == markSpaced && !m.canClose {
				inside = true
			}
			continue
		}
		switch {
		case open < 0:
			if m.mayOpen() {
				open, attached = m.tok, m.role == markOpen
			}
		case m.onlyOpens():
			pairs = append(pairs, markPair{open: open, close: -1, next: m.tok, attached: attached})
			open, attached = m.tok, m.role == markOpen
		case m.role != markSpaced || m.canClose:
			pairs = append(pairs, markPair{open: open, close: m.tok, next: -1, attached: attached})
			open = -1
		}
	}
	if open >= 0 {
		pairs = append(pairs, markPair{open: open, close: -1, next: -1, attached: attached})
	}
	return pairs
}

// pairBackward is pairForward from the paragraph's end, closing marks
// first; inside tells that the paragraph ends within a quote.
func pairBackward(marks []spacedMark, inside bool) [][2]int {
	var pairs [][2]int
	closeAt, in := -1, inside
	for k := len(marks) - 1; k >= 0; k-- {
		m := marks[k]
		switch {
		case !in:
			if m.mayClose() {
				closeAt, in = m.tok, true
			}
		case m.onlyCloses():
			closeAt = m.tok
		case m.role != markSpaced || m.canOpen:
			pairs = append(pairs, [2]int{m.tok, closeAt})
			closeAt, in = -1, false
		}
	}
	slices.Reverse(pairs)
	return pairs
}

// isSpacedMark says whether the mark at token i stands apart from the
// words around it: a space or the paragraph's start before it, and a space,
// the paragraph's end or a stop after it.
func (s *scanner) isSpacedMark(i int, pr corpus.Range) bool {
	if i > pr.Start && s.toks.Kind(i-1) != corpus.TokSpace {
		return false
	}
	if i+1 >= pr.End || s.toks.Kind(i+1) == corpus.TokSpace {
		return true
	}
	if s.toks.Kind(i+1) != corpus.TokPunct {
		return false
	}
	switch s.toks.Form(i + 1) {
	case ".", ",", ";", ":", "!", "?", ")", "]":
		return true
	}
	return false
}

// beforeEllipsis says whether the mark at token i has a space or the
// paragraph's start before it and an ellipsis right after it.
func (s *scanner) beforeEllipsis(i int, pr corpus.Range) bool {
	return (i == pr.Start || s.toks.Kind(i-1) == corpus.TokSpace) && i+1 < pr.End && s.toks.Kind(i+1) == corpus.TokPunct && s.toks.Form(i+1) == "..."
}

// wordAfterEllipsis says whether a word, or a space and then a word,
// follows the ellipsis after the mark at token i: `"... You felt`
// opens a quote, while `"... ( associated press )` and a `"...` ending
// its paragraph open nothing.
func (s *scanner) wordAfterEllipsis(i int, pr corpus.Range) bool {
	j := i + 2
	if j < pr.End && s.toks.Kind(j) == corpus.TokSpace {
		j++
	}
	if j >= pr.End {
		return false
	}
	switch s.toks.Kind(j) {
	case corpus.TokWord:
		return true
	case corpus.TokPunct:
		switch s.toks.Form(j) {
		case "[", "'", "$":
			return true
		}
	}
	return false
}

// wordAfterSpace says whether a space and then a word (or a bracket, a
// single mark or an ellipsis before one) follow token i in pr.
func (s *scanner) wordAfterSpace(i int, pr corpus.Range) bool {
	if i+2 >= pr.End || s.toks.Kind(i+1) != corpus.TokSpace {
		return false
	}
	switch s.toks.Kind(i + 2) {
	case corpus.TokWord:
		return true
	case corpus.TokPunct:
		switch s.toks.Form(i + 2) {
		case "[", "(", "'", "...", "$":
			return true
		}
	}
	return false
}

// wordBeforeSpace says whether a word or a mark ending one, and then a
// space, precede token i in pr.
func (s *scanner) wordBeforeSpace(i int, pr corpus.Range) bool {
	if i-2 < pr.Start || s.toks.Kind(i-1) != corpus.TokSpace {
		return false
	}
	switch s.toks.Kind(i - 2) {
	case corpus.TokWord:
		return true
	case corpus.TokPunct:
		switch s.toks.Form(i - 2) {
		case ".", ",", "!", "?", "...", "'", "]", ")", ";":
			return true
		}
	}
	return false
}

// saidAfter says whether a verb of saying comes within the first few words
// after the mark at token i, before any punctuation: `" she said`,
// `" witness james pitelli said`. Such a mark closes a quote; one that
// opened there would quote the attribution and the prose after it.
func (s *scanner) saidAfter(i int, pr corpus.Range) bool {
	for j, n := i+1, 0; j < pr.End && n < 4; j++ {
		switch s.toks.Kind(j) {
		case corpus.TokSpace:
			continue
		case corpus.TokWord:
			switch f := s.toks.Form(j); {
			case f == "i" || f == "we" || f == "you":
				return false // "i told him ...": the quote's own words
			case saidVerbs[f]:
				k := j + 1
				for k < pr.End && s.toks.Kind(k) == corpus.TokSpace {
					k++
				}
				if k < pr.End && s.toks.Kind(k) == corpus.TokWord {
					switch s.toks.Form(k) {
					case "me", "us", "that", "he", "she", "they", "it":
						return false // "kathy told me that ...", "said he was ..."
					}
				}
				return true
			}
			n++
		default:
			return false
		}
	}
	return false
}

// saidVerbs are the verbs of saying that follow a closing mark.
var saidVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true,
	"wrote": true, "writes": true, "asked": true, "asks": true, "recalled": true, "explained": true,
	"continued": true, "stated": true, "tweeted": true, "posted": true,
}

// opensWithMark says whether paragraph pi exists and opens with a double
// quote mark.
func (s *scanner) opensWithMark(pi int) bool {
	if pi >= len(s.a.Paragraphs) || s.a.Paragraphs[pi].Role == corpus.RoleBoilerplate {
		return false
	}
	pr := corpus.TrimSpace(s.toks, s.paraTokens(pi))
	return pr.Len() > 0 && s.toks.Kind(pr.Start) == corpus.TokPunct && s.toks.Form(pr.Start) == `"`
}

// add appends a quote with the parts in inf.
func (s *scanner) add(para int, inf scanInfo, unclosed bool) {
	q := Quote{Article: s.a, Para: para, Unclosed: unclosed}
	for _, r := range inf.parts {
		sp := corpus.Span{Start: s.toks.Span(r.Start).Start, End: s.toks.Span(r.End - 1).End}
		q.Parts = append(q.Parts, sp)
		q.Words += corpus.CountWords(s.toks.In(r))
	}
	q.Span = corpus.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
	settleJoints(&q)
	q.Short = q.Words < MinWords
	s.qs = append(s.qs, q)
	s.info = append(s.info, inf)
}

// trimQuote narrows the tokens between two marks to the quoted words:
// no surrounding space, and no trailing comma. It reports whether the text
// ended on a mark that closes speech before an attribution.
func (s *scanner) trimQuote(r corpus.Range) (corpus.Range, bool) {
	r = corpus.TrimSpace(s.toks, r)
	if r.End > r.Start && s.toks.Kind(r.End-1) == corpus.TokPunct && s.toks.Form(r.End-1) == "\uFFFD" {
		// the "�" of a lost closing mark (see lostCloser)
		r = corpus.TrimSpace(s.toks, corpus.Range{Start: r.Start, End: r.End - 1})
	}
	ends := false
	if r.End > r.Start {
		if t := s.toks.At(r.End - 1); t.Kind == corpus.TokPunct {
			switch t.Form {
			case ",", ".", "!", "?", "...":
				ends = true
			}
		}
	}
	for r.End > r.Start && s.toks.Kind(r.End-1) == corpus.TokPunct && s.toks.Form(r.End-1) == "," {
		r.End--
		r = corpus.TrimSpace(s.toks, r)
	}
	return r, ends
}

// blocks finds block quotes: a prose paragraph with no opening mark after a
// prose paragraph whose last sentence carries an attribution verb and ends
// in a colon. Quotes found inside a block quote are part of it.
func (s *scanner) blocks() {
	type block struct {
		para, intro int
		r           corpus.Range
	}
	var blocks []block
	inBlock := make(map[int]bool)
	for pi := 1; pi < len(s.a.Paragraphs); pi++ {
		p, prev := s.a.Paragraphs[pi], s.a.Paragraphs[pi-1]
		if (p.Role != corpus.RoleProse && p.Role != corpus.RoleHeading) || prev.Role != corpus.RoleProse || prev.Sentences.Len() == 0 {
			continue
		}
		pr := corpus.TrimSpace(s.toks, s.paraTokens(pi))
		if pr.Len() == 0 || (s.toks.Kind(pr.Start) == corpus.TokPunct && s.toks.Form(pr.Start) == `"`) || corpus.CountWords(s.toks.In(pr)) == 0 {
			continue
		}
		intro := prev.Sentences.End - 1
		ir := corpus.TrimSpace(s.toks, s.a.Sentences[intro].Tokens())
		if ir.Len() == 0 || s.toks.Form(ir.End-1) != ":" || s.findVerb(corpus.Range{Start: ir.Start, End: ir.End - 1}, false) < 0 {
			continue
		}
		blocks = append(blocks, block{pi, intro, pr})
		inBlock[pi] = true
	}
	if len(blocks) == 0 {
		return
	}
	qs, info := s.qs[:0:0], s.info[:0:0]
	for k, q := range s.qs {
		if !inBlock[q.Para] {
			qs, info = append(qs, q), append(info, s.info[k])
		}
	}
	s.qs, s.info = qs, info
	for _, b := range blocks {
		s.add(b.para, scanInfo{parts: []corpus.Range{b.r}, outer: []corpus.Range{b.r}, intro: b.intro, paraStart: true, lastPara: b.para, subject: -1}, false)
		s.qs[len(s.qs)-1].Block = true
	}
	order := make([]int, len(s.qs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(s.qs[x].Span.Start, s.qs[y].Span.Start) })
	qs = make([]Quote, len(order))
	info = make([]scanInfo, len(order))
	for i, k := range order {
		qs[i], info[i] = s.qs[k], s.info[k]
	}
	s.qs, s.info = qs, info
}

// finish attributes every quote and fills in the hedges.
func (s *scanner) finish() {
	for _, inf := range s.info {
		for _, r := range inf.outer {
			for i := r.Start; i < r.End; i++ {
				s.inside[i] = true
			}
		}
	}
	for k := range s.qs {
		if s.workTitle(k) {
			// "the film “The Innocence of Muslims.”": a name, no one's
			// words; it stands with the quoted phrases.
			s.qs[k].Short, s.info[k].settled = true, true
			continue
		}
		s.attribute(k)
		s.applyLabel(k)
		s.reportedQuestion(k)
		if s.info[k].kind == speakerName {
			key := speakerKey(s.qs[k].Speaker)
			if len(s.qs[k].Speaker) > len(s.known[key]) {
				s.known[key] = s.qs[k].Speaker
			}
		}
	}
	for k := range s.qs {
		pronoun, kind := s.qs[k].Speaker, s.info[k].kind
		s.resolvePronoun(k)
		if kind == speakerPronoun && s.info[k].kind == speakerName && s.addressedTo(k, s.qs[k].Speaker) {
			// "“…,” he told Ryan": whoever he is, he is not Ryan.
			s.qs[k].Speaker, s.info[k].kind = pronoun, kind
		}
		if kind == speakerPronoun && s.info[k].kind == speakerName && s.antecedent >= 0 && !s.otherPronounBetween(s.antecedent, s.info[k].subject, pronoun) {
			// "“…,” he said" resolved to Conlon: Conlon is a man.
			s.noteGender(speakerKey(s.qs[k].Speaker), genderOfPronoun(pronoun))
		}
		s.resolveIt(k)
		s.resolveThey(k)
	}
	for k := range s.qs {
		s.inherit(k)
		s.qs[k].Hedges = s.hedges(k)
	}
}

// workNouns name the works whose titles a text quotes right after them:
// "the film “The Innocence of Muslims”", "the album “Born in the USA”",
// "a report titled “…”".
var workNouns = sync.OnceValue(func() map[string]bool {
	return wordSet(
		"film", "movie", "documentary", "book", "novel", "memoir", "album", "song", "play", "musical",
		"poem", "painting", "opera", "series", "episode", "sitcom", "titled", "entitled",
	)
})

// workTitle reports whether quote k is the title of a work, not words
// anyone spoke: one part of at most titleWords words (a title's, as in
// singleQuoted), right after one of
// workNouns, with no comma or colon in it ("the film " the innocence of
// muslims. "" is no quote of the film's, nor of "muslim leaders" in
// the next sentence). A passage quoted from a book runs longer or
// breaks on its commas, and a work a verb of speech says the words were
// in ("called in a memoir “…”") is where they were written.
func (s *scanner) workTitle(k int) bool {
	inf := s.info[k]
	if len(inf.parts) != 1 || inf.intro >= 0 || s.qs[k].Words > titleWords {
		return false
	}
	if s.workAppositive(k) {
		return true
	}
	p := s.prevWord(inf.outer[0].Start, 0)
	if p < 0 || s.inside[p] || !workNouns()[s.toks.Form(p)] {
		return false
	}
	if in := s.prevWord(s.nounPhraseStart(p, 0), 0); in >= 0 && wordSets().prepositions[s.toks.Form(in)] {
		if v := s.prevWord(in, 0); v >= 0 && wordSets().verbs[s.toks.Form(v)] {
			return false // "what Shultz called in a memoir “the loyal lieutenant role”": words from the work
		}
	}
	for i := inf.parts[0].Start; i < inf.parts[0].End; i++ {
		if f := s.toks.Form(i); s.toks.Kind(i) == corpus.TokPunct && (f == "," || f == ":" || f == ";") {
			return false
		}
	}
	return true
}

// appositiveWorkNouns name the works an appositive after a title in
// marks says it is: workNouns and those a title may name without its
// noun before it ("“The Enemy Within,” a ten-part video course").
var appositiveWorkNouns = sync.OnceValue(func() map[string]bool {
	m := wordSet("video", "course", "report", "study", "essay", "article", "podcast", "show",
		"program", "programme", "lecture", "exhibition")
	for w := range workNouns() {
		m[w] = true
	}
	return m
})

// appositiveWords is the most words from an appositive's article to its
// work noun for workAppositive.
const appositiveWords = 5

// workAppositive reports whether quote k, one part closed on a comma, is
// a title that the appositive after it says is a work: "a" or "an", then
// within appositiveWords words, before any punctuation, one of
// appositiveWorkNouns ("cited “the muslim brotherhood in america: the
// enemy within,” a ten-part video course produced by …"). A colon inside
// is a subtitle's; a comma inside, or a verb of speech after the quote
// ("“…,” a report by the board said"), makes it words someone said;
// after "the" a noun is rather the next clause's subject ("declaring
// that “history is about to be rewritten,” the show started off").
func (s *scanner) workAppositive(k int) bool {
	inf := s.info[k]
	part, outer := inf.parts[0], inf.outer[0]
	comma := -1
	for i := part.End; i < outer.End; i++ {
		if s.toks.Kind(i) == corpus.TokPunct && s.toks.Form(i) == "," {
			comma = i
		}
	}
	if comma < 0 {
		if c := s.nextVisible(outer.End, s.toks.Len()); c >= 0 && s.toks.Form(c) == "," {
			comma = c
		}
	}
	if comma < 0 {
		return false
	}
	for i := part.Start; i < part.End; i++ {
		if f := s.toks.Form(i); s.toks.Kind(i) == corpus.TokPunct && (f == "," || f == ";") {
			return false
		}
	}
	a := s.nextVisible(max(comma, outer.End-1)+1, s.toks.Len())
	if a < 0 || s.inside[a] || s.toks.Kind(a) != corpus.TokWord {
		return false
	}
	if f := s.toks.Form(a); f != "a" && f != "an" {
		return false // "“…,” the show started off": the next clause's subject
	}
	for i, n := a+1, 0; i < s.toks.Len() && n < appositiveWords; i++ {
		t := s.toks.At(i)
		if t.Kind == corpus.TokSpace {
			continue
		}
		if t.Kind != corpus.TokWord || s.inside[i] {
			return false
		}
		n++
		if appositiveWorkNouns()[t.Form] {
			return s.findVerb(s.tail(k), true) < 0
		}
	}
	return false
}

// head returns the tokens of the quote's first sentence before it, after
// any earlier quote in that sentence; tail the tokens of its last
// sentence after it, before any later quote. A block quote's head is its
// introducing sentence without the colon; it has no tail.
func (s *scanner) head(k int) corpus.Range {
	inf := s.info[k]
	if inf.intro >= 0 {
		r := corpus.TrimSpace(s.toks, s.a.Sentences[inf.intro].Tokens())
		if r.Len() > 0 && s.toks.Form(r.End-1) == ":" {
			r.End--
		}
		return r
	}
	at := inf.outer[0].Start
	si := s.sentOf[at]
	if si < 0 {
		return corpus.Range{Start: at, End: at}
	}
	start := s.a.Sentences[si].Tokens().Start
	if k > 0 {
		if e := s.info[k-1].outer[len(s.info[k-1].outer)-1].End; e > start && e <= at {
			start = e
		}
	}
	return corpus.Range{Start: start, End: at}
}

func (s *scanner) tail(k int) corpus.Range {
	inf := s.info[k]
	last := inf.outer[len(inf.outer)-1]
	if inf.intro >= 0 || last.End <= 0 || s.qs[k].Unclosed {
		return corpus.Range{Start: last.End, End: last.End}
	}
	si := s.sentOf[last.End-1]
	if si < 0 {
		return corpus.Range{Start: last.End, End: last.End}
	}
	end := s.a.Sentences[si].Tokens().End
	if s.nextWord(last.End, end) < 0 && s.endsOnQuestion(last) {
		// "“… Will the Witch Hunt continue?” Trump tweeted.": a question
		// or exclamation closing a quote ends the sentence as it is
		// written, and the attribution after it is the next one.
		if r, ok := s.trailingAttribution(int(si) + 1); ok {
			end = r.End
		}
	}
	if k+1 < len(s.qs) {
		if st := s.info[k+1].outer[0].Start; st < end && st >= last.End {
			end = st
		}
	}
	return corpus.Range{Start: last.End, End: max(end, last.End)}
}

// endsOnQuestion reports whether the quote whose last part is outer ends
// on a question mark or an exclamation mark inside its closing mark.
func (s *scanner) endsOnQuestion(outer corpus.Range) bool {
	i := outer.End - 1
	for i > outer.Start && s.toks.Kind(i) == corpus.TokPunct && s.toks.Form(i) != "?" && s.toks.Form(i) != "!" {
		if f := s.toks.Form(i); f != `"` && f != "'" {
			return false
		}
		i--
	}
	return i > outer.Start && (s.toks.Form(i) == "?" || s.toks.Form(i) == "!")
}

// trailingAttribution returns the tokens of sentence si when it is an
// attribution of the quote before it in its paragraph, as after a quoted
// question: a verb of speech within its first tailWords words with no
// quote before it ("Trump tweeted.", "The reporter asked Mr. Trump.",
// "said Ms. Lee."), not opening a clause of its own ("Trump said that …",
// "Trump asked whether …") nor an infinitive ("to say") but one a subject
// means to use ("Mr. Mueller planned to ask.", see wordLists.intentVerbs).
func (s *scanner) trailingAttribution(si int) (corpus.Range, bool) {
	if si <= 0 || si >= len(s.a.Sentences) || s.a.Sentences[si].Para() != s.a.Sentences[si-1].Para() {
		return corpus.Range{}, false
	}
	r := s.a.Sentences[si].Tokens()
	v := s.findVerb(r, true)
	if v < 0 || s.toks.Form(v) == "according" {
		return corpus.Range{}, false
	}
	for i := r.Start; i < v; i++ {
		if s.inside[i] {
			return corpus.Range{}, false
		}
	}
	if p := s.prevWord(v, r.Start); p >= 0 && s.toks.Form(p) == "to" && !s.intendedSpeech(v, r.Start) {
		return corpus.Range{}, false
	}
	if n := s.nextWord(v+1, r.End); n >= 0 && wordSets().clauseOpeners[s.toks.Form(n)] {
		return corpus.Range{}, false
	}
	return r, true
}
