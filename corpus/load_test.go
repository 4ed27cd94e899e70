package corpus_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/articles"
	"github.com/newsdiff/newsdiff/corpus"
)

// files makes a file system of the given names and contents.
func files(kv ...string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := 0; i < len(kv); i += 2 {
		fsys[kv[i]] = &fstest.MapFile{Data: []byte(kv[i+1])}
	}
	return fsys
}

// load loads fsys as the story "test" and fails on an error.
func load(t testing.TB, fsys fs.FS) (*corpus.Corpus, []corpus.Problem) {
	t.Helper()
	c, problems, err := corpus.LoadFS(fsys, "test")
	if err != nil {
		t.Fatalf("LoadFS: %v", err)
	}
	return c, problems
}

// only loads fsys, which must yield exactly one article and no problems.
func only(t *testing.T, fsys fs.FS) *corpus.Article {
	t.Helper()
	c, problems := load(t, fsys)
	if len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	all := c.Articles()
	if len(all) != 1 {
		t.Fatalf("%d articles, want 1", len(all))
	}
	return all[0]
}

// ids lists the IDs of the articles of c, story by story.
func ids(c *corpus.Corpus) []string {
	var out []string
	for _, a := range c.Articles() {
		out = append(out, a.Story+"/"+a.ID)
	}
	return out
}

// tokenAt returns the token of a that holds byte offset off.
func tokenAt(a *corpus.Article, off int) corpus.Token {
	i := sort.Search(a.Tokens.Len(), func(i int) bool { return a.Tokens.Span(i).End > off })
	return a.Tokens.At(i)
}

func TestLoadByteOrderMark(t *testing.T) {
	text := "\uFEFFClinton camp reacts\n\nThe campaign said it was a security issue.\n"
	a := only(t, files("bom.txt", text))
	if string(a.Raw) != text {
		t.Errorf("Raw = %q, want the file's bytes %q", a.Raw, text)
	}
	if a.Body.Start != 3 {
		t.Errorf("Body starts at %d, want 3 (after the byte-order mark)", a.Body.Start)
	}
	if a.Title != "Clinton camp reacts" {
		t.Errorf("Title = %q, want %q", a.Title, "Clinton camp reacts")
	}
	if a.Tokens.Span(0).Start != 3 || a.Tokens.Kind(0) != corpus.TokWord {
		t.Errorf("first token %+v, want the word after the byte-order mark", a.Tokens.At(0))
	}
}

func TestLoadLineEndings(t *testing.T) {
	lf := "Trump asks Russia to hack\n\nHe said so on Wednesday.\nHe said it in Miami.\n\nClinton's camp replied.\n"
	want := only(t, files("lf.txt", lf))
	if want.Title != "Trump asks Russia to hack" || len(want.Paragraphs) != 3 {
		t.Fatalf("LF file: title %q, %d paragraphs; want %q, 3", want.Title, len(want.Paragraphs), "Trump asks Russia to hack")
	}
	for _, tt := range []struct{ name, eol string }{{"CRLF", "\r\n"}, {"CR", "\r"}} {
		t.Run(tt.name, func(t *testing.T) {
			a := only(t, files("a.txt", strings.ReplaceAll(lf, "\n", tt.eol)))
			if a.Title != want.Title {
				t.Errorf("Title = %q, want %q", a.Title, want.Title)
			}
			if len(a.Paragraphs) != len(want.Paragraphs) || len(a.Sentences) != len(want.Sentences) || a.Words != want.Words {
				t.Fatalf("%d paragraphs, %d sentences, %d words; want %d, %d, %d as with LF",
					len(a.Paragraphs), len(a.Sentences), a.Words, len(want.Paragraphs), len(want.Sentences), want.Words)
			}
			for i, p := range a.Paragraphs {
				got := lineFeeds(a.Text(p.Span))
				wantText := lineFeeds(want.Text(want.Paragraphs[i].Span))
				if got != wantText || p.Role != want.Paragraphs[i].Role {
					t.Errorf("paragraph %d = %q (%v), want %q (%v)", i, got, p.Role, wantText, want.Paragraphs[i].Role)
				}
			}
		})
	}
}

func TestLoadUnicodeSpacesSeparateWords(t *testing.T) {
	a := only(t, files("a.txt", "Title\n\nfoo\u00a0bar\u2009baz\u202fqux\u3000quux end.\n"))
	var words []string
	for _, tok := range a.Tokens.All() {
		if tok.Kind == corpus.TokWord {
			words = append(words, tok.Form)
		}
	}
	want := []string{"title", "foo", "bar", "baz", "qux", "quux", "end"}
	if !slices.Equal(words, want) {
		t.Errorf("words %q, want %q", words, want)
	}
}

