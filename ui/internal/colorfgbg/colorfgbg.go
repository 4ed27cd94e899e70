// Package colorfgbg reads the COLORFGBG variable some terminals (rxvt,
// Konsole, iTerm2) set, and SSH clients pass on, for the commands and the
// server alike: whether the background it gives is light, so that
// coloured output can take its darker shades. It asks the terminal
// nothing; the reader's renderer and termenv do that where they may.
package colorfgbg

import (
	"strconv"
	"strings"

	"github.com/muesli/termenv"
)

// Light reports whether v, a COLORFGBG value ("fg;bg", or "fg;default;bg"
// as rxvt writes it: the background is the last field, an ANSI colour
// index), gives a light background, as termenv reads it: "0;15", black on
// white, does. Unset or unreadable, the background is taken as dark, as
// termenv takes it.
func Light(v string) bool {
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false
	}
	bg, err := strconv.Atoi(v[i+1:])
	if err != nil || bg < 0 || bg > 255 {
		return false
	}
	_, _, lightness := termenv.ConvertToRGB(termenv.ANSI256Color(bg)).Hsl()
	return lightness >= 0.5
}
