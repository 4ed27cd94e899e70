package cli

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// agedArchive indexes dir, dates its files and folders an hour ago and
// indexes it again, so that its folders' times are recorded as ones to
// trust: diff --dir then looks its articles up in the index.
func agedArchive(t *testing.T, dir string) string {
	t.Helper()
	index := func() {
		t.Helper()
		le := newLocalEnv(t, false, "")
		if code := le.run("index", "--quiet", dir); code != 0 {
			t.Fatalf("index: exit %d: %s", code, le.errb)
		}
	}
	index()
	past := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == archive.IndexDir {
			return filepath.SkipDir
		}
		return os.Chtimes(p, past, past)
	})
	if err != nil {
		t.Fatal(err)
	}
	index()
	return dir
}

// lookUp returns what lookUpInArchive finds of arg in the index of the
// archive at dir, and whether it says arg names nothing.
func lookUp(t *testing.T, dir, arg string) (e archive.Entry, ok, none bool) {
	t.Helper()
	var asked bool
	ar, err := archive.Open(context.Background(), dir, archive.Options{
		Lookup: func(ctx context.Context, f archive.Finder) ([]archive.Entry, bool, error) {
			var err error
			asked = true
			e, ok, err = lookUpInArchive(ctx, arg, f)
			if none = errors.Is(err, errNamesNothing); none {
				err = nil
			}
			return nil, false, err
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ar.Close()
	if !asked {
		t.Fatalf("%s: the archive was not opened through its index", arg)
	}
	return e, ok, none
}

// TestLookUpInArchive checks that what the index finds of a name is what
// findInArchive finds among all the archive's articles, and that the
// index settles every name but those it cannot: one that names several
// articles (whose error lists them from the listing), or an outlet,
// whose articles it leaves to the listing. A name no rule names, by id,
// path or outlet, it says names nothing.
func TestLookUpInArchive(t *testing.T) {
	stories := agedArchive(t, bridgeBudgetDir(t))
	flat := agedArchive(t, archiveDir(t, 1))
	tests := []struct {
		dir, arg string
		settled  bool
		none     bool
	}{
		{flat, "003_95bcf1536ed6ca96", true, false},
		{flat, "003", true, false},
		{flat, "003_95bcf1536ed6ca96.txt", true, false},
		{flat, "z00", true, false},
		{flat, "z00.txt", true, false},
		{flat, "00", false, false},         // five ids
		{flat, "al jaz", false, false},     // an outlet
		{flat, "Al Jazeera", false, false}, // the same
		{flat, "nosuch", false, true},
		{flat, "al jazeerah", false, true}, // an outlet's start, and more
		{flat, "", false, false},
		{stories, "bridge/01_nytimes", true, false},
		{stories, "bridge/02_foxnews.txt", true, false},
		{stories, "budget/01", true, false},
		{stories, "budget/0", false, false},
		{stories, "01_nytimes", false, false},
		{stories, "01_nytimes.txt", false, false},
		{stories, "bridge/", false, false},
		// The path's start, into the extension: no entry's name begins so.
		{stories, "bridge/01_nytimes.t", false, true},
		{stories, "nosuch", false, true},
	}
	for _, tt := range tests {
		got, ok, none := lookUp(t, tt.dir, tt.arg)
		if ok != tt.settled {
			t.Errorf("%q: settled by the index %v, want %v (%+v)", tt.arg, ok, tt.settled, got)
		}
		if none != tt.none {
			t.Errorf("%q: names nothing, says the index: %v, want %v", tt.arg, none, tt.none)
		}
		if !ok {
			continue
		}
		ar, err := archive.Open(context.Background(), tt.dir, archive.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := findInArchive(tt.arg, ar.All())
		ar.Close()
		if err != nil || got != want {
			t.Errorf("%q: the index finds\n%+v\nthe listing\n%+v, %v", tt.arg, got, want, err)
		}
	}
}

// TestDiffThroughTheIndex checks diff --dir on an archive whose index is to
// be trusted, where its articles are looked up in the index, against the
// same diff through the whole listing: the same output, errors and exit
// status, whichever way the names were found.
func TestDiffThroughTheIndex(t *testing.T) {
	tests := []struct {
		dir  func(t *testing.T) string
		a, b string
	}{
		{func(t *testing.T) string { return archiveDir(t, 1) }, "000", "003"},
		{func(t *testing.T) string { return archiveDir(t, 1) }, "003_95bcf1536ed6ca96.txt", "z00"},
		{func(t *testing.T) string { return archiveDir(t, 1) }, "z00", "z00"},
		{func(t *testing.T) string { return archiveDir(t, 1) }, "al jaz", "003"},
		{func(t *testing.T) string { return archiveDir(t, 1) }, "00", "003"},
		{func(t *testing.T) string { return archiveDir(t, 1) }, "004", "nosuch"},
		{bridgeBudgetDir, "bridge/01_nytimes", "bridge/02_foxnews.txt"},
		{bridgeBudgetDir, "budget/01", "budget/02"},
		{bridgeBudgetDir, "budget/0", "bridge/01_nytimes"},
		{bridgeBudgetDir, "01_nytimes.txt", "bridge/02_foxnews"},
	}
	for _, tt := range tests {
		run := func(dir string) (int, string, string) {
			le := newLocalEnv(t, false, "")
			code := le.run("diff", "--format", "plain", "--dir", dir, tt.a, tt.b)
			return code, le.out.String(), strings.ReplaceAll(le.errb.String(), dir, "DIR")
		}
		// Just indexed, the folder's time is too recent to trust: the
		// names are found in the listing.
		listed := tt.dir(t)
		code, out, errs := run(listed)
		indexed := agedArchive(t, tt.dir(t))
		gotCode, gotOut, gotErrs := run(indexed)
		if gotCode != code || gotOut != out || gotErrs != errs {
			t.Errorf("diff %s %s through the index: exit %d\n%s%s\nthrough the listing: exit %d\n%s%s", tt.a, tt.b, gotCode, gotOut, gotErrs, code, out, errs)
		}
	}
}

// TestDiffInArchiveSinceIndexed checks diff --dir on an archive whose
// index could be trusted, after an article was added, removed or edited
// in place, or the index was damaged or held by another process: the
// article is found as it is now, an article gone is not, and what the
// index could not do is said in one warning.
func TestDiffInArchiveSinceIndexed(t *testing.T) {
	const aj = "003_95bcf1536ed6ca96.txt"
	indexPath := func(dir string) string { return filepath.Join(dir, archive.IndexDir, "index.db") }
	editInPlace := func(t *testing.T, dir string) {
		p := filepath.Join(dir, aj)
		info, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), "Wednesday", "Zorblesday", 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(dir, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	// lock holds the index as another process writing to it would; the
	// lock is let go when the test ends.
	lock := func(t *testing.T, dir string) {
		db, err := sql.Open("sqlite", indexPath(dir))
		if err != nil {
			t.Fatal(err)
		}
		conn, err := db.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.ExecContext(context.Background(), `BEGIN EXCLUSIVE`); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			conn.ExecContext(context.Background(), `ROLLBACK`)
			conn.Close()
			db.Close()
		})
	}
	tests := []struct {
		name   string
		change func(t *testing.T, dir string)
		a, b   string
		code   int
		stdout string // a line the output holds
		stderr string // the whole of stderr
	}{
		{
			name:   "unchanged",
			a:      "000",
			b:      "003",
			stdout: "+++ 003_95bcf1536ed6ca96 · Al Jazeera · ",
		},
		{
			name: "an article added",
			change: func(t *testing.T, dir string) {
				writeFilesIn(t, dir, map[string]string{"volcano.txt": "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula.\n"})
			},
			a:      "volcano",
			b:      "z00",
			stdout: "--- volcano · Volcano erupts near Reykjavik\n",
		},
		{
			name: "an article removed",
			change: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "z00.txt")); err != nil {
					t.Fatal(err)
				}
			},
			a:      "003",
			b:      "z00",
			code:   ExitError,
			stderr: `newsdiff diff: no article with id or outlet "z00" (try: newsdiff list DIR)` + "\n",
		},
		{
			name:   "an article edited in place",
			change: editInPlace,
			a:      "000",
			b:      "003",
			stdout: "Zorblesday",
		},
		{
			name:   "an unknown id",
			a:      "003",
			b:      "nosuch",
			code:   ExitError,
			stderr: `newsdiff diff: no article with id or outlet "nosuch" (try: newsdiff list DIR)` + "\n",
		},
		{
			name: "a damaged index",
			change: func(t *testing.T, dir string) {
				os.Remove(indexPath(dir) + "-wal")
				os.Remove(indexPath(dir) + "-shm")
				if err := os.WriteFile(indexPath(dir), []byte("this is not a database, only text"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			a:      "000",
			b:      "003",
			stdout: "+++ 003_95bcf1536ed6ca96 · Al Jazeera · ",
			stderr: "newsdiff: warning: index DIR/.newsdiff/index.db was damaged or out of date (",
		},
		{
			// Nothing to write: the index is read, as another process's
			// write lock lets it be.
			name:   "an index held by another process",
			change: lock,
			a:      "000",
			b:      "003",
			stdout: "+++ 003_95bcf1536ed6ca96 · Al Jazeera · ",
		},
		{
			name: "an index held by another process, an article edited in place",
			change: func(t *testing.T, dir string) {
				lock(t, dir)
				editInPlace(t, dir)
			},
			a:      "000",
			b:      "003",
			stdout: "Zorblesday",
			stderr: "newsdiff: warning: index DIR/.newsdiff/index.db is in use by another process; using a temporary index\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := agedArchive(t, archiveDir(t, 1))
			if tt.change != nil {
				tt.change(t, dir)
			}
			le := newLocalEnv(t, false, "")
			code := le.run("diff", "--format", "plain", "--dir", dir, tt.a, tt.b)
			stderr := strings.ReplaceAll(le.errb.String(), dir, "DIR")
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, stderr)
			}
			if !strings.Contains(le.out.String(), tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, le.out)
			}
			if stderr != tt.stderr && !(strings.HasSuffix(tt.stderr, "(") && strings.HasPrefix(stderr, tt.stderr) && strings.Count(stderr, "\n") == 1) {
				t.Errorf("stderr\n%q\nwant\n%q", stderr, tt.stderr)
			}
		})
	}
}

