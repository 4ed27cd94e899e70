package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui"

	"github.com/newsdiff/newsdiff/corpus/archive/archivetest"
)

// TestIndexRebuildsDamagedPages is a regression test: an index damaged in
// pages no command read (its grouping keys) was refreshed by `newsdiff
// index` as sound, run after run, until a refresh came to write there.
// index --check now reads every page, and rebuilds a damaged index with
// a warning that names it; a refresh, and list, which must not take the
// seconds that takes, are left to find damage where they read.
func TestIndexRebuildsDamagedPages(t *testing.T) {
	dir := archiveDir(t, 2)
	env, _, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"index", "-q", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	p := filepath.Join(dir, ".newsdiff", "index.db")
	archivetest.DamagePages(t, p, `name = ?`, "lsh")
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"index", "-q", dir}, env); code != 0 || errb.Len() != 0 {
		t.Fatalf("index without --check: exit %d, stderr %q: it read pages a refresh does not", code, errb)
	}
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"index", "-q", "--check", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	want := "newsdiff: warning: index " + p + " was damaged or out of date (a check of its pages found damage); rebuilt\n"
	if errb.String() != want {
		t.Errorf("stderr %q, want %q", errb, want)
	}
	// Sound again: checked, nothing to say, every article listed.
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"index", "-q", "--check", dir}, env); code != 0 || errb.Len() != 0 {
		t.Errorf("index of the rebuilt index: exit %d, stderr %q", code, errb)
	}
	env, out, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"list", "--format", "json", dir}, env); code != 0 || errb.Len() != 0 {
		t.Errorf("list of the rebuilt index: exit %d, stderr %q", code, errb)
	}
	if n := strings.Count(out.String(), `"id":`); n != 7 {
		t.Errorf("the rebuilt index lists %d articles, want 7", n)
	}
}

// TestReaderRebuildsDamagedIndex is a regression test: the reader,
// checking in the background whether the archive changed, read a
// damaged page of the index the listing it showed had not read, and said
// "could not check the archive's files: database disk image is malformed
// (11)", session after session, the index never rebuilt. Now the index is
// rebuilt, and said to be, and the archive listed anew.
func TestReaderRebuildsDamagedIndex(t *testing.T) {
	ctx := context.Background()
	dir := archiveDir(t, 2)
	ar, err := archive.Open(ctx, dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ar.Close()
	p := filepath.Join(dir, archive.IndexDir, "index.db")
	// What tells whether an article waits to be grouped.
	archivetest.DamagePages(t, p, `name = ?`, "articles_ungrouped")
	o := &archiveOpener{a: &app{}, dir: dir}
	defer o.close()
	lib, lines, err := o.open(ctx)
	if err != nil || len(lines) != 0 {
		t.Fatalf("open: %v, %q; want the index as it is, nothing said", err, lines)
	}
	fresh, lines, err := lib.(ui.Refresher).Refresh(ctx)
	if err != nil || fresh == nil {
		t.Fatalf("Refresh = %v, %v; want the archive listed anew from a rebuilt index", fresh, err)
	}
	want := "index " + Name(p) + " was damaged or out of date (unreadable); rebuilt"
	if len(lines) != 1 || lines[0] != want {
		t.Errorf("lines %q, want [%q]", lines, want)
	}
	if n := len(fresh.Corpus().Articles()); n != 7 {
		t.Errorf("%d articles listed, want 7", n)
	}
}

// TestReaderRebuildsIndexASearchFoundDamaged is a regression test: the
// reader's search of a damaged full text said "the archive's text could
// not be searched", naming no index, and every search failed so until
// the archive was next opened. The reader's listing names the index, as
// every name a message gives, and rebuilds it, with a warning, listing
// the archive anew; the listing it replaced refreshes no more.
func TestReaderRebuildsIndexASearchFoundDamaged(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "news\x1b]0;owned\a")
	if err := os.Rename(archiveDir(t, 2), dir); err != nil {
		t.Fatal(err)
	}
	ar, err := archive.Open(ctx, dir, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ar.Close()
	p := filepath.Join(dir, archive.IndexDir, "index.db")
	archivetest.DamagePages(t, p, `name = ?`, "fts_data")
	o := &archiveOpener{a: &app{}, dir: dir}
	defer o.close()
	lib, lines, err := o.open(ctx)
	if err != nil || len(lines) != 0 {
		t.Fatalf("open: %v, %q; want the index as it is, nothing said", err, lines)
	}
	r, ok := lib.(ui.Rebuilder)
	if !ok {
		t.Fatalf("the reader's listing %T rebuilds no index", lib)
	}
	_, err = lib.Search(ctx, "the", 10)
	index, damaged := r.Damaged(err)
	if !damaged || index != Name(p) || strings.ContainsAny(index, "\x1b\a") {
		t.Fatalf("search: %v; Damaged = %q, %v; want the damage, the index named %q", err, index, damaged, Name(p))
	}
	fresh, lines, err := r.Rebuild(ctx)
	if err != nil || fresh == nil {
		t.Fatalf("Rebuild = %v, %v; want the archive listed anew from a rebuilt index", fresh, err)
	}
	want := "index " + Name(p) + " was damaged or out of date (its full text unreadable); rebuilt"
	if len(lines) != 1 || lines[0] != want {
		t.Errorf("lines %q, want [%q]", lines, want)
	}
	if found, err := fresh.Search(ctx, "the", 10); err != nil || len(found) == 0 {
		t.Errorf("search of the rebuilt index: %d found, %v", len(found), err)
	}
	// The listing replaced, its archive closed, neither checks nor
	// rebuilds it again.
	if again, _, err := lib.(ui.Refresher).Refresh(ctx); again != nil || err != nil {
		t.Errorf("Refresh of the listing replaced = %v, %v; want nothing", again, err)
	}
	if again, _, err := r.Rebuild(ctx); again != nil || err != nil {
		t.Errorf("Rebuild of the listing replaced = %v, %v; want nothing", again, err)
	}
}