func TestLoadSeedNBSP(t *testing.T) {
	c, _ := load(t, articles.FS)
	nbsp := []byte("\u00a0")
	var checked int
	for _, a := range c.Articles() {
		for off := 0; ; off++ {
			i := bytes.Index(a.Raw[off:], nbsp)
			if i < 0 {
				break
			}
			off += i
			tok := tokenAt(a, off)
			if tok.Kind != corpus.TokSpace {
				t.Errorf("%s: NBSP at byte %d is inside %v token %q, want a space", a.ID, off, tok.Kind, a.Text(tok.Span))
				continue
			}
			checked++
			// Where a word meets the NBSP, the word ends (or starts) there.
			if prev, _ := utf8.DecodeLastRune(a.Raw[:tok.Start]); tok.Start > 0 && isLetter(prev) {
				if before := tokenAt(a, tok.Start-1); before.Kind != corpus.TokWord || before.End != tok.Start {
					t.Errorf("%s: before the NBSP at byte %d: %v token %q, want a word", a.ID, off, before.Kind, a.Text(before.Span))
				}
			}
			if next, _ := utf8.DecodeRune(a.Raw[tok.End:]); tok.End < len(a.Raw) && isLetter(next) {
				if after := tokenAt(a, tok.End); after.Kind != corpus.TokWord {
					t.Errorf("%s: after the NBSP at byte %d: %v token %q, want a word", a.ID, off, after.Kind, a.Text(after.Span))
				}
			}
		}
	}
	if checked < 10 {
		t.Errorf("checked %d NBSPs in the seed texts, want at least 10 (Al Jazeera and TRT World carry them)", checked)
	}
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func TestLoadInvalidUTF8(t *testing.T) {
	// Bytes with no meaning in windows-1252 either (see
	// TestLoadStrayWindows1252 for those that have one).
	text := "Title\n\nA bad \x81 byte, then two: \x90(\x9d.\n"
	c, problems := load(t, files("latin1.txt", text))
	if len(c.Articles()) != 1 {
		t.Fatalf("%d articles, want the file kept", len(c.Articles()))
	}
	if a := c.Articles()[0]; string(a.Raw) != text {
		t.Errorf("Raw = %q, want the original bytes", a.Raw)
	}
	want := corpus.Problem{Path: "latin1.txt", Offset: strings.IndexByte(text, 0x81), Msg: "invalid UTF-8 (replaced), 3 invalid bytes in all"}
	if len(problems) != 1 || problems[0] != want {
		t.Fatalf("problems %+v, want [%+v]", problems, want)
	}
	if got, wantErr := problems[0].Error(), "latin1.txt: byte 13: invalid UTF-8 (replaced), 3 invalid bytes in all"; got != wantErr {
		t.Errorf("Error() = %q, want %q", got, wantErr)
	}

	_, problems = load(t, files("one.txt", "Title\n\nOne \x8f bad byte.\n"))
	if len(problems) != 1 || problems[0].Error() != "one.txt: byte 11: invalid UTF-8 (replaced)" {
		t.Errorf("problems %v, want one invalid byte at 11", problems)
	}
}

// TestLoadStrayWindows1252 is a regression test: a text file in UTF-8
// with some windows-1252 typed or pasted in (curly quotes, an accent) had
// those bytes read as U+FFFD. Each byte that is a printable character in
// windows-1252 is now read as that character, and the file says how many;
// a byte with no meaning there is still replaced and said, at its offset
// in the file as saved.
func TestLoadStrayWindows1252(t *testing.T) {
	tests := []struct {
		name, text string
		body       string // in the article's text
		problems   []string
	}{
		{"quotes and accent", "Title\n\nLe caf\xe9 du port, \x93d\xe9j\xe0 plein\x94, a rouvert mardi après la tempête.\n",
			"Le café du port, “déjà plein”, a rouvert mardi après la tempête.",
			[]string{"stray.txt: mixes UTF-8 and windows-1252; 5 characters were read as windows-1252"}},
		{"one, and one with no meaning", "Title\n\nLe caf\xe9 du port a rouvert \x81 mardi après la tempête.\n",
			"Le café du port a rouvert \ufffd mardi après la tempête.",
			[]string{"stray.txt: mixes UTF-8 and windows-1252; 1 character was read as windows-1252", "stray.txt: byte 33: invalid UTF-8 (replaced)"}},
		// A regression test: a file in windows-1252 (or Latin-1) alone,
		// with no UTF-8 in it, was said to mix the two.
		{"windows-1252 alone", "Caf\xe9 owner\n\nThe caf\xe9 owner said \x93no\x94 on Friday.\n",
			"The café owner said “no” on Friday.",
			[]string{"stray.txt: is windows-1252, not UTF-8; 4 characters were read as windows-1252"}},
		{"C1 controls are not text", "Title\n\nLe port \x8d\x90\x9d a rouvert après la tempête.\n",
			"Le port \ufffd\ufffd\ufffd a rouvert après la tempête.",
			[]string{"stray.txt: byte 15: invalid UTF-8 (replaced), 3 invalid bytes in all"}},
		// A regression test: a capital before a quote in windows-1252
		// makes bytes that are valid UTF-8 ("ß“" is DF 93, U+07D3; "Ö”"
		// is D6 94, U+0594), and they were read so; beside the file's
		// other windows-1252 bytes they are now read as windows-1252.
		{"capitals before quotes", "Sperrung\n\nDie Sperrung bis M\xe4rz sei kein \x84Spa\xdf\x93, sagte der Sprecher des \x84N\xd6\x94 am Montag.\n",
			"Die Sperrung bis März sei kein „Spaß“, sagte der Sprecher des „NÖ” am Montag.",
			[]string{"stray.txt: is windows-1252, not UTF-8; 7 characters were read as windows-1252"}},
		{"a byte-order mark, and capitals before quotes", "\ufeffSperrung\n\nDas sei kein \x84Spa\xdf\x93, sagte er.\n",
			"Das sei kein „Spaß“, sagte er.",
			[]string{"stray.txt: mixes UTF-8 and windows-1252; 3 characters were read as windows-1252"}},
		// UTF-8 that neighbours UTF-8, or is no letter of another
		// script, stays UTF-8.
		{"UTF-8 letters in windows-1252 quotes", "Мост\n\nМэр сказал \x93в понедельник\x94 и \x93я\x94, а \x93Paris → Lyon\x94 закрыт.\n",
			"Мэр сказал “в понедельник” и “я”, а “Paris → Lyon” закрыт.",
			[]string{"stray.txt: mixes UTF-8 and windows-1252; 6 characters were read as windows-1252"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, problems := load(t, files("stray.txt", tt.text))
			if len(c.Articles()) != 1 {
				t.Fatalf("%d articles, want the file kept", len(c.Articles()))
			}
			a := c.Articles()[0]
			if text := string([]rune(a.Text(a.Body))); !strings.Contains(text, tt.body) {
				t.Errorf("body %q, want %q in it", text, tt.body)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.problems, "\n"))
			}
		})
	}
}

