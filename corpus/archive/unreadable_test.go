package archive

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// problemOf returns the problem a refresh of a says of the file name, "" if
// none.
func problemOf(a *Archive, name string) string {
	for _, p := range a.Problems() {
		if filepath.Base(p.Path) == name {
			return p.Msg
		}
	}
	return ""
}

// listsFile reports whether a lists an article of the file name.
// generationOf returns the generation of a's index, which every write
// moves on.
func generationOf(t *testing.T, a *Archive) int64 {
	t.Helper()
	s, ok := a.store.(*SQLite)
	if !ok {
		t.Fatalf("store is a %T", a.store)
	}
	g, err := s.generation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func listsFile(a *Archive, name string) bool {
	for e := range a.All() {
		if filepath.Base(e.Path) == name {
			return true
		}
	}
	return false
}

// TestUnreadableFileReadAgain is a regression test: a file that could not
// be read (permission denied) was stored as skipped with its size and
// time, and a file made readable again keeps both, so every refresh after
// took it as unchanged: "cannot read: permission denied", and the article
// left out, until the file was edited. The index here is made to record
// what a refresh gave the file while it could not be read (as root, which
// reads every file, cannot make it fail).
func TestUnreadableFileReadAgain(t *testing.T) {
	ctx := context.Background()
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	store, err := OpenSQLite(ctx, filepath.Join(dir, IndexDir, indexFile))
	if err != nil {
		t.Fatal(err)
	}
	stored, err := store.Entries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var zoo Entry
	for _, e := range stored {
		if e.Path == "zoo.txt" {
			zoo = e
		}
	}
	if zoo.Path == "" {
		t.Fatal("zoo.txt is not in the index")
	}
	if err := store.Delete(ctx, []string{"zoo.txt"}); err != nil {
		t.Fatal(err)
	}
	rec := Record{FileState: FileState{Path: zoo.Path, Size: zoo.Size, ModTime: zoo.ModTime}, Skipped: true, Problem: "cannot read: permission denied"}
	if err := store.Put(ctx, []Record{rec}); err != nil {
		t.Fatal(err)
	}
	store.Close()

	a := open(t, dir, Options{})
	if p := problemOf(a, "zoo.txt"); p != "" {
		t.Errorf("zoo.txt, readable, is said to be %q", p)
	}
	if !listsFile(a, "zoo.txt") {
		t.Error("zoo.txt, readable, is not listed")
	}
}

// TestUnreadableFileKeepsIndex checks, where files can be made unreadable
// (not as root), both ways: a file that still cannot be read is said so
// on every refresh without the index being written again, and once it
// can be read it is listed.
func TestUnreadableFileKeepsIndex(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a file of any mode")
	}
	dir := writeArchive(t)
	zoo := filepath.Join(dir, "zoo.txt")
	if err := os.Chmod(zoo, 0); err != nil {
		t.Fatal(err)
	}
	a := open(t, dir, Options{})
	if p := problemOf(a, "zoo.txt"); !strings.HasPrefix(p, "cannot read: ") {
		t.Fatalf("zoo.txt, unreadable, is said to be %q", p)
	}
	before := generationOf(t, a)
	a.Close()
	a = open(t, dir, Options{})
	if p := problemOf(a, "zoo.txt"); !strings.HasPrefix(p, "cannot read: ") {
		t.Errorf("zoo.txt, still unreadable, is said to be %q", p)
	}
	if after := generationOf(t, a); after != before {
		t.Errorf("the index went from generation %d to %d, with nothing changed", before, after)
	}
	a.Close()
	if err := os.Chmod(zoo, 0o644); err != nil {
		t.Fatal(err)
	}
	a = open(t, dir, Options{})
	if p := problemOf(a, "zoo.txt"); p != "" {
		t.Errorf("zoo.txt, made readable, is said to be %q", p)
	}
	if !listsFile(a, "zoo.txt") {
		t.Error("zoo.txt, made readable, is not listed")
	}
}

// TestUnreadableFolderSaid is a regression test: a story folder that
// could not be listed (its mode changed, its owner) left the index in
// silence, its articles taken for removed, where corpus.LoadDir says
// such a folder is skipped. It is said, on every refresh while it lasts
// without the index being written again, and its articles are back once
// it can be listed. (Root lists any folder: run as another user.)
func TestUnreadableFolderSaid(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root lists any folder")
	}
	dir := writeArchive(t)
	story := filepath.Join(dir, "bridge")
	if err := os.Mkdir(story, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, story, "01.txt", "Bridge vote\n\nThe council voted on Monday to close the old bridge over the river for repairs.\n")
	writeFile(t, story, "02.txt", "Bridge shut\n\nThe council voted on Monday to shut the old bridge over the river for repairs.\n")
	open(t, dir, Options{}).Close()
	if err := os.Chmod(story, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(story, 0o755) })
	a := open(t, dir, Options{})
	if p := problemOf(a, "bridge"); p != "cannot read: permission denied" {
		t.Errorf("the folder bridge, unreadable, is said to be %q, want \"cannot read: permission denied\"", p)
	}
	before := generationOf(t, a)
	a.Close()
	a = open(t, dir, Options{})
	if p := problemOf(a, "bridge"); p != "cannot read: permission denied" {
		t.Errorf("the folder bridge, still unreadable, is said to be %q", p)
	}
	if after := generationOf(t, a); after != before {
		t.Errorf("the index went from generation %d to %d, with nothing changed", before, after)
	}
	a.Close()
	if err := os.Chmod(story, 0o755); err != nil {
		t.Fatal(err)
	}
	a = open(t, dir, Options{})
	if p := problemOf(a, "bridge"); p != "" {
		t.Errorf("the folder bridge, readable again, is said to be %q", p)
	}
	if !listsFile(a, "01.txt") || !listsFile(a, "02.txt") {
		t.Error("the articles of bridge, readable again, are not listed")
	}
}

