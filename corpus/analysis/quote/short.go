package quote

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
)

// shortGroups gathers qs, short quotes (scare quotes and quoted phrases:
// “beauties”, “alarm”) in article order, by wording: one quote per article
// in a group, the wordings most outlets share first, each group's speaker
// chosen as Groups chooses it. They carry no Ops: the wordings of a group
// are the same words.
func shortGroups(qs []Quote) []Group {
	byWording := make(map[string]int)
	var out []Group
	for _, q := range qs {
		k := wordingKey(q)
		if k == "" {
			continue
		}
		gi, ok := byWording[k]
		if !ok {
			gi = len(out)
			byWording[k] = gi
			out = append(out, Group{})
		}
		g := &out[gi]
		if n := len(g.Quotes); n > 0 && g.Quotes[n-1].Article == q.Article {
			continue
		}
		g.Quotes = append(g.Quotes, q)
	}
	for i := range out {
		out[i].Speaker = groupSpeaker(out[i].Quotes)
	}
	slices.SortStableFunc(out, func(x, y Group) int { return cmp.Compare(len(y.Quotes), len(x.Quotes)) })
	return out
}

// wordingKey is a quote's words in matching form (case-folded, quotes and
// dashes unified), for telling whether two short quotes are the same.
func wordingKey(q Quote) string {
	a := q.Article
	var words []string
	for _, p := range q.Parts {
		r := a.TokensIn(p)
		for _, t := range a.Tokens.In(r).All() {
			if t.Kind == corpus.TokWord {
				words = append(words, t.Form)
			}
		}
	}
	return strings.Join(words, " ")
}
