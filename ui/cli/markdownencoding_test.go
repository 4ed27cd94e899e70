package cli

import (
	"path/filepath"
	"testing"
)

// TestExtractMarkdownStrayBytes is a regression test: the extract of a
// Markdown file with windows-1252 in it ("caf\xe9", "\x93yes\x94") wrote
// each such byte as U+FFFD without a word, where the loader reads the
// file's bytes as windows-1252, and says so: diff of the file against
// its extract showed every such word changed. extract reads them as the
// loader does, and says so as it does of a saved page.
func TestExtractMarkdownStrayBytes(t *testing.T) {
	for _, tt := range []struct{ name, md, note string }{
		{"windows-1252 alone", "# Caf\xe9 reopens\n\nThe caf\xe9 owner said \x93yes\x94 on Tuesday.\n",
			"is windows-1252, not UTF-8; 4 characters were read as windows-1252"},
		{"windows-1252 in UTF-8", "---\ntitle: Caf\u00e9 reopens\n---\nThe caf\u00e9 owner said \x93yes\x94 on Tuesday.\n",
			"mixes UTF-8 and windows-1252; 2 characters were read as windows-1252"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			md := filepath.Join(writeFiles(t, map[string]string{"story.md": tt.md}), "story.md")
			le := newLocalEnv(t, false, "")
			if code := le.run("extract", md); code != 0 {
				t.Fatalf("extract: exit %d: %s", code, le.errb)
			}
			if want := "newsdiff extract: " + Name(md) + ": " + tt.note + "\n"; le.errb.String() != want {
				t.Errorf("extract: stderr %q, want %q", le.errb, want)
			}
			extractReadsAsFile(t, md)
		})
	}
}
