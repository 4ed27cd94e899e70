package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// matrixPane shows how much each outlet of a story reports of each other
// outlet's words: a heat map of outlets × outlets, each cell the share of
// the row outlet's prose words that sit in passages paired with the column
// outlet, then the share the column outlet has word for word. A cursor
// picks a pair to open in the comparison, side by side or inline.
//
// The cells are shaded by the first share. Without colour a glyph (░▒▓█)
// before the figures says the same. When the cells do not fit the width
// they drop to a shorter form; when even that does not fit, the columns
// scroll with the cursor.
type matrixPane struct {
	styles *Styles
	keys   *KeyMap
	// brackets marks the cursor's cell [like this], for terminals that
	// show no attributes at all (not even reverse video).
	brackets bool
	// openMode says how the comparison shows a pair enter opens: side by
	// side or inline, as the reader was last left in the comparison view.
	openMode func() mode

	sa     *storyAnalysis
	rows   list // the cursor's row, one entry per outlet
	col    int
	colOff int // the first matrix column in view

	width, height int
	view          string
	// cells caches every cell as drawn off the cursor, and heads each
	// outlet's name as a column and a row heading, plain and on the
	// cursor's line: drawn once per analysis and size, so that moving the
	// cursor draws one cell.
	cells [][]string
	heads [4][]string // column, cursor's column, row, cursor's row
	// followed is the pair the cursor was last put on (see Follow).
	followed [2]*corpus.Article
	// want is where the reader was in the view a refresh of the archive
	// replaced, taken up when the story's analysis comes again;
	// carried, the paths of the pair that view had followed, which
	// Follow then finds followed already.
	want    *matrixSpot
	carried *[2]string
}

// matrixSpot is where the reader was in a matrix: the outlets of the
// cursor's cell by their articles' paths, as the story analysed again
// may order them otherwise or lack one; the cell's place, for the
// nearest where one is gone; the window; and the pair followed.
type matrixSpot struct {
	story          storyPaths
	row, col       string
	at, colAt, off int // the cursor's row and column, its rows below the window's top
	colOff         int
	followed       *[2]string // the paths of the pair followed; nil for none
}

// cellForm is how much a matrix cell says.
type cellForm int

const (
	cellFull    cellForm = iota // "41% · 22%"
	cellCompact                 // "41/22"
	cellTiny                    // "41%": the paired share alone
)

// cellText returns c in form f.
func cellText(c analysis.Coverage, f cellForm) string {
	switch f {
	case cellCompact:
		return fmt.Sprintf("%d/%d", percent(c.Aligned), percent(c.Verbatim))
	case cellTiny:
		return fmt.Sprintf("%d%%", percent(c.Aligned))
	}
	return fmt.Sprintf("%d%% · %d%%", percent(c.Aligned), percent(c.Verbatim))
}

// cellWidths are the widest text of each form: the diagonal's.
var cellWidths = [...]int{cellFull: 11, cellCompact: 7, cellTiny: 4}

// shadeLevel returns the shade of a share: 0 below 20%, then one more for
// every 20%. It goes by the share as the cell prints it, rounded, so that
// a cell reading "20%" is shaded 20%+ as the legend says (19.6% was not).
func shadeLevel(v float64) int { return min(max(percent(v)/20, 0), 4) }

func newMatrixPane(s *Styles, keys *KeyMap, brackets bool, openMode func() mode) *matrixPane {
	return &matrixPane{styles: s, keys: keys, brackets: brackets, openMode: openMode}
}

// SetAnalysis shows the matrix of sa, which may be nil while the analysis
// is under way.
func (p *matrixPane) SetAnalysis(sa *storyAnalysis) {
	if sa == p.sa {
		return
	}
	p.sa = sa
	p.cells = nil
	p.col, p.colOff = 0, 0
	p.followed = [2]*corpus.Article{}
	n := p.n()
	le := make([]listEntry, n)
	for i := range le {
		le[i] = listEntry{item: i, height: 1}
	}
	p.rows = list{}
	p.rows.SetEntries(le)
	p.rows.SetHeight(p.matrixRows())
	if n > 1 {
		p.col = 1 // the first cell off the diagonal
	}
	p.carried = nil
	if want := p.want; sa != nil {
		p.want = nil
		if want != nil && p.Ready() && want.story.holdsAny(sa) {
			p.restore(want)
		}
	}
	p.render()
}

