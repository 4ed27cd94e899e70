package analysis

import (
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/lazy"
)

// reportNouns name a telling of the news, as the verbs of speech do: a day
// beside one dates the telling. "released" is not one of them, nor is any
// word that names the news as well (hostages are released, a conference
// is held); "conference" counts only as a press or news conference (see
// reportNoun).
var reportNouns = lazy.Value[map[string]bool]{Build: func() map[string]bool {
	return map[string]bool{
		"announcement": true, "announcements": true, "statement": true, "statements": true,
		"report": true, "reports": true, "briefing": true, "briefings": true,
		"interview": true, "interviews": true, "remarks": true,
	}
}}

// reportNoun reports whether word token i of the sentence's token range r
// names a telling of the news: one of reportNouns, or "conference" after
// "press" or "news".
func reportNoun(a *corpus.Article, r corpus.Range, i int) bool {
	f := a.Tokens.Form(i)
	if reportNouns.Get()[f] {
		return true
	}
	if f != "conference" && f != "conferences" {
		return false
	}
	for j := i - 1; j >= r.Start; j-- {
		if a.Tokens.Kind(j) != corpus.TokWord {
			continue
		}
		return a.Tokens.Form(j) == "press" || a.Tokens.Form(j) == "news"
	}
	return false
}
