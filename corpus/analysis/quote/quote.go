// Package quote finds the quotations of a story across outlets: who is
// quoted, with which words, and how each outlet's wording of one utterance
// differs. It reads articles and diffs words (package compare); it knows
// nothing of stories' other analyses or of terminals.
//
// Outlets that report the same story quote the same people, and how each
// one quotes them is where wording matters most: a word dropped ("you will
// probably be rewarded" against "you'll be rewarded"), a pronoun changed
// ("his political opponent" against "a political opponent"), a quote cut
// short or stretched. Extract finds every quotation in one article and who
// it is attributed to; Groups finds the quotations of the same
// utterance across articles and diffs each against the wording most of
// them share.
//
// Extraction reads double quote marks, curly or straight, paragraph by
// paragraph. Single quotes are never top-level marks: inside a quotation
// they are part of it, elsewhere they are apostrophes (Sanders’ bid) or
// headline style, and telling those apart costs more mistakes than it
// saves. A mark's direction comes from its glyph where it has one and from
// its neighbours where it does not (a straight mark after a space opens,
// one after a word closes), so "…process.” opened with a straight mark
// pairs as well as a curly pair does. A quote with no closing mark ends at
// its paragraph's end; when the next paragraph opens with a quote mark, the
// news convention for a quotation running over several paragraphs, the
// two are one Quote with one part per paragraph. A paragraph with no
// marks at all after one ending in "stated:", "wrote:" and the like is a
// block quote.
//
// Attribution looks only at the words of the quote's own sentence outside
// its marks: an attribution verb after the quote (“…,” Mr Trump said) or
// before it (Peskov said: "…"), and the name next to the verb, with titles
// (Mr, President, Foreign Minister) dropped. A participle (…, saying “…”)
// takes the subject of its clause. "he" and "she" become the named subject
// of the nearest sentence before them that has one, unless a sentence in
// between is about "the liberal icon justice": an epithet is the
// antecedent then, and the pronoun stays, since a wrong name is worse than
// none. A quote standing alone in its paragraph, or following another in
// the same paragraph, takes the speaker of the quote before it.
//
// Grouping compares quotes by the IDF-weighted containment of their word
// forms, so that a trimmed quote is still the quote it was trimmed from and
// two quotes sharing only common words are not the same (they must also
// share a few words that are not stopwords). Candidate pairs
// come from an inverted index on each quote's rarest words, which keeps the
// cost near-linear in the number of quotes. Pairs are joined strongest
// first with union-find, under one rule: within one article a group may
// only hold consecutive quotes of one speaker, in the same or adjacent
// paragraphs. That rule is what lets an outlet that splits an utterance
// around its attribution ("Russia, … missing," Trump said. "I think …")
// stand beside one that quotes it whole: both halves join the whole quote's
// group, and the outlet's member of the group is the two halves joined
// (a Quote with two Parts). Two quotes that are merely near each other are
// never joined without another outlet's quote covering both.
package quote

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/corpus/internal/unionfind"
)

// Quote is one quotation in one article.
type Quote struct {
	// Article is the article quoting; every span points into its Raw.
	Article *corpus.Article
	// Span runs from the first quoted word to the last, inside the
	// marks; a trailing comma (the convention before an attribution) is
	// left out. For a quote with several parts it covers what lies
	// between them too: read Parts for the quoted words alone.
	Span corpus.Span
	// Parts holds the quoted stretches in text order: one for a quote in
	// a single pair of marks or a block quote; one per paragraph for a
	// quotation continued over paragraphs; and, in a Group, one per
	// quote where Groups joined an outlet's consecutive quotes of one
	// utterance. Every part starts and ends on a token boundary.
	Parts []corpus.Span
	// Para is the index in Article.Paragraphs of the paragraph holding
	// the first part.
	Para int
	// Words counts the word tokens in Parts.
	Words int
	// Block marks a quotation set as its own paragraph, without marks,
	// after a paragraph ending in an attribution and a colon ("Trump
	// stated:").
	Block bool
	// Short marks a quote of fewer than MinWords words: mostly scare
	// quotes and quoted phrases (“beauties”, “alarm”) rather than speech.
	// Short quotes are returned by Quotes but left out of groups.
	Short bool
	// Unclosed marks a quote whose closing mark is missing, so that it
	// ends at the end of its (last) paragraph, or at the sentence before
	// the next opening mark.
	Unclosed bool
	// Speaker is who the article says spoke the words, as the article
	// names them, without titles ("Trump", "Jake Sullivan", "Sergei
	// Lavrov"). Where the sentence gives no name it is the pronoun ("he")
	// or the noun phrase ("Clinton’s campaign") it does give, or empty. A
	// quote with no attribution of its own takes the speaker of the quote
	// before it when it follows that one in its paragraph, or stands
	// alone in the next; a block quote takes the one its introduction
	// names.
	Speaker string
	// Verb is the attribution verb as written, in lower case ("said",
	// "told", "stated", "adding", "according to"); empty when the speaker
	// was carried over from a neighbouring quote or none was found.
	Verb string
	// Hedges lists the words that distance the outlet from the claim
	// ("alleged", "claimed", "reportedly", "probably") in the quote's
	// sentences before and after it (or in a block quote's
	// introduction), outside any quote, in lower case and text order.
	Hedges []string
}

// Text returns the quoted words, unsanitised: the parts' original bytes,
// joined by a space. Use Display for anything that reaches a terminal.
func (q Quote) Text() string {
	var sb strings.Builder
	for i, p := range q.Parts {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.Write(q.Article.Raw[p.Start:p.End])
	}
	return sb.String()
}

// Group is one utterance as the outlets that quote it word it.
type Group struct {
	// Quotes holds one quote per carrying article, in the order the
	// articles were given. An outlet that split the utterance around its
	// attribution has the pieces joined into one Quote with several Parts;
	// an outlet that quoted the utterance twice has its longest rendering
	// here.
	Quotes []Quote
	// Common is the index in Quotes of the wording the others are closest
	// to, by IDF-weighted word overlap summed over the other quotes.
	Common int
	// Ops[i] is the word diff of Quotes[Common] (the left side; spans into
	// its article) against Quotes[i] (the right side; spans into that
	// article): deletes are words only the common wording has, inserts
	// words only Quotes[i] has. The diff runs over the parts' words laid
	// end to end, so a joined quote may show a minor change where its
	// parts meet ("missing." against "missing," then "I think"). Equal and
	// delete ops rebuild the common wording's parts in order, equal and
	// insert ops those of Quotes[i]; no op spans the gap between two
	// parts.
	Ops [][]compare.Op
	// Speaker is the most common speaker among the quotes, counting names
	// by their last word ("Sullivan" and "Jake Sullivan" are one), and
	// given in its most common form; pronouns count only when no quote
	// names anyone.
	Speaker string
}

// MinWords is the fewest words a quote needs not to be Short.
const MinWords = 4

// Tuning of quote grouping.
const (
	// quoteContain is the least share of the smaller quote's IDF weight
	// that two quotes must share to be the same utterance; quoteShared is
	// the fewest words they must share, so that a four-word quote does
	// not join another over two rare words, and quoteSharedContent the
	// fewest of those that are not stopwords ("We have numerous
	// witnesses" is not "We have numerous detectives").
	quoteContain       = 0.6
	quoteShared        = 3
	quoteSharedContent = 2
	// Two quotes of one article may both join a group without being
	// consecutive parts only when the pair that brings them together
	// shares this much: the outlet quoted the same words twice.
	quoteRepeatContain = 0.85
	quoteRepeatShared  = 6
	// quoteIndexWords is how many of a quote's rarest words are looked up
	// in the inverted index, and quoteMaxPosting the longest posting list
	// that is read: a word in more quotes than that is no evidence.
	quoteIndexWords = 8
	quoteMaxPosting = 64
	// quoteTailWords is how far after a quote its attribution verb may
	// sit, in words: `…,” Jake Sullivan, Mrs Clinton’s senior policy
	// adviser, said` is within reach, a verb in a later clause is not.
	quoteTailWords = 10
	// quoteResolveSentences is how many sentences back the name a pronoun
	// stands for is looked for.
	quoteResolveSentences = 4
	// quoteSubjectTokens is how far into a sentence its subject is looked
	// for, in tokens.
	quoteSubjectTokens = 200
	// quoteAppositiveTokens is the longest appositive between a name and
	// its verb, in tokens.
	quoteAppositiveTokens = 60
)