func TestLoadSkips(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the problem's Error()
	}{
		{"binary", "Title\n\nSome\x00binary", "bin.txt: skipped: binary file (NUL byte at 11)"},
		{"UTF-16", "\xff\xfeT\x00i\x00", "bin.txt: skipped: UTF-16 text (convert it to UTF-8)"},
		{"empty", "", "bin.txt: skipped: no words"},
		{"blank", " \n\r\n\t\u00a0\n", "bin.txt: skipped: no words"},
		{"punctuation only", "--- ... !!!\n", "bin.txt: skipped: no words"},
		{"front matter only", "---\ntitle: Nothing here\n---\n", "bin.txt: skipped: no words"},
		{"escape sequences only", "\x1b[31m\x1b]0;x\x07\n", "bin.txt: skipped: no words"},
		// A regression test: an empty or blank page was "no article text
		// found in the page", which diff and git's external diff do not
		// take for an empty side, as they take an empty .txt.
		{"empty page", "", "bin.html: skipped: no words"},
		{"blank page", " \n\n\t", "bin.html: skipped: no words"},
		{"page of markup alone", "<html><body><nav>Home</nav></body></html>", "bin.html: skipped: no article text found in the page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "bin.txt"
			if strings.HasPrefix(tt.want, "bin.html") {
				name = "bin.html"
			}
			c, problems := load(t, files(name, tt.text))
			if n := len(c.Articles()); n != 0 {
				t.Errorf("%d articles, want the file skipped", n)
			}
			if len(problems) != 1 || !problems[0].Skipped || problems[0].Error() != tt.want {
				t.Errorf("problems %v, want [%s]", problems, tt.want)
			}
		})
	}
}

func TestLoadSizeLimit(t *testing.T) {
	// Mostly blank, so that the test measures the limit, not segmentation.
	atLimit := []byte("Title\n\nText.\n")
	atLimit = append(atLimit, bytes.Repeat([]byte(" "), corpus.MaxFileSize-len(atLimit))...)
	over := append(slices.Clone(atLimit), '\n')
	c, problems := load(t, fstest.MapFS{
		"at.txt":   {Data: atLimit},
		"over.txt": {Data: over},
	})
	if got := ids(c); !slices.Equal(got, []string{"test/at"}) {
		t.Errorf("loaded %q, want only the file at the limit", got)
	}
	if len(problems) != 1 || problems[0].Path != "over.txt" || !problems[0].Skipped ||
		!strings.Contains(problems[0].Msg, "larger than the 5 MiB limit") {
		t.Errorf("problems %v, want over.txt refused for the 5 MiB limit", problems)
	}
}

func TestLoadDirSizeLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, corpus.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	_, problems, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := big + ": skipped: larger than the 5 MiB limit"
	if len(problems) != 1 || problems[0].Error() != want {
		t.Errorf("problems %v, want [%s]", problems, want)
	}
}

func TestLoadMissingPath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir")
	if _, _, err := corpus.LoadDir(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadDir(%q) error %v, want one naming the path", missing, err)
	}
	file := filepath.Join(missing, "a.txt")
	if _, _, err := corpus.LoadFile(file); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("LoadFile(%q) error %v, want one naming the path", file, err)
	}
}

