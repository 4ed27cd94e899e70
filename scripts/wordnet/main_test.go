package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// wordnetDir is where Debian's wordnet-base package puts the database.
const wordnetDir = "/usr/share/wordnet"

// TestTableIsGenerated checks that the committed table is what this
// generator makes of the installed WordNet, so that nobody edits the
// table by hand and the generator does not drift from it.
func TestTableIsGenerated(t *testing.T) {
	if _, err := os.Stat(wordnetDir + "/data.noun"); err != nil {
		t.Skip("WordNet is not installed (apt-get install wordnet-base); skipping the table check")
	}
	var got bytes.Buffer
	if err := Generate(wordnetDir, &got); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../corpus/lexicon/wordnet.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d: generated %q, committed %q; run go generate ./corpus/lexicon", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("generated %d lines, committed %d; run go generate ./corpus/lexicon", len(gl), len(wl))
	}
}
