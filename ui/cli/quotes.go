package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/analysis/quote"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

func init() {
	register("quotes", true, storyCommand{
		name:  "quotes",
		short: "The quotations, grouped by utterance, as each outlet words it",
		long: fmt.Sprintf(`The quotations of %d or more words in a story, grouped by what was said,
with who each outlet says said it and how; each outlet's wording is shown
against the most common one (marked *). Shorter ones, scare quotes and
quoted phrases ("beauties"), are left out here; the reader's quotes view
counts and lists them.`, quote.MinWords),
		example: "  newsdiff quotes\n  newsdiff quotes ~/stories --story 2 --format json",
		formats: []string{"plain", "json", "ansi"},
		ansi:    "ansi",
		write:   writeQuotes,
		light:   writeQuotesLight,
	}.build)
}

type jsonQuote struct {
	ID      string `json:"id"`
	Outlet  string `json:"outlet"`
	Speaker string `json:"speaker"`
	Verb    string `json:"verb"`
	// Source is the document or medium the words are attributed to
	// when no speaker is named (quote.Quote.Source).
	Source string   `json:"source,omitempty"`
	Hedges []string `json:"hedges"`
	Common bool     `json:"common"`
	Text   string   `json:"text"`
	Parts  [][2]int `json:"parts"`
	// Diff is the quote against the common wording, wdiff-style.
	Diff string `json:"diff"`
}

type jsonQuoteGroup struct {
	Speaker string      `json:"speaker"`
	Outlets int         `json:"outlets"`
	Quotes  []jsonQuote `json:"quotes"`
}

// quoteSegments lays out quote i of g against the group's common wording:
// equal words plain, words only the common wording has as "del", words only
// quote i has as "ins" ("minor" for punctuation). The common wording itself
// comes back as one plain segment.
func quoteSegments(g quote.Group, i int) []segment {
	q := g.Quotes[i]
	if i == g.Common || i >= len(g.Ops) {
		return []segment{{"", termsafe.Display(q.Text())}}
	}
	common := g.Quotes[g.Common]
	opText := func(op compare.Op) string {
		if op.Kind == compare.OpDelete {
			return common.TextIn(op.Left)
		}
		return q.TextIn(op.Right)
	}
	var segs []segment
	// Ops never span the gap between two parts of a joined quote; where a
	// side jumps, the words of two parts meet and need a space.
	lastL, lastR := -1, -1
	for k, op := range g.Ops[i] {
		if (op.Kind != compare.OpInsert && lastL >= 0 && op.Left.Start != lastL) ||
			(op.Kind != compare.OpDelete && lastR >= 0 && op.Right.Start != lastR) {
			segs = append(segs, segment{"", " "})
		}
		if op.Kind != compare.OpInsert {
			lastL = op.Left.End
		}
		if op.Kind != compare.OpDelete {
			lastR = op.Right.End
		}
		switch {
		case op.Kind != compare.OpEqual && atJoint(g.Ops[i], k) && strings.TrimSpace(opText(op)) == "":
			// Where the other side's parts meet, the joint reads as a
			// space: the space this side has there is no change ("{+ +}").
			segs = append(segs, segment{"", " "})
		case op.Kind == compare.OpEqual:
			segs = append(segs, segment{"", termsafe.Display(q.TextIn(op.Right))})
		case op.Kind == compare.OpDelete:
			segs = append(segs, segment{"del", termsafe.Display(common.TextIn(op.Left))})
		case op.Kind == compare.OpInsert:
			segs = append(segs, segment{"ins", termsafe.Display(q.TextIn(op.Right))})
		}
	}
	return shareSpaces(segs)
}

// shareSpaces writes plain the space a deletion and the insertion after it
// both have, as diff does (see sharedSpace): "bridge[-, -]{+ +}and" is
// "bridge[-,-] and", and "bridge[- -]{+, +}and" is "bridge{+,+} and".
func shareSpaces(segs []segment) []segment {
	var out []segment
	for k := 0; k < len(segs); k++ {
		if k+1 < len(segs) && segs[k].Kind == "del" && segs[k+1].Kind == "ins" {
			if words, space, fromDel, ok := sharedSpace(segs[k].Text, segs[k+1].Text); ok {
				kind := "ins"
				if fromDel {
					kind = "del"
				}
				out = append(out, segment{kind, words}, segment{"", space})
				k++
				continue
			}
		}
		out = append(out, segs[k])
	}
	return out
}

// atJoint reports whether ops[k], an insert or a delete, lies where the
// other side's parts meet: that side's ops before and after it do not
// touch.
func atJoint(ops []compare.Op, k int) bool {
	other := func(op compare.Op) (corpus.Span, bool) {
		if ops[k].Kind == compare.OpInsert {
			return op.Left, op.Kind != compare.OpInsert
		}
		return op.Right, op.Kind != compare.OpDelete
	}
	var before, after corpus.Span
	found := false
	for j := k - 1; j >= 0 && !found; j-- {
		before, found = other(ops[j])
	}
	if !found {
		return false
	}
	found = false
	for j := k + 1; j < len(ops) && !found; j++ {
		after, found = other(ops[j])
	}
	return found && after.Start != before.End
}

