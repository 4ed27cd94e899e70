package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestJSONSpansAreFileBytes is a regression test: docs/json.md says a
// span is byte offsets into the article's file, so that file[start:end] is
// the passage, but the spans were into the text as newsdiff reads it,
// which differs from the file past a windows-1252 byte, a character
// reference, an escape sequence or a soft hyphen: every span after one
// was off by what reading had changed ("Jerry" after "&amp;" given as
// "y sa"). The text fields stay the text as read.
func TestJSONSpansAreFileBytes(t *testing.T) {
	const plain = "Bridge vote\n\nThe council voted to open the bridge on Monday, the mayor said.\n"
	// Each file, and how reading it changes its bytes.
	changed := map[string]struct {
		text string
		read *strings.Replacer
	}{
		"windows-1252": {"Bridge vote\n\nThe caf\xe9 council voted to open the \x93new\x94 bridge on Monday, the mayor said.\n",
			strings.NewReplacer("\xe9", "é", "\x93", "“", "\x94", "”")},
		"reference": {"Bridge vote\n\nThe council &amp; board voted to open the &#8220;new&#8221; bridge on Monday, the mayor said.\n",
			strings.NewReplacer("&amp;", "&", "&#8220;", "“", "&#8221;", "”")},
		"escape": {"Bridge vote\n\nThe \x1b[1mcouncil\x1b[0m voted to open the new bridge on Monday, the mayor said.\n",
			strings.NewReplacer("\x1b[1m", "", "\x1b[0m", "")},
		"soft hyphen": {"Bridge vote\n\nThe coun\u00adcil voted to open the new bridge on Mon\u00adday, the mayor said.\n",
			strings.NewReplacer("\u00ad", "")},
		"accent": {"Bridge vote\n\nThe Cafe\u0301 council voted to open the new bridge on Monday, the mayor said.\n",
			strings.NewReplacer("e\u0301", "é")},
	}
	for name, tc := range changed {
		t.Run(name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"a.txt": plain, "b.txt": tc.text})
			le := newLocalEnv(t, false, "")
			if code := le.run("diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), "--format", "json", "--with-text"); code != 0 {
				t.Fatalf("exit %d: %s", code, le.errb)
			}
			var doc struct {
				Blocks []struct {
					Right *[2]int
					Ops   []struct {
						Op        string
						Right     *[2]int
						RightText string `json:"right_text"`
					}
				}
			}
			if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			file := []byte(tc.text)
			for _, b := range doc.Blocks {
				if b.Right == nil {
					continue
				}
				at := b.Right[0]
				for _, op := range b.Ops {
					if op.Right == nil {
						continue
					}
					s, e := op.Right[0], op.Right[1]
					if s != at || e < s || e > len(file) {
						t.Fatalf("op %q at %v: want it to start at %d, where the last ended, and to end in the file's %d bytes", op.RightText, *op.Right, at, len(file))
					}
					at = e
					if tc.read.Replace(string(file[s:e])) != op.RightText {
						t.Errorf("op %q at %v: the file has %q there", op.RightText, *op.Right, file[s:e])
					}
				}
				if at != b.Right[1] {
					t.Errorf("block %v: its ops end at %d", *b.Right, at)
				}
			}
		})
	}
}

// TestJSONStorySpansAreFileBytes is TestJSONSpansAreFileBytes for the
// story commands' spans: a passage only one outlet reports, after a
// character reference, is its file's bytes.
func TestJSONStorySpansAreFileBytes(t *testing.T) {
	only := "The mayor thanked the engineers who had worked on it for three years."
	files := map[string]string{
		"a.txt": "Bridge vote\n\nThe council voted to open the bridge on Monday, the mayor said.\n",
		"b.txt": "Bridge vote\n\nThe council &amp; board voted to open the bridge on Monday, the mayor said.\n\n" + only + "\n",
	}
	dir := writeFiles(t, files)
	le := newLocalEnv(t, false, "")
	if code := le.run("unique", dir, "--format", "json"); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	var doc struct {
		Stories []struct {
			Passages []struct {
				ID   string
				Span [2]int
				Text string
			}
		}
	}
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
		t.Fatalf("%v: %s", err, le.out)
	}
	found := false
	for _, o := range doc.Stories {
		for _, p := range o.Passages {
			file, err := os.ReadFile(filepath.Join(dir, p.ID+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			if s, e := p.Span[0], p.Span[1]; e > len(file) || string(file[s:e]) != p.Text {
				t.Errorf("passage %q at %v: the file has %q there", p.Text, p.Span, file[min(s, len(file)):min(e, len(file))])
			}
			found = found || p.Text == only
		}
	}
	if !found {
		t.Errorf("no passage %q in %s", only, le.out)
	}
}

// TestJSONPageSpansAreItsText is TestJSONSpansAreFileBytes for a saved
// web page, whose spans are into its text as newsdiff add saves it: a
// reference left in that text ("&amp;amp;" in the page) and a soft hyphen
// moved every span after them.
func TestJSONPageSpansAreItsText(t *testing.T) {
	page := "<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>" +
		"<p>The coun&shy;cil &amp;amp; board voted to open the new bridge on Monday, the mayor said to reporters.</p>" +
		"<p>The engineers who worked on it for three years were thanked by the\u200b mayor.</p></article></body></html>"
	dir := writeFiles(t, map[string]string{
		"a.txt":     "Bridge vote\n\nThe council & board voted to open the new bridge on Friday, the mayor said to reporters.\n",
		"page.html": page,
	})
	le := newLocalEnv(t, false, "")
	saved := filepath.Join(t.TempDir(), "saved")
	if code := le.run("add", saved, filepath.Join(dir, "page.html")); code != 0 {
		t.Fatalf("add: exit %d: %s", code, le.errb)
	}
	files, err := filepath.Glob(filepath.Join(saved, "*.txt"))
	if err != nil || len(files) != 1 {
		t.Fatalf("add saved %q (%v)", files, err)
	}
	text, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	le = newLocalEnv(t, false, "")
	if code := le.run("diff", filepath.Join(dir, "a.txt"), filepath.Join(dir, "page.html"), "--format", "json", "--with-text"); code != 0 {
		t.Fatalf("diff: exit %d: %s", code, le.errb)
	}
	var doc struct {
		Blocks []struct {
			Ops []struct {
				Right     *[2]int
				RightText string `json:"right_text"`
			}
		}
	}
	if err := json.Unmarshal(le.out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	read := strings.NewReplacer("&amp;", "&", "\u00ad", "", "\u200b", "")
	for _, b := range doc.Blocks {
		for _, op := range b.Ops {
			if op.Right == nil {
				continue
			}
			s, e := op.Right[0], op.Right[1]
			if e > len(text) || read.Replace(string(text[s:e])) != op.RightText {
				t.Errorf("op %q at %v: the saved text has %q there", op.RightText, *op.Right, text[min(s, len(text)):min(e, len(text))])
			}
		}
	}
}
