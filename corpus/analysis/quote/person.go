package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
)

// personSubject returns the first named subject in [start, end) that can
// be a person: "he" or "she" stands for a person, so a name ending in an
// organisation word ("St. Louis Tea Party organizer Bill Hennessy wrote")
// or naming the article's own outlet ("Breitbart London reported … when
// he said") is passed over for the name after it, if any. passed
// reports that such a name was passed over: the clause is about that
// organisation, and a sentence further back is no safer an antecedent.
func (s *scanner) personSubject(start, end int) (name string, kind, subj int, passed bool) {
	for start < end {
		name, kind, subj = s.clauseSubject(start, end)
		if kind != speakerName || s.isPerson(name) {
			return name, kind, subj, passed
		}
		passed = true
		if subj < start {
			break
		}
		start = subj + 1
	}
	name, kind, subj = noSpeaker()
	return name, kind, subj, passed
}

// isPerson reports whether a speaker's name can be a person's: its last
// word is no organisation word, and its first word is not the name of the
// outlet that wrote the article.
func (s *scanner) isPerson(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if len(words) == 0 {
		return false
	}
	if orgWords()[strings.TrimSuffix(words[len(words)-1], ".")] {
		return false
	}
	for _, w := range outletWords(s.a.Outlet) {
		if words[0] == w {
			return false
		}
	}
	return true
}

// outletWords returns the words of an outlet's label long enough to name
// it ("05_breitbart" → "breitbart"): short ones ("al", "the", "05") would
// match people's names.
func outletWords(outlet string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(outlet), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 && w != "news" && w != "daily" {
			out = append(out, w)
		}
	}
	return out
}

// contracted returns word form f without a contracted "has" or "is"
// ("he's" → "he"), or f.
func contracted(f string) string {
	for _, s := range []string{"'s", "’s"} {
		if p, ok := strings.CutSuffix(f, s); ok {
			return p
		}
	}
	return f
}

// joinedToPronoun reports whether [start, end), a sentence, joins
// pronoun to a name by "and" inside it ("a TV show that he and O'Neil
// had presented"): the sentence names the one the pronoun stands for only
// as the pronoun, and the name in it is someone else. Opening the
// sentence ("He and Batygin hope"), the pronoun is its subject, which
// resolvePronoun passes over as any pronoun subject.
func (s *scanner) joinedToPronoun(start, end int, pronoun string) bool {
	for _, w := range s.wordsIn(pronoun, start, end) {
		i := int(w)
		and := s.nextWord(i+1, end)
		if s.inside[i] || s.nextOutside(start, end) == i || and < 0 || s.nextVisible(i+1, end) != and || s.toks.Form(and) != "and" {
			continue
		}
		if n := s.nextWord(and+1, end); n >= 0 && s.nextVisible(and+1, end) == n && s.isName(n) {
			return true
		}
	}
	return false
}

// namesPerson reports whether name, a sentence's subject whose last word
// is token subj, is a person's for a pronoun to stand for: a name of two
// words or more; or one word the article writes elsewhere as part of a
// longer name ("Trump" of "Donald Trump", "Jenni" of "Jenni Farley"),
// with a title ("Dr Brown"), or attributes a quote to; or, read with its
// story, one another report of the story writes as a surname (see
// storyNames): an outlet that calls him only "Trump" relies on the
// others' "President Donald Trump". A lone capitalised word no text
// writes so is as often a thing or a place ("Laughter — and applause —
// ensued", "Caihong may not have used", "the coroner for north Wales",
// "Along the way").
//
// The story's other reports are asked last, when the article's own text
// has not told: asking reads them (storyNames).
func (s *scanner) namesPerson(name string, subj int) bool {
	if strings.Contains(name, " ") || s.known[speakerKey(name)] != "" || (subj >= 0 && s.writesAsName(subj)) {
		return true
	}
	return s.story.surname(speakerKey(name))
}