func TestLoadUnreadableRoot(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a directory without permission")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0); err != nil {
		t.Fatal(err)
	}
	if _, _, err := corpus.LoadDir(dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("LoadDir of an unreadable directory: error %v, want one naming %s", err, dir)
	}
}

// TestLoadDirUnreadableFiles uses files no one can read, root included: a
// symlink to nothing, and a FIFO (which would block a reader forever).
func TestLoadDirUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	good := "Trump asks Russia to find the emails\n\nHe said it on Wednesday.\n"
	if err := os.WriteFile(filepath.Join(dir, "good.txt"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	// Named as diff names it: "cannot read: no such file or directory"
	// said of a file the folder lists read as if it had gone.
	wantErrs := []string{filepath.Join(dir, "broken.txt") + ": skipped: a symbolic link to nothing"}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err == nil {
		wantErrs = append(wantErrs, filepath.Join(dir, "fifo.txt")+": skipped: not a regular file")
	} else {
		t.Logf("no FIFO (%v); checking the broken symlink only", err)
	}
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "locked.txt")
		if err := os.WriteFile(locked, []byte(good), 0); err != nil {
			t.Fatal(err)
		}
		wantErrs = append(wantErrs, locked+": skipped: cannot read: permission denied")
	}
	slices.Sort(wantErrs)

	c, problems, err := corpus.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(c); !slices.Equal(got, []string{filepath.Base(dir) + "/good"}) {
		t.Errorf("loaded %q, want the good file only", got)
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.Error())
	}
	if !slices.Equal(got, wantErrs) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantErrs, "\n"))
	}
}

func TestLoadBadFileAmongGood(t *testing.T) {
	c, problems := load(t, files(
		"a.txt", "First\n\nGood text.\n",
		"b.txt", "Second\n\nBinary\x00text.\n",
		"c.md", "Third\n\nAlso \xff good.\n",
		"d.txt", "",
		"e.txt", "Fifth\n\nGood too.\n",
	))
	if got, want := ids(c), []string{"test/a", "test/c", "test/e"}; !slices.Equal(got, want) {
		t.Errorf("loaded %q, want %q", got, want)
	}
	var paths []string
	for _, p := range problems {
		paths = append(paths, p.Path)
	}
	if want := []string{"b.txt", "c.md", "d.txt"}; !slices.Equal(paths, want) {
		t.Errorf("problems for %q, want %q: %v", paths, want, problems)
	}
}

