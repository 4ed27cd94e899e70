package compare

import "github.com/newsdiff/newsdiff/corpus"

// formInfos keeps what infoOf says of each distinct form of the article
// whose sentences the matcher is reading, by the form's index in the
// article: a word is looked up in the process-wide cache once an article
// rather than once an occurrence. That cache is a concurrent map keyed by
// string; at 100,000 words its lookups, mostly cache misses, were the
// part of reading sentences that grew fastest.
type formInfos struct {
	article *corpus.Article
	infos   []*wordInfo // by corpus.Tokens.FormID; nil until looked up
}

// info returns infoOf(toks.Form(i)), toks being tokens of a.
func (fi *formInfos) info(a *corpus.Article, toks corpus.Tokens, i int) *wordInfo {
	if fi.article != a {
		// One buffer serves both articles of a comparison in turn.
		n := a.Tokens.FormCount()
		if cap(fi.infos) < n {
			fi.infos = make([]*wordInfo, n)
		} else {
			fi.infos = fi.infos[:n]
			clear(fi.infos)
		}
		fi.article = a
	}
	id := toks.FormID(i)
	wi := fi.infos[id]
	if wi == nil {
		wi = infoOf(toks.Form(i))
		fi.infos[id] = wi
	}
	return wi
}
