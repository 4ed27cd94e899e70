// Command ansi2html turns text with ANSI colour and attribute escape
// sequences, such as the output of `tmux capture-pane -e -p`, into a
// standalone HTML page that shows it as a terminal would. The screenshot
// script photographs that page.
//
// Usage:
//
//	ansi2html [-title T] [-bg #RRGGBB] [-fg #RRGGBB] < screen.ansi > screen.html
//
// It understands SGR sequences — bold, faint, italic, underline, reverse,
// strikethrough and their resets, and 16, 256 and 24-bit colours — and
// drops every other escape sequence.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	title := flag.String("title", "newsdiff", "page title")
	bg := flag.String("bg", "#0d1117", "terminal background colour")
	fg := flag.String("fg", "#e6edf3", "terminal foreground colour")
	flag.Parse()
	in, err := io.ReadAll(bufio.NewReader(os.Stdin))
	if err != nil {
		fmt.Fprintln(os.Stderr, "ansi2html:", err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fmt.Fprintf(out, page, html.EscapeString(*title), *bg, *fg)
	convert(out, string(in), *bg, *fg)
	out.WriteString("</pre></body></html>\n")
}

const page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>%s</title>
<style>
html, body { margin: 0; padding: 0; background: %s; }
pre { margin: 0; padding: 12px 14px; color: %s; line-height: 1.25;
      font: 15px/1.25 "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", monospace;
      font-variant-ligatures: none; }
span { white-space: pre; display: inline-block; vertical-align: top; }
</style></head><body><pre>`

// attrs is the terminal's current graphic rendition.
type attrs struct {
	fg, bg                                      string // CSS colours, "" for the default
	bold, faint, italic, under, reverse, strike bool
}

func (a attrs) css(defBg, defFg string) string {
	fg, bg := a.fg, a.bg
	if a.reverse {
		if fg == "" {
			fg = defFg
		}
		if bg == "" {
			bg = defBg
		}
		fg, bg = bg, fg
	}
	var s []string
	if fg != "" {
		s = append(s, "color:"+fg)
	}
	if bg != "" {
		s = append(s, "background:"+bg)
	}
	if a.bold {
		s = append(s, "font-weight:bold")
	}
	if a.faint {
		s = append(s, "opacity:0.6")
	}
	if a.italic {
		s = append(s, "font-style:italic")
	}
	var deco []string
	if a.under {
		deco = append(deco, "underline")
	}
	if a.strike {
		deco = append(deco, "line-through")
	}
	if len(deco) > 0 {
		s = append(s, "text-decoration:"+strings.Join(deco, " "))
	}
	return strings.Join(s, ";")
}

func convert(w *bufio.Writer, s, defBg, defFg string) {
	var cur attrs
	var text strings.Builder
	flush := func() {
		if text.Len() == 0 {
			return
		}
		if css := cur.css(defBg, defFg); css != "" {
			fmt.Fprintf(w, `<span style="%s">%s</span>`, css, html.EscapeString(text.String()))
		} else {
			w.WriteString(html.EscapeString(text.String()))
		}
		text.Reset()
	}
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			if s[i] == '\n' {
				flush()
				w.WriteByte('\n')
			} else if s[i] != '\r' {
				text.WriteByte(s[i])
			}
			i++
			continue
		}
		// An escape sequence: only CSI … m matters.
		if i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				flush()
				sgr(&cur, s[i+2:j])
			}
			i = j + 1
			continue
		}
		i += 2
	}
	flush()
}

// sgr applies the parameters of one SGR sequence to a.
func sgr(a *attrs, params string) {
	if params == "" {
		*a = attrs{}
		return
	}
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	n := func(i int) int {
		if i >= len(ps) {
			return 0
		}
		v, _ := strconv.Atoi(ps[i])
		return v
	}
	for i := 0; i < len(ps); i++ {
		switch p := n(i); {
		case p == 0:
			*a = attrs{}
		case p == 1:
			a.bold = true
		case p == 2:
			a.faint = true
		case p == 3:
			a.italic = true
		case p == 4:
			a.under = true
		case p == 7:
			a.reverse = true
		case p == 9:
			a.strike = true
		case p == 22:
			a.bold, a.faint = false, false
		case p == 23:
			a.italic = false
		case p == 24:
			a.under = false
		case p == 27:
			a.reverse = false
		case p == 29:
			a.strike = false
		case p >= 30 && p <= 37:
			a.fg = ansi16[p-30]
		case p >= 90 && p <= 97:
			a.fg = ansi16[p-90+8]
		case p == 39:
			a.fg = ""
		case p >= 40 && p <= 47:
			a.bg = ansi16[p-40]
		case p >= 100 && p <= 107:
			a.bg = ansi16[p-100+8]
		case p == 49:
			a.bg = ""
		case p == 38 || p == 48:
			var c string
			switch n(i + 1) {
			case 5:
				c = color256(n(i + 2))
				i += 2
			case 2:
				c = fmt.Sprintf("#%02x%02x%02x", n(i+2)&255, n(i+3)&255, n(i+4)&255)
				i += 4
			}
			if p == 38 {
				a.fg = c
			} else {
				a.bg = c
			}
		}
	}
}

var ansi16 = [16]string{
	"#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
	"#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
}

// color256 returns the CSS colour of xterm's colour n.
func color256(n int) string {
	switch {
	case n < 0 || n > 255:
		return ""
	case n < 16:
		return ansi16[n]
	case n < 232:
		n -= 16
		level := func(v int) int {
			if v == 0 {
				return 0
			}
			return 55 + v*40
		}
		return fmt.Sprintf("#%02x%02x%02x", level(n/36), level(n/6%6), level(n%6))
	}
	v := 8 + (n-232)*10
	return fmt.Sprintf("#%02x%02x%02x", v, v, v)
}
