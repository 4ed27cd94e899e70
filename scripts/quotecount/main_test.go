package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestCount counts a story's grouped quotes with and without a speaker
// and its short ones apart, and lists each quote on a line of its own.
func TestCount(t *testing.T) {
	a := corpus.Parse("a.txt", []byte("Title\n\n"+
		`"The bridge will open in May," the mayor, Ann Lee, said. Critics called it "late".`+"\n\n"+
		`A sign read "No entry to the site today" at the gate.`+"\n"))
	a.ID = "a"
	var out bytes.Buffer
	got := count(&out, true, "story", []*corpus.Article{a})
	want := counts{quotes: 2, speaker: 1, short: 1, shortSpeaker: 1}
	if got != want {
		t.Errorf("count = %+v, want %+v", got, want)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "story\ta\t2\tgroup\tAnn Lee\tsaid\tfalse\tThe bridge will open in May") {
		t.Errorf("list =\n%s", out.String())
	}
}
