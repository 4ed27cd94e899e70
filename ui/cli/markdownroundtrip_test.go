package cli

import (
	"bytes"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/newsdiff/newsdiff/corpus"
)

// FuzzExtractMarkdownReadsAsFile checks that the extract of any Markdown
// file reads as the file does: the same title, and the same paragraphs
// with the same roles. Found so: a title the front matter gives, written
// over a text that does not open on it, was a title paragraph the file has
// not; a control character before a "#" made the extract's heading text.
// The loader decoded a .md file's character references before its
// Markdown was read, so that "&lt;b&gt;" was a tag, dropped, where the
// Markdown reader gives "<b>". An extract whose text holds "&" is left
// out: the text format reads "&amp;" as "&", and has no way to say a
// reference's letters are meant ("&amp;amp;" in the Markdown).
func FuzzExtractMarkdownReadsAsFile(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Bridge\n---\nThe bridge reopened.\n",
		"---\ntitle: Bridge\n---\n# Other\n\nText here.\n",
		"---\ntitle: Bridge\n---\n# Bridge\n\nText here.\n",
		"# H\n\n- a\n- b\n\n> q\n",
		"+++\ntitle = \"T\"\n+++\nText.\n",
		"\ufeff---\ntitle: Caf\xe9\n---\n| a | b |\n|---|---|\n| \x93c\x94 | d |\n",
		"0\n\x10#",
		"The tag &lt;b&gt; and &amp;amp; in it.\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := markdownPage(src)
		if err != nil || bytes.IndexByte(p.Text(), '&') >= 0 {
			return
		}
		file, _, err := corpus.LoadFS(fstest.MapFS{"a.md": {Data: src}}, "fuzz")
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := corpus.LoadFS(fstest.MapFS{"a.txt": {Data: p.Text()}}, "fuzz")
		if err != nil {
			t.Fatal(err)
		}
		fa, ta := file.Articles(), text.Articles()
		if len(fa) != 1 || len(ta) != 1 {
			// A file of no words whose extract is its front matter's
			// title alone (see noWordsMarkdown).
			return
		}
		paras := func(a *corpus.Article) []string {
			var out []string
			for _, p := range a.Paragraphs {
				out = append(out, p.Role.String()+": "+string(a.Raw[p.Start:p.End]))
			}
			return out
		}
		if fp, tp := paras(fa[0]), paras(ta[0]); fa[0].Title != ta[0].Title || !slices.Equal(fp, tp) {
			t.Fatalf("%q\nthe file: %q %q\nits extract: %q %q\nwritten as %q", src, fa[0].Title, fp, ta[0].Title, tp, p.Text())
		}
	})
}
