package serve

import (
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// vt is a small terminal emulator for the client side of a session: it
// keeps the grid of cells a terminal of its size would show, so that tests
// can read the reader's screen line by line rather than guess at it from a
// stream of partial repaints. It understands what Bubble Tea's renderer
// writes: text (wide runes take two cells), CR, LF, cursor positioning and
// movement, erasing in line and display, and the alternate screen. Colours
// and other attributes are ignored; tests look for those in the raw output.
type vt struct {
	mu       sync.Mutex
	p        *ansi.Parser
	w, h     int
	cells    [][]string // erased cells are "", the right halves of wide runes wideTail
	row, col int
	main     [][]string // the normal screen while the alternate one shows
	alt      bool
	modes    map[int]bool // the DEC private modes set (true) or reset (false)
	written  int          // bytes seen, for callers that wait for more
	glyphs   map[rune]glyph
}

// glyph is a rune as a cell holds it, and its width; vt keeps the ones it
// has seen so that a screenful costs no allocation per rune.
type glyph struct {
	s     string
	width int
}

// asciiCells are the ASCII runes as cells.
var asciiCells = func() (cells [128]string) {
	for r := range cells {
		cells[r] = string(rune(r))
	}
	return cells
}()

func newVT(w, h int) *vt {
	t := &vt{w: w, h: h, cells: blankGrid(w, h), glyphs: make(map[rune]glyph)}
	t.p = ansi.NewParser()
	t.p.SetHandler(ansi.Handler{Print: t.print, Execute: t.execute, HandleCsi: t.csi})
	return t
}

func blankGrid(w, h int) [][]string {
	g := make([][]string, h)
	for i := range g {
		g[i] = blankRow(w)
	}
	return g
}

func blankRow(w int) []string { return make([]string, w) }

// wideTail fills the cell to the right of a wide rune.
const wideTail = "\x00"

// Write implements io.Writer: the session's output goes through it.
func (t *vt) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.p.Parse(b)
	t.written += len(b)
	return len(b), nil
}

// resize changes the terminal's size, as a terminal window does before its
// client tells the server. Content is kept where it fits.
func (t *vt) resize(w, h int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fit := func(g [][]string) [][]string {
		if g == nil {
			return nil
		}
		out := blankGrid(w, h)
		for i := range min(h, len(g)) {
			copy(out[i], g[i][:min(w, len(g[i]))])
		}
		return out
	}
	t.cells, t.main = fit(t.cells), fit(t.main)
	t.w, t.h = w, h
	t.row, t.col = min(t.row, h-1), min(t.col, w-1)
}

// screen is what a terminal shows at one moment.
type screen struct {
	rows  []string // each row's text, without trailing blanks
	drawn []int    // how far into each row something, blanks included, was drawn
}

// text is the screen as one string, rows separated by newlines.
func (s screen) text() string { return strings.Join(s.rows, "\n") }

// cut returns the screen's first n rows.
func (s screen) cut(n int) screen {
	n = min(n, len(s.rows))
	return screen{rows: s.rows[:n], drawn: s.drawn[:n]}
}

// widest is the width of the widest row drawn.
func (s screen) widest() int {
	w := 0
	for _, d := range s.drawn {
		w = max(w, d)
	}
	return w
}

