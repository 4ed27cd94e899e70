package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestStdinMarkdown is a regression test: Markdown piped in (cat a.md |
// newsdiff diff - a.md) was read as plain text, its "#", "**" and
// "[x](url)" compared as words against the same article read from its
// .md file, and extract - read it as an HTML page, its marks kept. Text
// that is plainly Markdown is read as a .md file is, as a web page piped
// in is read as a saved one; plain text is read as before.
func TestStdinMarkdown(t *testing.T) {
	const md = "---\ntitle: Bridge reopens after repairs\noutlet: Example News\n---\n" +
		"# Bridge reopens after repairs\n\n" +
		"The **bridge** reopened on Tuesday, [officials said](https://example.org/x).\n\n" +
		"- Traffic was light.\n- Buses returned.\n\n" +
		"The mayor said the work was *finished* ahead of time.\n"
	const plain = "Bridge reopens after repairs\n\n- Traffic was light.\n- Buses returned.\n\nThe mayor said the work was *finished* ahead of time.\n"
	dir := writeFiles(t, map[string]string{"a.md": md, "plain.txt": plain})

	for _, tt := range []struct{ stdin, file string }{
		{md, "a.md"},
		// No front matter: the heading it opens on says Markdown.
		{md[strings.Index(md, "# "):], "a.md"},
		// Plain text stays plain text: its "- " lines and "*stars*"
		// are its words.
		{plain, "plain.txt"},
	} {
		le := newLocalEnv(t, false, tt.stdin)
		if code := le.run("diff", "--exit-code", "--format", "plain", "-", filepath.Join(dir, tt.file)); code != 0 {
			t.Errorf("diff - %s with\n%s\nexit %d:\n%s%s", tt.file, tt.stdin, code, le.out, le.errb)
		}
	}

	le := newLocalEnv(t, false, md)
	if code := le.run("extract", "-"); code != 0 {
		t.Fatalf("extract -: exit %d: %s", code, le.errb)
	}
	fromStdin := le.out.String()
	le = newLocalEnv(t, false, "")
	if code := le.run("extract", filepath.Join(dir, "a.md")); code != 0 {
		t.Fatalf("extract a.md: exit %d: %s", code, le.errb)
	}
	if fromStdin != le.out.String() {
		t.Errorf("extract - of a.md's text:\n%s\nwant, as extract a.md writes it:\n%s", fromStdin, le.out)
	}
}
