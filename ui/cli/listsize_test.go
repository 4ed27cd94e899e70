package cli

import (
	"bytes"
	"testing"
)

// TestListSize checks that the size Flush grows stdout by is at least
// what it writes, in every layout, so that the held output is grown once.
func TestListSize(t *testing.T) {
	for _, width := range []int{0, 100, 60, 40, 24, 12} {
		var out bytes.Buffer
		tb := &listTable{w: &out, width: width}
		tb.section("1 · A story — “quoted”")
		tb.row("01_nytimes", "The New York Times", 1200, "Crisis — what “they” said…")
		tb.row("02_中文", "新华社", 7, "中文标题很长很长很长很长很长很长")
		tb.row("03_x", "", 0, "")
		tb.section("not grouped")
		tb.row("a b", "Outlet\twith tab", 123456, "e\u0301 combined, and a long title that goes on and on")
		widths := make([][listColumns]int, len(tb.sections))
		for i, s := range tb.sections {
			widths[i] = s.widths(width > 0)
		}
		l := listLayout{cols: []int{colID, colOutlet, colWords, colTitle}}
		if width > 0 {
			l = tb.layout(widths)
		}
		size := tb.size(l, widths)
		if err := tb.Flush(); err != nil {
			t.Fatal(err)
		}
		if out.Len() > size {
			t.Errorf("width %d: wrote %d bytes, size said %d", width, out.Len(), size)
		}
	}
}
