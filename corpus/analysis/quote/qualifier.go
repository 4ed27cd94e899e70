package quote

import (
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// qualifiedRun returns the name run that name run r, after a verb
// ("said Trump spokesman Sean Spicer"), stands for: a run that only says
// whose or of what the person after it is ("Trump", "White House", "U.S.
// Forest Service" before "spokesman", "press secretary", "volunteer")
// gives way to the name after its few lower-case words; a run ending in
// an organisation's word takes the name its "of" adds ("Department of
// Defense"). Otherwise it is r.
func (s *scanner) qualifiedRun(r corpus.Range, end int) corpus.Range {
	w := s.nextVisible(r.End, end)
	if s.isPossessive(r.End - 1) {
		return r
	}
	if w >= 0 && s.toks.Form(w) == "of" && orgWords()[s.toks.Form(r.End-1)] {
		if n := s.nextWord(w+1, end); n >= 0 && s.nextVisible(w+1, end) == n && s.isName(n) {
			if of := s.runForward(n, end); !s.isPossessive(of.End - 1) {
				return corpus.Range{Start: r.Start, End: of.End}
			}
		}
		return r
	}
	for n := 0; n < 3 && w >= 0 && s.toks.Kind(w) == corpus.TokWord && !s.inside[w]; n++ {
		f := s.toks.Form(w)
		if s.isName(w) {
			if n == 0 {
				return r
			}
			if next := s.runForward(w, end); !s.isPossessive(next.End - 1) {
				return s.qualifiedRun(next, end)
			}
			return r
		}
		if wordSets().functionWords[f] || s.isVerbLike(w) || wordSets().afterVerbStops[f] || wordSets().notNames[f] ||
			!lexicon.IsLemma(lexicon.Lemma(f), "n") && !lexicon.IsLemma(lexicon.Lemma(f), "a") {
			return r // "Issa Abed al-Majid Mansour": not a description
		}
		nx := s.nextVisible(w+1, end)
		if nx < 0 || s.toks.Kind(nx) != corpus.TokWord {
			return r // a mark ends the words: "said Trump, spokesman …"
		}
		w = nx
	}
	return r
}
