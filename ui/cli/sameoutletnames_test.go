package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/articles"
)

// TestStoryViewsNameArticlesOfOneOutletApart is a regression test: in a
// story with two or more articles of one outlet (an update and the first
// version, two wire stories), matrix and unique named each "Reuters
// (000_…)", but shared, quotes and facts, in plain text and in the
// report, named them all "Reuters": "in: Reuters ¶5, Reuters ¶5" said
// nothing of which article printed the words.
func TestStoryViewsNameArticlesOfOneOutletApart(t *testing.T) {
	dir := t.TempDir()
	names, err := fs.Glob(articles.FS, "*.txt")
	if err != nil || len(names) != 5 {
		t.Fatalf("seeds: %v %v", names, err)
	}
	var meta []string
	for _, n := range names {
		b, err := fs.ReadFile(articles.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
		meta = append(meta, `"`+n+`": {"outlet": "Reuters"}`)
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.json"), []byte("{"+strings.Join(meta, ", ")+"}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		cmd  string
		want []string // lines of the output that start so
	}{
		{"shared", []string{"  in: Reuters (00"}},
		{"quotes", []string{"  Reuters (00", "* Reuters (00"}},
		{"facts", []string{"  Reuters (00"}},
		{"report", []string{}},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run(tt.cmd, dir, "--no-color"); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.cmd, code, le.errb)
		}
		out := le.out.String()
		for _, line := range strings.Split(out, "\n") {
			for _, bare := range []string{"  in: Reuters ¶", ", Reuters ¶", "  Reuters ¶", "* Reuters ¶", "  Reuters  ", "<li><span class=\"where\">Reuters ¶", "★ Reuters ¶", ">Reuters ¶", "\">Reuters ¶"} {
				if strings.Contains(line, bare) {
					t.Errorf("%s names an article by its outlet alone (%q):\n%s", tt.cmd, bare, line)
					break
				}
			}
		}
		for _, w := range tt.want {
			if !strings.Contains(out, "\n"+w) {
				t.Errorf("%s: no line starts %q:\n%s", tt.cmd, w, out)
			}
		}
	}
}
