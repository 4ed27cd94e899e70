package compare

import "github.com/newsdiff/newsdiff/corpus"

// Shared quotations (issue 9, quote recall): a quotation is the strongest
// sign that two passages report one event, even when only a few of its
// words are carried by both ("looking forward"), one outlet inserts or
// changes a word inside it ("partisan political attack dog" against
// "partisan attack dog organization"; "you'll be rewarded" against
// "you'll probably be rewarded"), or the quotation was opened in an
// earlier sentence of the paragraph. The model weighs such pairs by their
// words alone and leaves many below its threshold, since the words around
// the quotation differ; a pair that shares a quoted run is made as a quote
// pair when the model gives it at least quoteFloor.

const (
	// minQuoteContent is the fewest content words a shared quoted run must
	// hold: one word in quotation marks ("bigoted") is a word, not a
	// quotation.
	minQuoteContent = 2
	// minQuoteMass is the least summed IDF (in this comparison) of the
	// run's content words, so that a run of the story's commonest words
	// ("nuclear test") does not pass for a quotation.
	minQuoteMass = 3.0
	// minQuoteRun is the run, in words, that always makes a quotation
	// shared; a shorter one must be at least half of each of the two
	// quotations it sits in ("looking forward" against "looking
	// forward").
	minQuoteRun = 4
	// quoteFloor is the least model probability at which a pair sharing a
	// quoted run is made: a short quotation lifts a pair the words around
	// it leave unsure, not one nothing else supports.
	quoteFloor = 0.25
	// sureQuoteContent is the fewest content words a run of minQuoteRun
	// or more words must hold to pair two sentences whatever the model
	// says, as a verbatim run of runLen words does: "the nuclear test
	// site has done its job" against "adding 'the northern nuclear test
	// site has completed its mission'" (model 0.05). Across the 17
	// development stories it makes two more pairs and changes one, each
	// of one quotation.
	sureQuoteContent = 3
	// quoteBonus is how much higher a pair that shares no quotation must
	// score to be taken before one that does (see candidate.rank).
	// Measured on the development gold: 0.1 changes nothing; 0.2 to 0.5
	// pair one more quote event and no fewer of any kind.
	quoteBonus = 0.25
	// sureQuoteBonus is how much higher again a pair must score to be
	// taken before one that shares a sure run of a quotation
	// (quoteRun.sure): a passage that reports a statement without
	// quotation marks, copying seven of its words ("It also plans to
	// close down a nuclear test site in the country's northern region",
	// score 0.53), is the quoting sentence's partner only after the
	// sentence that quotes it, reworded (model 0.10). Across the 17
	// development stories it changes two pairs, each for the sentence
	// that quotes.
	sureQuoteBonus = 0.5
	// maxQuotedWords is the most quoted words of a sentence kept for
	// matching: a news quotation is a few dozen words, and this bounds
	// the run search (quadratic in them) on hostile text.
	maxQuotedWords = 64
)

// quotedWords are the words of a sentence that sit inside quotation
// marks, in order; a quoteBreak separates two quotations. Nil when the
// sentence quotes nothing.
type quotedWords []quotedWord

// quotedWord is one word inside quotation marks.
type quotedWord struct {
	key uint64 // the lemma key (see infoOf); quoteBreak between quotations
	// quoteLen is how many words its quotation has in this sentence.
	quoteLen int32
	// content tells whether the word counts towards a run: not a
	// stopword, and not a name (capitalised inside the quotation): a
	// quoted "Director Comey" is a name, not what was said.
	content bool
}

// mayTell reports whether a and b may share a run that tells a
// quotation: one of minQuoteContent content words or more, each the same
// on both sides (sharedContent's exact words are as many). A run takes
// each content word of a at most once, and each of b; so when fewer than
// that many of a's content words have their key among b's, or of b's
// among a's, no run tells. Keys are compared by a 64-bit summary of each
// side's, one bit a key, which may take two keys for one, never one for
// two, so that it errs only towards a search.
func mayTell(a, b quotedWords) bool {
	bitsA, bitsB := a.contentBits(), b.contentBits()
	return a.contentIn(bitsB) >= minQuoteContent && b.contentIn(bitsA) >= minQuoteContent
}

// contentBits sums up the keys of q's content words in 64 bits.
func (q quotedWords) contentBits() uint64 {
	var bits uint64
	for _, w := range q {
		if w.content {
			bits |= keyBit(w.key)
		}
	}
	return bits
}

// contentIn counts q's content words whose key's bit is in bits.
func (q quotedWords) contentIn(bits uint64) int {
	n := 0
	for _, w := range q {
		if w.content && bits&keyBit(w.key) != 0 {
			n++
		}
	}
	return n
}

func keyBit(key uint64) uint64 { return 1 << (key & 63) }

