package cli

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexRebuildsDamagedPages is a regression test: an index damaged in
// pages no command read (its grouping keys) was refreshed by `newsdiff
// index` as sound, run after run, until a refresh came to write there.
// index now reads every page, and rebuilds a damaged index with a
// warning that names it; list, which must not take the seconds that
// takes, is left to find damage where it reads.
func TestIndexRebuildsDamagedPages(t *testing.T) {
	dir := archiveDir(t, 2)
	env, _, errb := seedEnv(t)
	if code := Run(context.Background(), []string{"index", "-q", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	p := filepath.Join(dir, ".newsdiff", "index.db")
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	var size, page int64
	if err := db.QueryRow(`SELECT (SELECT page_size FROM pragma_page_size), (SELECT min(pageno) FROM dbstat WHERE name = 'lsh' AND pagetype = 'leaf')`).Scan(&size, &page); err != nil {
		t.Fatal(err)
	}
	db.Close()
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 64), (page-1)*size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"index", "-q", dir}, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	want := "newsdiff: warning: index " + p + " was damaged or out of date (a check of its pages found damage); rebuilt\n"
	if errb.String() != want {
		t.Errorf("stderr %q, want %q", errb, want)
	}
	// Sound again: checked, nothing to say, every article listed.
	env, _, errb = seedEnv(t)
	if code := Run(context.Background(), []string{"index", "-q", dir}, env); code != 0 || errb.Len() != 0 {
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