// rowText returns the text of row i (from the bottom if negative), without
// trailing blanks; it costs less than a snapshot of the whole screen.
func (t *vt) rowText(i int) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if i < 0 {
		i += t.h
	}
	var b strings.Builder
	for _, c := range t.cells[i] {
		switch c {
		case "":
			b.WriteByte(' ')
		case wideTail:
		default:
			b.WriteString(c)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// snapshot returns what the terminal shows now.
func (t *vt) snapshot() screen {
	t.mu.Lock()
	defer t.mu.Unlock()
	s := screen{rows: make([]string, t.h), drawn: make([]int, t.h)}
	var b strings.Builder
	for i, r := range t.cells {
		b.Reset()
		for col, c := range r {
			switch c {
			case "":
				b.WriteByte(' ')
			case wideTail:
				s.drawn[i] = col + 1
			default:
				b.WriteString(c)
				s.drawn[i] = col + 1
			}
		}
		s.rows[i] = strings.TrimRight(b.String(), " ")
	}
	return s
}

// bytes returns how many bytes have been written to the terminal.
func (t *vt) bytes() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.written
}

func (t *vt) print(r rune) {
	g := glyph{width: 1}
	if r < 0x80 {
		g.s = asciiCells[r]
	} else if g = t.glyphs[r]; g.s == "" {
		g = glyph{string(r), ansi.StringWidth(string(r))}
		t.glyphs[r] = g
	}
	if g.width == 0 { // a combining mark joins the cell before it
		if t.col > 0 {
			t.cells[t.row][t.col-1] += g.s
		}
		return
	}
	width := g.width
	if t.col+width > t.w { // autowrap
		t.col = 0
		t.lineFeed()
	}
	t.cells[t.row][t.col] = g.s
	if width == 2 && t.col+1 < t.w {
		t.cells[t.row][t.col+1] = wideTail
	}
	t.col += width
}

func (t *vt) execute(b byte) {
	switch b {
	case '\r':
		t.col = 0
	case '\n', '\v', '\f':
		t.lineFeed()
	case '\b':
		t.col = max(t.col-1, 0)
	case '\t':
		t.col = min((t.col/8+1)*8, t.w-1)
	}
}

// lineFeed moves down a row, scrolling at the bottom.
func (t *vt) lineFeed() {
	if t.row < t.h-1 {
		t.row++
		return
	}
	t.cells = append(t.cells[1:], blankRow(t.w))
}

func (t *vt) csi(cmd ansi.Cmd, params ansi.Params) {
	n := func(i, def int) int {
		v, _, _ := params.Param(i, def)
		return v
	}
	move := max(n(0, 1), 1)
	switch cmd.Final() {
	case 'H', 'f':
		t.row, t.col = clamp(n(0, 1)-1, t.h), clamp(n(1, 1)-1, t.w)
	case 'A':
		t.row = clamp(t.row-move, t.h)
	case 'B':
		t.row = clamp(t.row+move, t.h)
	case 'C':
		t.col = clamp(t.col+move, t.w)
	case 'D':
		t.col = clamp(t.col-move, t.w)
	case 'E':
		t.row, t.col = clamp(t.row+move, t.h), 0
	case 'F':
		t.row, t.col = clamp(t.row-move, t.h), 0
	case 'G':
		t.col = clamp(move-1, t.w)
	case 'd':
		t.row = clamp(move-1, t.h)
	case 'K':
		t.eraseLine(n(0, 0))
	case 'J':
		t.eraseDisplay(n(0, 0))
	case 'h', 'l':
		if cmd.Prefix() != '?' {
			return
		}
		for i := range params {
			v, _, _ := params.Param(i, 0)
			if v == 1049 || v == 1047 || v == 47 {
				t.altScreen(cmd.Final() == 'h')
			}
			if t.modes == nil {
				t.modes = make(map[int]bool)
			}
			t.modes[v] = cmd.Final() == 'h'
		}
	}
}

func clamp(v, limit int) int { return min(max(v, 0), limit-1) }

func (t *vt) eraseLine(mode int) {
	r := t.cells[t.row]
	from, to := t.col, t.w // 0: cursor to end
	switch mode {
	case 1:
		from, to = 0, min(t.col+1, t.w)
	case 2:
		from = 0
	}
	for i := from; i < to; i++ {
		r[i] = ""
	}
}

func (t *vt) eraseDisplay(mode int) {
	switch mode {
	case 0:
		t.eraseLine(0)
		for i := t.row + 1; i < t.h; i++ {
			t.cells[i] = blankRow(t.w)
		}
	case 1:
		t.eraseLine(1)
		for i := range t.row {
			t.cells[i] = blankRow(t.w)
		}
	default:
		t.cells = blankGrid(t.w, t.h)
	}
}

// mode reports whether DEC private mode n was last set, and whether it
// was set or reset at all.
func (t *vt) mode(n int) (on, seen bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	on, seen = t.modes[n]
	return on, seen
}

// altScreen enters (on) or leaves the alternate screen; the normal screen
// comes back as it was.
func (t *vt) altScreen(on bool) {
	switch {
	case on && !t.alt:
		t.main, t.cells = t.cells, blankGrid(t.w, t.h)
	case !on && t.alt:
		t.cells, t.main = t.main, nil
	}
	t.alt = on
}
