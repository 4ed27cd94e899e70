package quote

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// Transcript labels: "Ortiz: “…”", "TRUMP: "…"", and the fact-check's
// "TRUMP, saying …". A paragraph that opens with a speaker's label and
// a colon is that speaker's, and so is one that opens with an all-caps
// label and a comma. A label is a name only when the article writes it
// elsewhere as one ("Rep. Solomon Ortiz", "President Donald Trump"),
// and the speaker is the name as written there ("Trump", never
// "TRUMP"), or, a label of one word, when it is the surname of a speaker
// the article quotes before or of a person another report of the story
// names (speakerWord); labels of page furniture ("WATCH:", "THE FACTS:")
// name no one the article writes. A person's full name set before a
// colon that the quote follows directly, as a caption sets it, names its
// speaker even so (colonName). A journalist's label ("REPORTER:", "Q:")
// names no one either, but the words are still not whoever spoke
// before.

// labelWords is the most words a label has: "BRIAN WILLIAMS".
const labelWords = 3

// journalistLabels label the questions of a journalist the text does
// not name.
var journalistLabels = sync.OnceValue(func() map[string]bool {
	return wordSet("reporter", "reporters", "q", "question", "interviewer", "host", "moderator", "journalist")
})

// label returns the speaker that the label nearest before quote k in
// its paragraph names ("" for a journalist), the label's last token, and
// whether there is a label at all: one opening the paragraph, or one in
// capitals opening a sentence of it ("… or are these real leaks?
// TRUMP: Well, …").
func (s *scanner) label(k int) (name string, last int, ok bool) {
	q := s.qs[k]
	r := s.paraTokens(q.Para)
	end := s.info[k].outer[0].Start
	for c := end - 1; c > r.Start; c-- {
		if s.toks.Kind(c) != corpus.TokPunct || s.toks.Form(c) != ":" || s.inside[c] {
			continue
		}
		// Back over the label's words to the end of the sentence before.
		w, n := c, 0
		for j := c - 1; j > r.Start && n < labelWords; j-- {
			if t := s.toks.At(j); t.Kind == corpus.TokWord {
				w, n = j, n+1
			} else if t.Kind != corpus.TokSpace || t.Form != " " {
				break
			}
		}
		if w == c || w <= r.Start {
			continue
		}
		if b := s.prevVisible(w, r.Start); b < 0 || !sentenceEnders()[s.toks.Form(b)] {
			continue
		}
		if name, last, ok := s.labelAt(w, end, false); ok {
			return name, last, true
		}
	}
	if name, last, ok := s.labelAt(r.Start, end, true); ok {
		return name, last, true
	}
	return s.colonName(k)
}

// colonName returns the person's name right before the colon that quote
// k follows directly ("Opposition politician Cheick Oumar Sissoko:" and
// the quote, "President Trump: “…”"), as a caption or a
// summary sets a quote under its speaker, and the name's last token. A
// label the article writes nowhere else names no one (see label), as
// page furniture does ("WATCH:", "23 Photos:"); a name of two words or
// more, or after a title, not in capitals, and no organisation's, is a
// person's wherever it stands. One word is not, even a speaker's surname
// (see speakerWord): within a line it is as often whom the words are
// about ("Obama on Cohen: "…"").
func (s *scanner) colonName(k int) (name string, last int, ok bool) {
	r := s.paraTokens(s.qs[k].Para)
	c := s.colonBefore(k, r.Start)
	if c < 0 {
		return "", -1, false
	}
	w := s.prevVisible(c, r.Start)
	if w < 0 || s.toks.Kind(w) != corpus.TokWord || s.toks.Span(w).End != s.toks.Span(c).Start || s.inside[w] || !s.isName(w) {
		return "", -1, false
	}
	run := s.runBack(w, r.Start)
	titled := s.hasTitle(run, s.prevWord(run.Start, r.Start))
	for i := run.Start; i < run.End; i++ {
		if t := s.toks.At(i); t.Kind == corpus.TokWord && capsWord(s.a.Raw[t.Start:t.End]) {
			return "", -1, false // a transcript's label: label's to read
		}
	}
	if corpus.CountWords(s.toks.Slice(run.Start, run.End)) < 2 && !titled {
		return "", -1, false
	}
	if name = s.nameOf(run); name == "" || !s.isPerson(name) {
		return "", -1, false
	}
	return name, w, true
}

