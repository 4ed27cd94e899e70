package compare

import (
	"slices"
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

// TestFormInfosRelatedGroupsMatchInfoOf checks the copy of each form's
// related-word groups that relatedGroups reads against infoOf's, for
// every token of articles read in turn, back and forth, so that neither
// the copies of one article's forms serve the other's nor a form's copy
// another form's; and that a form of more groups than it copies is read
// from its info.
func TestFormInfosRelatedGroupsMatchInfoOf(t *testing.T) {
	as := testcorpus.Seeds(t)
	var fi formInfos
	withGroups := 0
	for _, a := range []*corpus.Article{as[0], as[1], as[0], as[2], as[2]} {
		for i := range a.Tokens.Len() {
			got, want := fi.relatedGroups(a, a.Tokens, i), infoOf(a.Tokens.Form(i)).groups
			if !slices.Equal(got, want) {
				t.Fatalf("%s token %d %q: groups %v, infoOf %v", a.ID, i, a.Tokens.Form(i), got, want)
			}
			if len(want) > 0 {
				withGroups++
			}
		}
	}
	if withGroups == 0 {
		t.Fatal("no word of the seed articles has related-word groups: the test checks nothing")
	}
	// A form of more groups than a copy holds.
	a := as[0]
	fi.use(a)
	many := &wordInfo{key: 1, groups: make([]uint32, maxCopiedGroups+1)}
	for i := range many.groups {
		many.groups[i] = uint32(i)
	}
	f := &fi.forms[a.Tokens.FormID(0)]
	*f = formInfo{info: many, key: many.key, flags: formGroups}
	if got := fi.relatedGroups(a, a.Tokens, 0); !slices.Equal(got, many.groups) {
		t.Fatalf("a form of %d groups: %d groups, want its info's", len(many.groups), len(got))
	}
}
