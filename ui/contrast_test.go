package ui

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// theme is a terminal the reader may draw on: a colour profile and a
// background. The backgrounds are stand-ins for the terminal's own, which
// the reader cannot know: a typical dark theme's and white.
type theme struct {
	name    string
	profile termenv.Profile
	dark    bool
}

var themes = []theme{
	{"truecolor-dark", termenv.TrueColor, true},
	{"truecolor-light", termenv.TrueColor, false},
	{"256-dark", termenv.ANSI256, true},
	{"256-light", termenv.ANSI256, false},
	{"16-dark", termenv.ANSI, true},
	{"16-light", termenv.ANSI, false},
}

// terminalBackground is the stand-in for the terminal's own background.
func (th theme) terminalBackground() [3]float64 {
	if th.dark {
		return [3]float64{0x1e, 0x1e, 0x1e}
	}
	return [3]float64{0xff, 0xff, 0xff}
}

func (th theme) renderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(th.profile)
	r.SetHasDarkBackground(th.dark)
	return r
}

// rgb returns the colour a style colour shows as under th, as 8-bit
// channels, and false when the style sets none (the terminal's own shows).
// ANSI colours are taken at termenv's reference values for them.
func (th theme) rgb(c lipgloss.TerminalColor) ([3]float64, bool) {
	var s string
	switch c := c.(type) {
	case lipgloss.Color:
		s = string(c)
	default:
		return [3]float64{}, false
	}
	tc := th.profile.Color(s)
	if tc == nil {
		return [3]float64{}, false
	}
	rgb := termenv.ConvertToRGB(tc)
	return [3]float64{math.Round(rgb.R * 255), math.Round(rgb.G * 255), math.Round(rgb.B * 255)}, true
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// contrast is WCAG 2's contrast ratio of two colours, 1 to 21.
func contrast(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestChangedWordsContrast checks, for every colour profile on a dark and
// a light background, that the words a comparison marks as changed stand
// at 4.5:1 or more (WCAG AA for text) against what is behind them: the
// style's own background where it sets one, else the terminal's.
func TestChangedWordsContrast(t *testing.T) {
	checkAllReadable(t, func(s *Styles) []namedStyle {
		return []namedStyle{
			{"delete", s.Diff.Delete},
			{"insert", s.Diff.Insert},
			{"delete-minor", s.Diff.DeleteMinor},
			{"insert-minor", s.Diff.InsertMinor},
			{"delete-moved", s.Diff.DeleteMoved},
			{"insert-moved", s.Diff.InsertMoved},
			{"only-left", s.Diff.OnlyLeft},
			{"only-right", s.Diff.OnlyRight},
			{"match", s.Diff.Match},
			{"current-match", s.Diff.CurrentMatch},
			{"match-over-delete", s.Diff.Match.Inherit(s.Diff.Delete)},
		}
	})
}

// namedStyle is a style to check, and its name in the test's.
type namedStyle struct {
	name string
	st   lipgloss.Style
}

// checkAllReadable checks, on every theme, that each style styles returns
// for that theme's styles is readable (see checkReadable).
func checkAllReadable(t *testing.T, styles func(*Styles) []namedStyle) {
	t.Helper()
	for _, th := range themes {
		s := NewStyles(th.renderer())
		for _, tc := range styles(&s) {
			t.Run(fmt.Sprintf("%s/%s", th.name, tc.name), func(t *testing.T) {
				checkReadable(t, th, tc.name, tc.st)
			})
		}
	}
}

// TestEmptyCellShows checks that the cell facing a one-sided passage can
// be seen on every theme: a shade that differs from the terminal's
// background, or a visible fill pattern.
func TestEmptyCellShows(t *testing.T) {
	for _, th := range themes {
		t.Run(th.name, func(t *testing.T) {
			s := NewStyles(th.renderer())
			if s.Diff.EmptyFill != "" && s.Diff.EmptyFill[0] != ' ' {
				return // a pattern of dots shows on any background
			}
			bg, ok := th.rgb(s.Diff.Empty.GetBackground())
			if !ok {
				t.Fatalf("a blank empty cell with no background of its own cannot be seen")
			}
			// 1.15:1 is a faint shade, but one that a screen shows:
			// #F3F4F6 (1.1:1) fades into white on most.
			if got := contrast(bg, th.terminalBackground()); got < 1.15 {
				t.Errorf("empty cell %v (%v) against the background %v: contrast %.2f:1, want at least 1.15:1",
					bg, s.Diff.Empty.GetBackground(), th.terminalBackground(), got)
			}
		})
	}
}

// TestWarnedWordsContrast checks, for every colour profile on a dark and
// a light background, that what the reader warns of stands at 4.5:1 or
// more: a fact other outlets give differently and a number a paraphrase
// gives differently, in reverse video, their gutter mark, a quote's
// hedges and other speaker, and the load warnings. On 16 colours the
// warning yellow came out as dark yellow: 4.0:1 behind the dark
// terminal's text, 4.2:1 against white.
func TestWarnedWordsContrast(t *testing.T) {
	checkAllReadable(t, func(s *Styles) []namedStyle {
		return []namedStyle{
			{"fact", s.Diff.Fact},
			{"differ", s.Diff.Differ},
			{"fact-mark", s.Compare.FactMark},
			{"hedge", s.Story.Hedge},
			{"speaker-differs", s.Story.Differs},
			{"problem", s.Status.Problem},
		}
	})
}

// TestReaderTextContrast checks, for every colour profile on a dark and a
// light background, that the reader's own text stands at 4.5:1 or more
// against what is behind it: the list's outlets and titles, plain and
// under the cursor, the comparison's header, the status bar and the help
// line. On 16 colours the palette's greys came out as the hues nearest to
// them, bright blue titles on the cursor row's blue (1.4:1) on a dark
// terminal and bright black on bright magenta on a light one.
func TestReaderTextContrast(t *testing.T) {
	for _, th := range themes {
		s := NewStyles(th.renderer())
		sel := s.Articles.Selected.GetBackground()
		bar := s.Status.Bar.GetBackground()
		tests := []struct {
			name   string
			fg, bg lipgloss.TerminalColor
		}{
			{"story", s.Articles.Story.GetForeground(), nil},
			{"title", s.Articles.Title.GetForeground(), nil},
			{"selected story", s.Articles.Story.GetForeground(), sel},
			{"selected title", s.Articles.Title.GetForeground(), sel},
			{"compare title", s.Compare.Title.GetForeground(), nil},
			{"status", s.Status.Stat.GetForeground(), bar},
			{"position", s.Status.Position.GetForeground(), s.Status.Position.GetBackground()},
			{"badge", s.Status.Badge.GetForeground(), s.Status.Badge.GetBackground()},
			{"flash", s.Status.Flash.GetForeground(), nil},
			{"help key", s.Help.FullKey.GetForeground(), nil},
			// The help's descriptions are what it says: they were
			// the faint grey of what matters less, 3.6:1 on a dark
			// terminal.
			{"help description", s.Help.FullDesc.GetForeground(), nil},
			// The line of hints below the views: only its keys were
			// checked, and what they do was in that faint grey.
			{"hint line key", s.Help.ShortKey.GetForeground(), nil},
			{"hint line description", s.Help.ShortDesc.GetForeground(), nil},
			{"help title", s.HelpTitle.GetForeground(), nil},
		}
		for _, tc := range tests {
			t.Run(fmt.Sprintf("%s/%s", th.name, tc.name), func(t *testing.T) {
				fg, ok := th.rgb(tc.fg)
				if !ok {
					return // the terminal's own text colour
				}
				bg, ok := th.rgb(tc.bg)
				if !ok {
					bg = th.terminalBackground()
				}
				if got := contrast(fg, bg); got < 4.5 {
					t.Errorf("contrast %.2f:1 (colours %v on %v), want at least 4.5:1", got, tc.fg, tc.bg)
				}
			})
		}
	}
}

// checkReadable fails unless st's text stands at 4.5:1 or more against
// its background on th, the terminal's when it sets none.
func checkReadable(t *testing.T, th theme, name string, st lipgloss.Style) {
	t.Helper()
	fg, ok := th.rgb(st.GetForeground())
	if !ok {
		t.Fatalf("%s sets no foreground colour: its contrast would be the terminal's", name)
	}
	bg, ok := th.rgb(st.GetBackground())
	if !ok {
		bg = th.terminalBackground()
	}
	if got := contrast(fg, bg); got < 4.5 {
		t.Errorf("contrast %.2f:1 (%v on %v, colours %v on %v), want at least 4.5:1",
			got, fg, bg, st.GetForeground(), st.GetBackground())
	}
}

// TestMatrixShadesRamp checks, for every colour profile on a dark and a
// light background, that the matrix's five shades are five: each a
// background of its own, lighter step by step on a dark terminal and
// darker on a light one, as the legend reads, with the cell's figures at
// 4.5:1 or more on it. On 16 colours the nearest of 16 to each step made
// 40%+, 60%+ and 80%+ one bright blue on a dark terminal (80%+ in black
// on it, 2.4:1).
func TestMatrixShadesRamp(t *testing.T) {
	for _, th := range themes {
		t.Run(th.name, func(t *testing.T) {
			s := NewStyles(th.renderer())
			prev := -1.0
			for i, sh := range s.Matrix.Shades {
				bg, ok := th.rgb(sh.GetBackground())
				if !ok {
					t.Fatalf("shade %d%%+ sets no background", i*20)
				}
				l := luminance(bg)
				if !th.dark {
					l = -l
				}
				if i > 0 && l <= prev {
					t.Errorf("shade %d%%+ (%v) is not %s than %d%%+", i*20, sh.GetBackground(),
						map[bool]string{true: "lighter", false: "darker"}[th.dark], (i-1)*20)
				}
				prev = l
				checkReadable(t, th, fmt.Sprintf("shade %d%%+", i*20), sh)
			}
		})
	}
}

// TestHintLineContrast checks the line of hints below the views as the
// reader draws it, on every theme: each key and each description on it
// stands at 4.5:1 or more against the terminal's background. Only the
// separators between hints may be fainter. The descriptions were in the
// faint grey, 3.6:1 on a dark terminal, and the test of the reader's text
// checked only the keys.
func TestHintLineContrast(t *testing.T) {
	for _, th := range themes {
		t.Run(th.name, func(t *testing.T) {
			m := newModelOpts(t, seed(t), 160, 40, Options{Renderer: th.renderer()})
			lines := strings.Split(m.View(), "\n")
			line := lines[len(lines)-1]
			if !strings.Contains(ansi.Strip(line), "? help") {
				t.Fatalf("the last line is not the hint line: %q", ansi.Strip(line))
			}
			for _, run := range colourRuns(th, line) {
				text := strings.TrimSpace(strings.Trim(run.text, " •…"))
				if text == "" {
					continue
				}
				if !run.set {
					t.Errorf("%q is drawn in the terminal's own colour on a themed line", text)
					continue
				}
				if got := contrast(run.fg, th.terminalBackground()); got < 4.5 {
					t.Errorf("%q: contrast %.2f:1 (%v), want at least 4.5:1", text, got, run.fg)
				}
			}
		})
	}
}

// colourRun is a stretch of a drawn line in one foreground colour on one
// background.
type colourRun struct {
	text string
	fg   [3]float64
	set  bool // false: the terminal's own colour
	// bg and bgSet are the background the stretch stands on, bgSet
	// false where it is the terminal's own.
	bg    [3]float64
	bgSet bool
}

// colourRuns splits a line drawn with SGR sequences into its stretches of
// one foreground colour on one background, each colour as th shows it.
func colourRuns(th theme, line string) []colourRun {
	var runs []colourRun
	cur := colourRun{}
	var bg [3]float64
	bgSet := false
	rest := line
	for rest != "" {
		loc := sgrRE.FindStringSubmatchIndex(rest)
		end := len(rest)
		if loc != nil {
			end = loc[0]
		}
		cur.text += ansi.Strip(rest[:end])
		if loc == nil {
			break
		}
		fg, set := cur.fg, cur.set
		params := strings.Split(rest[loc[2]:loc[3]], ";")
		for i := 0; i < len(params); i++ {
			n, _ := strconv.Atoi(params[i])
			switch {
			case params[i] == "" || n == 0:
				set, bgSet = false, false
			case n == 39:
				set = false
			case n == 49:
				bgSet = false
			case n >= 40 && n <= 47:
				bg, bgSet = th.ansiRGB(termenv.ANSIColor(n-40)), true
			case n >= 100 && n <= 107:
				bg, bgSet = th.ansiRGB(termenv.ANSIColor(n-100+8)), true
			case n == 48 && i+2 < len(params) && params[i+1] == "5":
				c, _ := strconv.Atoi(params[i+2])
				bg, bgSet = th.ansiRGB(termenv.ANSI256Color(c)), true
				i += 2
			case n == 48 && i+4 < len(params) && params[i+1] == "2":
				for j := range 3 {
					v, _ := strconv.Atoi(params[i+2+j])
					bg[j] = float64(v)
				}
				bgSet = true
				i += 4
			case n >= 30 && n <= 37:
				fg, set = th.ansiRGB(termenv.ANSIColor(n-30)), true
			case n >= 90 && n <= 97:
				fg, set = th.ansiRGB(termenv.ANSIColor(n-90+8)), true
			case n == 38 && i+2 < len(params) && params[i+1] == "5":
				c, _ := strconv.Atoi(params[i+2])
				fg, set = th.ansiRGB(termenv.ANSI256Color(c)), true
				i += 2
			case n == 38 && i+4 < len(params) && params[i+1] == "2":
				for j := range 3 {
					v, _ := strconv.Atoi(params[i+2+j])
					fg[j] = float64(v)
				}
				set = true
				i += 4
			}
		}
		if fg != cur.fg || set != cur.set || bg != cur.bg || bgSet != cur.bgSet {
			runs = append(runs, cur)
			cur = colourRun{fg: fg, set: set, bg: bg, bgSet: bgSet}
		}
		rest = rest[loc[1]:]
	}
	return append(runs, cur)
}

// ansiRGB is the colour c shows as, at termenv's reference values.
func (th theme) ansiRGB(c termenv.Color) [3]float64 {
	rgb := termenv.ConvertToRGB(c)
	return [3]float64{math.Round(rgb.R * 255), math.Round(rgb.G * 255), math.Round(rgb.B * 255)}
}

// TestCursorRowContrast checks, on every theme, that each word on a
// background the reader paints stands at 4.5:1 or more against it: the
// row under the cursor in the articles list and in the quotes, the status
// bar. The figures beside an outlet ("left", "22%", "340w", "3 outlets")
// kept the faint grey of the figures on the cursor row's shade: 2.2:1 on
// 16 colours and 2.7:1 in true colour on a light terminal.
func TestCursorRowContrast(t *testing.T) {
	for _, th := range themes {
		t.Run(th.name, func(t *testing.T) {
			m := newModelOpts(t, seed(t), 160, 40, Options{Renderer: th.renderer()})
			views := map[string]Model{
				"articles": press(m, "tab"),
				"quotes":   press(m, "2"),
			}
			for view, m := range views {
				for _, line := range strings.Split(m.View(), "\n") {
					for _, run := range colourRuns(th, line) {
						text := strings.TrimSpace(strings.Trim(run.text, " •…▌│─"))
						if text == "" || !run.bgSet {
							continue
						}
						fg := run.fg
						if !run.set {
							continue // the terminal's own text: its theme's
						}
						if got := contrast(fg, run.bg); got < 4.5 {
							t.Errorf("%s: %q: contrast %.2f:1 (%v on %v), want at least 4.5:1", view, text, got, fg, run.bg)
						}
					}
				}
			}
		})
	}
}
