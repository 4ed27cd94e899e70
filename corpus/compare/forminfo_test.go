package compare

import (
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestFormInfosMatchInfoOf checks that the per-article cache answers what
// infoOf answers for every word of two articles read in turn, back and
// forth, so that one article's answers never serve the other's forms.
func TestFormInfosMatchInfoOf(t *testing.T) {
	as := testcorpus.Seeds(t)
	var fi formInfos
	for _, a := range []*corpus.Article{as[0], as[1], as[0], as[2], as[2]} {
		for i := range a.Tokens.Len() {
			got, want := fi.info(a, a.Tokens, i), infoOf(a.Tokens.Form(i))
			if got.key != want.key || got.class != want.class || len(got.groups) != len(want.groups) {
				t.Fatalf("%s token %d %q: cached info %+v, infoOf %+v", a.ID, i, a.Tokens.Form(i), *got, *want)
			}
		}
	}
}

// TestFormInfosLemmaMatchesInfoOf checks the key, class and groups
// lemma keeps beside each form against infoOf, for every token of
// articles read in turn, back and forth, asked before word on some
// rounds and after it on others: lemma's entry must not stand for word's,
// nor word's for lemma's.
func TestFormInfosLemmaMatchesInfoOf(t *testing.T) {
	as := testcorpus.Seeds(t)
	var fi formInfos
	for k, a := range []*corpus.Article{as[0], as[1], as[0], as[2], as[2]} {
		for i := range a.Tokens.Len() {
			form := a.Tokens.Form(i)
			if k%2 == 0 {
				fi.word(a, a.Tokens, i)
			}
			key, class, groups := fi.lemma(a, a.Tokens, i)
			want := infoOf(form)
			if key != want.key || class != want.class || groups != (len(want.groups) > 0) || fi.lemmaKey(a, a.Tokens, i) != want.key {
				t.Fatalf("%s token %d %q: lemma (%#x, %v, %v), infoOf %+v", a.ID, i, form, key, class, groups, *want)
			}
			if h, stopword := fi.word(a, a.Tokens, i); h != corpus.HashForm(form) || stopword != corpus.IsStopword(form) {
				t.Fatalf("%s token %d %q: word after lemma (%#x, %v), want (%#x, %v)", a.ID, i, form, h, stopword, corpus.HashForm(form), corpus.IsStopword(form))
			}
		}
	}
}

// TestFormInfosWordMatchesCorpus checks the cached hash and stopword flag
// of every token, words and punctuation, of articles read in turn, back
// and forth, and mixed with info's lookups, against corpus.HashForm and
// corpus.IsStopword.
func TestFormInfosWordMatchesCorpus(t *testing.T) {
	as := testcorpus.Seeds(t)
	var fi formInfos
	for k, a := range []*corpus.Article{as[0], as[1], as[0], as[2], as[2]} {
		for i := range a.Tokens.Len() {
			if k%2 == 1 {
				fi.info(a, a.Tokens, i)
			}
			form := a.Tokens.Form(i)
			h, stopword := fi.word(a, a.Tokens, i)
			if h != corpus.HashForm(form) || stopword != corpus.IsStopword(form) {
				t.Fatalf("%s token %d %q: cached (%#x, %v), want (%#x, %v)", a.ID, i, form, h, stopword, corpus.HashForm(form), corpus.IsStopword(form))
			}
		}
	}
}