// quoteBreak is the key that separates two quotations: no lemma key is 0
// (corpus.HashForm never returns it for a word).
const quoteBreak = 0

// quoteTracker follows which quotation marks are open across the
// sentences of an article, in order: a quotation may open in one sentence
// of a paragraph and close in a later one. A paragraph closes every
// quotation (an unbalanced straight quote must not run on).
type quoteTracker struct {
	next int // the first sentence not yet scanned
	para int
	open bool
	buf  quotedWords // the sentence being scanned
	// forms and kept are the matcher's: what it knows of a's forms, and
	// the slab the quoted words are kept in.
	forms *formInfos
	kept  *slab[quotedWord]
}

// at returns the quoted words of sentence si of a, which must not be
// before a sentence asked for earlier. Sentences skipped in between are
// scanned for their quotation marks only.
func (qt *quoteTracker) at(a *corpus.Article, si int) quotedWords {
	for ; qt.next < si; qt.next++ {
		qt.scan(a, qt.next, false)
	}
	qt.buf = qt.buf[:0]
	qt.scan(a, si, true)
	qt.next = si + 1
	if len(qt.buf) == 0 {
		return nil
	}
	kept := qt.kept.make(len(qt.buf))
	copy(kept, qt.buf)
	return kept
}

// scan moves the tracker over sentence si, appending its quoted words to
// buf when keep is set.
func (qt *quoteTracker) scan(a *corpus.Article, si int, keep bool) {
	s := a.Sentences[si]
	if s.Para() != qt.para {
		qt.para, qt.open = s.Para(), false
	}
	toks := a.Tokens.In(s.Tokens())
	for i := range toks.Len() {
		switch toks.Kind(i) {
		case corpus.TokPunct:
			// The matching form makes curly quotes straight: the raw mark
			// tells an opening one from a closing one.
			if f := toks.Form(i); f != `"` && f != "«" && f != "»" && f != "„" {
				continue
			}
			was := qt.open
			switch sp := toks.Span(i); string(a.Raw[sp.Start:sp.End]) {
			case `"`:
				qt.open = !qt.open
			case "“", "«", "„":
				qt.open = true
			case "”", "»":
				qt.open = false
			}
			if keep && was && !qt.open {
				qt.endQuote()
			}
		case corpus.TokWord:
			if keep && qt.open && len(qt.buf) < maxQuotedWords {
				first := len(qt.buf) == 0 || qt.buf[len(qt.buf)-1].key == quoteBreak
				name := !first && capitalised(a.Raw[toks.Span(i).Start:])
				_, stopword := qt.forms.word(a, toks, i)
				qt.buf = append(qt.buf, quotedWord{key: qt.forms.lemmaKey(a, toks, i), content: !stopword && !name})
			}
		}
	}
	if keep {
		qt.endQuote()
	}
}

// endQuote closes the quotation buf ends with, if any: it sets its words'
// quoteLen and appends a quoteBreak.
func (qt *quoteTracker) endQuote() {
	n := len(qt.buf)
	start := n
	for start > 0 && qt.buf[start-1].key != quoteBreak {
		start--
	}
	if start == n {
		return
	}
	for i := start; i < n; i++ {
		qt.buf[i].quoteLen = int32(n - start)
	}
	qt.buf = append(qt.buf, quotedWord{key: quoteBreak})
}

// quoteRun is the longest run of quoted words two sentences share.
type quoteRun struct {
	words   int     // words of the run matched on both sides
	content int     // of which content words, names aside, on both sides
	mass    float64 // summed IDF of its content words
}

// sharedQuote returns the run quoteSearch finds between a and b when it
// may tell a quotation (quoteRun.tells), and the empty run when it cannot:
// when fewer than minQuoteContent of their content words are the same
// (see mayTell). Its callers ask only whether the run tells one, and how
// surely; the search was most of a short pair's candidate scoring.
func (m *matcher) sharedQuote(a, b quotedWords) quoteRun {
	if a == nil || b == nil || !mayTell(a, b) {
		return quoteRun{}
	}
	return m.quoteSearch(a, b)
}