// carry takes over from old, the matrix of the list a refresh of the
// archive replaced, where the reader was in it, to take up when the
// story's analysis comes again: the cursor went back to the cell of the
// pair compared, wherever the reader had moved it.
func (p *matrixPane) carry(old storyView) tea.Cmd {
	if o, ok := old.(*matrixPane); ok {
		p.want = o.spot()
	}
	return nil
}

// spot returns where the reader is in the matrix, or was to be in it
// once the analysis came; nil for nowhere.
func (p *matrixPane) spot() *matrixSpot {
	if p.sa == nil {
		return p.want
	}
	if p.n() == 0 {
		return nil
	}
	row, col := p.Cursor()
	s := &matrixSpot{story: pathsOf(p.sa), row: row.Source, col: col.Source,
		at: p.rows.Cursor(), colAt: p.col, off: p.rows.Offset(), colOff: p.colOff}
	if f := p.followed; f[0] != nil && f[1] != nil {
		s.followed = &[2]string{f[0].Source, f[1].Source}
	}
	return s
}

// restore puts the cursor where s says: on the cell of the same outlets,
// else, for one gone, at the nearest row or column to where it was.
func (p *matrixPane) restore(s *matrixSpot) {
	n := p.n()
	row, col := -1, min(s.colAt, n-1)
	for i, a := range p.sa.an.Articles {
		if a.Source == s.row {
			row = i
		}
		if a.Source == s.col {
			col = i
		}
	}
	p.rows.Restore(row, s.at, s.off)
	p.col, p.colOff = col, s.colOff
	p.carried = s.followed
}

// Follow puts the cursor on the cell of the pair being compared, left's
// row and right's column, when that pair is not the one it last followed:
// the matrix opened on the first two outlets whatever pair was being
// read, and its line below described a cell the reader had not asked
// about. A cursor moved since the pair was followed stays where it was.
func (p *matrixPane) Follow(left, right *corpus.Article) {
	if !p.Ready() || p.followed == [2]*corpus.Article{left, right} {
		return
	}
	p.followed = [2]*corpus.Article{left, right}
	if c := p.carried; c != nil {
		p.carried = nil
		if left != nil && right != nil && *c == [2]string{left.Source, right.Source} {
			// The pair the matrix a refresh replaced had followed: the
			// cursor stays where the reader had put it.
			return
		}
	}
	// By the analysis's index, which on an archive also files the listed
	// articles the pair holds under the articles read for the analysis:
	// looked up among the latter, a listed pair was never found.
	i, iok := p.sa.index[left]
	j, jok := p.sa.index[right]
	if !iok || !jok || i == j {
		return // a pair the matrix does not have (a story's articles past the analysed)
	}
	p.rows.Select(i)
	p.col = j
	p.render()
}

// SetSize sets the pane's size.
func (p *matrixPane) SetSize(width, height int) {
	if width == p.width && height == p.height {
		return
	}
	p.width, p.height = width, height
	p.cells = nil
	p.rows.SetHeight(p.matrixRows())
	p.render()
}

// Ready reports whether there is an analysis to show.
func (p matrixPane) Ready() bool { return p.sa != nil && p.sa.err == nil }

func (p matrixPane) n() int {
	if !p.Ready() {
		return 0
	}
	return len(p.sa.an.Articles)
}

// Cursor returns the articles of the cursor's row and column, or nils.
func (p matrixPane) Cursor() (row, col *corpus.Article) {
	if p.n() == 0 {
		return nil, nil
	}
	arts := p.sa.an.Articles
	return arts[p.row()], arts[p.col]
}

// row returns the cursor's row.
func (p matrixPane) row() int { return max(p.rows.Selected(), 0) }