// Speaker kinds, best first.
const (
	quoteSpeakerNone = iota
	quoteSpeakerPhrase
	quoteSpeakerPronoun
	quoteSpeakerName
)

// quoteInfo is what extraction knows about a quote beyond the Quote.
type quoteInfo struct {
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
}

// quoteScanner extracts the quotes of one article.
type quoteScanner struct {
	a      *corpus.Article
	toks   []corpus.Token
	sentOf []int32 // token → sentence index, -1 between sentences
	first  []int32 // sentence → its first word token, or -1
	inside []bool  // token is within a quote's marks or a block quote
	lower  map[string]bool
	known  map[string]string // a named speaker's last word (form) → the name
	qs     []Quote
	info   []quoteInfo
}

// Extract returns every quotation in a, in text order: text between double
// quote marks, curly or straight, and block quotes set as their own
// paragraph after an attribution ending in a colon. Boilerplate lines are
// skipped. See Quote for what each field holds.
//
// Extract only reads a; it is safe to call concurrently.
func Extract(a *corpus.Article) []Quote {
	if len(a.Tokens) == 0 || len(a.Paragraphs) == 0 {
		return nil
	}
	s := &quoteScanner{a: a, toks: a.Tokens}
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
func (s *quoteScanner) index() {
	s.sentOf = make([]int32, len(s.toks))
	for i := range s.sentOf {
		s.sentOf[i] = -1
	}
	s.first = make([]int32, len(s.a.Sentences))
	for si, se := range s.a.Sentences {
		s.first[si] = -1
		for ti := se.Tokens.Start; ti < se.Tokens.End && ti < len(s.toks); ti++ {
			s.sentOf[ti] = int32(si)
			if s.first[si] < 0 && s.toks[ti].Kind == corpus.TokWord {
				s.first[si] = int32(ti)
			}
		}
	}
	s.lower = make(map[string]bool, len(s.toks)/8)
	for _, t := range s.toks {
		if t.Kind == corpus.TokWord && !s.lower[t.Form] && len(t.Form) == t.Len() && t.Form == string(s.a.Raw[t.Start:t.End]) {
			s.lower[t.Form] = true
		}
	}
	s.inside = make([]bool, len(s.toks))
	s.known = make(map[string]string)
}

// paraTokens returns the token range of paragraph pi.
func (s *quoteScanner) paraTokens(pi int) corpus.Range {
	p := s.a.Paragraphs[pi]
	if p.Sentences.Len() <= 0 {
		return corpus.Range{}
	}
	return corpus.Range{Start: s.a.Sentences[p.Sentences.Start].Tokens.Start, End: s.a.Sentences[p.Sentences.End-1].Tokens.End}
}

// markFlank says how a double quote mark sits between its neighbours: it
// can open when a word or mark follows it and a space, a paragraph start or
// an opening bracket precedes it; it can close in the mirror case.
func (s *quoteScanner) markFlank(i int, pr corpus.Range) (canOpen, canClose bool) {
	spaceBefore := i == pr.Start || s.toks[i-1].Kind == corpus.TokSpace || s.toks[i-1].Kind == corpus.TokControl
	spaceAfter := i+1 >= pr.End || s.toks[i+1].Kind == corpus.TokSpace || s.toks[i+1].Kind == corpus.TokControl
	openBefore := spaceBefore
	if !spaceBefore && s.toks[i-1].Kind == corpus.TokPunct {
		switch s.toks[i-1].Form {
		case "(", "[", "{", "-", ":", "/", "'":
			openBefore = true
		}
	}
	closeAfter := spaceAfter
	if !spaceAfter && s.toks[i+1].Kind == corpus.TokPunct {
		switch s.toks[i+1].Form {
		case ".", ",", ";", ":", "!", "?", ")", "]", "}", "-", "'", "...", "/":
			closeAfter = true
		}
	}
	return !spaceAfter && openBefore, !spaceBefore && closeAfter
}

// quotePiece is a stretch between marks found by scanMarks, before paragraphs
// are joined.
type quotePiece struct {
	para       int
	open       int // the opening mark's token
	body       corpus.Range
	close      int // the closing mark's token, or -1
	reachedEnd bool
	paraStart  bool
}

// scanMarks pairs the double quote marks of every paragraph and joins
// quotes continued over paragraphs.
func (s *quoteScanner) scanMarks() {
	var pieces []quotePiece
	for pi, p := range s.a.Paragraphs {
		if p.Role == corpus.RoleBoilerplate {
			continue
		}
		pr := s.paraTokens(pi)
		first := pr.Start
		for first < pr.End && (s.toks[first].Kind == corpus.TokSpace || s.toks[first].Kind == corpus.TokControl) {
			first++
		}
		open := -1
		for i := pr.Start; i < pr.End; i++ {
			t := s.toks[i]
			if t.Kind != corpus.TokPunct || t.Form != `"` {
				continue
			}
			r, _ := utf8.DecodeRune(s.a.Raw[t.Start:t.End])
			canOpen, canClose := s.markFlank(i, pr)
			opener, closer := false, false
			switch r {
			case '“', '„', '‟', '«':
				opener = open < 0 || !(canClose && !canOpen)
				closer = !opener
			case '”', '»':
				closer = open >= 0 || !(canOpen && !canClose)
				opener = !closer
			default: // straight marks and primes: direction from the neighbours
				if open < 0 {
					opener = canOpen
				} else {
					opener = canOpen && !canClose
					closer = !opener
				}
			}
			switch {
			case opener && open >= 0:
				// A new quote opens while one is open: the open one lost its
				// closing mark. End it before the sentence holding the new
				// mark, or right before the mark.
				end := i
				if si := s.sentOf[i]; si >= 0 {
					if st := s.a.Sentences[si].Tokens.Start; st > open {
						end = st
					}
				}
				pieces = append(pieces, quotePiece{para: pi, open: open, body: corpus.Range{Start: open + 1, End: end}, close: -1, paraStart: open == first})
				open = i
			case opener:
				open = i
			case closer && open >= 0:
				pieces = append(pieces, quotePiece{para: pi, open: open, body: corpus.Range{Start: open + 1, End: i}, close: i, paraStart: open == first})
				open = -1
			}
		}
		if open >= 0 {
			pieces = append(pieces, quotePiece{para: pi, open: open, body: corpus.Range{Start: open + 1, End: pr.End}, close: -1, reachedEnd: true, paraStart: open == first})
		}
	}

	for k := 0; k < len(pieces); k++ {
		pc := pieces[k]
		body, ends := s.trimQuote(pc.body)
		if corpus.CountWords(s.toks[body.Start:body.End]) == 0 {
			continue
		}
		outerEnd := pc.body.End
		if pc.close >= 0 {
			outerEnd = pc.close + 1
		}
		inf := quoteInfo{
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
			if corpus.CountWords(s.toks[nb.Start:nb.End]) == 0 {
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

// add appends a quote with the parts in inf.
func (s *quoteScanner) add(para int, inf quoteInfo, unclosed bool) {
	q := Quote{Article: s.a, Para: para, Unclosed: unclosed}
	for _, r := range inf.parts {
		sp := corpus.Span{Start: s.toks[r.Start].Start, End: s.toks[r.End-1].End}
		q.Parts = append(q.Parts, sp)
		q.Words += corpus.CountWords(s.toks[r.Start:r.End])
	}
	q.Span = corpus.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
	q.Short = q.Words < MinWords
	s.qs = append(s.qs, q)
	s.info = append(s.info, inf)
}

// trimQuote narrows the tokens between two marks to the quoted words:
// no surrounding space, and no trailing comma. It reports whether the text
// ended on a mark that closes speech before an attribution.
func (s *quoteScanner) trimQuote(r corpus.Range) (corpus.Range, bool) {
	r = corpus.TrimSpace(s.toks, r)
	ends := false
	if r.End > r.Start {
		if t := s.toks[r.End-1]; t.Kind == corpus.TokPunct {
			switch t.Form {
			case ",", ".", "!", "?", "...":
				ends = true
			}
		}
	}
	for r.End > r.Start && s.toks[r.End-1].Kind == corpus.TokPunct && s.toks[r.End-1].Form == "," {
		r.End--
		r = corpus.TrimSpace(s.toks, r)
	}
	return r, ends
}

// blocks finds block quotes: a prose paragraph with no opening mark after a
// prose paragraph whose last sentence carries an attribution verb and ends
// in a colon. Quotes found inside a block quote are part of it.
func (s *quoteScanner) blocks() {
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
		if pr.Len() == 0 || (s.toks[pr.Start].Kind == corpus.TokPunct && s.toks[pr.Start].Form == `"`) || corpus.CountWords(s.toks[pr.Start:pr.End]) == 0 {
			continue
		}
		intro := prev.Sentences.End - 1
		ir := corpus.TrimSpace(s.toks, s.a.Sentences[intro].Tokens)
		if ir.Len() == 0 || s.toks[ir.End-1].Form != ":" || s.findVerb(corpus.Range{Start: ir.Start, End: ir.End - 1}, false) < 0 {
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
		s.add(b.para, quoteInfo{parts: []corpus.Range{b.r}, outer: []corpus.Range{b.r}, intro: b.intro, paraStart: true, lastPara: b.para, subject: -1}, false)
		s.qs[len(s.qs)-1].Block = true
	}
	order := make([]int, len(s.qs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(s.qs[x].Span.Start, s.qs[y].Span.Start) })
	qs = make([]Quote, len(order))
	info = make([]quoteInfo, len(order))
	for i, k := range order {
		qs[i], info[i] = s.qs[k], s.info[k]
	}
	s.qs, s.info = qs, info
}

// finish attributes every quote and fills in the hedges.
func (s *quoteScanner) finish() {
	for _, inf := range s.info {
		for _, r := range inf.outer {
			for i := r.Start; i < r.End; i++ {
				s.inside[i] = true
			}
		}
	}
	for k := range s.qs {
		s.attribute(k)
		if s.info[k].kind == quoteSpeakerName {
			key := quoteSpeakerKey(s.qs[k].Speaker)
			if len(s.qs[k].Speaker) > len(s.known[key]) {
				s.known[key] = s.qs[k].Speaker
			}
		}
	}
	for k := range s.qs {
		s.resolvePronoun(k)
	}
	for k := range s.qs {
		s.inherit(k)
		s.qs[k].Hedges = s.hedges(k)
	}
}

// head returns the tokens of the quote's first sentence before it, after
// any earlier quote in that sentence; tail the tokens of its last
// sentence after it, before any later quote. A block quote's head is its
// introducing sentence without the colon; it has no tail.
func (s *quoteScanner) head(k int) corpus.Range {
	inf := s.info[k]
	if inf.intro >= 0 {
		r := corpus.TrimSpace(s.toks, s.a.Sentences[inf.intro].Tokens)
		if r.Len() > 0 && s.toks[r.End-1].Form == ":" {
			r.End--
		}
		return r
	}
	at := inf.outer[0].Start
	si := s.sentOf[at]
	if si < 0 {
		return corpus.Range{Start: at, End: at}
	}
	start := s.a.Sentences[si].Tokens.Start
	if k > 0 {
		if e := s.info[k-1].outer[len(s.info[k-1].outer)-1].End; e > start && e <= at {
			start = e
		}
	}
	return corpus.Range{Start: start, End: at}
}

func (s *quoteScanner) tail(k int) corpus.Range {
	inf := s.info[k]
	last := inf.outer[len(inf.outer)-1]
	if inf.intro >= 0 || last.End <= 0 || s.qs[k].Unclosed {
		return corpus.Range{Start: last.End, End: last.End}
	}
	si := s.sentOf[last.End-1]
	if si < 0 {
		return corpus.Range{Start: last.End, End: last.End}
	}
	end := s.a.Sentences[si].Tokens.End
	if k+1 < len(s.qs) {
		if st := s.info[k+1].outer[0].Start; st < end && st >= last.End {
			end = st
		}
	}
	return corpus.Range{Start: last.End, End: max(end, last.End)}
}

// attribute finds the speaker and verb of quote k in its own sentences.
func (s *quoteScanner) attribute(k int) {
	head, tail := s.head(k), s.tail(k)
	tailFirst := s.info[k].endsOnMark
	if i := s.nextVisible(tail.Start, tail.End); i >= 0 && s.toks[i].Form == "," {
		tailFirst = true
	}
	tries := []func() bool{
		func() bool { return s.attributeHead(k, head) },
		func() bool { return s.attributeTail(k, tail) },
	}
	if tailFirst {
		tries[0], tries[1] = tries[1], tries[0]
	}
	for _, try := range tries {
		if try() {
			return
		}
	}
}

// set records quote k's attribution, when a speaker was found.
func (s *quoteScanner) set(k, verb int, speaker string, kind, subject int) bool {
	if kind == quoteSpeakerNone {
		return false
	}
	q := &s.qs[k]
	q.Speaker, q.Verb = speaker, quoteVerbForm(s.toks[verb].Form)
	s.info[k].kind, s.info[k].subject = kind, subject
	return true
}

// quoteVerbForm is how a verb is reported: "according" as "according to".
func quoteVerbForm(f string) string {
	if f == "according" {
		return "according to"
	}
	return f
}

// attributeHead attributes quote k from the words r before it (or an
// introduction); attributeTail from the words r after it.
func (s *quoteScanner) attributeHead(k int, r corpus.Range) bool {
	v := s.findVerb(r, false)
	if v < 0 {
		return false
	}
	if s.nextWord(r.Start, r.End) == v { // Said Trump: "…"
		name, kind, subj := s.subjectAfter(v, r.End)
		return s.set(k, v, name, kind, subj)
	}
	name, kind, subj := s.subjectBefore(r.Start, v)
	return s.set(k, v, name, kind, subj)
}

func (s *quoteScanner) attributeTail(k int, r corpus.Range) bool {
	v := s.findVerb(r, true)
	if v < 0 {
		return false
	}
	if s.nextWord(r.Start, r.End) == v || s.toks[v].Form == "according" {
		name, kind, subj := s.subjectAfter(v, r.End)
		return s.set(k, v, name, kind, subj)
	}
	name, kind, subj := s.subjectBefore(r.Start, v)
	return s.set(k, v, name, kind, subj)
}

// findVerb returns the attribution verb in r nearest the quote: the first
// within quoteTailWords words when forward is set (r follows the quote),
// else the last. It returns -1 when there is none.
func (s *quoteScanner) findVerb(r corpus.Range, forward bool) int {
	ok := func(i int) bool {
		t := s.toks[i]
		if t.Kind != corpus.TokWord || !quoteVerbs[t.Form] {
			return false
		}
		if t.Form == "according" {
			j := s.nextWord(i+1, r.End)
			return j >= 0 && s.toks[j].Form == "to"
		}
		// "when asked", "was told": the verb has no speaker as subject;
		// "a warning", "his claims": it is a noun.
		if p := s.prevWord(i, r.Start); p >= 0 && (quotePassiveMarkers[s.toks[p].Form] || quoteDeterminers[s.toks[p].Form]) {
			return false
		}
		return true
	}
	if forward {
		words := 0
		for i := r.Start; i < r.End && words < quoteTailWords; i++ {
			if s.toks[i].Kind != corpus.TokWord {
				continue
			}
			words++
			if ok(i) {
				return i
			}
		}
		return -1
	}
	for i := r.End - 1; i >= r.Start; i-- {
		if ok(i) {
			return i
		}
	}
	return -1
}

// nextWord returns the first word token in [i, end), or -1.
func (s *quoteScanner) nextWord(i, end int) int {
	for ; i < end; i++ {
		if s.toks[i].Kind == corpus.TokWord {
			return i
		}
	}
	return -1
}

// prevWord returns the word token right before i, skipping only
// whitespace, or -1 when the region starts or punctuation comes first.
func (s *quoteScanner) prevWord(i, start int) int {
	j := s.prevVisible(i, start)
	if j >= 0 && s.toks[j].Kind == corpus.TokWord {
		return j
	}
	return -1
}

// prevVisible returns the last word or punctuation token before i, not
// before start, or -1.
func (s *quoteScanner) prevVisible(i, start int) int {
	for j := i - 1; j >= start; j-- {
		if k := s.toks[j].Kind; k == corpus.TokWord || k == corpus.TokPunct {
			return j
		}
	}
	return -1
}

// nextVisible returns the first word or punctuation token in [i, end), or -1.
func (s *quoteScanner) nextVisible(i, end int) int {
	for ; i < end; i++ {
		if k := s.toks[i].Kind; k == corpus.TokWord || k == corpus.TokPunct {
			return i
		}
	}
	return -1
}

// isName reports whether token i is a word of a name: capitalised, and
// either inside its sentence or a word the article never writes in lower
// case ("During" opens a sentence; "Trump" is a name wherever it stands).
func (s *quoteScanner) isName(i int) bool {
	t := s.toks[i]
	if t.Kind != corpus.TokWord {
		return false
	}
	r, _ := utf8.DecodeRune(s.a.Raw[t.Start:t.End])
	if !unicode.IsUpper(r) && !unicode.IsTitle(r) {
		return false
	}
	f := strings.TrimSuffix(t.Form, "'s")
	if f == "i" || quoteNotNames[f] || quotePronouns[f] {
		return false
	}
	if si := s.sentOf[i]; si >= 0 && s.first[si] == int32(i) {
		// "Denying any connection, Trump…": a participle opens the sentence.
		return !s.lower[f] && !quoteFunctionWords[f] && !strings.HasSuffix(f, "ing")
	}
	return true
}

// isPossessive reports whether name word i owns what follows (Clinton’s
// adviser, Sanders’ bid) rather than being a subject.
func (s *quoteScanner) isPossessive(i int) bool {
	f := s.toks[i].Form
	if strings.HasSuffix(f, "'s") {
		return true
	}
	return i+1 < len(s.toks) && s.toks[i+1].Kind == corpus.TokPunct && s.toks[i+1].Form == "'" && strings.HasSuffix(f, "s") &&
		(i+2 >= len(s.toks) || s.toks[i+2].Kind != corpus.TokWord)
}

// inRun reports whether token i may sit inside a name run: a name word, a
// single space, the point after an abbreviated title (Mr.), or a particle
// (van, de, bin).
func (s *quoteScanner) inRun(i int) bool {
	t := s.toks[i]
	switch {
	case t.Kind == corpus.TokSpace:
		return t.Form == " "
	case t.Kind == corpus.TokPunct:
		return t.Form == "." && i > 0 && s.toks[i-1].Kind == corpus.TokWord && corpus.IsTitle(s.toks[i-1].Form) && s.toks[i-1].End == t.Start
	case t.Kind == corpus.TokWord:
		return s.isName(i) || quoteNameParticles[t.Form]
	}
	return false
}

// runBack returns the name run ending at word i; runForward the one
// starting at i. Runs start and end on name words.
func (s *quoteScanner) runBack(i, start int) corpus.Range {
	j := i
	for j-1 >= start && s.inRun(j-1) && !s.isPossessive(max(j-1, 0)) {
		j--
	}
	for j < i && !s.isName(j) {
		j++
	}
	return corpus.Range{Start: j, End: i + 1}
}

func (s *quoteScanner) runForward(i, end int) corpus.Range {
	j := i
	for j+1 < end && s.inRun(j+1) && !s.isPossessive(j) {
		j++
	}
	for j > i && !s.isName(j) {
		j--
	}
	return corpus.Range{Start: i, End: j + 1}
}

// nameOf is the speaker's name in run r: its words without the titles
// before them ("Russian Foreign Minister Sergei Lavrov" → "Sergei Lavrov").
func (s *quoteScanner) nameOf(r corpus.Range) string {
	var words []int
	for i := r.Start; i < r.End; i++ {
		if s.toks[i].Kind == corpus.TokWord {
			words = append(words, i)
		}
	}
	from := 0
	for w := len(words) - 2; w >= 0; w-- {
		if corpus.IsTitle(s.toks[words[w]].Form) {
			from = w + 1
			break
		}
	}
	var parts []string
	for _, w := range words[from:] {
		parts = append(parts, string(s.a.Raw[s.toks[w].Start:s.toks[w].End]))
	}
	return strings.Join(parts, " ")
}

// hasTitle reports whether run r, or the word before it, is a title.
func (s *quoteScanner) hasTitle(r corpus.Range, prev int) bool {
	for i := r.Start; i < r.End-1; i++ {
		if s.toks[i].Kind == corpus.TokWord && corpus.IsTitle(s.toks[i].Form) {
			return true
		}
	}
	return prev >= 0 && corpus.IsTitle(s.toks[prev].Form)
}

// subjectBefore finds who does verb v from the words before it in [start,
// v): the name or pronoun right before it (Mr Trump said, he insisted), a
// name set off before an appositive (Jake Sullivan, Mrs Clinton’s senior
// policy adviser, said), the clause's subject for a participle or after
// "and" (Trump doubted …, saying), else the noun phrase before the verb
// (Clinton’s campaign said).
func (s *quoteScanner) subjectBefore(start, v int) (string, int, int) {
	if strings.HasSuffix(s.toks[v].Form, "ing") {
		if p := s.prevVisible(v, start); p < 0 || s.toks[p].Form == "," {
			return s.clauseSubject(s.sentenceStart(v, start), v)
		}
	}
	// Skip adverbs and auxiliaries: "Obama, meanwhile, said", "has also said".
	j := v - 1
	for ; j >= start; j-- {
		t := s.toks[j]
		if t.Kind == corpus.TokSpace || (t.Kind == corpus.TokPunct && t.Form == ",") {
			continue
		}
		if t.Kind == corpus.TokWord && !s.isName(j) && (quoteSkipWords[t.Form] || (strings.HasSuffix(t.Form, "ly") && len(t.Form) > 4)) {
			continue
		}
		break
	}
	if j < start || s.toks[j].Kind != corpus.TokWord {
		if j >= start {
			return quoteNoSpeaker()
		}
		return s.clauseSubject(start, v)
	}
	switch f := s.toks[j].Form; {
	case s.isName(j) && !s.isPossessive(j):
		if name := s.nameOf(s.runBack(j, start)); name != "" {
			return name, quoteSpeakerName, j
		}
	case quotePronouns[f]:
		return f, quoteSpeakerPronoun, j
	case quoteClauseJoiners[f] || quotePrepositions[f]:
		// "and warned", "by saying": the verb belongs to the clause's
		// subject.
		return s.clauseSubject(s.sentenceStart(v, start), j)
	}
	// A comma before the verb may close an appositive: "Dmitry Bam, a
	// professor … who has written on recusals and ethics, said".
	if s.commaBetween(j, v) {
		for i, n := j-1, 0; i >= start && n < quoteAppositiveTokens; i, n = i-1, n+1 {
			if s.toks[i].Kind == corpus.TokPunct && s.toks[i].Form == "," {
				if w := s.prevWord(i, start); w >= 0 && s.isName(w) && !s.isPossessive(w) {
					if name := s.nameOf(s.runBack(w, start)); name != "" {
						return name, quoteSpeakerName, w
					}
				}
				break
			}
		}
	}
	// A noun phrase ends right before the verb: is it an appositive after
	// a name?
	np := j
	for i := j - 1; i >= start && j-np < 16; i-- {
		t := s.toks[i]
		if t.Kind == corpus.TokSpace {
			continue
		}
		if t.Kind != corpus.TokWord || quoteFunctionWords[t.Form] && !quoteDeterminers[t.Form] {
			break
		}
		np = i
	}
	if c := s.prevVisible(np, start); c >= 0 && s.toks[c].Form == "," {
		if w := s.prevWord(c, start); w >= 0 && s.isName(w) && !s.isPossessive(w) {
			if name := s.nameOf(s.runBack(w, start)); name != "" {
				return name, quoteSpeakerName, w
			}
		}
	}
	return s.phrase(np, j+1)
}

func quoteNoSpeaker() (string, int, int) { return "", quoteSpeakerNone, -1 }

// sentenceStart returns the first token of the sentence holding token v,
// or start when that is later or v is in none. A participle's subject may
// stand before an earlier quote of its sentence ("Lauten posted an apology
// for her “hurtful” words, saying she had “judged…”").
func (s *quoteScanner) sentenceStart(v, start int) int {
	if si := s.sentOf[v]; si >= 0 {
		return min(start, s.a.Sentences[si].Tokens.Start)
	}
	return start
}

// commaBetween reports whether a comma lies strictly between tokens i and j.
func (s *quoteScanner) commaBetween(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if s.toks[k].Kind == corpus.TokPunct && s.toks[k].Form == "," {
			return true
		}
	}
	return false
}

// subjectAfter finds who does verb v from the words after it, for a verb
// that comes first (said Jake Sullivan, said Clinton’s top foreign policy
// adviser Jake Sullivan, according to Peskov): the first name that is not
// a possessive, within a few words, else the noun phrase.
func (s *quoteScanner) subjectAfter(v, end int) (string, int, int) {
	i := v + 1
	if s.toks[v].Form == "according" {
		i = s.nextWord(i, end) + 1
		if i <= 0 {
			return quoteNoSpeaker()
		}
	}
	first, last, words, comma := -1, -1, 0, false
	for ; i < end && words < 10; i++ {
		t := s.toks[i]
		if t.Kind == corpus.TokSpace {
			continue
		}
		if t.Kind != corpus.TokWord {
			if t.Kind == corpus.TokPunct && t.Form == "." && i > 0 && corpus.IsTitle(s.toks[i-1].Form) {
				continue
			}
			// "said the statement from Grimm's attorney, William McGinley":
			// a description may come before the name, set off by a comma.
			if t.Kind == corpus.TokPunct && t.Form == "," && first >= 0 && !comma {
				comma = true
				continue
			}
			break
		}
		if words == 0 && quotePronouns[t.Form] {
			return t.Form, quoteSpeakerPronoun, i
		}
		if quoteAfterVerbStops[t.Form] {
			break
		}
		if s.isName(i) && !s.isPossessive(i) {
			r := s.runForward(i, end)
			if name := s.nameOf(r); name != "" {
				return name, quoteSpeakerName, r.End - 1
			}
		}
		if first < 0 {
			first = i
		}
		last = i
		words++
	}
	if first < 0 {
		return quoteNoSpeaker()
	}
	return s.phrase(first, last+1)
}

// clauseSubject finds the subject of the clause in [start, end) that a
// participle or a second verb belongs to, skipping quoted words: an opening
// pronoun (He also said…), else the first name that is not a possessive
// and not the object of a preposition or article (During the news
// conference, Trump doubted…; In an interview with NBC News, President
// Obama…), else the phrase that opens the clause (Clinton’s campaign).
func (s *quoteScanner) clauseSubject(start, end int) (string, int, int) {
	if i := s.nextOutside(start, end); i >= 0 && s.toks[i].Kind == corpus.TokWord && (s.toks[i].Form == "he" || s.toks[i].Form == "she" || s.toks[i].Form == "they") {
		return s.toks[i].Form, quoteSpeakerPronoun, i
	}
	for i := start; i < end; i++ {
		if s.inside[i] || !s.isName(i) {
			continue
		}
		r := s.runForward(i, end)
		i = r.End - 1
		if s.isPossessive(r.End - 1) {
			continue
		}
		// "Metro spokesman Officer Jose Hernandez": the first run only
		// says whose spokesman.
		if n := s.nextVisible(r.End, end); n >= 0 && s.toks[n].Kind == corpus.TokWord && !s.isName(n) && corpus.IsTitle(s.toks[n].Form) {
			continue
		}
		prev := s.prevWord(r.Start, start)
		if prev >= 0 {
			pf := s.toks[prev].Form
			if quotePrepositions[pf] || pf == "with" || quoteDeterminers[pf] && !s.hasTitle(r, prev) {
				continue // "a lawyer for Mr. Grimm", but "the Foreign Minister Sergei Lavrov"
			}
		}
		if name := s.nameOf(r); name != "" {
			return name, quoteSpeakerName, r.End - 1
		}
	}
	// The phrase opening the clause: "Clinton’s campaign".
	i := s.nextOutside(start, end)
	if i >= 0 && quoteDeterminers[s.toks[i].Form] {
		i = s.nextWord(i+1, end)
	}
	if i < 0 || s.toks[i].Kind != corpus.TokWord || !s.isName(i) || !s.isPossessive(i) {
		return quoteNoSpeaker()
	}
	if j := s.nextVisible(i+1, end); j >= 0 && s.toks[j].Kind == corpus.TokWord && !s.isName(j) && !quoteFunctionWords[s.toks[j].Form] {
		return s.phrase(i, j+1)
	}
	return quoteNoSpeaker()
}

// nextOutside returns the first word or mark in [i, end) outside quotes,
// or -1.
func (s *quoteScanner) nextOutside(i, end int) int {
	for ; i < end; i++ {
		if k := s.toks[i].Kind; (k == corpus.TokWord || k == corpus.TokPunct) && !s.inside[i] {
			return i
		}
	}
	return -1
}

// phrase returns the words of [from, to) as a speaker phrase: at most the
// last four, without a leading article or possessive pronoun.
func (s *quoteScanner) phrase(from, to int) (string, int, int) {
	var words []int
	for i := from; i < to; i++ {
		if s.toks[i].Kind == corpus.TokWord {
			words = append(words, i)
		}
	}
	if len(words) > 4 {
		words = words[len(words)-4:]
	}
	for len(words) > 0 && (quoteDeterminers[s.toks[words[0]].Form] || quoteFunctionWords[s.toks[words[0]].Form]) {
		words = words[1:]
	}
	if len(words) == 0 {
		return quoteNoSpeaker()
	}
	if r, _ := utf8.DecodeRuneInString(s.toks[words[len(words)-1]].Form); !unicode.IsLetter(r) {
		return quoteNoSpeaker() // "since 2012 … posted": a date is no speaker
	}
	var parts []string
	for _, w := range words {
		parts = append(parts, string(s.a.Raw[s.toks[w].Start:s.toks[w].End]))
	}
	return strings.Join(parts, " "), quoteSpeakerPhrase, words[len(words)-1]
}

// quoteSpeakerKey is what two names are compared by: the last word, lower case,
// with curly apostrophes made straight.
func quoteSpeakerKey(name string) string {
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSuffix(strings.ReplaceAll(strings.ToLower(name), "’", "'"), "'s")
}

// resolvePronoun replaces "he" or "she" with the subject of the nearest
// sentence before it that has a named one, looking back a few sentences
// past sentences whose subject is a pronoun or no name.
func (s *quoteScanner) resolvePronoun(k int) {
	q := &s.qs[k]
	inf := s.info[k]
	if inf.kind != quoteSpeakerPronoun || (q.Speaker != "he" && q.Speaker != "she") || inf.subject < 0 {
		return
	}
	si := int(s.sentOf[inf.subject])
	if si < 0 {
		return
	}
	end := inf.subject
	for back := 0; back <= quoteResolveSentences && si >= 0; back++ {
		role := s.a.Paragraphs[s.a.Sentences[si].Para].Role
		if role == corpus.RoleTitle {
			break // a headline names no antecedent
		}
		// A sentence's subject is near its start: a long one is read only
		// so far, which keeps a text of one endless sentence linear.
		start := s.a.Sentences[si].Tokens.Start
		if back > 0 {
			// An earlier sentence about "the liberal icon justice" is
			// about the one the pronoun stands for, who is then not named.
			if i := s.nextOutside(start, end); i >= 0 && quoteDeterminers[s.toks[i].Form] {
				return
			}
		}
		name, kind, _ := s.clauseSubject(start, min(end, start+quoteSubjectTokens))
		if kind == quoteSpeakerName && role == corpus.RoleProse {
			if known := s.known[quoteSpeakerKey(name)]; known != "" {
				name = known
			}
			q.Speaker = name
			s.info[k].kind = quoteSpeakerName
			return
		}
		si--
		if si >= 0 {
			end = s.a.Sentences[si].Tokens.End
		}
	}
}

// inherit gives a quote with no attribution of its own the speaker the
// text implies: the introduction before a paragraph that opens with the
// quote ("Peskov said:"), the quote before it in its paragraph, or, for a
// paragraph that is nothing but quotes, the last quote of the paragraph
// before.
func (s *quoteScanner) inherit(k int) {
	q := &s.qs[k]
	inf := s.info[k]
	if q.Speaker != "" {
		return
	}
	if inf.paraStart && inf.intro < 0 && q.Para > 0 {
		prev := s.a.Paragraphs[q.Para-1]
		if prev.Role == corpus.RoleProse && prev.Sentences.Len() > 0 {
			r := corpus.TrimSpace(s.toks, s.a.Sentences[prev.Sentences.End-1].Tokens)
			if r.Len() > 0 && s.toks[r.End-1].Form == ":" && s.attributeHead(k, corpus.Range{Start: r.Start, End: r.End - 1}) {
				s.resolvePronoun(k)
				return
			}
		}
	}
	if k == 0 {
		return
	}
	p := s.qs[k-1]
	switch {
	case s.info[k-1].lastPara == q.Para:
	case s.info[k-1].lastPara == q.Para-1 && s.onlyQuotes(q.Para):
	default:
		return
	}
	q.Speaker = p.Speaker
	s.info[k].kind = s.info[k-1].kind
}

// onlyQuotes reports whether paragraph pi has no words outside quotes.
func (s *quoteScanner) onlyQuotes(pi int) bool {
	r := s.paraTokens(pi)
	for i := r.Start; i < r.End; i++ {
		if s.toks[i].Kind == corpus.TokWord && !s.inside[i] {
			return false
		}
	}
	return true
}

// hedges lists the hedge words around quote k, outside any quote: in its
// sentences before and after it, and in a block quote's introduction.
func (s *quoteScanner) hedges(k int) []string {
	var out []string
	for _, r := range []corpus.Range{s.head(k), s.tail(k)} {
		for i := r.Start; i < r.End; i++ {
			if t := s.toks[i]; t.Kind == corpus.TokWord && !s.inside[i] && quoteHedges[t.Form] && !slices.Contains(out, t.Form) {
				out = append(out, t.Form)
			}
		}
	}
	return out
}

func quoteWordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

var (
	// quoteVerbs are the verbs that attribute speech, in every form an
	// attribution uses.
	quoteVerbs = quoteWordSet(
		"said", "says", "say", "saying", "told", "tells", "telling", "stated", "states", "stating",
		"wrote", "writes", "writing", "tweeted", "tweets", "tweeting", "posted", "added", "adds", "adding",
		"insisted", "insists", "insisting", "urged", "urges", "urging", "warned", "warns",
		"asked", "asks", "explained", "explains", "explaining", "noted", "notes", "noting", "declared", "declares",
		"claimed", "claims", "claiming", "argued", "argues", "arguing", "replied", "replies", "responded", "responds",
		"continued", "continues", "announced", "announces", "remarked", "commented", "acknowledged", "admitted",
		"suggested", "suggests", "recalled", "quipped", "joked", "conceded", "countered", "maintained", "asserted",
		"vowed", "promised", "pledged", "demanded", "called", "calling", "described", "describing", "denied",
		"according", "confirmed", "predicted", "complained", "boasted", "repeated", "reiterated",
	)
	// quotePassiveMarkers before a verb make it no attribution: "when asked",
	// "was told".
	quotePassiveMarkers = quoteWordSet("when", "if", "was", "were", "being", "been", "be", "is", "are")
	// quoteNotNames are capitalised words that never name a speaker.
	quoteNotNames = quoteWordSet(
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
		"march", "april", "june", "july", "august", "september", "october", "november", "december",
	)
	// quoteFunctionWords never start a name, even at a sentence's start.
	quoteFunctionWords = quoteWordSet(
		"the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "yet", "for", "during", "after", "before",
		"while", "when", "as", "with", "meanwhile", "however", "also", "earlier", "later", "asked", "responding",
		"according", "since", "although", "though", "if", "then", "this", "that", "these", "those", "it", "its",
		"his", "her", "their", "there", "here", "what", "who", "which", "where", "speaking", "writing", "in",
		"to", "from", "of", "by", "about", "over", "under", "still", "now", "today", "yesterday", "separately",
		"instead", "indeed", "because", "despite", "whether", "both", "all", "some", "many", "most", "one", "our",
	)
	quotePronouns       = quoteWordSet("he", "she", "they", "we", "it")
	quoteDeterminers    = quoteWordSet("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your")
	quoteClauseJoiners  = quoteWordSet("and", "but", "or", "then", "before", "after", "while")
	quoteNameParticles  = quoteWordSet("de", "da", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "ibn", "al", "el", "abu")
	quotePrepositions   = quoteWordSet("in", "on", "at", "from", "to", "for", "of", "by", "about", "against", "over", "into", "during", "after", "before", "under", "between", "through", "toward", "towards", "than", "like")
	quoteAfterVerbStops = quoteWordSet("in", "on", "at", "during", "after", "before", "while", "when", "as", "since", "that", "following", "because", "to", "than", "if", "and", "but")
	// quoteSkipWords sit between a subject and its verb: "Trump also
	// said", "Obama, meanwhile, said".
	quoteSkipWords = quoteWordSet(
		"also", "then", "later", "meanwhile", "further", "once", "again", "earlier", "previously", "recently",
		"has", "had", "have", "was", "is", "would", "will", "did", "does", "had", "today", "yesterday",
		"subsequently", "simply", "only", "just", "not", "never", "already", "still", "even", "however",
		"too", "reportedly", "allegedly", "apparently", "quickly", "repeatedly", "publicly", "privately",
	)
	// quoteHedges are words by which an outlet keeps its distance from
	// what it reports.
	quoteHedges = quoteWordSet(
		"alleged", "allegedly", "allegation", "allegations", "claimed", "claim", "claims", "claiming",
		"reportedly", "purportedly", "supposedly", "apparently", "probably", "possibly", "perhaps", "likely",
		"so-called", "unconfirmed", "unverified", "suspected", "accused", "suggests", "suggested", "appears",
		"appeared", "seemingly", "rumoured", "rumored",
	)
)

// Groups groups the quotes of arts (the articles of one story) by
// utterance: quotes from different articles that give the same words, or
// one of them more of the words than the other, or the same words with a
// few changed. Each group holds at most one quote per article; an
// article's consecutive quotes of one speaker may together be its member
// when another outlet quotes them as one (see Quote.Parts). Short quotes
// take no part; every other quote is in exactly one group, alone if no
// other outlet carries it, except an article's repeat of an utterance it
// already carries in a group.
//
// Groups come by number of outlets, most first, then in order of first
// appearance (the first article carrying them, then position in it).
// Groups only reads the articles; it is safe to call concurrently.
func Groups(arts []*corpus.Article) []Group {
	g := &quoteGrouper{ids: make(map[string]int32)}
	seen := make(map[*corpus.Article]bool, len(arts))
	for _, a := range arts {
		if a != nil && !seen[a] {
			seen[a] = true
			g.arts = append(g.arts, a)
		}
	}
	g.weigh()
	g.collect()
	if len(g.units) == 0 {
		return nil
	}
	g.join(g.edges())
	return g.groups()
}

// quoteUnit is a quote taking part in grouping.
type quoteUnit struct {
	q      Quote
	art    int // index into quoteGrouper.arts
	bag    []quoteBagItem
	weight float64
	// Consecutive quotes of one speaker in one article, in the same or
	// adjacent paragraphs, share a chain; pos is the place in it.
	chain, pos int
}

// quoteBagItem is a word form (by id) and how often a quote has it; bags are
// sorted by id.
type quoteBagItem struct{ id, n int32 }

// quoteGrouper holds the state of one Groups call.
type quoteGrouper struct {
	arts   []*corpus.Article
	ids    map[string]int32
	idf    []float64
	stop   []bool // per form id: a stopword
	units  []quoteUnit
	parent unionfind.Sets
	// members[root] lists a component's units.
	members [][]int32
}

// weigh sets each word form's IDF over the sentences of all articles.
func (g *quoteGrouper) weigh() {
	var df, stamp []int32
	n := 0
	for _, a := range g.arts {
		for _, se := range a.Sentences {
			n++
			for _, t := range a.Tokens[se.Tokens.Start:se.Tokens.End] {
				if t.Kind != corpus.TokWord {
					continue
				}
				id, ok := g.ids[t.Form]
				if !ok {
					id = int32(len(df))
					g.ids[t.Form] = id
					df = append(df, 0)
					stamp = append(stamp, -1)
				}
				if stamp[id] != int32(n) {
					stamp[id] = int32(n)
					df[id]++
				}
			}
		}
	}
	g.idf = make([]float64, len(df))
	g.stop = make([]bool, len(df))
	for i, d := range df {
		g.idf[i] = math.Log(1 + float64(n)/float64(d))
	}
	for f, id := range g.ids {
		g.stop[id] = corpus.IsStopword(f)
	}
}

// form returns the id of a word form, adding it (as a word seen once) if
// no sentence had it.
func (g *quoteGrouper) form(f string) int32 {
	id, ok := g.ids[f]
	if !ok {
		id = int32(len(g.idf))
		g.ids[f] = id
		g.idf = append(g.idf, math.Log(2+float64(len(g.idf))))
		g.stop = append(g.stop, corpus.IsStopword(f))
	}
	return id
}

// collect extracts every article's quotes, keeps those that are not
// Short, and links consecutive ones into chains.
func (g *quoteGrouper) collect() {
	chain := -1
	for ai, a := range g.arts {
		prevPara, prevSpeaker, pos := -10, "", 0
		for _, q := range Extract(a) {
			if q.Short {
				continue
			}
			if q.Para-prevPara <= 1 && quoteSpeakersCompatible(q.Speaker, prevSpeaker) {
				pos++
			} else {
				chain++
				pos, prevSpeaker = 0, ""
			}
			prevPara = a.ParagraphAt(q.Parts[len(q.Parts)-1].Start) - 1
			if q.Speaker != "" {
				prevSpeaker = q.Speaker
			}
			u := quoteUnit{q: q, art: ai, chain: chain, pos: pos}
			var ids []int32
			for _, p := range q.Parts {
				r := a.TokensIn(p)
				for _, t := range a.Tokens[r.Start:r.End] {
					if t.Kind == corpus.TokWord {
						ids = append(ids, g.form(t.Form))
					}
				}
			}
			u.bag = quoteBag(ids)
			for _, b := range u.bag {
				u.weight += float64(b.n) * g.idf[b.id]
			}
			g.units = append(g.units, u)
		}
	}
}

// quoteBag counts the form ids of one quote.
func quoteBag(ids []int32) []quoteBagItem {
	slices.Sort(ids)
	var bag []quoteBagItem
	for _, id := range ids {
		if k := len(bag) - 1; k >= 0 && bag[k].id == id {
			bag[k].n++
		} else {
			bag = append(bag, quoteBagItem{id, 1})
		}
	}
	return bag
}

// quoteBagSum adds bags.
func quoteBagSum(bags ...[]quoteBagItem) []quoteBagItem {
	var ids []int32
	for _, b := range bags {
		for _, it := range b {
			for range it.n {
				ids = append(ids, it.id)
			}
		}
	}
	return quoteBag(ids)
}

// shared returns the IDF weight, the number of words and the number of
// content words (not stopwords) two bags share.
func (g *quoteGrouper) shared(x, y []quoteBagItem) (w float64, n, content int) {
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].id < y[j].id:
			i++
		case x[i].id > y[j].id:
			j++
		default:
			m := min(x[i].n, y[j].n)
			w += float64(m) * g.idf[x[i].id]
			n += int(m)
			if !g.stop[x[i].id] {
				content += int(m)
			}
			i++
			j++
		}
	}
	return w, n, content
}

func (g *quoteGrouper) bagWeight(b []quoteBagItem) float64 {
	w := 0.0
	for _, it := range b {
		w += float64(it.n) * g.idf[it.id]
	}
	return w
}

// quoteSpeakersCompatible reports whether two quotes' speakers may be one
// person: either is unknown or a pronoun, or their names end alike.
func quoteSpeakersCompatible(x, y string) bool {
	return x == "" || y == "" || quotePronouns[x] || quotePronouns[y] || quoteSpeakerKey(x) == quoteSpeakerKey(y)
}

// quoteEdge is a pair of quotes of different articles that may be the same
// utterance.
type quoteEdge struct {
	u, v    int32
	contain float64
	weight  float64
	words   int
}

// edges finds the pairs of quotes that share enough of their words. Only
// pairs that share one of a quote's rarest words are scored.
func (g *quoteGrouper) edges() []quoteEdge {
	postings := make(map[int32][]int32)
	for ui, u := range g.units {
		for _, b := range u.bag {
			postings[b.id] = append(postings[b.id], int32(ui))
		}
	}
	seen := make(map[[2]int32]bool)
	var out []quoteEdge
	var rare []quoteBagItem
	for ui := range g.units {
		u := &g.units[ui]
		rare = append(rare[:0], u.bag...)
		slices.SortFunc(rare, func(x, y quoteBagItem) int {
			if c := cmp.Compare(g.idf[y.id], g.idf[x.id]); c != 0 {
				return c
			}
			return cmp.Compare(x.id, y.id)
		})
		for _, b := range rare[:min(len(rare), quoteIndexWords)] {
			list := postings[b.id]
			if len(list) > quoteMaxPosting {
				continue
			}
			for _, vi := range list {
				v := &g.units[vi]
				if v.art == u.art {
					continue
				}
				key := [2]int32{min(int32(ui), vi), max(int32(ui), vi)}
				if seen[key] {
					continue
				}
				seen[key] = true
				w, n, content := g.shared(u.bag, v.bag)
				small := min(u.weight, v.weight)
				if small <= 0 || n < quoteShared || content < quoteSharedContent {
					continue
				}
				if c := w / small; c >= quoteContain {
					out = append(out, quoteEdge{u: key[0], v: key[1], contain: c, weight: w, words: n})
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y quoteEdge) int {
		if c := cmp.Compare(y.contain, x.contain); c != 0 {
			return c
		}
		if c := cmp.Compare(y.weight, x.weight); c != 0 {
			return c
		}
		if c := cmp.Compare(x.u, y.u); c != 0 {
			return c
		}
		return cmp.Compare(x.v, y.v)
	})
	return out
}

// find returns the root of i's component.
func (g *quoteGrouper) find(i int32) int32 { return g.parent.Find(i) }

// join unites the quotes of each edge, strongest first, unless that would
// put two quotes of one article in a group that are not consecutive in one
// chain, which only an edge strong enough to be a repeat may do.
func (g *quoteGrouper) join(edges []quoteEdge) {
	g.parent = unionfind.New(len(g.units))
	g.members = make([][]int32, len(g.units))
	for i := range g.units {
		g.members[i] = []int32{int32(i)}
	}
	for _, e := range edges {
		ru, rv := g.find(e.u), g.find(e.v)
		if ru == rv {
			continue
		}
		repeat := e.contain >= quoteRepeatContain && e.words >= quoteRepeatShared
		if !repeat && !g.consecutive(ru, rv) {
			continue
		}
		if len(g.members[ru]) < len(g.members[rv]) {
			ru, rv = rv, ru
		}
		g.parent.Link(ru, rv)
		g.members[ru] = append(g.members[ru], g.members[rv]...)
		g.members[rv] = nil
	}
}

// consecutive reports whether merging two components keeps, for every
// article, its quotes in them consecutive in one chain.
func (g *quoteGrouper) consecutive(ru, rv int32) bool {
	for _, x := range g.members[rv] {
		ux := g.units[x]
		var pos []int
		for _, y := range g.members[ru] {
			uy := g.units[y]
			if uy.art != ux.art {
				continue
			}
			if uy.chain != ux.chain {
				return false
			}
			pos = append(pos, uy.pos)
		}
		if len(pos) == 0 {
			continue
		}
		for _, y := range g.members[rv] {
			if uy := g.units[y]; uy.art == ux.art {
				if uy.chain != ux.chain {
					return false
				}
				pos = append(pos, uy.pos)
			}
		}
		slices.Sort(pos)
		pos = slices.Compact(pos)
		if pos[len(pos)-1]-pos[0]+1 != len(pos) {
			return false
		}
	}
	return true
}

// groups builds the QuoteGroups from the components.
func (g *quoteGrouper) groups() []Group {
	d := compare.NewDiffer()
	var out []Group
	for root, ms := range g.members {
		if len(ms) == 0 || g.find(int32(root)) != int32(root) {
			continue
		}
		slices.Sort(ms)
		var qs []Quote
		var bags [][]quoteBagItem
		// Units are in article order, and in text order within one.
		for i := 0; i < len(ms); {
			j := i
			for j < len(ms) && g.units[ms[j]].art == g.units[ms[i]].art {
				j++
			}
			q, bag := g.member(ms[i:j])
			qs = append(qs, q)
			bags = append(bags, bag)
			i = j
		}
		grp := Group{Quotes: qs, Common: g.common(bags), Speaker: quoteGroupSpeaker(qs)}
		grp.Ops = make([][]compare.Op, len(qs))
		for i, q := range qs {
			grp.Ops[i] = quoteOps(d, qs[grp.Common], q)
		}
		out = append(out, grp)
	}
	artOf := make(map[*corpus.Article]int, len(g.arts))
	for i, a := range g.arts {
		artOf[a] = i
	}
	slices.SortStableFunc(out, func(x, y Group) int {
		if c := cmp.Compare(len(y.Quotes), len(x.Quotes)); c != 0 {
			return c
		}
		if c := cmp.Compare(artOf[x.Quotes[0].Article], artOf[y.Quotes[0].Article]); c != 0 {
			return c
		}
		return cmp.Compare(x.Quotes[0].Span.Start, y.Quotes[0].Span.Start)
	})
	return out
}

// member returns one article's quote in a group: the longest run of its
// units there that are consecutive in one chain, joined, and its bag.
func (g *quoteGrouper) member(us []int32) (Quote, []quoteBagItem) {
	best, bestWords := us[:1], -1
	for i := 0; i < len(us); {
		j := i + 1
		for j < len(us) && g.units[us[j]].chain == g.units[us[i]].chain && g.units[us[j]].pos == g.units[us[j-1]].pos+1 {
			j++
		}
		words := 0
		for _, u := range us[i:j] {
			words += g.units[u].q.Words
		}
		if words > bestWords {
			best, bestWords = us[i:j], words
		}
		i = j
	}
	if len(best) == 1 {
		return g.units[best[0]].q, g.units[best[0]].bag
	}
	q := g.units[best[0]].q
	q.Parts = nil
	q.Words = 0
	q.Hedges = nil
	bags := make([][]quoteBagItem, 0, len(best))
	for _, u := range best {
		p := g.units[u].q
		q.Parts = append(q.Parts, p.Parts...)
		q.Words += p.Words
		q.Block = q.Block || p.Block
		q.Unclosed = p.Unclosed
		if q.Speaker == "" {
			q.Speaker, q.Verb = p.Speaker, p.Verb
		}
		for _, h := range p.Hedges {
			if !slices.Contains(q.Hedges, h) {
				q.Hedges = append(q.Hedges, h)
			}
		}
		bags = append(bags, g.units[u].bag)
	}
	q.Span = corpus.Span{Start: q.Parts[0].Start, End: q.Parts[len(q.Parts)-1].End}
	return q, quoteBagSum(bags...)
}

// common returns the index of the bag most like the others: the largest
// sum of weighted Dice overlaps; the earliest on a tie.
func (g *quoteGrouper) common(bags [][]quoteBagItem) int {
	if len(bags) < 3 {
		return 0
	}
	weights := make([]float64, len(bags))
	for i, b := range bags {
		weights[i] = g.bagWeight(b)
	}
	best, bestScore := 0, -1.0
	for i := range bags {
		score := 0.0
		for j := range bags {
			if i != j && weights[i]+weights[j] > 0 {
				w, _, _ := g.shared(bags[i], bags[j])
				score += 2 * w / (weights[i] + weights[j])
			}
		}
		if score > bestScore+1e-9 {
			best, bestScore = i, score
		}
	}
	return best
}

// quoteGroupSpeaker returns the most common speaker of qs by name key, in the
// form most quotes give it (the longest on a tie); pronouns count only
// when nothing else does.
func quoteGroupSpeaker(qs []Quote) string {
	pick := func(pronounsToo bool) string {
		count := make(map[string]int)
		forms := make(map[string]map[string]int)
		var keys []string
		for _, q := range qs {
			if q.Speaker == "" || (quotePronouns[q.Speaker] && !pronounsToo) {
				continue
			}
			k := quoteSpeakerKey(q.Speaker)
			if count[k] == 0 {
				keys = append(keys, k)
				forms[k] = make(map[string]int)
			}
			count[k]++
			forms[k][q.Speaker]++
		}
		best := ""
		for _, k := range keys {
			if best == "" || count[k] > count[best] {
				best = k
			}
		}
		if best == "" {
			return ""
		}
		name := ""
		for _, q := range qs {
			f := q.Speaker
			if n := forms[best][f]; n > 0 && (name == "" || n > forms[best][name] || n == forms[best][name] && len(f) > len(name)) {
				name = f
			}
		}
		return name
	}
	if s := pick(false); s != "" {
		return s
	}
	return pick(true)
}

// quoteOps diffs the words of quote l against those of quote r with the
// differ, over their parts' tokens laid end to end, and splits every op
// that would span the gap between two parts.
func quoteOps(d *compare.Differ, l, r Quote) []compare.Op {
	lt, lcut := quotePartTokens(l)
	rt, rcut := quotePartTokens(r)
	if len(lt) == 0 || len(rt) == 0 {
		return nil
	}
	la := &corpus.Article{Raw: l.Article.Raw, Tokens: lt}
	ra := &corpus.Article{Raw: r.Article.Raw, Tokens: rt}
	ops := d.Diff(la, corpus.Range{Start: 0, End: len(lt)}, ra, corpus.Range{Start: 0, End: len(rt)})
	if len(lcut) == 0 && len(rcut) == 0 {
		return ops
	}
	out := make([]compare.Op, 0, len(ops)+len(lcut)+len(rcut))
	var cuts []int
	for _, op := range ops {
		cuts = cuts[:0]
		var li, ri, n int
		if op.Kind != compare.OpInsert {
			r := la.TokensIn(op.Left)
			li, n = r.Start, r.Len()
			cuts = quoteAppendCuts(cuts, lcut, li, n)
		}
		if op.Kind != compare.OpDelete {
			r := ra.TokensIn(op.Right)
			ri, n = r.Start, r.Len()
			cuts = quoteAppendCuts(cuts, rcut, ri, n)
		}
		if len(cuts) == 0 {
			out = append(out, op)
			continue
		}
		slices.Sort(cuts)
		cuts = slices.Compact(cuts)
		from := 0
		for _, c := range append(cuts, n) {
			part := compare.Op{Kind: op.Kind, Minor: op.Minor}
			if op.Kind != compare.OpInsert {
				part.Left = corpus.Span{Start: lt[li+from].Start, End: lt[li+c-1].End}
				part.Minor = part.Minor || op.Kind == compare.OpDelete && corpus.CountWords(lt[li+from:li+c]) == 0
			}
			if op.Kind != compare.OpDelete {
				part.Right = corpus.Span{Start: rt[ri+from].Start, End: rt[ri+c-1].End}
				part.Minor = part.Minor || op.Kind == compare.OpInsert && corpus.CountWords(rt[ri+from:ri+c]) == 0
			}
			out = append(out, part)
			from = c
		}
	}
	return out
}

// quotePartTokens lays the tokens of q's parts end to end and returns the
// indexes at which a new part starts.
func quotePartTokens(q Quote) ([]corpus.Token, []int) {
	if len(q.Parts) == 1 {
		r := q.Article.TokensIn(q.Parts[0])
		return q.Article.Tokens[r.Start:r.End], nil
	}
	var toks []corpus.Token
	var cuts []int
	for i, p := range q.Parts {
		r := q.Article.TokensIn(p)
		if i > 0 && r.Len() > 0 && len(toks) > 0 {
			cuts = append(cuts, len(toks))
		}
		toks = append(toks, q.Article.Tokens[r.Start:r.End]...)
	}
	return toks, cuts
}

// quoteAppendCuts adds the offsets, relative to first, of the part starts
// strictly inside the n tokens from first.
func quoteAppendCuts(cuts, starts []int, first, n int) []int {
	for _, c := range starts {
		if c > first && c < first+n {
			cuts = append(cuts, c-first)
		}
	}
	return cuts
}