func TestLoadMetadata(t *testing.T) {
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		want  corpus.Article // ID, Outlet, Title, URL, Date and Story
		probs int
	}{
		{
			name: "file name fallback",
			fsys: files("000_abc.txt", "Trump urges Russia\n\nText.\n"),
			want: corpus.Article{ID: "000_abc", Outlet: "000_abc", Title: "Trump urges Russia", Story: "test"},
		},
		{
			name: "title is the first line with text, made safe",
			fsys: files("a.txt", "\n  \n\x1b[1m Trump\tasks\u00a0Russia \x1b[0m \n\nText.\n"),
			want: corpus.Article{ID: "a", Outlet: "a", Title: "Trump asks Russia", Story: "test"},
		},
		{
			name: "Source line",
			fsys: files("aj.txt", "Title\n\nText.\n\nSource: Al Jazeera, News Agencies\n"),
			want: corpus.Article{ID: "aj", Outlet: "Al Jazeera", Title: "Title", Story: "test"},
		},
		{
			name: "Source line without agencies",
			fsys: files("aj.txt", "Title\n\nText.\n\nsource: Reuters\n"),
			want: corpus.Article{ID: "aj", Outlet: "Reuters", Title: "Title", Story: "test"},
		},
		{
			name: "and agencies",
			fsys: files("trt.txt", "Title\n\nText.\n\n\nTRTWorld and agencies"),
			want: corpus.Article{ID: "trt", Outlet: "TRTWorld", Title: "Title", Story: "test"},
		},
		{
			name: "the last credit line wins",
			fsys: files("x.txt", "Title\n\nSource: Wire One\n\nText.\n\nWire Two and news agencies\n"),
			want: corpus.Article{ID: "x", Outlet: "Wire Two", Title: "Title", Story: "test"},
		},
		{
			name: "a Source line with prose after it credits a picture",
			fsys: files("x.txt", "Title\n\nThe town was quiet.\n\nSource: Harbour Police Service\n\nThe mayor said on Monday that the harbour would stay closed until the end of the week, while the cause of the fire is looked into.\n"),
			want: corpus.Article{ID: "x", Outlet: "x", Title: "Title", Story: "test"},
		},
		{
			name: "a Source line naming a link cites a study",
			fsys: files("x.txt", "Title\n\nText.\n\nSOURCE: bit.ly/1a2B3c Journal of Tides, online March 3, 2016.\n"),
			want: corpus.Article{ID: "x", Outlet: "x", Title: "Title", Story: "test"},
		},
		{
			name: "a photographer's credit",
			fsys: files("x.txt", "Title\n\nText.\n\nSource: Ann Lee / Flickr\n"),
			want: corpus.Article{ID: "x", Outlet: "x", Title: "Title", Story: "test"},
		},
		{
			name: "prose ending in agencies is not a credit",
			fsys: files("x.txt", "Title\n\nThe report was shared with the intelligence services of several countries and agencies\n"),
			want: corpus.Article{ID: "x", Outlet: "x", Title: "Title", Story: "test"},
		},
		{
			name: "sidecar",
			fsys: files(
				"a.txt", "First line\n\nText.\n\nSource: Ignored Wire\n",
				"meta.json", `{"a.txt": {"outlet": "Swell Digest", "title": "Sidecar title", "url": "https://example.com/a", "date": "2016-07-27", "story": "emails", "publisher": "unknown keys are ignored"}}`,
			),
			want: corpus.Article{ID: "a", Outlet: "Swell Digest", Title: "Sidecar title", URL: "https://example.com/a", Date: "2016-07-27", Story: "emails"},
		},
		{
			name: "front matter overrides the sidecar",
			fsys: files(
				"a.txt", "---\r\noutlet: \"Press TV\"\r\ntitle: 'Front title'\r\nurl: https://example.com/front\r\ndate: 2016-07-28\r\nstory: front story\r\n---\r\nFirst line\r\n\r\nText.\r\n",
				"meta.json", `{"a.txt": {"outlet": "Sidecar outlet", "title": "Sidecar title", "url": "https://example.com/side", "date": "2016-07-27", "story": "sidecar story"}}`,
			),
			want: corpus.Article{ID: "a", Outlet: "Press TV", Title: "Front title", URL: "https://example.com/front", Date: "2016-07-28", Story: "front story"},
		},
		{
			name: "front matter fills what the sidecar leaves",
			fsys: files(
				"a.md", "---\ntitle: Front title\n---\nText.\n",
				"meta.json", `{"a.md": {"outlet": "Sidecar outlet"}}`,
			),
			want: corpus.Article{ID: "a", Outlet: "Sidecar outlet", Title: "Front title", Story: "test"},
		},
		{
			name: "metadata is made safe",
			fsys: files("a.txt", "---\ntitle: \"Evil\\x1b]52;c;AA==\\x07 title\\u202e\"\n---\nText.\n"),
			want: corpus.Article{ID: "a", Outlet: "a", Title: "Evil title", Story: "test"},
		},
		{
			name:  "malformed front matter is text",
			fsys:  files("a.txt", "---\ntitle: Never closed\n\nText.\n"),
			want:  corpus.Article{ID: "a", Outlet: "a", Title: "---", Story: "test"},
			probs: 1,
		},
		{
			// One value that is not a string (a year typed as a number)
			// cost every file its outlet.
			name: "a sidecar's number is its text, a value that is none is ignored alone",
			fsys: files(
				"a.txt", "Title\n\nText.\n",
				"meta.json", `{"a.txt": {"outlet": "Swell Digest", "date": 2016, "story": 7, "title": null, "url": {"href": "x"}, "Tags": ["x"]}}`,
			),
			want:  corpus.Article{ID: "a", Outlet: "Swell Digest", Title: "Title", Date: "2016", Story: "7"},
			probs: 1,
		},
		{
			name: "a sidecar's entry that is no object is ignored alone",
			fsys: files(
				"a.txt", "Title\n\nText.\n",
				"meta.json", `{"b.txt": "Swell Digest", "a.txt": {"outlet": "Swell Digest"}}`,
			),
			want:  corpus.Article{ID: "a", Outlet: "Swell Digest", Title: "Title", Story: "test"},
			probs: 1,
		},
		{
			name:  "malformed sidecar is ignored",
			fsys:  files("a.txt", "Title\n\nText.\n", "meta.json", `{"a.txt": {"outlet": `),
			want:  corpus.Article{ID: "a", Outlet: "a", Title: "Title", Story: "test"},
			probs: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, problems := load(t, tt.fsys)
			if len(problems) != tt.probs {
				t.Errorf("problems %v, want %d", problems, tt.probs)
			}
			all := c.Articles()
			if len(all) != 1 {
				t.Fatalf("%d articles, want 1", len(all))
			}
			a := all[0]
			got := corpus.Article{ID: a.ID, Outlet: a.Outlet, Title: a.Title, URL: a.URL, Date: a.Date, Story: a.Story}
			if !equalMeta(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", meta(got), meta(tt.want))
			}
			if len(c.Stories) != 1 || c.Stories[0].Name != tt.want.Story {
				t.Errorf("stories %v, want one named %q", storyNames(c), tt.want.Story)
			}
		})
	}
}

func equalMeta(a, b corpus.Article) bool { return meta(a) == meta(b) }

func meta(a corpus.Article) [6]string {
	return [6]string{a.ID, a.Outlet, a.Title, a.URL, a.Date, a.Story}
}

func storyNames(c *corpus.Corpus) []string {
	var names []string
	for _, s := range c.Stories {
		names = append(names, s.Name)
	}
	return names
}