// Update moves the cursor: up and down through the reader's list of rows,
// left and right along the row.
func (p *matrixPane) Update(msg tea.Msg) (storyView, tea.Cmd) {
	n := p.n()
	if n == 0 {
		return p, nil
	}
	k := p.keys
	km, isKey := msg.(tea.KeyMsg)
	mm, isMouse := msg.(tea.MouseMsg)
	switch {
	case p.rows.Update(msg, k):
	case isMouse && mm.Button == tea.MouseButtonLeft && mm.Action == tea.MouseActionPress:
		p.click(mm.X, mm.Y)
	case !isKey:
		return p, nil
	case key.Matches(km, k.Left):
		p.col = max(p.col-1, 0)
	case key.Matches(km, k.Right):
		p.col = min(p.col+1, n-1)
	case key.Matches(km, k.Open):
		return p, p.open()
	case pressedOff(km, k.Open):
		return p, flashShorter("move off the diagonal to pick a pair", "move off the diagonal")
	default:
		return p, nil
	}
	p.render()
	return p, nil
}

// click moves the cursor to the cell at x, y on screen: on a row's
// name, to that row; on a column's name, to that column.
func (p *matrixPane) click(x, y int) {
	n := p.n()
	nameW, _, cellW, cols := p.geometry()
	head := matrixTop - 1 // the column headers' row
	if p.spacious() {
		head++
	}
	top := p.rows.scroll.Top()
	if y < head || y > head+min(p.matrixRows(), n-top) {
		return // above or below the matrix
	}
	if x -= 1 + nameW + 1; x >= 0 {
		if j := p.colOff + x/cellW; j < min(p.colOff+cols, n) {
			p.col = j
		}
	}
	if y > head {
		p.rows.Select(top + y - head - 1)
	}
}

// open handles enter: the cell's row article goes on the left, its column
// article on the right, side by side.
func (p matrixPane) open() tea.Cmd {
	row, col := p.Cursor()
	if row == nil || row == col {
		return nil // enter is off on the diagonal (see UpdateKeys)
	}
	return sendMsg(openPairMsg{left: row, right: col})
}

// The lines around the matrix: a title and a legend above the column
// headers, the shades and the cursor's cell (both ways) below.
const (
	matrixTop    = 3 // title, legend, column headers
	matrixBottom = 4 // shade legend, the cursor's cell (two lines), the other way round
)

// cellLegends says what a cell of each form holds, longest wording first:
// the pane shows the longest that fits its width, down to MinWidth.
var cellLegends = [...][]string{
	cellFull: {
		"% of the row outlet’s words the column outlet reports too · % word for word",
		"% of the row’s words the column reports too · % word for word",
		"% of the row’s words the column reports · % word for word",
		"% the column reports · % word for word",
		"% in the column · % word for word",
	},
	cellCompact: {
		"% of the row outlet’s words the column outlet reports too / % word for word",
		"% of the row’s words the column reports too / % word for word",
		"% of the row’s words the column reports / % word for word",
		"% the column reports / % word for word",
		"% in the column / % word for word",
	},
	cellTiny: {
		"% of the row outlet’s words the column outlet reports too",
		"% of the row’s words the column reports too",
		"% of the row’s words the column reports",
		"% the column reports",
	},
}

// longestFitting returns the first of texts, longest first, that fits in
// width cells, else the last: a legend reworded to fit rather than cut.
func longestFitting(width int, texts ...string) string {
	for _, t := range texts {
		if textWidth(t) <= width {
			return t
		}
	}
	return texts[len(texts)-1]
}

// matrixRows is how many matrix rows fit.
func (p matrixPane) matrixRows() int { return max(p.height-matrixTop-matrixBottom, 1) }

// spacious reports whether there is room for a blank line above and below
// the matrix.
func (p matrixPane) spacious() bool { return p.height >= matrixTop+matrixBottom+p.n()+2 }

// geometry works out the layout for the current width: the row headers'
// width, the cells' form and width, and how many columns show.
func (p matrixPane) geometry() (nameW int, form cellForm, cellW, cols int) {
	n := p.n()
	longest := 0
	for _, name := range p.sa.names {
		longest = max(longest, textWidth(name))
	}
	nameW = min(longest, 20, max(p.width/4, 6))
	glyph := 0
	if p.styles.Matrix.Glyphs[0] != "" {
		glyph = 2
	}
	avail := p.width - 1 - nameW - 1
	for form = cellFull; form <= cellTiny; form++ {
		cellW = cellWidths[form] + glyph + 2 // a space either side
		if n*cellW <= avail || form == cellTiny {
			break
		}
	}
	cols = min(max(avail/cellW, 1), n)
	return nameW, form, cellW, cols
}