// colonBefore returns the colon, outside quotes and after start, that
// quote k follows directly or after one space, or -1 when there is none.
func (s *scanner) colonBefore(k, start int) int {
	open := s.info[k].outer[0].Start
	c := s.prevVisible(open, start)
	if c < 0 || s.toks.Form(c) != ":" || s.inside[c] || c+1 != open && (c+2 != open || s.toks.Form(c+1) != " ") {
		return -1
	}
	return c
}

// sentenceEnders end the sentence before a label inside a paragraph.
var sentenceEnders = sync.OnceValue(func() map[string]bool {
	return wordSet(".", "?", "!", "…", "...", "”", "\"", "—")
})

// labelAt reads a label starting at token i, before token end: one to
// labelWords capitalised words, then a colon, or, in capitals at a
// paragraph's start, a comma ("TRUMP, saying …"); inside a paragraph
// the label must be in capitals.
func (s *scanner) labelAt(i, end int, paraStart bool) (name string, last int, ok bool) {
	var words []int
	for ; i < end && len(words) <= labelWords; i++ {
		t := s.toks.At(i)
		if t.Kind == corpus.TokWord {
			if s.inside[i] || !upperInitial(s.a.Raw[t.Start:t.End]) {
				return "", -1, false
			}
			words = append(words, i)
			continue
		}
		if t.Kind == corpus.TokSpace && t.Form == " " && len(words) > 0 {
			continue
		}
		break
	}
	if len(words) == 0 || len(words) > labelWords || i >= end {
		return "", -1, false
	}
	caps := true
	for _, w := range words {
		caps = caps && allCaps(s.a.Raw[s.toks.Span(w).Start:s.toks.Span(w).End])
	}
	if !caps && !paraStart {
		return "", -1, false
	}
	switch s.toks.Form(i) {
	case ":":
	case ",":
		if !caps || !paraStart {
			return "", -1, false // "Trump, in a tweet: …" is prose
		}
	default:
		return "", -1, false
	}
	last = words[len(words)-1]
	if len(words) == 1 && journalistLabels()[s.toks.Form(last)] {
		return "", last, true
	}
	spelt := make([]string, len(words))
	for n, w := range words {
		if spelt[n] = s.nameSpelling(w); spelt[n] == "" && len(words) == 1 {
			spelt[n] = s.speakerWord(w)
		}
		if spelt[n] == "" {
			return "", -1, false
		}
	}
	return strings.Join(spelt, " "), last, true
}

// speakerWord returns how the story writes word w, a label of one word
// the article writes nowhere else as a name, when it is a speaker's
// surname all the same: the last word of the name of a speaker the
// article attributed a quote to before ("Cohen" of "“…,” Cohen said",
// for "Cohen:" or "COHEN:"), or the word as written, not in capitals,
// when another report of the story writes it as a person's surname (see
// storyNames): an outlet's transcript relies on the others' "Michael
// Cohen". A word neither says is page furniture as often as a name
// ("Photo:", "Update:"), and names no one.
func (s *scanner) speakerWord(w int) string {
	key := speakerKey(s.toks.Form(w))
	if known := s.known[key]; known != "" {
		return known[strings.LastIndexByte(known, ' ')+1:]
	}
	raw := s.a.Raw[s.toks.Span(w).Start:s.toks.Span(w).End]
	if capsWord(raw) || !s.story.surname(key) {
		return ""
	}
	return string(raw)
}