// TestFileMadeUnreadableSaid is a regression test: an article whose file
// was made unreadable after it was indexed keeps its size and time, and
// went on being listed, and counted by newsdiff index, as the article it
// had been, said to be unreadable only by a command that came to read it.
// It is said, and left out, by the next refresh, and a reader's check of
// its files (Stale) finds the archive changed. (Root reads any file: run
// as another user.)
func TestFileMadeUnreadableSaid(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	ctx := context.Background()
	dir := writeArchive(t)
	zoo := filepath.Join(dir, "zoo.txt")
	held := open(t, dir, Options{})
	if err := os.Chmod(zoo, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(zoo, 0o644) })
	if stale, err := held.Stale(ctx); err != nil || !stale {
		t.Errorf("Stale after zoo.txt was made unreadable: %v, %v; want true", stale, err)
	}
	held.Close()
	a := open(t, dir, Options{})
	if p := problemOf(a, "zoo.txt"); p != "cannot read: permission denied" {
		t.Errorf("zoo.txt, made unreadable, is said to be %q, want \"cannot read: permission denied\"", p)
	}
	if listsFile(a, "zoo.txt") {
		t.Error("zoo.txt, made unreadable, is listed")
	}
	if stale, err := a.Stale(ctx); err != nil || stale {
		t.Errorf("Stale with zoo.txt still unreadable: %v, %v; want false", stale, err)
	}
	if err := os.Chmod(zoo, 0o644); err != nil {
		t.Fatal(err)
	}
	// A reader's check (ctrl+r) finds it readable again.
	if stale, err := a.Stale(ctx); err != nil || !stale {
		t.Errorf("Stale after zoo.txt was made readable again: %v, %v; want true", stale, err)
	}
	a.Close()
	a = open(t, dir, Options{})
	if p := problemOf(a, "zoo.txt"); p != "" || !listsFile(a, "zoo.txt") {
		t.Errorf("zoo.txt, readable again: said to be %q, listed %v", p, listsFile(a, "zoo.txt"))
	}
}

// TestSidecarMadeUnreadable is a regression test: a meta.json made
// unreadable after it was indexed keeps its size and time, and the
// articles beside it kept the outlets it had given them, nothing said,
// where an index built then says it cannot be read and names each by its
// file. Made readable again, it gives them back. (Root reads any file:
// run as another user.)
func TestSidecarMadeUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	dir := writeArchive(t)
	writeFile(t, dir, "meta.json", `{"zoo.txt": {"outlet": "Zoo Gazette"}}`)
	outletOf := func(a *Archive) string {
		for e := range a.All() {
			if e.Path == "zoo.txt" {
				return e.Outlet
			}
		}
		return ""
	}
	open(t, dir, Options{}).Close()
	sidecar := filepath.Join(dir, "meta.json")
	if err := os.Chmod(sidecar, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(sidecar, 0o644) })
	a := open(t, dir, Options{})
	if p := problemOf(a, "meta.json"); p != "cannot read: permission denied" {
		t.Errorf("meta.json, made unreadable, is said to be %q", p)
	}
	if got := outletOf(a); got == "Zoo Gazette" {
		t.Errorf("zoo.txt keeps the outlet %q of a meta.json that cannot be read", got)
	}
	a.Close()
	if err := os.Chmod(sidecar, 0o644); err != nil {
		t.Fatal(err)
	}
	a = open(t, dir, Options{})
	if p := problemOf(a, "meta.json"); p != "" {
		t.Errorf("meta.json, readable again, is said to be %q", p)
	}
	if got := outletOf(a); got != "Zoo Gazette" {
		t.Errorf("zoo.txt's outlet is %q with meta.json readable again, want \"Zoo Gazette\"", got)
	}
}

// TestStoryAloneRereadsUnreadable checks that a story opened alone
// (--story) reads again what could not be read: a meta.json of its
// folder made readable again kept the size and time it was recorded
// with, and the story was opened on the index's records, still without
// it.
func TestStoryAloneRereadsUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file")
	}
	dir := t.TempDir()
	bridge := filepath.Join(dir, "bridge")
	if err := os.Mkdir(bridge, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, bridge, "a.txt", "Bridge vote\n\nThe council voted on Monday to close the old bridge over the river for repairs.\n")
	writeFile(t, bridge, "b.txt", "Bridge shut\n\nThe council voted on Monday to shut the old bridge over the river for repairs.\n")
	writeFile(t, bridge, "meta.json", `{"a.txt": {"outlet": "River Times"}}`)
	sidecar := filepath.Join(bridge, "meta.json")
	if err := os.Chmod(sidecar, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(sidecar, 0o644) })
	open(t, dir, Options{}).Close()
	age(t, dir)
	open(t, dir, Options{}).Close()
	if err := os.Chmod(sidecar, 0o644); err != nil {
		t.Fatal(err)
	}
	a := open(t, dir, Options{Story: "bridge"})
	if p := problemOf(a, "meta.json"); p != "" {
		t.Errorf("bridge/meta.json, readable again, is said to be %q", p)
	}
	outlet := ""
	for e := range a.All() {
		if e.Path == "bridge/a.txt" {
			outlet = e.Outlet
		}
	}
	if outlet != "River Times" {
		t.Errorf("bridge/a.txt's outlet is %q, want meta.json's, \"River Times\"", outlet)
	}
}