// render draws the pane into p.view.
func (p *matrixPane) render() {
	if p.width <= 0 || p.height <= 0 {
		p.view = ""
		return
	}
	s := &p.styles.Story
	w := p.width
	var lines []string
	add := func(l string) {
		if len(lines) < p.height {
			lines = append(lines, padTo(l, w))
		}
	}
	switch {
	case p.sa == nil:
		add(" " + s.Meta.Render(truncate("analysing the story…", w-1)))
	case p.sa.err != nil:
		for _, l := range wrapText(termsafe.OneLine(p.sa.err.Error()), w-1) {
			add(" " + s.Meta.Render(l))
		}
	default:
		p.renderMatrix(add)
	}
	blank := strings.Repeat(" ", w)
	for len(lines) < p.height {
		lines = append(lines, blank)
	}
	p.view = strings.Join(lines, "\n")
}

func (p *matrixPane) renderMatrix(add func(string)) {
	s := &p.styles.Story
	ms := &p.styles.Matrix
	n := p.n()
	nameW, form, cellW, cols := p.geometry()
	rows := p.matrixRows()
	row, rowOff := p.row(), p.rows.scroll.Top()
	// Keep the cursor in view, and no column out of it that would fit:
	// made wider, the terminal showed the columns scrolled to at its old
	// width beside a blank right half.
	p.colOff = min(max(p.colOff, p.col-cols+1), p.col, max(n-cols, 0))

	add(" " + fitLine(p.width-1, nil, seg{}, seg{"Coverage", s.Section}, seg{" · " + termsafe.OneLine(p.sa.story.Name) + " · " + plural.Count(n, "outlet", "outlets"), s.Meta}))
	add(" " + fitLine(p.width-1, nil, seg{}, seg{longestFitting(p.width-1, cellLegends[form]...), s.Legend}))
	if p.spacious() {
		add("")
	}

	if p.cells == nil {
		p.drawCells(nameW, form, cellW)
	}
	pick := func(k, i, cur int) string {
		if i == cur {
			return p.heads[k+1][i]
		}
		return p.heads[k][i]
	}
	var sb strings.Builder
	sb.WriteString(strings.Repeat(" ", 1+nameW+1))
	for j := p.colOff; j < min(p.colOff+cols, n); j++ {
		sb.WriteString(pick(0, j, p.col))
	}
	add(sb.String())

	for i := rowOff; i < min(rowOff+rows, n); i++ {
		sb.Reset()
		sb.WriteString(pick(2, i, row))
		for j := p.colOff; j < min(p.colOff+cols, n); j++ {
			if i == row && j == p.col {
				sb.WriteString(p.cell(i, j, form, cellW))
			} else {
				sb.WriteString(p.cells[i][j])
			}
		}
		add(sb.String())
	}
	if p.spacious() {
		add("")
	}

	// The shades, least to most; the least is no shade at all.
	sb.Reset()
	sb.WriteString(" ")
	swatches := 0
	for lvl := range ms.Shades {
		if lvl > 0 || ms.Glyphs[lvl] == "" {
			swatches++
		}
	}
	// Each swatch is "  ", two cells of shade and " 80%+"; in a
	// terminal too narrow for that and the shortest label, " ", one cell
	// of shade and " 80%+", with the label where it still fits: under 50
	// columns the last swatch was cut, "80…".
	gap, cells, label := "  ", 2, longestFitting(p.width-1-swatches*9, "shaded by the first share:", "first share:")
	if textWidth(label) > p.width-1-swatches*9 {
		gap, cells, label = " ", 1, ""
		if textWidth("first share:") <= p.width-1-swatches*7 {
			label = "first share:"
		}
	}
	sb.WriteString(s.Legend.Render(label))
	for lvl := range ms.Shades {
		swatch := strings.Repeat(" ", cells)
		if g := ms.Glyphs[lvl]; g != "" {
			if lvl == 0 {
				continue // a blank glyph: nothing to show
			}
			swatch = strings.Repeat(g, cells)
		}
		if label != "" || lvl > 0 {
			sb.WriteString(gap)
		}
		sb.WriteString(ms.Shades[lvl].Render(swatch))
		sb.WriteString(s.Meta.Render(fmt.Sprintf(" %d%%+", lvl*20)))
	}
	add(padTo(sb.String(), p.width))

	// The cell under the cursor in words, and its mirror.
	rn, cn := p.sa.names[row], p.sa.names[p.col]
	// describe wraps the first of texts that fits in lines rows, or cuts
	// the last: at 60 columns the full sentence lost its figures.
	describe := func(lines int, texts ...string) {
		var wrapped []line
		for _, t := range texts {
			wrapped = wrapFrags([]frag{{t, clsEqual, 0}}, p.width-2)
			if len(wrapped) <= lines {
				break
			}
		}
		for i, ln := range wrapped[:min(len(wrapped), lines)] {
			t := lineText(ln)
			if i == lines-1 && len(wrapped) > lines {
				t = truncate(t+" "+lineText(wrapped[lines]), p.width-2)
			}
			add(" " + s.Text.Render(t))
		}
	}
	switch {
	case len(p.sa.names) == 1:
		// There is no off the diagonal to move to.
		describe(matrixBottom-1, "the story has one outlet: there is no other to set it against")
		return
	case row == p.col:
		describe(matrixBottom-1, rn+" against itself: move off the diagonal to pick a pair")
		return
	}
	c, back := p.sa.an.Coverage[row][p.col], p.sa.an.Coverage[p.col][row]
	// Where the names leave the figures no room, they are cut, apart
	// from the others: "South China Morning Post → The Sydney Morning
	// Herald" left the sentence at 40 columns "… 100% of its words pai…".
	var cut []string
	for _, w := range []int{(p.width - 2) / 2, (p.width - 2) / 3, (p.width - 2) / 4} {
		names := truncateApart(p.sa.names, max(w, 1))
		cut = append(cut, fmt.Sprintf("%s → %s: %d%% of its words paired, %d%% word for word.",
			names[row], names[p.col], percent(c.Aligned), percent(c.Verbatim)))
	}
	describe(2, slices.Concat([]string{
		fmt.Sprintf("%s → %s: %d%% of %s’s words are in passages %s also reports, %d%% word for word (%s).",
			rn, cn, percent(c.Aligned), rn, cn, percent(c.Verbatim), plural.Count(c.EqualWords, "word", "words")),
		fmt.Sprintf("%s → %s: %d%% of its words in passages %s also reports, %d%% word for word (%s).",
			rn, cn, percent(c.Aligned), cn, percent(c.Verbatim), plural.Count(c.EqualWords, "word", "words")),
		fmt.Sprintf("%s → %s: %d%% of its words paired, %d%% word for word (%s).",
			rn, cn, percent(c.Aligned), percent(c.Verbatim), plural.Count(c.EqualWords, "word", "words")),
		// Under 50 columns, the count of words was cut ("(70 w…").
		fmt.Sprintf("%s → %s: %d%% of its words paired, %d%% word for word.",
			rn, cn, percent(c.Aligned), percent(c.Verbatim))}, cut)...)
	// The mirror's figures too: "The Sydney Morning Herald → South
	// Chin…" gave none.
	figures := fmt.Sprintf(": %d%% · %d%%", percent(back.Aligned), percent(back.Verbatim))
	mirror := cn + " → " + rn + figures
	if textWidth(mirror) > p.width-1 {
		names := truncateApart(p.sa.names, max((p.width-1-textWidth(" → "+figures))/2, 1))
		mirror = names[p.col] + " → " + names[row] + figures
	}
	add(" " + fitLine(p.width-1, nil, seg{}, seg{mirror, s.Meta}))
}