// TestUnknownNameFailsFromTheIndex: diff --dir with a name no article has
// (a typo) fails from an index to be trusted, in one line naming it as
// typed, made safe, without refreshing the archive first: it went through
// every file only to say so, a second at 100,000 articles. The refresh
// is seen by an article edited in place, its folder's time kept, which it
// reads again.
func TestUnknownNameFailsFromTheIndex(t *testing.T) {
	const aj = "003_95bcf1536ed6ca96.txt"
	dir := agedArchive(t, archiveDir(t, 1))
	recorded := func() (mtime int64) {
		t.Helper()
		db, err := sql.Open("sqlite", filepath.Join(dir, archive.IndexDir, "index.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.QueryRow(`SELECT mtime FROM articles WHERE path = ?`, aj).Scan(&mtime); err != nil {
			t.Fatal(err)
		}
		return mtime
	}
	before := recorded()
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, aj)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "Wednesday", "Zorblesday", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(dir, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}

	le := newLocalEnv(t, false, "")
	code := le.run("diff", "--dir", dir, "nosuch\x1b[2J", "000")
	want := `newsdiff diff: no article with id or outlet "nosuch\x1b[2J" (try: newsdiff list ` + dir + ")\n"
	if code != ExitError || le.errb.String() != want {
		t.Errorf("exit %d, stderr %q; want %d and %q", code, le.errb.String(), ExitError, want)
	}
	if recorded() != before {
		t.Errorf("the archive was refreshed before a name no article has failed")
	}
}
