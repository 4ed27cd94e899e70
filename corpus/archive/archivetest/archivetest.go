// Package archivetest damages an archive's index for tests, as a disk or
// a copy gone wrong would, so that the tests of the archive, the commands
// and the reader can see what each makes of the damage. It is for tests
// only, as net/http/httptest is, and knows nothing of the index's tables
// but their names.
package archivetest

import (
	"bytes"
	"database/sql"
	"os"
	"testing"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// DamagePages overwrites the start of every page of the index at p that
// the condition on SQLite's dbstat table selects (name, the table or
// index a page belongs to; pagetype, 'leaf', 'internal' or 'overflow'),
// and fails the test when it selects none. The write-ahead log is folded
// in first, so that the damage hits the pages read.
func DamagePages(t testing.TB, p, where string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	var size int64
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT pageno FROM dbstat WHERE `+where, args...)
	if err != nil {
		t.Fatal(err)
	}
	var pages []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, n)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if err := rows.Err(); err != nil || len(pages) == 0 {
		t.Fatalf("no page where %s: %v", where, err)
	}
	db.Close()
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, page := range pages {
		if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 64), (page-1)*size); err != nil {
			t.Fatal(err)
		}
	}
}
