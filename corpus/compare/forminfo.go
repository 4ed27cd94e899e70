package compare

import "github.com/newsdiff/newsdiff/corpus"

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
	infos   []*wordInfo // by corpus.Tokens.FormID; nil until looked up
	hashes  []uint64    // corpus.HashForm of each form, once flags says so
	flags   []uint8     // formKnown, and formStopword when it is one
}

const (
	formKnown    = 1 << iota // hashes and formStopword are set
	formStopword             // corpus.IsStopword
	formNoted                // its related-word groups are in matcher.groupsOf
)

// use makes fi hold a's forms. One set of buffers serves both articles of
// a comparison in turn.
func (fi *formInfos) use(a *corpus.Article) {
	if fi.article == a {
		return
	}
	n := a.Tokens.FormCount()
	fi.infos = resized(fi.infos, n)
	fi.hashes = resized(fi.hashes, n)
	fi.flags = resized(fi.flags, n)
	fi.article = a
}

// word returns corpus.HashForm(toks.Form(i)) and whether the form is a
// stopword, toks being tokens of a.
func (fi *formInfos) word(a *corpus.Article, toks corpus.Tokens, i int) (hash uint64, stopword bool) {
	fi.use(a)
	id := toks.FormID(i)
	f := fi.flags[id]
	if f == 0 {
		form := toks.Form(i)
		fi.hashes[id] = corpus.HashForm(form)
		f = formKnown
		if corpus.IsStopword(form) {
			f |= formStopword
		}
		fi.flags[id] = f
	}
	return fi.hashes[id], f&formStopword != 0
}

// info returns infoOf(toks.Form(i)), toks being tokens of a.
func (fi *formInfos) info(a *corpus.Article, toks corpus.Tokens, i int) *wordInfo {
	fi.use(a)
	id := toks.FormID(i)
	wi := fi.infos[id]
	if wi == nil {
		wi = infoOf(toks.Form(i))
		fi.infos[id] = wi
	}
	return wi
}

// noted reports whether word i of toks, tokens of a, was noted before,
// and notes it. The notes go with a's other flags when another article
// takes fi, and with the matcher's comparison (matcher.empty).
func (fi *formInfos) noted(a *corpus.Article, toks corpus.Tokens, i int) bool {
	fi.word(a, toks, i) // sets the form's flags when first seen
	id := toks.FormID(i)
	was := fi.flags[id]&formNoted != 0
	fi.flags[id] |= formNoted
	return was
}
