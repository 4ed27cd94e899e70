package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReaderOnFolderWithNothingToRead: the reader on a folder holding no
// article file fails as list does, one line naming the folder and status
// 1, without opening (it took the whole screen to say "There are no
// articles to read"); files that are there but none an article the reader
// reads in its background, and its opening says why as list would.
func TestReaderOnFolderWithNothingToRead(t *testing.T) {
	empty := t.TempDir()
	// A hidden folder's files and files of other kinds are not articles.
	if err := os.MkdirAll(filepath.Join(empty, ".newsdiff"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".newsdiff/a.txt", "README.md", "photo.jpg"} {
		if err := os.WriteFile(filepath.Join(empty, name), []byte("Title\n\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"list", empty}, {empty}} {
		le := newLocalEnv(t, true, "")
		status := le.run(args...)
		stderr := le.errb.String()
		if status != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, empty+": no articles") {
			t.Errorf("newsdiff %q: status %d, stderr %q; want 1 and one line naming the folder", args, status, stderr)
		}
		if le.read != nil {
			t.Errorf("newsdiff %q opened the reader", args)
		}
	}

}

// TestReaderOnFolderOfSkippedFiles: the reader on a folder whose article
// files all fail to load (binary, empty) fails as list does, each file's
// reason then one line, status 1, without opening: it took the whole
// screen to say that no article could be read. A folder where one file
// loads still opens, its problems left to the reader to show.
func TestReaderOnFolderOfSkippedFiles(t *testing.T) {
	write := func(dir string, files map[string]string) string {
		t.Helper()
		for name, text := range files {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	for _, tt := range []struct {
		name  string
		files map[string]string
	}{
		{"one binary file", map[string]string{"a.txt": "a\x00b"}},
		{"binary files", map[string]string{"a.txt": "a\x00b", "b.md": "\x00\x01"}},
		{"empty files in a story folder", map[string]string{"story/a.txt": "", "story/b.txt": "  \n"}},
	} {
		dir := write(t.TempDir(), tt.files)
		list := newLocalEnv(t, true, "")
		if status := list.run("list", dir); status != 1 {
			t.Fatalf("%s: list: status %d, want 1", tt.name, status)
		}
		le := newLocalEnv(t, true, "")
		status := le.run(dir)
		if le.read != nil {
			t.Errorf("%s: the reader opened (open error %v)", tt.name, le.openErr)
		}
		// list's message, but for the command's name.
		want := strings.ReplaceAll(list.errb.String(), "newsdiff list: ", "newsdiff: ")
		if status != 1 || le.errb.String() != want {
			t.Errorf("%s: status %d, stderr\n%s\nwant 1 and, as list says it,\n%s", tt.name, status, le.errb, want)
		}
	}

	// Symbolic links to folders are not followed, and said so by the
	// reader as by list: one named like an article was "not a regular
	// file", and another unsaid, where list said both.
	links := t.TempDir()
	write(links, map[string]string{"elsewhere/a.txt": "Bridge vote\n\nThe council voted to close the bridge.\n"})
	dir := filepath.Join(links, "news")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"away", "x.txt"} {
		if err := os.Symlink("../elsewhere", filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	list := newLocalEnv(t, true, "")
	if status := list.run("list", dir); status != 1 {
		t.Fatalf("links to folders: list: status %d, want 1", status)
	}
	reader := newLocalEnv(t, true, "")
	status := reader.run(dir)
	want := strings.ReplaceAll(list.errb.String(), "newsdiff list: ", "newsdiff: ")
	if status != 1 || reader.read != nil || reader.errb.String() != want {
		t.Errorf("links to folders: status %d, reader opened %v, stderr\n%s\nwant 1 and, as list says it,\n%s", status, reader.read != nil, reader.errb, want)
	}

	mixed := write(t.TempDir(), map[string]string{
		"a.txt":    "a\x00b",
		"good.txt": "Bridge vote\n\nThe council voted to close the bridge on Monday, said the mayor.\n",
	})
	le := newLocalEnv(t, true, "")
	if status := le.run(mixed); status != 0 || le.read == nil {
		t.Fatalf("a folder where one file loads: status %d, reader opened %v: %s", status, le.read != nil, le.errb)
	}
	if le.openErr != nil || len(le.opened.Corpus().Articles()) != 1 {
		t.Errorf("opening a folder where one file loads: error %v", le.openErr)
	}

	// A folder of more files that fail than the 64 the look once stopped
	// at fails in one line too: past them the reader took the whole
	// screen to say that no article could be read. The look is given all
	// the time it needs, so that a busy machine (the race detector, other
	// tests) does not turn the answer over to the reader; what it does
	// past its budget is checked below.
	defer func(d time.Duration) { probeTime = d }(probeTime)
	probeTime = time.Minute
	for _, n := range []int{65, 1000} {
		many := t.TempDir()
		for i := range n {
			write(many, map[string]string{fmt.Sprintf("%04d.txt", i): "a\x00b"})
		}
		list := newLocalEnv(t, true, "")
		list.run("list", many)
		le = newLocalEnv(t, true, "")
		status := le.run(many)
		if le.read != nil {
			t.Errorf("%d binary files: the reader opened (open error %v)", n, le.openErr)
		}
		want := strings.ReplaceAll(list.errb.String(), "newsdiff list: ", "newsdiff: ")
		if status != 1 || le.errb.String() != want {
			t.Errorf("%d binary files: status %d, stderr ends\n%s\nwant 1 and, as list says it, ending\n%s", n, status, lastLine(le.errb.String()), lastLine(want))
		}
	}

	// Past its budget the look leaves the answer to the reader, which
	// opens and says why itself, rather than keep the terminal blank.
	if loads, _, err := probeArticles(context.Background(), mixed, 0); !loads || err != nil {
		t.Errorf("with no time to look: loads %v, %v; want it left to the reader", loads, err)
	}
}

// lastLine is the last line of s, for a failure message.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// BenchmarkProbeArticles measures what the reader's look before taking
// the screen costs: on a folder of articles, one short article's load; on
// a folder of nothing but binary files, 64 of them read.
func BenchmarkProbeArticles(b *testing.B) {
	articles := b.TempDir()
	for _, name := range []string{"000_bcfc8e1eaa4c1094.txt", "001_9395587074693dba.txt", "meta.json"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "articles", name))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(articles, name), raw, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	binary := b.TempDir()
	for i := range 64 {
		if err := os.WriteFile(filepath.Join(binary, fmt.Sprintf("%03d.txt", i)), make([]byte, 4<<10), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name, dir string
		loads     bool
	}{{"articles", articles, true}, {"binary", binary, false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if loads, _, err := probeArticles(context.Background(), bc.dir, time.Minute); err != nil || loads != bc.loads {
					b.Fatalf("loads %v, %v; want %v", loads, err, bc.loads)
				}
			}
		})
	}
}
