package story

import (
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
)

// Furniture: the clauses of a page that speak of the page, the site or
// the reader rather than of an event (a cookie notice, a call to
// subscribe, a reprints notice, an error page, the text of an embedded
// post's widget), which grouping leaves out.
//
// A page whose text is mostly furniture (its report lost on the way, a
// paywall or an error page saved in the report's place) is the same few
// sentences wherever it was saved, so such pages are near copies of one
// another, and their words, rare in news, weigh heavily: left in, they
// made one story of every page that had kept only a web archive's notice,
// or only a social network's notice on sharing one's location, whatever
// each page had been about. A clause is furniture when it names the
// page's own machinery twice (see furnitureWord), or once while
// addressing the reader; a report that mentions a website now and then
// keeps its other clauses, and only a page with little else left is not
// grouped at all (see furnitureMinRest), so that it is listed as a story
// of its own.

// furnitureWord reports whether w is a word of a page's own machinery:
// its pages, cookies and scripts, the reader's login, subscriptions and
// reprints, the posts of a social network. Such words name no event, so they tell no
// story from another. Each is found in news too ("the suspect's website",
// "an archived page"), so a clause needs two of them, or one beside a
// word addressed to the reader, and is short (furnitureMaxWords).
// Measured on the Multi-News corpus in a flat folder of 10,000 articles
// (scripts/archivegen): 54 pages are left ungrouped, every one of them a
// notice (a web archive's, a social network's, a reprints notice, a
// share-by-email form), and the clauses taken out of the other pages'
// text are notices but for a few sentences of reports on the web itself.
// The package's word sets are switches, so that nothing is built before
// main, in every run of newsdiff.
func furnitureWord(w string) bool {
	switch w {
	case "404", "ad-blocker", "adblock", "browser", "browsers", "click", "clicking", "cookie",
		"cookies", "crawl", "crawled", "crawls", "homepage", "javascript", "login", "newsletter",
		"newsletters", "page", "pages", "password", "reprint", "reprints", "retweet", "subscribe",
		"tweet", "tweets", "unsubscribe", "url", "username", "web", "webpage", "website",
		"websites", "www":
		return true
	}
	return false
}

// furnitureMaxWords is the most words a furniture clause has: a longer
// one is a report's, or a notice run together with a report's first
// sentence, whose words are wanted.
const furnitureMaxWords = 50

// isReaderWord reports whether w addresses the reader.
func isReaderWord(w string) bool {
	switch w {
	case "you", "your", "yours", "yourself", "you're", "you'll", "you've":
		return true
	}
	return false
}

// furnitureMinRest: a page at least half of whose words are in furniture
// clauses, with fewer content words than this left, is not grouped at
// all. Fewer than this are too few to tell one event from another.
const furnitureMinRest = 20

// isFurnitureWord reports whether w, a word's matching form, names a
// page's machinery (see furnitureWord).
func isFurnitureWord(w string) bool {
	if c, ok := strings.CutSuffix(w, "'s"); ok {
		w = c
	} else if c, ok := strings.CutSuffix(w, "’s"); ok {
		w = c
	}
	return furnitureWord(w)
}

// furnitureRanges returns the token ranges of a's furniture, in text
// order: the clauses of its sentences (see clauseEnd) that are short and
// hold two distinct furniture words, or one and a word addressed to the
// reader. Clauses, not sentences, since in a page whose text was run
// together ("…will be preserved.Then the…") one sentence may hold a
// notice and the report after it.
func furnitureRanges(a *corpus.Article) []corpus.Range {
	var out []corpus.Range
	for _, s := range a.Sentences {
		r := s.Tokens()
		start := r.Start
		for k := r.Start; k < r.End; k++ {
			if k+1 == r.End || clauseEnd(a, k) {
				if isFurniture(a, corpus.Range{Start: start, End: k + 1}) {
					out = append(out, corpus.Range{Start: start, End: k + 1})
				}
				start = k + 1
			}
		}
	}
	return out
}

// clauseEnd reports whether token k ends a clause: a full stop, a
// question or exclamation mark or a semicolon, with or without a space
// after it. Text run together ("…will be preserved.then the…") has
// clauses the sentence splitter does not see; the points of an
// abbreviation or a number ("u.s.", "5.8") are inside their word.
func clauseEnd(a *corpus.Article, k int) bool {
	if a.Tokens.Kind(k) != corpus.TokPunct {
		return false
	}
	switch a.Tokens.Form(k) {
	case ".", "!", "?", ";":
		return true
	}
	return false
}

// isFurniture reports whether the tokens r of a are a furniture clause.
// A clause with a quotation mark is a report's, quoting a page or a
// person ("if you think you have found a bug on our website, tell us,"
// the site reads), whose words are the report's too.
func isFurniture(a *corpus.Article, r corpus.Range) bool {
	var machinery [2]string // the first two distinct furniture words
	reader, words := false, 0
	for k := r.Start; k < r.End; k++ {
		if a.Tokens.Kind(k) == corpus.TokPunct {
			switch a.Tokens.Form(k) {
			case `"`, "“", "”":
				return false
			}
		}
		if a.Tokens.Kind(k) != corpus.TokWord {
			continue
		}
		if words++; words > furnitureMaxWords {
			return false
		}
		w := strings.ToLower(a.Tokens.Form(k))
		switch {
		case isFurnitureWord(w):
			if machinery[0] == "" {
				machinery[0] = w
			} else if w != machinery[0] {
				machinery[1] = w
			}
		case isReaderWord(w):
			reader = true
		}
	}
	return machinery[0] != "" && (machinery[1] != "" || reader)
}
