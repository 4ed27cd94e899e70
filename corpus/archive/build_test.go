package archive

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// failingGroups is a store whose writes of groupings fail.
type failingGroups struct{ *SQLite }

var errDiskFull = errors.New("disk full")

func (failingGroups) SetGroups(context.Context, []Grouping, map[uint32]int32) error {
	return errDiskFull
}

// TestGroupWriteErrorStopsTheBuild checks that an error writing
// groupings, written beside the grouping on a first build, ends the
// refresh with it.
func TestGroupWriteErrorStopsTheBuild(t *testing.T) {
	dir := writeArchive(t)
	_, err := Open(context.Background(), dir, Options{OpenStore: func(ctx context.Context, path string) (Store, error) {
		s, err := OpenSQLite(ctx, path)
		if err != nil {
			return nil, err
		}
		return failingGroups{s}, nil
	}})
	if !errors.Is(err, errDiskFull) {
		t.Errorf("Open = %v, want the write's error", err)
	}
}

// TestSearchPastOneBatch checks that the full-text index, written many
// articles to a statement, holds every article.
func TestSearchPastOneBatch(t *testing.T) {
	dir := t.TempDir()
	n := 2*ftsBatch + 7
	for i := range n {
		writeFile(t, dir, fmt.Sprintf("a%04d.txt", i), fmt.Sprintf("Report %d\n\nThe marker word is zq%dx in this one.\n", i, i))
	}
	a := open(t, dir, Options{})
	defer a.Close()
	for _, i := range []int{0, ftsBatch - 1, ftsBatch, 2 * ftsBatch, n - 1} {
		got, err := a.Search(context.Background(), fmt.Sprintf("zq%dx", i), 5)
		if err != nil || len(got) != 1 || got[0].Path != fmt.Sprintf("a%04d.txt", i) {
			t.Errorf("Search for article %d: %v, %v", i, got, err)
		}
	}
}