// quoteDiff renders quoteSegments with m's markers, on one line.
func quoteDiff(g quote.Group, i int, m marks) string {
	var sb strings.Builder
	for _, seg := range quoteSegments(g, i) {
		switch seg.Kind {
		case "del":
			sb.WriteString(m.del(seg.Text))
		case "ins":
			sb.WriteString(m.ins(seg.Text))
		default:
			sb.WriteString(seg.Text)
		}
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

func writeQuotes(w io.Writer, format string, an *analysis.Analysis) error {
	return writeQuotesOn(w, format, an, false)
}

// writeQuotesLight is writeQuotes for a terminal with a light background.
func writeQuotesLight(w io.Writer, format string, an *analysis.Analysis) error {
	return writeQuotesOn(w, format, an, true)
}

func writeQuotesOn(w io.Writer, format string, an *analysis.Analysis, light bool) error {
	m := plainMarks()
	if format == "ansi" {
		m = ansiMarks(light)
	}
	if format == "json" {
		out := struct {
			Story  string           `json:"story"`
			Groups []jsonQuoteGroup `json:"groups"`
			Note   string           `json:"note,omitempty"` // see storyNote
		}{Story: an.Story.Name, Groups: []jsonQuoteGroup{}, Note: storyNote(an)}
		for _, g := range an.Quotes {
			jg := jsonQuoteGroup{Speaker: g.Speaker, Outlets: len(g.Quotes)}
			for i, q := range g.Quotes {
				jq := jsonQuote{ID: q.Article.ID, Outlet: q.Article.Outlet, Speaker: q.Speaker, Verb: q.Verb, Source: q.Source,
					Hedges: append([]string{}, q.Hedges...), Common: i == g.Common, Text: q.Text(), Diff: quoteDiff(g, i, m)}
				for _, p := range q.Parts {
					jq.Parts = append(jq.Parts, fileSpan(q.Article, p))
				}
				jg.Quotes = append(jg.Quotes, jq)
			}
			out.Groups = append(out.Groups, jg)
		}
		return writeJSON(w, out)
	}
	storyHeader(w, an)
	shared := 0
	for _, g := range an.Quotes {
		if len(g.Quotes) > 1 {
			shared++
		}
	}
	fmt.Fprintf(w, "%s\n", quotesSummary(len(an.Quotes), shared))
	if len(an.Quotes) > 0 {
		// The key to wordings, where there are any.
		fmt.Fprintf(w, "each outlet's wording against the most common one (*): %s %s\n", m.del("only the common wording"), m.ins("only this outlet"))
	}
	name := outletNamer(an)
	for _, g := range an.Quotes {
		fmt.Fprintf(w, "\n%s\n", m.label(fmt.Sprintf("## “%s” · %s · %s", firstWordsOf(termsafe.Display(g.Quotes[g.Common].Text()), 10), groupSpeaker(g), plural.Count(len(g.Quotes), "outlet", "outlets"))))
		for i, q := range g.Quotes {
			who := attribution(q)
			mark := " "
			if i == g.Common && len(g.Quotes) > 1 {
				mark = "*"
			}
			fmt.Fprintf(w, "%s %s ¶%d (%s)\n    %s\n", mark, name(q.Article), q.Para+1, who, quoteDiff(g, i, m))
		}
	}
	return nil
}

// quotesSummary is the line that counts a story's quotations and those
// of them two or more outlets carry: "19 quotations, 5 of them carried by
// two or more outlets", but "1 quotation, carried by one outlet" and "0
// quotations", where "1 quotation, 0 of them" and "0 quotations, 0 of
// them" were said.
func quotesSummary(n, shared int) string {
	switch {
	case n == 0:
		return "0 quotations"
	case n == 1 && shared == 1:
		return "1 quotation, carried by two or more outlets"
	case n == 1:
		return "1 quotation, carried by one outlet"
	case shared == 0:
		return digits.Group(n) + " quotations, none of them carried by two or more outlets"
	}
	return plural.Count(n, "quotation", "quotations") + ", " + digits.Group(shared) + " of them carried by two or more outlets"
}

// groupSpeaker is how a quote group's heading names who said it, in
// quotes and in the report alike: "unattributed" when no outlet names
// anyone.
func groupSpeaker(g quote.Group) string {
	if speaker := cell(g.Speaker); speaker != "" {
		return speaker
	}
	return "unattributed"
}

func firstWordsOf(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

// attribution says who a quote is attributed to, with which verb and
// hedges: "Trump, said", "Obama, adding; accused", and "no attribution"
// where it names no one, hedged or not ("no attribution; alleged").
func attribution(q quote.Quote) string {
	who := cell(q.Speaker)
	if who == "" && q.Source != "" {
		// A document or medium is where the words are from, not who
		// spoke: "source: The lawsuit, states".
		who = "source: " + cell(q.Source)
	}
	if who == "" {
		who = "no attribution"
	}
	if q.Verb != "" {
		who += ", " + cell(q.Verb)
	}
	if len(q.Hedges) > 0 {
		who += "; " + cell(strings.Join(q.Hedges, ", "))
	}
	return who
}
