package archive

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// byIDs is an Options.Lookup that finds each of ids as an article's
// exact id, and cannot tell when one finds no single article.
func byIDs(ids ...string) func(context.Context, Finder) ([]Entry, bool, error) {
	return func(ctx context.Context, f Finder) ([]Entry, bool, error) {
		var out []Entry
		for _, id := range ids {
			es, complete, err := f.Find(ctx, []Key{{Field: ByArticle, Value: id}}, 2)
			if err != nil || !complete || len(es) != 1 {
				return nil, false, err
			}
			out = append(out, es[0])
		}
		return out, true, nil
	}
}

// focusIDs is the Options.Focus that names the same articles as byIDs,
// from the listing.
func focusIDs(ids ...string) func(*Archive) ([]Entry, error) {
	return func(a *Archive) ([]Entry, error) {
		var out []Entry
		for e := range a.All() {
			if slices.Contains(ids, e.Article) {
				out = append(out, e)
			}
		}
		return out, nil
	}
}

// named opens dir on the articles of ids, as a command that names them
// does.
func named(t *testing.T, dir string, ids ...string) *Archive {
	t.Helper()
	return open(t, dir, Options{Lookup: byIDs(ids...), Focus: focusIDs(ids...)})
}

// paths are the paths of the articles a holds.
func paths(a *Archive) []string {
	var out []string
	for e := range a.All() {
		out = append(out, e.Path)
	}
	return out
}

// listingStore is the SQLite store counting the listings read from it.
type listingStore struct {
	*SQLite
	listings int
}

func (s *listingStore) Entries(ctx context.Context) ([]Entry, error) {
	s.listings++
	return s.SQLite.Entries(ctx)
}

// TestOpenNamedAlone checks that Options.Lookup opens an archive whose
// index can be trusted on the articles it finds alone, without reading
// the listing or any file, and that they read as they do from the whole
// archive.
func TestOpenNamedAlone(t *testing.T) {
	dir := agedArchive(t)
	var store *listingStore
	opts := Options{
		Lookup: byIDs("zoo", "003_95bcf1536ed6ca96"),
		Focus:  focusIDs("zoo", "003_95bcf1536ed6ca96"),
		OpenStore: func(ctx context.Context, path string) (Store, error) {
			s, err := OpenSQLite(ctx, path)
			store = &listingStore{SQLite: s}
			return store, err
		},
	}
	if got := readsOf(t, dir, opts); len(got) != 0 {
		t.Errorf("%d files read, want none", len(got))
	}
	a := open(t, dir, opts)
	if store.listings != 0 {
		t.Errorf("the listing was read %d times, want none", store.listings)
	}
	if got, want := paths(a), []string{"003_95bcf1536ed6ca96.txt", "zoo.txt"}; !slices.Equal(got, want) {
		t.Errorf("open on %q, want %q alone", got, want)
	}
	if len(a.Stories()) != 0 || len(a.Problems()) != 0 {
		t.Errorf("%d stories and %d problems, want none", len(a.Stories()), len(a.Problems()))
	}
	full := open(t, dir, Options{})
	for e := range a.All() {
		want, ok := entryAt(&Story{Entries: full.Entries()}, e.Path)
		if !ok || e != want {
			t.Errorf("found\n%+v\nthe whole archive has\n%+v", e, want)
		}
		art, err := a.Article(context.Background(), e)
		if err != nil || art.Outlet != e.Outlet || art.Title != e.Title {
			t.Errorf("%s read as %v, %v; want %q, %q", e.Path, art, err, e.Outlet, e.Title)
		}
	}
	// One article named twice is held once.
	if got := paths(named(t, dir, "zoo", "zoo")); !slices.Equal(got, []string{"zoo.txt"}) {
		t.Errorf("zoo named twice: open on %q", got)
	}
	// A name the lookup cannot settle opens the whole archive.
	if got := named(t, dir, "zoo", "nothing"); len(got.Stories()) != len(full.Stories()) {
		t.Errorf("an unknown name: %d stories open, want all %d", len(got.Stories()), len(full.Stories()))
	}
}

