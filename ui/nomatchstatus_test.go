package ui

import (
	"strings"
	"testing"
)

// TestListAloneWithNoMatchSaysSo: where the list has the screen to
// itself, the status bar says where its cursor is among the articles
// shown; a filter that matches nothing made that "article 0/0", while
// the filter was typed and once accepted. It says "no match".
func TestListAloneWithNoMatchSaysSo(t *testing.T) {
	for _, size := range [][2]int{{70, 20}, {60, 24}} {
		m := newModel(t, seed(t), size[0], size[1])
		m = press(m, "tab")
		if status := screenLines(m)[size[1]-2]; !strings.Contains(status, "article 1/") {
			t.Fatalf("%dx%d: the list alone's status %q gives no place in it; the test needs it", size[0], size[1], status)
		}
		m = press(m, "/")
		m = typeText(m, "zzzq")
		for _, typed := range []bool{true, false} {
			if !typed {
				m = press(m, "enter")
			}
			status := screenLines(m)[size[1]-2]
			if strings.Contains(status, "0/0") || !strings.Contains(status, "no match") {
				t.Errorf("%dx%d, filter typed %v: status %q, want no match", size[0], size[1], typed, status)
			}
		}
		m = press(m, "esc")
		if status := screenLines(m)[size[1]-2]; !strings.Contains(status, "article ") {
			t.Errorf("%dx%d: filter cleared, status %q gives no place in the list", size[0], size[1], status)
		}
	}
}