// drawCells fills the caches of cells and headings.
func (p *matrixPane) drawCells(nameW int, form cellForm, cellW int) {
	ms := &p.styles.Matrix
	n := p.n()
	p.cells = make([][]string, n)
	for i := range n {
		p.cells[i] = make([]string, n)
		for j := range n {
			p.cells[i][j] = p.cellAs(i, j, form, cellW, false)
		}
	}
	for k := range p.heads {
		p.heads[k] = make([]string, n)
	}
	cols, rows := truncateApart(p.sa.names, cellW-1), truncateApart(p.sa.names, nameW)
	for i := range p.sa.names {
		col := cols[i]
		pad := strings.Repeat(" ", cellW-1-textWidth(col))
		p.heads[0][i] = pad + ms.Header.Render(col) + " "
		p.heads[1][i] = pad + ms.CursorHeader.Render(col) + " "
		row := rows[i]
		pad = strings.Repeat(" ", nameW-textWidth(row)+1)
		p.heads[2][i] = " " + ms.Header.Render(row) + pad
		p.heads[3][i] = " " + ms.CursorHeader.Render(row) + pad
	}
}

// cell draws cell (i, j), cellW cells wide.
func (p matrixPane) cell(i, j int, form cellForm, cellW int) string {
	return p.cellAs(i, j, form, cellW, i == p.row() && j == p.col)
}

