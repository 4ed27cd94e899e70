package cli

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// The HTML outputs are single self-contained files — inline CSS, no
// scripts, no external requests — that a reader can publish or send.
// html/template escapes every piece of article text; Display first strips
// what no page should carry either (controls, bidi overrides).

// segment is one run of a cell's text and how to mark it.
type segment struct {
	Kind string // "", "del", "ins", "minor", "moved-del", "moved-ins" (a fragment the pair's other side has elsewhere)
	Text string
}

type htmlRow struct {
	Label       string
	Kind        string // block kind, for the row's class
	Role        string
	Left, Right []segment
	HasLeft     bool
	HasRight    bool
}

type htmlDiff struct {
	Left, Right *corpus.Article
	LeftSource  htmlSource
	RightSource htmlSource
	Similarity  string
	Summary     string
	Rows        []htmlRow
	LeftOutlet  string
	RightOutlet string
	LeftTitle   string
	RightTitle  string
}

func (v diffView) rows() []htmlRow {
	c := v.cmp
	var rows []htmlRow
	for i, b := range c.Blocks {
		if !v.show[i] {
			continue
		}
		label := strings.TrimSuffix(strings.TrimPrefix(BlockLabel(c, b), "@@ "), " @@")
		row := htmlRow{Label: label, Kind: b.Kind.String(), Role: b.Role.String(),
			HasLeft: b.Kind != compare.RightOnly, HasRight: b.Kind != compare.LeftOnly}
		for _, op := range b.Ops {
			switch op.Kind {
			case compare.OpEqual:
				for _, pt := range v.equalParts(op) {
					kind := ""
					if pt.changed {
						kind = "minor"
					}
					row.Left = append(row.Left, segment{kind, termsafe.Display(pt.left)})
					row.Right = append(row.Right, segment{kind, termsafe.Display(pt.right)})
				}
			case compare.OpDelete:
				row.Left = append(row.Left, segment{v.changeClass(op, b.Kind == compare.LeftOnly, "del", "moved-del"), termsafe.Display(c.Left.Text(op.Left))})
			case compare.OpInsert:
				row.Right = append(row.Right, segment{v.changeClass(op, b.Kind == compare.RightOnly, "ins", "moved-ins"), termsafe.Display(c.Right.Text(op.Right))})
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// changeClass is the class of a deleted or inserted run on its side:
// none for punctuation under --ignore-punctuation; minor for punctuation,
// or for any run of a one-sided block, which changes nothing against a
// partner; moved for words found elsewhere in the pair; else changed.
func (v diffView) changeClass(op compare.Op, oneSided bool, changed, moved string) string {
	switch {
	case op.Minor && v.opts.ignorePunct:
		return ""
	case op.Minor || oneSided:
		return "minor"
	case op.Moved:
		return moved
	}
	return changed
}

// WriteHTMLDiff writes c as a side-by-side HTML page, deletions as <del>
// and insertions as <ins>.
func WriteHTMLDiff(w io.Writer, c *compare.Comparison) error {
	return newDiffView(c, diffOptions{context: -1}).writeHTML(w)
}

func (v diffView) writeHTML(w io.Writer) error {
	c := v.cmp
	st := c.Stats()
	lsrc, rsrc := sourceOf(c.Left), sourceOf(c.Right)
	if lsrc.Outlet == rsrc.Outlet && c.Left.ID != c.Right.ID {
		// Two articles of one outlet (a report and its update): each is
		// named by its id too, as the reader's header names them, where
		// the page was headed "Reuters vs Reuters".
		lsrc.Outlet += " (" + termsafe.Display(c.Left.ID) + ")"
		rsrc.Outlet += " (" + termsafe.Display(c.Right.ID) + ")"
	}
	return pageTemplate().ExecuteTemplate(w, "diff", htmlDiff{
		Left: c.Left, Right: c.Right,
		LeftSource: lsrc, RightSource: rsrc,
		LeftOutlet: lsrc.Outlet, RightOutlet: rsrc.Outlet,
		LeftTitle: termsafe.Display(c.Left.Title), RightTitle: termsafe.Display(c.Right.Title),
		Similarity: pct(c.Similarity),
		Summary:    diffSummary(st),
		Rows:       v.rows(),
	})
}

type htmlCell struct {
	Text string
	// Class shades the cell: "h0" to "h10" by the share the column
	// outlet reports, or "self" on the diagonal, an outlet against
	// itself, which is left unshaded as the reader leaves it: shaded as
	// the darkest share, its "100% · 100%" read as a finding, and in a
	// story of two outlets the one real cell at 100% looked like a third
	// diagonal cell.
	Class string
	// Title says the cell in words, as the reader's matrix says the
	// cell under its cursor.
	Title string
}

type htmlPassage struct {
	Where string
	Text  string
}

type htmlOutletPassages struct {
	Outlet   string
	Passages []htmlPassage
}

type htmlRun struct {
	Head string
	Text string
	In   string
}

type htmlFact struct {
	Head     string
	Mentions []htmlPassage
}

type htmlQuote struct {
	Outlet string
	Para   int // the ¶ the quote starts in, as quotes prints it
	Who    string
	Common bool
	Segs   []segment
}

type htmlQuoteGroup struct {
	Head   string
	Quotes []htmlQuote
}

// htmlSource is where an article comes from: its outlet, title, date and
// the address of the original, which the page links to.
type htmlSource struct {
	Outlet, Title, Date, URL string
}

// sourceOf describes a. Only an http(s) address is linked: anything else
// (javascript:, data:, a local path) stays unlinked.
func sourceOf(a *corpus.Article) htmlSource {
	src := htmlSource{Outlet: termsafe.Display(a.Outlet), Title: termsafe.Display(a.Title), Date: termsafe.Display(a.Date)}
	if u, err := url.Parse(a.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		src.URL = u.String()
	}
	return src
}

type htmlStory struct {
	Sources  []htmlSource
	Quotes   []htmlQuoteGroup
	Name     string
	Outlets  []string
	Matrix   [][]htmlCell
	Unique   []htmlOutletPassages
	Runs     []htmlRun
	Facts    []htmlFact
	Articles string // "24 articles"
	// Note says what the analysis left out (articles past its bounds), as
	// the text header does; VerbatimNote why no word-for-word runs were
	// looked for, where "No passage is shared word for word" would be
	// untrue.
	Note, VerbatimNote string
	// NothingOwn names the outlets with no passage only they report.
	NothingOwn string
}

func storyHTML(an *analysis.Analysis) htmlStory {
	names := termsafe.OutletLabels(an.Articles)
	name := outletNamer(an)
	st := htmlStory{Name: termsafe.Display(an.Story.Name), Outlets: names, Articles: plural.Count(len(an.Articles), "article", "articles"),
		Note: termsafe.OneLine(an.Note.Text(digits.Group)), VerbatimNote: termsafe.OneLine(an.VerbatimNote.Text(digits.Group))}
	for _, a := range an.Articles {
		st.Sources = append(st.Sources, sourceOf(a))
	}
	for i := range an.Articles {
		var row []htmlCell
		for j := range an.Articles {
			c := an.Coverage[i][j]
			cell := htmlCell{Text: pct(c.Aligned) + " · " + pct(c.Verbatim), Class: fmt.Sprintf("h%d", int(math.Round(10*c.Aligned)))}
			if i == j {
				cell.Class, cell.Title = "self", names[i]+" against itself"
			} else {
				cell.Title = fmt.Sprintf("%s → %s: %s of %s’s words are in passages %s also reports, %s word for word (%s)",
					names[i], names[j], pct(c.Aligned), names[i], names[j], pct(c.Verbatim), plural.Count(c.EqualWords, "word", "words"))
			}
			row = append(row, cell)
		}
		st.Matrix = append(st.Matrix, row)
	}
	// An outlet with no passage only it reports is not headed over
	// "nothing of its own": those are named once, last, as the reader
	// and unique name them.
	var none []string
	for i, a := range an.Articles {
		if len(an.Unique[i]) == 0 && len(an.Articles) > 1 {
			none = append(none, names[i])
			continue
		}
		op := htmlOutletPassages{Outlet: names[i]}
		for _, p := range an.Unique[i] {
			op.Passages = append(op.Passages, htmlPassage{fmt.Sprintf("¶%d", a.ParagraphOf(p.Sentences)), termsafe.OneLine(a.Text(p.Span))})
		}
		st.Unique = append(st.Unique, op)
	}
	if len(none) > 0 {
		st.NothingOwn = strings.Join(none, ", ") + " · nothing of " + plural.Their(len(none)) + " own"
	}
	for _, r := range an.Verbatim {
		var in []string
		for i, s := range r.Spans {
			in = append(in, fmt.Sprintf("%s ¶%d", name(s.Article), r.Paragraph(i)))
		}
		st.Runs = append(st.Runs, htmlRun{
			Head: plural.Count(len(r.Spans), "outlet", "outlets") + " · " + plural.Count(r.Words, "word", "words"),
			Text: termsafe.OneLine(r.Common.Article.Text(r.Common.Span)),
			In:   strings.Join(in, ", "),
		})
	}
	for _, g := range an.Quotes {
		if len(g.Quotes) < 2 {
			continue // the report shows what outlets share; single quotes are in `quotes`
		}
		hg := htmlQuoteGroup{Head: fmt.Sprintf("“%s” · %s · %s", firstWordsOf(termsafe.Display(g.Quotes[g.Common].Text()), 12), groupSpeaker(g), plural.Count(len(g.Quotes), "outlet", "outlets"))}
		for i, q := range g.Quotes {
			who := attribution(q)
			hg.Quotes = append(hg.Quotes, htmlQuote{Outlet: name(q.Article), Para: q.Para + 1, Who: who, Common: i == g.Common, Segs: quoteSegments(g, i)})
		}
		st.Quotes = append(st.Quotes, hg)
	}
	for _, d := range an.Disagreements() {
		f := htmlFact{Head: d.Kind.String()}
		if d.About != "" {
			f.Head += " · " + termsafe.Display(d.About)
		}
		if d.Act != "" {
			f.Head += " · " + termsafe.Display(d.Act)
		}
		for _, m := range d.Mentions {
			where := fmt.Sprintf("%s ¶%d: %s", name(m.Article), m.Article.ParagraphAt(m.Span.Start), termsafe.Display(m.Value))
			f.Mentions = append(f.Mentions, htmlPassage{where, mentionContext(m)})
		}
		st.Facts = append(st.Facts, f)
	}
	return st
}

// WriteHTMLReport writes the stories' cross-outlet analysis — coverage
// matrix, unique passages, verbatim runs and disagreeing facts — as one
// HTML page, titled by what it reports (see reportTitle); folder is the
// name of the folder the stories are from, or "".
func WriteHTMLReport(w io.Writer, folder string, ans []*analysis.Analysis) error {
	page := htmlReport{Title: reportTitle(folder, ans)}
	for _, an := range ans {
		page.Stories = append(page.Stories, storyHTML(an))
	}
	return pageTemplate().ExecuteTemplate(w, "report", page)
}

type htmlReport struct {
	Title   string
	Stories []htmlStory
}

// maxTitleRunes is how long a page's title may be: a browser's tab or
// window shows far less, and a bookmark or history entry little more.
const maxTitleRunes = 80

// reportTitle names what a report reports: the story's name when it has
// one story, else the folder's, cut at a word to maxTitleRunes. It was
// "newsdiff report" for every page, so that two reports open side by side,
// or saved, could not be told apart by their titles; that is still the
// title when there is no name to give. html/template escapes it.
func reportTitle(folder string, ans []*analysis.Analysis) string {
	name := folder
	if len(ans) == 1 && ans[0].Story != nil {
		name = ans[0].Story.Name
	}
	name = termsafe.OneLine(name)
	if name == "" {
		return "newsdiff report"
	}
	if utf8.RuneCountInString(name) <= maxTitleRunes {
		return name
	}
	r := []rune(name)[:maxTitleRunes-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > maxTitleRunes/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–—") + "…"
}

func init() {
	register("report", true, storyCommand{
		name:  "report",
		short: "Write all of the story views as one HTML page",
		long: `Write the quotes several outlets carry, the coverage matrix, word-for-word
passages, disagreeing facts and unique passages of each story as one
self-contained HTML page: inline CSS, no scripts, nothing loaded from
elsewhere.`,
		example: `  newsdiff report > story.html
  newsdiff report ~/stories --story 2 > second.html`,
		formats: []string{"html"},
		whole: func(w io.Writer, _, folder string, ans []*analysis.Analysis) error {
			return WriteHTMLReport(w, folder, ans)
		},
	}.build)
}

const pageCSS = `
body { font: 15px/1.5 Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 76em; padding: 0 1em; color: #1d1d1f; background: #fdfdfb; }
h1, h2, h3 { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; } h3 { font-size: 1em; }
.meta, .label, .where { font: 12px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #6e6e73; }
table.diff { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.diff td { vertical-align: top; padding: .4em .7em; border-top: 1px solid #e5e5ea; width: 50%; white-space: pre-wrap; }
table.diff tr.label td { border-top: none; padding-bottom: 0; }
td.empty { background: repeating-linear-gradient(45deg, #f5f5f7, #f5f5f7 6px, #fdfdfb 6px, #fdfdfb 12px); }
tr.moved td.text { border-left: 3px solid #8e44ad; }
tr.role-boilerplate td, tr.role-caption td, tr.role-heading td { color: #8e8e93; }
del { background: #ffe3c7; color: #8a3b00; text-decoration: line-through; }
ins { background: #d6e9ff; color: #003f8a; text-decoration: underline; }
.minor { color: #6e6e73; }
del.moved, ins.moved { font-style: italic; outline: 1px dashed #8e44ad; }
table.matrix { border-collapse: collapse; font: 13px -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
table.matrix th, table.matrix td { padding: .35em .6em; text-align: right; border: 1px solid #fff; }
.h0 { background: #f2f6fc; } .h1 { background: #e3ecf8; } .h2 { background: #d3e2f4; } .h3 { background: #c1d6ef; }
.h4 { background: #aecaea; } .h5 { background: #99bde4; } .h6 { background: #82aedd; } .h7 { background: #6a9ed5; }
.h8 { background: #518dcc; } .h9 { background: #2f6fb8; color: #fff; } .h10 { background: #1f68b7; color: #fff; }
td.self { color: #6e6e73; }
div.wide { overflow-x: auto; }
ul.passages li { margin: .3em 0; }
:root { color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
body { color: #e6e6e6; background: #161618; }
a { color: #8ab4f8; }
.meta, .label, .where, .minor { color: #a1a1a6; }
table.diff td { border-top-color: #2c2c2e; }
td.empty { background: repeating-linear-gradient(45deg, #222225, #222225 6px, #161618 6px, #161618 12px); }
tr.moved td.text { border-left-color: #b48ee0; }
del { background: #4a2600; color: #ffd2a8; }
ins { background: #0c2f57; color: #cfe4ff; }
del.moved, ins.moved { outline-color: #b48ee0; }
table.matrix th, table.matrix td { border-color: #161618; }
td.self { color: #a1a1a6; }
.h0 { background: #1a1f27; } .h1 { background: #1c2533; } .h2 { background: #1e2c40; } .h3 { background: #21344e; }
.h4 { background: #243d5d; } .h5 { background: #28466c; } .h6 { background: #2d517d; } .h7 { background: #6fa3de; color: #0b1220; }
.h8 { background: #82b1e6; color: #0b1220; } .h9 { background: #98c0ec; color: #0b1220; } .h10 { background: #b3d3f3; color: #0b1220; }
}
`

// pageTemplate is parsed when a page is first written, not at start-up:
// most runs write none, and every run would pay for the parse.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("page").Parse(pageSource))
})

const pageSource = `
{{define "head"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsdiff"><title>{{.}}</title><style>` + pageCSS + `</style></head><body>{{end}}

{{define "seg"}}{{range .}}{{if eq .Kind "del"}}<del>{{.Text}}</del>{{else if eq .Kind "ins"}}<ins>{{.Text}}</ins>{{else if eq .Kind "moved-del"}}<del class="moved">{{.Text}}</del>{{else if eq .Kind "moved-ins"}}<ins class="moved">{{.Text}}</ins>{{else if eq .Kind "minor"}}<span class="minor">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}{{end}}

{{define "diff"}}{{template "head" (printf "%s vs %s" .LeftOutlet .RightOutlet)}}
<h1>{{.LeftOutlet}} vs {{.RightOutlet}}</h1>
<p class="meta">similarity {{.Similarity}} · {{.Summary}}</p>
<table class="diff">
<tr><th>{{template "source" .LeftSource}}</th><th>{{template "source" .RightSource}}</th></tr>
{{range .Rows}}<tr class="label {{.Kind}}"><td colspan="2" class="label">{{.Label}}</td></tr>
<tr class="{{.Kind}} role-{{.Role}}">{{if .HasLeft}}<td class="text">{{template "seg" .Left}}</td>{{else}}<td class="empty"></td>{{end}}{{if .HasRight}}<td class="text">{{template "seg" .Right}}</td>{{else}}<td class="empty"></td>{{end}}</tr>
{{end}}</table>
<p class="meta">Made by newsdiff. <del>Deleted</del> words are only in the left article, <ins>inserted</ins> words only in the right.</p>
</body></html>
{{end}}

{{define "report"}}{{template "head" .Title}}
{{range .Stories}}{{template "story" .}}{{end}}<p class="meta">Made by newsdiff.</p></body></html>
{{end}}

{{define "source"}}{{.Outlet}}: {{if .URL}}<a href="{{.URL}}">{{.Title}}</a>{{else}}{{.Title}}{{end}}{{if .Date}} <span class="meta">· {{.Date}}</span>{{end}}{{end}}

{{define "story"}}<h1>{{.Name}}</h1><p class="meta">{{.Articles}}{{if .Note}} ({{.Note}}){{end}}</p>
<ul class="sources">{{range .Sources}}<li>{{template "source" .}}</li>{{end}}</ul>
<h2>Quotes carried by several outlets</h2>
<p class="meta">Each outlet's wording against the most common one (marked ★): <del>words only the common wording has</del>, <ins>words only this outlet has</ins>.</p>
{{range .Quotes}}<h3>{{.Head}}</h3><ul class="passages">{{range .Quotes}}<li><span class="where">{{if .Common}}★ {{end}}{{.Outlet}} ¶{{.Para}} ({{.Who}})</span> {{template "seg" .Segs}}</li>{{end}}</ul>{{else}}<p class="meta">No quote is carried by two outlets.</p>{{end}}
<h2>Coverage</h2>
<p class="meta">Each cell: share of the row outlet's words that the column outlet also reports · word for word. The unshaded diagonal is each outlet against itself.</p>
<div class="wide"><table class="matrix"><tr><th></th>{{range .Outlets}}<th>{{.}}</th>{{end}}</tr>
{{range $i, $row := .Matrix}}<tr><th>{{index $.Outlets $i}}</th>{{range $row}}<td class="{{.Class}}" title="{{.Title}}">{{.Text}}</td>{{end}}</tr>
{{end}}</table></div>
<h2>Word for word in several outlets</h2>
{{range .Runs}}<h3>{{.Head}}</h3><p>{{.Text}}</p><p class="where">in: {{.In}}</p>{{else}}<p class="meta">{{if .VerbatimNote}}({{.VerbatimNote}}){{else}}No passage is shared word for word.{{end}}</p>{{end}}
<h2>Facts the outlets give differently</h2>
{{range .Facts}}<h3>{{.Head}}</h3><ul class="passages">{{range .Mentions}}<li><span class="where">{{.Where}}</span> {{.Text}}</li>{{end}}</ul>{{else}}<p class="meta">No disagreement found.</p>{{end}}
<h2>What only one outlet reports</h2>
{{range .Unique}}<h3>{{.Outlet}}</h3><ul class="passages">{{range .Passages}}<li><span class="where">{{.Where}}</span> {{.Text}}</li>{{else}}<li class="meta">nothing of its own</li>{{end}}</ul>{{end}}{{with .NothingOwn}}<p class="meta">{{.}}</p>{{end}}
{{end}}
`
