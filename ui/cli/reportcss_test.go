package cli

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// cssHexRE matches a colour in hex, of three digits or six.
var cssHexRE = regexp.MustCompile(`^#([0-9a-fA-F]{3}){1,2}$`)

// cssRuleRE matches a rule without nested blocks: selectors, declarations.
var cssRuleRE = regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`)

// cssColours returns, for each selector of the rules in css, the hex
// colours its declarations give ("color", "background"), later rules
// over earlier ones.
func cssColours(css string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, m := range cssRuleRE.FindAllStringSubmatch(css, -1) {
		for _, sel := range strings.Split(m[1], ",") {
			sel = strings.TrimSpace(sel)
			for _, decl := range strings.Split(m[2], ";") {
				name, value, ok := strings.Cut(decl, ":")
				if !ok {
					continue
				}
				name, value = strings.TrimSpace(name), strings.TrimSpace(value)
				if name == "background-color" {
					name = "background"
				}
				if (name == "color" || name == "background") && cssHexRE.MatchString(value) {
					if out[sel] == nil {
						out[sel] = map[string]string{}
					}
					out[sel][name] = value
				}
			}
		}
	}
	return out
}

// darkBlock is the body of css's @media (prefers-color-scheme: dark).
func darkBlock(css string) string {
	i := strings.Index(css, "@media (prefers-color-scheme: dark)")
	if i < 0 {
		return ""
	}
	start := strings.IndexByte(css[i:], '{')
	if start < 0 {
		return ""
	}
	depth := 0
	for j := i + start; j < len(css); j++ {
		switch css[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return css[i+start+1 : j]
			}
		}
	}
	return ""
}

func hexRGB(t *testing.T, s string) [3]float64 {
	t.Helper()
	if len(s) == 4 {
		s = "#" + strings.Repeat(s[1:2], 2) + strings.Repeat(s[2:3], 2) + strings.Repeat(s[3:4], 2)
	}
	var c [3]float64
	for i := range 3 {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
		c[i] = float64(v)
	}
	return c
}

// TestReportColoursContrast checks the colours of the HTML page (report,
// diff --format html, the reader's export) in a light and in a dark colour
// scheme: the text, the labels, deleted and inserted words and every
// shade of the coverage matrix stand at 4.5:1 or more against what is
// behind them. The page had no dark scheme, and a reader whose browser
// is dark got a white page; and the matrix's 70% to 90% shades put white
// figures on mid blues, 2.8:1 at 70%.
func TestReportColoursContrast(t *testing.T) {
	light := cssColours(strings.Replace(pageCSS, darkBlock(pageCSS), "", 1))
	dark := darkBlock(pageCSS)
	if dark == "" {
		t.Fatal("the page's CSS has no @media (prefers-color-scheme: dark)")
	}
	// The dark rules stand over the light ones.
	scheme := map[string]map[string]map[string]string{"light": light, "dark": {}}
	for sel, decls := range light {
		scheme["dark"][sel] = map[string]string{}
		for k, v := range decls {
			scheme["dark"][sel][k] = v
		}
	}
	for sel, decls := range cssColours(dark) {
		if scheme["dark"][sel] == nil {
			scheme["dark"][sel] = map[string]string{}
		}
		for k, v := range decls {
			scheme["dark"][sel][k] = v
		}
	}
	// .minor is all of a passage only one side has, not only changed
	// punctuation: in the light scheme it was 3.2:1.
	sels := []string{"body", ".meta", ".minor", "del", "ins", "a", "td.self"}
	for i := range 11 {
		sels = append(sels, fmt.Sprintf(".h%d", i))
	}
	for _, name := range []string{"light", "dark"} {
		rules := scheme[name]
		body := rules["body"]
		for _, sel := range sels {
			fg, bg := rules[sel]["color"], rules[sel]["background"]
			if fg == "" {
				fg = body["color"]
			}
			if bg == "" {
				bg = body["background"]
			}
			if sel == "a" && rules[sel]["color"] == "" {
				if name == "dark" {
					t.Errorf("dark: links keep the browser's blue for a white page")
				}
				continue
			}
			if fg == "" || bg == "" {
				t.Errorf("%s: %s: no colour (%q) or background (%q)", name, sel, fg, bg)
				continue
			}
			if got := wcagContrast(hexRGB(t, fg), hexRGB(t, bg)); got < 4.5 {
				t.Errorf("%s: %s: contrast %.2f:1 (%s on %s), want at least 4.5:1", name, sel, got, fg, bg)
			}
		}
	}
}

// TestReportMatrixScrollsAlone is a regression test: on a narrow screen
// (a phone, 400 pixels) the coverage matrix, wider than the page, made
// the whole page scroll sideways, its text included. It scrolls in a box
// of its own.
func TestReportMatrixScrollsAlone(t *testing.T) {
	le := newLocalEnv(t, false, "")
	if code := le.run("report"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	page := le.out.String()
	if !strings.Contains(page, `<div class="wide"><table class="matrix">`) {
		t.Errorf("the matrix is not in a box of its own:\n%s", page)
	}
	if got := cssColours(pageCSS); !strings.Contains(pageCSS, "div.wide { overflow-x: auto; }") {
		t.Errorf("the matrix's box does not scroll (rules %v)", got)
	}
}