// nameSpelling returns how the article writes word w elsewhere as a
// person's name, not in capitals, with another name or a title ("Trump"
// of "Donald Trump" or "President Donald Trump’s" for "TRUMP"), or "".
func (s *scanner) nameSpelling(w int) string {
	f := s.toks.Form(w)
	for _, j := range slices.Concat(s.wordsIn(f, 0, s.toks.Len()), s.wordsIn(f+"'s", 0, s.toks.Len())) {
		j := int(j)
		if j == w || s.inside[j] || !s.isName(j) {
			continue
		}
		raw := s.a.Raw[s.toks.Span(j).Start:s.toks.Span(j).End]
		if s.toks.Form(j) != f { // "President Donald Trump’s press conference"
			raw = raw[:bytes.LastIndexAny(raw, "'’")]
		}
		if capsWord(raw) {
			continue
		}
		if s.opensSentence(j) {
			continue // another label, or a sentence's first word
		}
		if n := s.nextVisible(j+1, s.toks.Len()); n >= 0 && s.toks.Form(n) == ":" {
			continue // "… O.J. Simpson Photos: …": a label run into a caption
		}
		if r := (corpus.Range{Start: s.runBack(j, 0).Start, End: s.runForward(j, s.toks.Len()).End}); corpus.CountWords(s.toks.Slice(r.Start, r.End)) < 2 && !s.hasTitle(r, s.prevWord(r.Start, 0)) {
			continue // "23 Photos: …": a person's name has a given name or a title
		}
		return string(raw)
	}
	return ""
}

// capsWord reports whether b is in capitals and more than one character
// long, as a transcript's label writes a name ("TRUMP", not "I" or "A").
func capsWord(b []byte) bool { return allCaps(b) && utf8.RuneCount(b) > 1 }

func allCaps(b []byte) bool {
	for _, r := range string(b) {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// applyLabel gives quote k the speaker of the label before it in its
// paragraph when its own sentence names no one else: the quote opening
// the line, the first person, or the label itself as written ("TRUMP,
// saying"). Quotes in the first person without a label are the article
// writer's: no speaker.
func (s *scanner) applyLabel(k int) {
	q := &s.qs[k]
	if q.Source != "" {
		return
	}
	first := firstPerson(q.Speaker)
	name, last, ok := s.label(k)
	apply := false
	if ok {
		// The label's speaker says the quote that opens the line
		// ("Ortiz: “…”"), whatever the line's own subject says
		// ("TRUMP, bragging …: "…"", "TRUMP, saying"), and what "I"
		// says in it; a quote inside the line with no attribution of
		// its own may be anyone's the speaker reports ("They’re like,
		// “You can’t change our jokes anymore.”"): not theirs, but
		// no one's either after a journalist's label.
		sep := s.nextVisible(last+1, s.toks.Len())
		opens := s.nextVisible(sep+1, s.toks.Len()) == s.info[k].outer[0].Start
		own := strings.EqualFold(q.Speaker, string(s.a.Raw[s.toks.Span(last).Start:s.toks.Span(last).End]))
		apply = first || own || q.Speaker == "" && (opens || s.toks.Form(sep) == "," || name == "")
	}
	if apply {
		if q.Speaker == "" || name == "" {
			q.Verb = ""
		}
		q.Speaker = name
		s.info[k].kind, s.info[k].subject, s.info[k].settled = speakerName, last, true
		if name == "" {
			s.info[k].kind, s.info[k].subject = speakerNone, -1
		}
		return
	}
	if first {
		q.Speaker, q.Verb = "", ""
		s.info[k].kind, s.info[k].subject, s.info[k].settled = speakerNone, -1, true
		return
	}
	s.uncapitalise(k)
}

// uncapitalise spells quote k's speaker, a name in capitals ("“…,” SAYS
// COLBERT"), as the article writes it elsewhere ("Colbert"); an acronym
// the article never writes otherwise ("DNC") stays.
func (s *scanner) uncapitalise(k int) {
	q := &s.qs[k]
	w := s.info[k].subject
	if s.info[k].kind != speakerName || w < 0 {
		return
	}
	words := strings.Fields(q.Speaker)
	spelt := make([]string, len(words))
	for n := len(words) - 1; n >= 0; n-- {
		if w < 0 || string(s.a.Raw[s.toks.Span(w).Start:s.toks.Span(w).End]) != words[n] || !capsWord([]byte(words[n])) {
			return
		}
		if spelt[n] = s.nameSpelling(w); spelt[n] == "" {
			return
		}
		w = s.prevWord(w, 0)
	}
	q.Speaker = strings.Join(spelt, " ")
}

// firstPerson reports whether speaker is "I", contracted or not ("I'll").
func firstPerson(speaker string) bool {
	f := strings.ToLower(speaker)
	return f == "i" || strings.HasPrefix(f, "i'") || strings.HasPrefix(f, "i’")
}
