package ui

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus/compare"
)

// TestCopyOneSidedPassageSaysSo: y on a passage only one article has
// copies that one passage, and said "copied the passage pair to the
// clipboard". It says "the passage" there; on a paired passage, "the
// passage pair" still.
func TestCopyOneSidedPassageSaysSo(t *testing.T) {
	var out bytes.Buffer
	r := lipgloss.NewRenderer(&out)
	r.SetColorProfile(termenv.Ascii)
	m := newModelOpts(t, seed(t), 160, 45, Options{Renderer: r})
	osc52 := regexp.MustCompile(`\x1b]52;c;([A-Za-z0-9+/=]*)`)
	for range 22 {
		m = press(m, "n")
		bi := m.compare.pane.CurrentBlock()
		if bi < 0 {
			t.Fatal("n reached no change")
		}
		kind := m.compare.pane.Comparison().Blocks[bi].Kind
		out.Reset()
		m = press(m, "y")
		status := screenLines(m)[43]
		found := osc52.FindStringSubmatch(out.String())
		if found == nil {
			t.Fatalf("y wrote no OSC 52: %q", out.String())
		}
		text, err := base64.StdEncoding.DecodeString(found[1])
		if err != nil {
			t.Fatal(err)
		}
		sides := strings.Count(string(text), " ¶")
		switch kind {
		case compare.LeftOnly, compare.RightOnly:
			if sides != 1 || !strings.Contains(status, "copied the passage to the clipboard") {
				t.Fatalf("a one-sided passage: %d sides copied, status %q", sides, status)
			}
		default:
			if !strings.Contains(status, "copied the passage pair to the clipboard") {
				t.Fatalf("a paired passage: status %q", status)
			}
		}
	}
}
