package ui

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/muesli/termenv"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestEveryCountOfOneSaysOne renders each view whose count can be one
// with a count of one: the reader with nothing to read and one load
// problem said "problem(s)", the status of two articles a word apart
// "-1 +1 words", and the matrix of two articles with one word in common
// "(1 words)".
func TestEveryCountOfOneSaysOne(t *testing.T) {
	load := func(files map[string]string) *corpus.Corpus {
		fs := fstest.MapFS{}
		for name, text := range files {
			fs[name] = &fstest.MapFile{Data: []byte(text)}
		}
		c, _, err := corpus.LoadFS(fs, "town")
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	empty := load(nil)
	wordApart := load(map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday after a long debate.\n",
		"b.txt": "Bridge vote\n\nThe council voted to shut the bridge on Monday after a long debate.\n",
	})
	oneShared := load(map[string]string{
		"a.txt": "Vote\n\nHeavy rain flooded the town.\n\nClosed.\n",
		"b.txt": "Vote\n\nThe mayor resigned at noon.\n\nClosed.\n",
	})
	tests := []struct {
		name  string
		m     Model
		want  string
		wrong string
	}{
		{
			name: "nothing to read, one problem",
			m: newModelOpts(t, empty, 100, 30, Options{Renderer: renderer(termenv.Ascii),
				Problems: []string{"bad.txt: skipped: binary file"}}),
			want:  "Loading reported 1 problem: bad.txt",
			wrong: "problem(s)",
		},
		{
			name:  "a word apart",
			m:     newModel(t, wordApart, 120, 30),
			want:  "-1 +1 word ",
			wrong: "1 words",
		},
		{
			name:  "the matrix, one word in common",
			m:     press(newModel(t, oneShared, 120, 30), "3", "l"),
			want:  "(1 word).",
			wrong: "1 words",
		},
	}
	oneInPlural := regexp.MustCompile(`\b1 [a-z]+s\b`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := screen(tt.m)
			if !strings.Contains(s, tt.want) {
				t.Errorf("no %q in\n%s", tt.want, s)
			}
			if strings.Contains(s, tt.wrong) || oneInPlural.MatchString(s) {
				t.Errorf("a count of one in the plural:\n%s", s)
			}
		})
	}
}
