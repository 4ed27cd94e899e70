package cli

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// TestColoursOnLightTerminal is a regression test: the coloured diff and
// quotes drew deletions in orange 208 and insertions in blue 39 whatever
// the terminal, 2.4:1 against a white background. Where COLORFGBG says
// the background is light ("0;15", black on white) they take darker
// shades; elsewhere the bright ones, which stand out of a dark one. Each
// coloured word must stand at 4.5:1 or more against the background,
// reversed ones (a fact given differently) included.
func TestColoursOnLightTerminal(t *testing.T) {
	white, dark := [3]float64{255, 255, 255}, [3]float64{0x1e, 0x1e, 0x1e}
	for _, tt := range []struct {
		colorfgbg string
		bg        [3]float64
	}{
		{"0;15", white},
		{"0;default;15", white},
		{"15;0", dark},
		{"", dark},
	} {
		for _, args := range [][]string{
			{"diff", "003", "004"},
			{"diff", "000", "003"},
			{"quotes"},
		} {
			le := newLocalEnv(t, true, "")
			le.vars["TERM"] = "xterm-256color"
			if tt.colorfgbg != "" {
				le.vars["COLORFGBG"] = tt.colorfgbg
			}
			if code := le.run(append(args, "--color=always", "--no-pager")...); code != 0 {
				t.Fatalf("%q: exit %d: %s", args, code, le.errb)
			}
			seen := 0
			for _, run := range sgrColourRuns(le.out.String()) {
				fg, bg := run.fg, tt.bg
				if run.reverse {
					fg, bg = bg, fg
				}
				seen++
				if got := wcagContrast(fg, bg); got < 4.5 {
					t.Errorf("COLORFGBG=%q %q: %q: contrast %.2f:1 (%v on %v), want at least 4.5:1",
						tt.colorfgbg, args, run.text, got, fg, bg)
				}
			}
			if seen == 0 {
				t.Errorf("COLORFGBG=%q %q: no coloured text", tt.colorfgbg, args)
			}
		}
	}
}

type sgrRun struct {
	text    string
	fg      [3]float64
	reverse bool
}

var sgrSeq = regexp.MustCompile(`\x1b\[([0-9;]*)m([^\x1b]*)`)

// sgrColourRuns returns the stretches of s drawn in a 256-colour
// foreground, each as the colour shows.
func sgrColourRuns(s string) []sgrRun {
	var runs []sgrRun
	var cur sgrRun
	set := false
	for _, m := range sgrSeq.FindAllStringSubmatch(s, -1) {
		ps := strings.Split(m[1], ";")
		for i := 0; i < len(ps); i++ {
			switch n, _ := strconv.Atoi(ps[i]); {
			case n == 0:
				set, cur.reverse = false, false
			case n == 7:
				cur.reverse = true
			case n == 38 && i+2 < len(ps) && ps[i+1] == "5":
				c, _ := strconv.Atoi(ps[i+2])
				rgb := termenv.ConvertToRGB(termenv.ANSI256Color(c))
				cur.fg = [3]float64{math.Round(rgb.R * 255), math.Round(rgb.G * 255), math.Round(rgb.B * 255)}
				set = true
				i += 2
			}
		}
		if set && strings.TrimSpace(m[2]) != "" {
			runs = append(runs, sgrRun{text: m[2], fg: cur.fg, reverse: cur.reverse})
		}
	}
	return runs
}

// wcagContrast is WCAG 2's contrast ratio of two sRGB colours.
func wcagContrast(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		var l [3]float64
		for i, v := range c {
			v /= 255
			if v <= 0.03928 {
				l[i] = v / 12.92
			} else {
				l[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestANSIMarksContrast checks every coloured mark, those the seed does
// not show (moved fragments, facts given differently) included, against
// white for the light marks and a dark theme's background for the others.
func TestANSIMarksContrast(t *testing.T) {
	for _, light := range []bool{true, false} {
		bg := [3]float64{0x1e, 0x1e, 0x1e}
		if light {
			bg = [3]float64{255, 255, 255}
		}
		m := ansiMarks(light)
		for name, f := range map[string]func(string) string{
			"del": m.del, "ins": m.ins, "minorDel": m.minorDel, "minorIns": m.minorIns,
			"differ": m.differ, "movedDel": m.movedDel, "movedIns": m.movedIns,
		} {
			runs := sgrColourRuns(f("words"))
			if len(runs) != 1 {
				t.Fatalf("light %v %s: %d coloured runs, want 1", light, name, len(runs))
			}
			fg, b := runs[0].fg, bg
			if runs[0].reverse {
				fg, b = b, fg
			}
			if got := wcagContrast(fg, b); got < 4.5 {
				t.Errorf("light %v %s: contrast %.2f:1 (%v on %v), want at least 4.5:1", light, name, got, fg, b)
			}
		}
	}
}