// TestFinder checks what keys select, and that a limit says when more
// were left out.
func TestFinder(t *testing.T) {
	dir := agedArchive(t)
	f := finder{mustStore(t, dir)}
	sample := strings.Split(sampleStory, ",")
	tests := []struct {
		name     string
		keys     []Key
		limit    int
		want     []string
		complete bool
	}{
		{"an id", []Key{{Field: ByArticle, Value: "003_95bcf1536ed6ca96"}}, 5, sample[3:4], true},
		{"an id's prefix", []Key{{Field: ByArticle, Value: "00", Prefix: true}}, 5, sample, true},
		{"an id's prefix, more than the limit", []Key{{Field: ByArticle, Value: "00", Prefix: true}}, 3, nil, false},
		{"no id at all", []Key{{Field: ByArticle, Value: "00"}}, 5, nil, true},
		{"every id", []Key{{Field: ByArticle, Prefix: true}}, 10, append(slices.Clone(sample), "rain.txt", "zoo.txt"), true},
		{"a path", []Key{{Field: ByPath, Value: "zoo.txt"}}, 5, []string{"zoo.txt"}, true},
		{"a path's prefix", []Key{{Field: ByPath, Value: "r", Prefix: true}}, 5, []string{"rain.txt"}, true},
		// meta.json is a skipped file: no article.
		{"a sidecar", []Key{{Field: ByPath, Value: "meta.json"}}, 5, nil, true},
		{"two keys, one article", []Key{{Field: ByArticle, Value: "zoo"}, {Field: ByPath, Value: "zoo.txt"}}, 1, []string{"zoo.txt"}, true},
		{"two keys, two articles", []Key{{Field: ByPath, Value: "zoo.txt"}, {Field: ByArticle, Value: "rain"}}, 5, []string{"rain.txt", "zoo.txt"}, true},
		{"two keys, over the limit", []Key{{Field: ByPath, Value: "zoo.txt"}, {Field: ByArticle, Value: "rain"}}, 1, nil, false},
	}
	for _, tt := range tests {
		es, complete, err := f.Find(context.Background(), tt.keys, tt.limit)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, e := range es {
			got = append(got, e.Path)
		}
		switch {
		case complete != tt.complete:
			t.Errorf("%s: complete %v, want %v (%q)", tt.name, complete, tt.complete, got)
		case !complete && len(got) != tt.limit:
			t.Errorf("%s: %d entries, want the limit, %d", tt.name, len(got), tt.limit)
		case complete && !slices.Equal(got, tt.want):
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPrefixEnd(t *testing.T) {
	tests := []struct {
		prefix, end string
		ok          bool
	}{
		{"ab", "ac", true},
		{"a\xff", "b", true},
		{"a\xff\xff", "b", true},
		{"\xff\xff", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		end, ok := prefixEnd(tt.prefix)
		if end != tt.end || ok != tt.ok {
			t.Errorf("prefixEnd(%q) = %q, %v; want %q, %v", tt.prefix, end, ok, tt.end, tt.ok)
		}
	}
}

// FuzzPrefixEnd checks the range a prefix lookup asks the index for (see
// findEntries): a value lies in [p, prefixEnd(p)), or from p on when
// there is no end, exactly when it begins with p, compared byte by byte
// as SQLite compares text.
func FuzzPrefixEnd(f *testing.F) {
	for _, s := range [][2]string{{"ab", "ab"}, {"ab", "abc"}, {"ab", "ac"}, {"a\xff", "b"}, {"a\xff", "a\xff\xff"}, {"\xff\xff", "\xff\xff\x00"}, {"", "x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, p, s string) {
		end, ok := prefixEnd(p)
		if inRange := s >= p && (!ok || s < end); inRange != strings.HasPrefix(s, p) {
			t.Fatalf("prefixEnd(%q) = %q, %v: %q in the range %v, begins with the prefix %v", p, end, ok, s, inRange, !inRange)
		}
	})
}

// TestOpenNamedChecksItsFiles checks that the articles a lookup finds
// are opened alone only when the index can be trusted with them: a
// change to the archive's folders, to their files or to the index
// meanwhile opens the archive through its listing, refreshed, and the
// articles read as they are now.
func TestOpenNamedChecksItsFiles(t *testing.T) {
	const aj = "003_95bcf1536ed6ca96"
	// keepDirTime runs change and dates the archive's folder back: a
	// file edited in place leaves it as it was.
	keepDirTime := func(t *testing.T, dir string, change func()) {
		t.Helper()
		info, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		change()
		if err := os.Chtimes(dir, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		change func(t *testing.T, dir string)
		ids    []string
		check  func(t *testing.T, a *Archive, again bool)
	}{
		{
			"an article edited in place",
			func(t *testing.T, dir string) {
				keepDirTime(t, dir, func() {
					b, err := os.ReadFile(filepath.Join(dir, aj+".txt"))
					if err != nil {
						t.Fatal(err)
					}
					writeFile(t, dir, aj+".txt", strings.Replace(string(b), "Trump", "Trunp", 1))
				})
			},
			[]string{aj, "zoo"},
			func(t *testing.T, a *Archive, again bool) {
				e, _ := entryAt(&Story{Entries: a.Entries()}, aj+".txt")
				art, err := a.Article(context.Background(), e)
				if err != nil || !strings.Contains(art.Text(art.Body), "Trunp") {
					t.Errorf("the edited article: %v, want the edit", err)
				}
			},
		},
		{
			"its sidecar edited in place",
			func(t *testing.T, dir string) {
				keepDirTime(t, dir, func() {
					b, err := os.ReadFile(filepath.Join(dir, sidecarName))
					if err != nil {
						t.Fatal(err)
					}
					writeFile(t, dir, sidecarName, strings.Replace(string(b), `"Al Jazeera"`, `"Al Jazeera English"`, 1))
				})
			},
			[]string{aj},
			func(t *testing.T, a *Archive, again bool) {
				if e, _ := entryAt(&Story{Entries: a.Entries()}, aj+".txt"); e.Outlet != "Al Jazeera English" {
					t.Errorf("outlet %q after its sidecar changed, want the new one", e.Outlet)
				}
			},
		},
		{
			"an article added",
			func(t *testing.T, dir string) {
				writeFile(t, dir, "volcano.txt", "Volcano erupts near Reykjavik\n\nLava fountains lit the sky over the Reykjanes peninsula.\n")
			},
			[]string{"volcano", "zoo"},
			func(t *testing.T, a *Archive, again bool) {
				if _, ok := entryAt(&Story{Entries: a.Entries()}, "volcano.txt"); !ok {
					t.Errorf("the added article is not in the archive")
				}
			},
		},
		{
			"an article removed",
			func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "rain.txt")); err != nil {
					t.Fatal(err)
				}
			},
			[]string{"rain", "zoo"},
			func(t *testing.T, a *Archive, again bool) {
				if _, ok := entryAt(&Story{Entries: a.Entries()}, "rain.txt"); ok {
					t.Errorf("the removed article is still in the archive")
				}
			},
		},
		{
			"another process writing meanwhile",
			nil, // see below
			[]string{"zoo"},
			func(t *testing.T, a *Archive, again bool) {
				// Refreshed again, the title is the file's.
				if e, _ := entryAt(&Story{Entries: a.Entries()}, "zoo.txt"); e.Title != "Renamed" && !again {
					t.Errorf("title %q, want the one written meanwhile", e.Title)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := agedArchive(t)
			opts := Options{Lookup: byIDs(tt.ids...), Focus: focusIDs(tt.ids...)}
			if tt.change != nil {
				tt.change(t, dir)
			} else {
				// Between the index's generation read and the lookup's
				// last statement.
				lookup := opts.Lookup
				opts.Lookup = func(ctx context.Context, f Finder) ([]Entry, bool, error) {
					s := mustStore(t, dir)
					for _, q := range []string{`UPDATE articles SET title = 'Renamed' WHERE path = 'zoo.txt'`, `UPDATE state SET gen = gen + 1`} {
						if _, err := s.db.Exec(q); err != nil {
							t.Fatal(err)
						}
					}
					s.Close()
					return lookup(ctx, f)
				}
			}
			a := open(t, dir, opts)
			if a.named {
				t.Errorf("opened on the articles found alone")
			}
			tt.check(t, a, false)
			a.Close()
			// Refreshed, the index is to be trusted again.
			age(t, dir)
			open(t, dir, Options{}).Close()
			if tt.ids[0] == "rain" {
				return // no longer there to be found
			}
			a = named(t, dir, tt.ids...)
			if !a.named {
				t.Errorf("after a refresh, not opened on the articles found alone")
			}
			tt.check(t, a, true)
		})
	}
}

// TestOpenNamedWaitsForGrouping checks that an article waiting to be
// grouped, as after an interrupted refresh, is grouped before the
// archive is opened, as a focused refresh groups it.
func TestOpenNamedWaitsForGrouping(t *testing.T) {
	dir := agedArchive(t)
	s := mustStore(t, dir)
	for _, q := range []string{`UPDATE articles SET grp = 0 WHERE path = 'rain.txt'`, `UPDATE state SET gen = gen + 1`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if a := named(t, dir, "zoo"); a.named {
		t.Errorf("opened on the article found alone, with another waiting to be grouped")
	}
	if waiting, err := mustStore(t, dir).HasUngrouped(context.Background()); err != nil || waiting {
		t.Errorf("still waiting to be grouped: %v, %v", waiting, err)
	}
}

// TestArticleIndexIsAdded checks that an index made before articles were
// looked up by id gains the index that looks them up.
func TestArticleIndexIsAdded(t *testing.T) {
	dir := agedArchive(t)
	s := mustStore(t, dir)
	if _, err := s.db.Exec(`DROP INDEX articles_article`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Not on opening: only when an article is looked up.
	open(t, dir, Options{}).Close()
	s = mustStore(t, dir)
	if s.byArticle {
		t.Errorf("the index of ids was made by an opening that looks nothing up")
	}
	s.Close()
	if a := named(t, dir, "zoo"); !a.named {
		t.Errorf("not opened on the article found alone")
	}
	if s := mustStore(t, dir); !s.byArticle {
		t.Errorf("the index of ids was not made again")
	}
}

// TestFinderOutlets: the index lists each outlet of its articles once,
// from the index of outlets, which an index made before it gains.
func TestFinderOutlets(t *testing.T) {
	dir := agedArchive(t)
	s := mustStore(t, dir)
	if _, err := s.db.Exec(`DROP INDEX articles_outlet`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var got []string
	asked := false
	a, err := Open(context.Background(), dir, Options{Lookup: func(ctx context.Context, f Finder) ([]Entry, bool, error) {
		var err error
		asked = true
		got, err = f.Outlets(ctx)
		return nil, false, err
	}})
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	if !asked {
		t.Fatal("the archive was not opened through its index")
	}
	// meta.json's row, a file that is no article, has none.
	got = slices.DeleteFunc(got, func(o string) bool { return o == "" })
	slices.Sort(got)
	want := map[string]bool{}
	for e := range open(t, dir, Options{}).All() {
		want[e.Outlet] = true
	}
	if !slices.Equal(got, slices.Sorted(maps.Keys(want))) {
		t.Errorf("outlets %q, want %q", got, slices.Sorted(maps.Keys(want)))
	}
	s = mustStore(t, dir)
	defer s.Close()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'articles_outlet'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("the index of outlets: %d, %v; want it made", n, err)
	}
}