// quoteSearch returns the longest run (by content words, then words) of
// quoted words that a and b both carry, in one quotation each, allowing
// one word inserted on either side, or changed, between two matched words;
// or sharedContent's run over their content words, when that is longer.
// Its cost is the product of the two quoted word counts, each at most
// maxQuotedWords; it keeps three rows of its table.
func (m *matcher) quoteSearch(a, b quotedWords) quoteRun {
	if a == nil || b == nil {
		return quoteRun{}
	}
	n, k := len(a), len(b)
	w := k + 1
	// Row i of exact holds the runs ending at a.keys[i-1] and each
	// b.keys[j-1] with no edit, of edited with one; zero where the two
	// words differ. Rows i-1 and i-2 are kept, in a ring of three.
	if m.quoteRows == nil {
		// Once, for the longest: a sentence keeps at most
		// maxQuotedWords words and breaks, and one closing break.
		m.quoteRows = make([]quoteRun, 6*(maxQuotedWords+2))
	}
	exact, edited := m.quoteRows[:3*w], m.quoteRows[3*w:6*w]
	clear(exact)
	clear(edited)
	row := func(t []quoteRun, i int) []quoteRun { return t[(i%3)*w : (i%3+1)*w] }
	var best quoteRun
	better := func(x, y quoteRun) bool {
		return x.content > y.content || x.content == y.content && x.words > y.words
	}
	for i := 1; i <= n; i++ {
		ex, ed := row(exact, i), row(edited, i)
		clear(ex)
		clear(ed)
		ex1, ed1 := row(exact, i-1), row(edited, i-1)
		var ex2 []quoteRun
		if i >= 2 {
			ex2 = row(exact, i-2)
		}
		ka := a[i-1].key
		if ka == quoteBreak {
			continue
		}
		// skipA: a.keys[i-2] may be passed over (a word, not a break).
		skipA := i >= 2 && a[i-2].key != quoteBreak
		for j := 1; j <= k; j++ {
			if ka != b[j-1].key {
				continue
			}
			step := quoteRun{words: 1}
			if a[i-1].content && b[j-1].content {
				step.content, step.mass = 1, m.lemmaIDF(ka)
			}
			add := func(r quoteRun) quoteRun {
				return quoteRun{r.words + step.words, r.content + step.content, r.mass + step.mass}
			}
			e := add(ex1[j-1])
			ex[j] = e
			// One edit: go on with an edited run, or join an exact one
			// across a word inserted on one side or changed on both.
			var d quoteRun
			if r := ed1[j-1]; r.words > 0 {
				d = add(r)
			}
			skipB := j >= 2 && b[j-2].key != quoteBreak
			var across [3]quoteRun
			if skipA {
				across[0] = ex2[j-1]
			}
			if skipB {
				across[1] = ex1[j-2]
			}
			if skipA && skipB {
				across[2] = ex2[j-2]
			}
			for _, r := range across {
				if r.words > 0 && better(add(r), d) {
					d = add(r)
				}
			}
			ed[j] = d
			// A short run must be half of the longer quotation it sits
			// in: a phrase two long quotations happen to share ("he felt
			// obstructed"), or a few words of one quoted whole by the
			// other ("very good news" of a tweet), is too little to tell
			// one event.
			long := int(max(a[i-1].quoteLen, b[j-1].quoteLen))
			need := min(minQuoteRun, (long+1)/2)
			for _, r := range [2]quoteRun{e, d} {
				if r.words >= need && better(r, best) {
					best = r
				}
			}
		}
	}
	if best.tells() && best.sure() {
		return best // nothing sharedContent finds would pair it more surely
	}
	if c := m.sharedContent(a, b); better(c, best) {
		best = c
	}
	return best
}

// tells reports whether r, a run sharedQuote found, tells one quotation.
func (r quoteRun) tells() bool { return r.content >= minQuoteContent && r.mass >= minQuoteMass }

// sure reports whether r is long enough to pair two sentences whatever
// the words around it, as a verbatim run of runLen words does.
func (r quoteRun) sure() bool { return r.words >= minQuoteRun && r.content >= sureQuoteContent }

// rank is the candidate's place in the order pairs are taken: its score,
// and quoteBonus more when it shares a quotation. A sentence that carries
// a quotation is paired with the passage quoting the same words before
// one that only reports them ("The DPRK will join international efforts
// … to halt the nuclear test altogether" against a headline that quotes
// two words of it). A pair whose sentences open with the same words
// (copied) ranks as one sharing a quotation: see copied.go.
func (c candidate) rank() float64 {
	switch {
	case c.sureQuote:
		return c.score + quoteBonus + sureQuoteBonus
	case c.quoted || c.copied:
		return c.score + quoteBonus
	}
	return c.score
}

// judgeQuote is judge's second chance for a pair it turned down: a pair
// that shares a quotation (r, the run sharedQuote found, tells one) is
// made as a quote pair when the model gives it at least quoteFloor or the
// run is sure, scored by the model's probability. Names alone are not a
// quotation.
func (m *matcher) judgeQuote(u, v *unit, f Features, r quoteRun) candidate {
	if m.model == nil || f[fNameOnly] == 1 || u.title || v.title || !r.tells() {
		return candidate{}
	}
	if p := m.model.Prob(f); p >= quoteFloor || r.sure() {
		return candidate{score: p, para: true, quoted: true}
	}
	return candidate{}
}