// TestSidecarProblemWords checks that what is wrong with a meta.json is
// said in one line of its own words, not of the program's types
// ("map[string]corpus.fileMeta", "Go struct field fileMeta.date").
func TestSidecarProblemWords(t *testing.T) {
	for _, tt := range []struct{ meta, want string }{
		{`[{"file": "a.txt"}]`, `meta.json: skipped: metadata ignored: not an object of file names and their metadata ({"a.txt": {"outlet": "…"}})`},
		{`{"a.txt": {"outlet": "X", "date": 2016, "byline": ["A", "B"], "url": true}}`, `meta.json: values that are not text ignored: "url" of "a.txt"`},
		{`{"b.txt": "X", "c.txt": [1], "a.txt": {"title": {}}, "d.txt": {"lang": false}}`, `meta.json: values that are not text ignored: "title" of "a.txt", "b.txt", "c.txt" and 1 more`},
	} {
		_, problems := load(t, files("a.txt", "Title\n\nText.\n", "meta.json", tt.meta))
		var got []string
		for _, p := range problems {
			got = append(got, p.Error())
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("meta.json %s: problems %q, want [%q]", tt.meta, got, tt.want)
		}
	}
}

func TestLoadMalformedFrontMatterIsBody(t *testing.T) {
	text := "\uFEFF---\ntitle: Never closed\n"
	c, problems := load(t, files("a.txt", text))
	a := c.Articles()[0]
	if a.Body.Start != 3 {
		t.Errorf("Body starts at %d, want 3: unclosed front matter is text", a.Body.Start)
	}
	want := "a.txt: byte 3: front matter has no closing --- line, so the file is read as text from its start"
	if len(problems) != 1 || problems[0].Error() != want {
		t.Errorf("problems %v, want [%s]", problems, want)
	}
}

func TestLoadFrontMatterBody(t *testing.T) {
	text := "\uFEFF---\r\ntitle: T\r\n---\r\nBody text.\r\n"
	a := only(t, files("a.txt", text))
	if want := strings.Index(text, "Body"); a.Body.Start != want {
		t.Errorf("Body starts at %d, want %d, after the front matter", a.Body.Start, want)
	}
	if a.Body.End != len(text) || string(a.Raw) != text {
		t.Errorf("Body %v of %d raw bytes, want to the end of the file, bytes kept", a.Body, len(a.Raw))
	}
}

func TestLoadStories(t *testing.T) {
	text := "Title\n\nText.\n"
	c, problems := load(t, files(
		"z.txt", text,
		"a.md", text,
		"s1/b.txt", text,
		"s1/a.TXT", text,
		"s1/notes.json", "{}",
		"s1/image.png", "\x89PNG",
		"s2/deep/c.txt", text,
		"s2/d.txt", text,
		".git/x.txt", text,
		"s1/.hidden.txt", text,
		"s1.txt", text,
		"README.md", text,
		"s2/readme.txt", text,
		"LICENSE.md", text,
		"s1/Contributing.md", text,
		"s2/CHANGELOG.txt", text,
		"s2/code_of_conduct.md", text,
	))
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	// Sorted paths: a.md s1.txt s1/a.TXT s1/b.txt s2/d.txt s2/deep/c.txt z.txt.
	want := []string{"test/a", "test/s1", "test/z", "s1/a", "s1/b", "s2/d", "s2/deep/c"}
	if got := ids(c); !slices.Equal(got, want) {
		t.Errorf("loaded %q, want %q", got, want)
	}
	if got, want := storyNames(c), []string{"test", "s1", "s2", "s2/deep"}; !slices.Equal(got, want) {
		t.Errorf("stories %q, want %q", got, want)
	}
	if src := c.Stories[3].Articles[0].Source; src != "s2/deep/c.txt" {
		t.Errorf("Source = %q, want the path in the file system", src)
	}
}