// cellAs draws cell (i, j), cellW cells wide, as the cursor's or not.
func (p matrixPane) cellAs(i, j int, form cellForm, cellW int, cursor bool) string {
	ms := &p.styles.Matrix
	c := p.sa.an.Coverage[i][j]
	text := cellText(c, form)
	lvl := shadeLevel(c.Aligned)
	glyph := ""
	if g := ms.Glyphs[lvl]; g != "" {
		glyph = g + " "
	}
	if i == j && glyph != "" {
		// An outlet against itself is unshaded, under the cursor too.
		glyph = "  "
	}
	var st lipgloss.Style
	switch {
	case cursor:
		st = ms.Cursor
	case i == j:
		st = ms.Diagonal
	default:
		st = ms.Shades[lvl]
	}
	pad := cellW - 2 - textWidth(glyph) - textWidth(text)
	open, close := " ", " "
	if p.brackets && cursor {
		open, close = "[", "]"
	}
	return st.Render(open + glyph + strings.Repeat(" ", max(pad, 0)) + text + close)
}

// View returns the pane as rendered by its last update.
func (p *matrixPane) View() string { return p.view }

// StatusItems describe the cell under the cursor.
func (p *matrixPane) StatusItems() []string {
	if p.n() == 0 {
		return nil
	}
	row := p.row()
	// An outlet against itself has no figures worth giving: "100%
	// paired · 100% word for word" read as a finding. The status says
	// what the line under the matrix says.
	switch {
	case p.n() == 1:
		return slices.Concat([]string{"the story has one outlet"}, p.sa.limitItems())
	case row == p.col:
		return slices.Concat([]string{p.sa.names[row] + " against itself"}, p.sa.limitItems())
	}
	c := p.sa.an.Coverage[row][p.col]
	return slices.Concat([]string{fmt.Sprintf("%s → %s", p.sa.names[row], p.sa.names[p.col])},
		p.sa.limitItems(),
		[]string{
			fmt.Sprintf("%d%% paired", percent(c.Aligned)),
			fmt.Sprintf("%d%% word for word", percent(c.Verbatim)),
		})
}

// Position says where the cursor is.
func (p *matrixPane) Position() []string {
	n := p.n()
	if n == 0 {
		return nil
	}
	return []string{fmt.Sprintf("row %d col %d · %d×%d", p.row()+1, p.col+1, n, n)}
}

// UpdateKeys enables the keys of the matrix: moving the cursor both ways,
// and enter to open its cell.
func (p *matrixPane) UpdateKeys() {
	if !p.Ready() {
		return
	}
	k := p.keys
	k.enableMoving(p.rows.CanMove())
	k.Left.SetEnabled(p.n() > 1)
	k.Right.SetEnabled(p.n() > 1)
	// An article against itself (a story of one outlet has only that) is
	// no pair to open.
	k.Open.SetEnabled(p.row() != p.col)
	// enter opens the pair in the comparison's mode, which the help names:
	// inline it said "side by side" above one column of word diffs.
	k.Open.SetHelp("enter", "open "+p.openMode().String())
}

// Typing reports false: the matrix has no query.
func (p *matrixPane) Typing() bool { return false }