// writesAsName reports whether the article writes the word of token
// subj, or its possessive, elsewhere as part of a longer name, with a
// title, or after a capitalised word (see namesPerson).
func (s *scanner) writesAsName(subj int) bool {
	f := s.toks.Form(subj)
	for _, form := range []string{f, f + "'s"} { // "Greg Gianforte's assault"
		for _, o := range s.wordsIn(form, 0, s.toks.Len()) {
			i := int(o)
			if !s.isName(i) {
				continue
			}
			back, fwd := s.runBack(i, 0), s.runForward(i, s.toks.Len())
			if corpus.CountWords(s.toks.Slice(back.Start, back.End)) > 1 || corpus.CountWords(s.toks.Slice(fwd.Start, fwd.End)) > 1 ||
				s.hasTitle(back, s.prevWord(back.Start, 0)) || s.capitalisedBefore(back.Start) {
				return true
			}
		}
	}
	return false
}

// capitalisedBefore reports whether the word right before token i, a
// single space between, is capitalised inside its sentence and owns
// nothing: "April" of "April Ryan", a name whose first word is also a
// month's.
func (s *scanner) capitalisedBefore(i int) bool {
	w := i - 2
	if w < 0 || s.toks.Kind(w) != corpus.TokWord || s.toks.Kind(w+1) != corpus.TokSpace || s.toks.Form(w+1) != " " || s.isPossessive(w) {
		return false
	}
	if si := s.sentOf[w]; si < 0 || s.first[si] == int32(w) {
		return false
	}
	r, _ := utf8.DecodeRune(s.a.Raw[s.toks.Span(w).Start:])
	return unicode.IsUpper(r)
}

// storyNames tells whether the articles of a story write a word as a
// person's surname: the last word of a run of name words in prose that
// is a title and a name ("President Trump", "Mr. Comey") or two or three
// names ("Donald Trump", "Ruth Bader Ginsburg"), and whose name is a
// person's (not "Kansas City Police"). A headline, a caption or a line
// of page furniture gives none. It reads an article only when asked
// about a word, which few articles need: most name whom "he" stands for
// in full.
type storyNames struct {
	arts     []*corpus.Article
	scanners []*scanner // made on first use
	known    map[string]bool
}

// newStoryNames returns the surnames of the story of arts.
func newStoryNames(arts []*corpus.Article) *storyNames {
	return &storyNames{arts: arts, scanners: make([]*scanner, len(arts)), known: make(map[string]bool)}
}

// surname reports whether an article of the story writes the word of
// key (see speakerKey) as a person's surname.
func (st *storyNames) surname(key string) bool {
	if st == nil || key == "" {
		return false
	}
	if found, ok := st.known[key]; ok {
		return found
	}
	found := false
	for i := range st.arts {
		if s := st.scanner(i); s != nil && s.writesSurname(key) {
			found = true
			break
		}
	}
	st.known[key] = found
	return found
}

// scanner returns the indexed scanner of article i, or nil for an
// article with no text.
func (st *storyNames) scanner(i int) *scanner {
	if st.scanners[i] == nil {
		a := st.arts[i]
		if a == nil || a.Tokens.Len() == 0 || len(a.Paragraphs) == 0 {
			return nil
		}
		if v := visibleText(a); v != nil {
			a = v.text
		}
		st.scanners[i] = &scanner{a: a, toks: a.Tokens}
		st.scanners[i].index()
	}
	return st.scanners[i]
}

// maxNameWords is the most words a run of names writesSurname takes as
// one person's name, its titles left out: more is a headline's or an
// organisation's run of capitals.
const maxNameWords = 3

// writesSurname reports whether the article's prose writes the word of
// key as a person's surname (see storyNames).
func (s *scanner) writesSurname(key string) bool {
	for _, form := range []string{key, key + "'s"} {
		for _, o := range s.wordsIn(form, 0, s.toks.Len()) {
			i := int(o)
			si := s.sentOf[i]
			if si < 0 || !s.isName(i) || s.captionSentence(int(si)) {
				continue
			}
			pi := s.a.Sentences[si].Para()
			if s.a.Paragraphs[pi].Role != corpus.RoleProse || !s.endsAsProse(pi) {
				continue
			}
			r := s.a.Sentences[si].Tokens()
			if !s.isPossessive(i) && s.runForward(i, r.End).End > i+1 {
				continue // not the last word of its run
			}
			run := s.runBack(i, r.Start)
			name := s.nameOf(run)
			n := strings.Count(name, " ") + 1
			if n <= maxNameWords && (n > 1 || s.hasTitle(run, s.prevWord(run.Start, r.Start))) && s.isPerson(name) {
				return true
			}
		}
	}
	return false
}
