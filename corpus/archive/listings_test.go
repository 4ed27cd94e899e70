package archive

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestListingsSayWhetherFocusSawTheListing checks that a caller can tell
// whether the listing Options.Focus was given is the one the archive
// opened with: the same count when nothing it named had changed, another
// when a file it named was read again or the refresh had to be a full
// one.
func TestListingsSayWhetherFocusSawTheListing(t *testing.T) {
	dir := writeArchive(t)
	open(t, dir, Options{}).Close()
	age(t, dir)
	open(t, dir, Options{}).Close()
	zoo := func(a *Archive) ([]Entry, error) {
		for e := range a.All() {
			if e.Path == "zoo.txt" {
				return []Entry{e}, nil
			}
		}
		return nil, errors.New("no zoo.txt")
	}
	listingsAfterFocus := func(focus func(*Archive) ([]Entry, error)) (seen, after int) {
		t.Helper()
		a := open(t, dir, Options{Focus: func(a *Archive) ([]Entry, error) {
			seen = a.Listings()
			return focus(a)
		}})
		defer a.Close()
		if seen == 0 {
			t.Fatal("Focus was not asked")
		}
		return seen, a.Listings()
	}
	if seen, after := listingsAfterFocus(zoo); after != seen {
		t.Errorf("nothing changed: %d listings after Focus saw the %dth", after, seen)
	}
	// The file Focus names, edited in place: read again, and listed anew.
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "zoo.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "zoo.txt", strings.Replace(string(b), "Panda", "Koala", 1))
	now := time.Now()
	if err := os.Chtimes(filepath.Join(dir, "zoo.txt"), now, now); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(dir, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if seen, after := listingsAfterFocus(zoo); after == seen {
		t.Errorf("the file Focus named changed: still the %dth listing", seen)
	}
	// A name Focus cannot find: a full refresh, and another listing.
	if seen, after := listingsAfterFocus(func(*Archive) ([]Entry, error) { return nil, errors.New("no such") }); after == seen {
		t.Errorf("a full refresh after Focus failed: still the %dth listing", seen)
	}
}