func TestLoadDir(t *testing.T) {
	root := filepath.Join("testdata", "load")
	c, problems, err := corpus.LoadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	type row struct{ story, source, outlet, title, url, date string }
	want := []row{
		{"emails", filepath.Join(root, "emails", "01_wire.txt"), "Example Wire", "Trump asks Russia to find the emails", "https://wire.example/trump-russia", "2016-07-27"},
		{"emails", filepath.Join(root, "emails", "02_times.md"), "The Example Times", "Trump urges Russia to find emails", "https://times.example/emails", "2016-07-28"},
		{"other", filepath.Join(root, "other", "a.txt"), "a", "Another event entirely", "", ""},
		{"load", filepath.Join(root, "root.txt"), "root", "Root level notes on the story", "", ""},
	}
	var got []row
	for _, a := range c.Articles() {
		got = append(got, row{a.Story, a.Source, a.Outlet, a.Title, a.URL, a.Date})
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestLoadDirOfOneFile(t *testing.T) {
	path := filepath.Join("testdata", "load", "emails", "02_times.md")
	c, problems, err := corpus.LoadDir(path)
	if err != nil || len(problems) != 0 {
		t.Fatalf("LoadDir(%q): %v, problems %v", path, err, problems)
	}
	if len(c.Stories) != 1 || len(c.Stories[0].Articles) != 1 {
		t.Fatalf("stories %q, want one with one article", ids(c))
	}
	a := c.Stories[0].Articles[0]
	if a.Source != path || a.Story != "emails" || a.URL != "https://times.example/emails" {
		t.Errorf("Source %q, Story %q, URL %q; want the path, its directory, the sidecar's URL", a.Source, a.Story, a.URL)
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "bin.txt")
	if err := os.WriteFile(bin, []byte("\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, problems, err = corpus.LoadDir(bin)
	if err != nil || len(c.Articles()) != 0 || len(problems) != 1 || problems[0].Path != bin {
		t.Errorf("LoadDir of a binary file: %v, %d articles, problems %v; want no error, no article, one problem", err, len(c.Articles()), problems)
	}
}

func TestLoadFile(t *testing.T) {
	a, problems, err := corpus.LoadFile(filepath.Join("testdata", "load", "emails", "01_wire.txt"))
	if err != nil || len(problems) != 0 {
		t.Fatalf("LoadFile: %v, problems %v", err, problems)
	}
	if a.ID != "01_wire" || a.Outlet != "Example Wire" || a.Date != "2016-07-27" {
		t.Errorf("ID %q, Outlet %q, Date %q", a.ID, a.Outlet, a.Date)
	}

	bin := filepath.Join(t.TempDir(), "bin.txt")
	if err := os.WriteFile(bin, []byte("Title\n\n\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, problems, err = corpus.LoadFile(bin)
	var p corpus.Problem
	if a != nil || len(problems) != 0 || !errors.As(err, &p) || !p.Skipped || p.Path != bin {
		t.Errorf("LoadFile of a binary file: %v, problems %v, error %v; want the skipping Problem as the error", a, problems, err)
	}
}

func TestProblemError(t *testing.T) {
	tests := []struct {
		p    corpus.Problem
		want string
	}{
		{corpus.Problem{Path: "a.txt", Offset: 123, Msg: "invalid UTF-8 (replaced)"}, "a.txt: byte 123: invalid UTF-8 (replaced)"},
		{corpus.Problem{Path: "b.txt", Offset: -1, Msg: "binary file (NUL byte at 57)", Skipped: true}, "b.txt: skipped: binary file (NUL byte at 57)"},
		{corpus.Problem{Path: "meta.json", Offset: 0, Msg: "metadata ignored: bad", Skipped: true}, "meta.json: skipped: byte 0: metadata ignored: bad"},
	}
	for _, tt := range tests {
		if got := tt.p.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.p, got, tt.want)
		}
		// An index keeps the path, the skipped flag and Detail, and
		// makes the problem again without an offset: it must read the
		// same.
		kept := corpus.Problem{Path: tt.p.Path, Offset: -1, Msg: tt.p.Detail(), Skipped: tt.p.Skipped}
		if got := kept.Error(); got != tt.want {
			t.Errorf("%+v kept as its Detail reads %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestLoadEmbedded(t *testing.T) {
	c, problems := load(t, articles.FS)
	if len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
	if len(c.Stories) != 1 || c.Stories[0].Name != "test" {
		t.Fatalf("stories %q, want one", storyNames(c))
	}
	want := []struct{ outlet, date, title string }{
		{"Swell Digest", "2016-07-27", "Donald Trump wants Hillary Clinton’s emails hacked"},
		{"Hacked.com", "2016-07-27", "Donald Trump Calls on Russia to Hack Hillary Clinton’s Emails"},
		{"Press TV", "2016-07-27", "Trump asks Russia to hack Clinton’s email"},
		{"Al Jazeera", "2016-07-27", "Trump urges Russia to find Clinton’s missing emails"},
		{"TRT World", "2016-07-28", "Trump challenges Russia to hack Hillary’s “missing emails\""},
	}
	got := c.Stories[0].Articles
	if len(got) != len(want) {
		t.Fatalf("%d articles, want %d", len(got), len(want))
	}
	for i, a := range got {
		if a.Outlet != want[i].outlet || a.Date != want[i].date || a.Title != want[i].title {
			t.Errorf("%s: outlet %q, date %q, title %q; want %q, %q, %q", a.ID, a.Outlet, a.Date, a.Title, want[i].outlet, want[i].date, want[i].title)
		}
		if a.Words < 250 || len(a.Sentences) < 10 {
			t.Errorf("%s: %d words, %d sentences; want a whole article", a.ID, a.Words, len(a.Sentences))
		}
	}
}

func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	var size int64
	fs.WalkDir(articles.FS, ".", func(_ string, d fs.DirEntry, _ error) error {
		if info, err := d.Info(); err == nil && !d.IsDir() {
			size += info.Size()
		}
		return nil
	})
	b.SetBytes(size)
	for b.Loop() {
		if _, _, err := corpus.LoadFS(articles.FS, "sample"); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzLoad loads arbitrary bytes as a text, a Markdown and an HTML file,
// and checks what every caller relies on: spans inside the body and on
// character boundaries, tokens that tile the body, and nothing that
// reaches a terminal raw.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("Title\n\nBody text.\n"))
	f.Add([]byte("\uFEFF---\r\ntitle: T\r\n---\r\nBody\u00a0text.\r\n"))
	f.Add([]byte("---\noutlet: \x1b]0;x\x07Out\u202elet\x01\nurl: \u009b2Jhttps://x\n---\n\tTi\x1btle \u2066 \x7fone\n\nBody &#0; text.\n"))
	// windows-1252 in UTF-8, some of it valid UTF-8 by chance.
	f.Add([]byte("\ufeffTitel\n\nKein \x84Spa\xdf\x93 f\xfcr den \x84N\xd6\x94, sagte er \x93в\x94 caf\xe9\x97\x94.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The same bytes as each kind of file the loader reads: a
		// Markdown or HTML file's metadata and text reach the same
		// labels and spans by other ways.
		c, _, err := corpus.LoadFS(fstest.MapFS{"f.txt": {Data: data}, "m/f.md": {Data: data}, "h/f.html": {Data: data}}, "fuzz")
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Articles() {
			checkArticle(t, a)
		}
	})
}

func checkArticle(t *testing.T, a *corpus.Article) {
	t.Helper()
	// boundary[i] says a character starts at byte i of Raw; an invalid byte
	// is a character of its own.
	boundary := make([]bool, len(a.Raw)+1)
	for i := 0; i < len(a.Raw); {
		boundary[i] = true
		_, size := utf8.DecodeRune(a.Raw[i:])
		i += size
	}
	boundary[len(a.Raw)] = true
	if a.Body.Start < 0 || a.Body.Start > a.Body.End || a.Body.End > len(a.Raw) || !boundary[a.Body.Start] {
		t.Fatalf("Body %v in %d raw bytes", a.Body, len(a.Raw))
	}
	check := func(what string, i int, s corpus.Span) {
		t.Helper()
		switch {
		case s.Start < a.Body.Start || s.End > a.Body.End || s.Start > s.End:
			t.Fatalf("%s %d %v lies outside the body %v", what, i, s, a.Body)
		case !boundary[s.Start] || !boundary[s.End]:
			t.Fatalf("%s %d %v splits a character of %q", what, i, s, a.Raw)
		}
	}

	next, words := a.Body.Start, 0
	for i, tok := range a.Tokens.All() {
		check("token", i, tok.Span)
		if tok.Start != next || tok.Empty() {
			t.Fatalf("token %d %v does not follow the previous one, which ended at %d", i, tok.Span, next)
		}
		next = tok.End
		if tok.Kind == corpus.TokWord {
			words++
		}
		if tok.Kind != corpus.TokControl && strings.ContainsRune(a.Text(tok.Span), 0x1b) {
			t.Fatalf("token %d %q holds an ESC but is not a control token", i, a.Text(tok.Span))
		}
	}
	if next != a.Body.End {
		t.Fatalf("tokens end at %d, the body at %d", next, a.Body.End)
	}
	if words != a.Words {
		t.Fatalf("Words = %d, but %d word tokens", a.Words, words)
	}
	for i, s := range a.Sentences {
		check("sentence", i, s.Span())
		if s.Para() < 0 || s.Para() >= len(a.Paragraphs) || s.Tokens().Start < 0 || s.Tokens().Start > s.Tokens().End || s.Tokens().End > a.Tokens.Len() {
			t.Fatalf("sentence %d: paragraph %d of %d, tokens %v of %d", i, s.Para(), len(a.Paragraphs), s.Tokens(), a.Tokens.Len())
		}
	}
	for i, p := range a.Paragraphs {
		check("paragraph", i, p.Span)
		if p.Sentences.Start < 0 || p.Sentences.Start > p.Sentences.End || p.Sentences.End > len(a.Sentences) {
			t.Fatalf("paragraph %d: sentences %v of %d", i, p.Sentences, len(a.Sentences))
		}
	}
	if bytes.IndexByte(a.Raw, 0) >= 0 {
		t.Fatalf("the text holds a NUL: %q", a.Raw)
	}
	// Metadata is shown as a label (list rows, headings, the status bar):
	// one line of valid UTF-8, trimmed, with no control rune at all.
	for _, v := range []string{a.Title, a.Outlet, a.URL, a.Date, a.Byline, a.Lang, a.Story} {
		if !isSafeLabel(v) {
			t.Fatalf("metadata %q not made a safe label (title %q, outlet %q)", v, a.Title, a.Outlet)
		}
	}
}

// isSafeLabel reports whether s is what the loader promises of metadata:
// valid UTF-8, no control rune (escape, C0, C1, bidi), no line break or
// tab, and no space at either end or twice in a row.
func isSafeLabel(s string) bool {
	if !utf8.ValidString(s) || strings.TrimSpace(s) != s || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if corpus.IsControlRune(r) || r < 0x20 {
			return false
		}
	}
	return true
}

// lineFeeds makes every line break of s a line feed.
func lineFeeds(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}
