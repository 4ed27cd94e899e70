package compare

import (
	"math"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/lexicon"
)

// formInfos keeps what infoOf says of each distinct form of the article
// whose sentences the matcher is reading, by the form's index in the
// article: a word is looked up in the process-wide cache once an article
// rather than once an occurrence. That cache is a concurrent map keyed by
// string; at 100,000 words its lookups, mostly cache misses, were the
// part of reading sentences that grew fastest.
//
// It keeps each form's hash and whether it is a stopword the same way:
// reading a sentence asked the stopword map up to three times a word, and
// at 10,000 words those lookups were a twelfth of a comparison.
type formInfos struct {
	article *corpus.Article
	forms   []formInfo // by corpus.Tokens.FormID
	// groups holds a copy of the related-word groups of each form looked
	// up that has any, one form's after another's (formInfo.groupsAt):
	// a sentence's meaning gathers the groups of every occurrence, and
	// read through the form's info, a wordInfo of the process-wide cache
	// wherever it was allocated, each was a cache miss once a long
	// article's words outgrew the cache. At 100,000 words a side that
	// read took 80 times what it did at 10,000, a fiftieth of the
	// comparison; the copies of an article's forms sit together.
	groups []uint32
}

// formInfo is what formInfos keeps of one form, together: held in three
// slices, a word's hash, flags and info were three reads, each its own
// cache miss once a long article's forms outgrow the cache, and word and
// info are asked of the same word one after the other.
//
// It keeps the key and class of the form's info beside it, as lemma
// returns them: a wordInfo is the process-wide cache's, wherever it was
// allocated, and reading it for every word missed the cache as often as
// the forms' tables did.
type formInfo struct {
	hash uint64    // corpus.HashForm of the form, once flags says so
	key  uint64    // info.key, once info is set
	info *wordInfo // nil until looked up
	// groupsAt and nGroups place the copy of info.groups in
	// formInfos.groups, when formGroups is set and nGroups is not 0 (a
	// form of more than maxCopiedGroups is read from info). They fill
	// what the struct's alignment left over: it is 32 bytes either way.
	groupsAt uint32
	flags    uint8         // formKnown, formStopword, formNoted, formGroups
	class    lexicon.Class // info.class, once info is set
	nGroups  uint8
}

// maxCopiedGroups is the most related-word groups of one form that
// formInfos copies.
const maxCopiedGroups = 1<<8 - 1

const (
	formKnown    = 1 << iota // hash and formStopword are set
	formStopword             // corpus.IsStopword
	formNoted                // its related-word groups are in matcher.groupsOf
	formGroups               // info has related-word groups
)

// use makes fi hold a's forms. One set of buffers serves both articles of
// a comparison in turn.
func (fi *formInfos) use(a *corpus.Article) {
	if fi.article == a {
		return
	}
	fi.forms = resized(fi.forms, a.Tokens.FormCount())
	fi.groups = fi.groups[:0]
	fi.article = a
}

// word returns corpus.HashForm(toks.Form(i)) and whether the form is a
// stopword, toks being tokens of a.
func (fi *formInfos) word(a *corpus.Article, toks corpus.Tokens, i int) (hash uint64, stopword bool) {
	fi.use(a)
	f := &fi.forms[toks.FormID(i)]
	if f.flags&formKnown == 0 {
		form := toks.Form(i)
		f.hash = corpus.HashForm(form)
		f.flags |= formKnown
		if corpus.IsStopword(form) {
			f.flags |= formStopword
		}
	}
	return f.hash, f.flags&formStopword != 0
}

// info returns infoOf(toks.Form(i)), toks being tokens of a.
func (fi *formInfos) info(a *corpus.Article, toks corpus.Tokens, i int) *wordInfo {
	return fi.lookUp(a, toks, i).info
}

// lemma returns the key and class of info(a, toks, i), and whether it
// has related-word groups, from fi's own table.
func (fi *formInfos) lemma(a *corpus.Article, toks corpus.Tokens, i int) (key uint64, class lexicon.Class, groups bool) {
	f := fi.lookUp(a, toks, i)
	return f.key, f.class, f.flags&formGroups != 0
}

// lemmaKey returns the key of info(a, toks, i), from fi's own table.
func (fi *formInfos) lemmaKey(a *corpus.Article, toks corpus.Tokens, i int) uint64 {
	return fi.lookUp(a, toks, i).key
}

// lookUp returns word i's entry, its info set.
func (fi *formInfos) lookUp(a *corpus.Article, toks corpus.Tokens, i int) *formInfo {
	fi.use(a)
	f := &fi.forms[toks.FormID(i)]
	if f.info == nil {
		wi := infoOf(toks.Form(i))
		f.info, f.key, f.class = wi, wi.key, wi.class
		if n := len(wi.groups); n > 0 {
			f.flags |= formGroups
			if n <= maxCopiedGroups && uint64(len(fi.groups))+uint64(n) <= math.MaxUint32 {
				f.groupsAt, f.nGroups = uint32(len(fi.groups)), uint8(n)
				fi.groups = append(fi.groups, wi.groups...)
			}
		}
	}
	return f
}

// relatedGroups returns the related-word groups of word i of toks,
// tokens of a (info(a, toks, i).groups), from fi's copy when it has one.
// They may be fi's memory: the caller copies them.
func (fi *formInfos) relatedGroups(a *corpus.Article, toks corpus.Tokens, i int) []uint32 {
	f := fi.lookUp(a, toks, i)
	switch {
	case f.flags&formGroups == 0:
		return nil
	case f.nGroups == 0:
		return f.info.groups
	}
	return fi.groups[f.groupsAt : f.groupsAt+uint32(f.nGroups) : f.groupsAt+uint32(f.nGroups)]
}

// noted reports whether word i of toks, tokens of a, was noted before,
// and notes it. The notes go with a's other flags when another article
// takes fi, and with the matcher's comparison (matcher.empty).
func (fi *formInfos) noted(a *corpus.Article, toks corpus.Tokens, i int) bool {
	fi.word(a, toks, i) // sets the form's flags when first seen
	f := &fi.forms[toks.FormID(i)]
	was := f.flags&formNoted != 0
	f.flags |= formNoted
	return was
}
