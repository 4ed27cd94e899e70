package archive

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestUnfinishedIndex: an index whose building stopped before its articles
// were grouped (Ctrl-C during newsdiff index, a reader closed while it
// built the index) lists, as it is, each article waiting to be grouped
// alone, not every one of them in one story named after the first; it
// says that it is unfinished, so that a reader builds it before showing
// it, and records no stories for a shell to complete. Opened with a
// refresh, it is finished: the stories an uninterrupted build makes.
func TestUnfinishedIndex(t *testing.T) {
	for _, tt := range []struct {
		name string
		stop func(t *testing.T, dir string)
	}{
		{"first build stopped before grouping", func(t *testing.T, dir string) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			_, err := Open(ctx, dir, Options{Progress: func(p Progress) {
				if p.Phase == "grouping" {
					cancel()
				}
			}})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Open stopped while grouping: %v, want context.Canceled", err)
			}
		}},
		{"refresh stopped before grouping", func(t *testing.T, dir string) {
			// As a refresh leaves what it read again and did not get to
			// group: the index was finished before, its directories'
			// times recorded.
			open(t, dir, Options{}).Close()
			s := mustStore(t, dir)
			for _, q := range []string{
				`UPDATE articles SET grp = 0 WHERE path IN ('rain.txt', 'zoo.txt', '000_bcfc8e1eaa4c1094.txt')`,
				`UPDATE state SET gen = gen + 1`,
			} {
				if _, err := s.db.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			whole := shape(open(t, writeArchive(t), Options{}))
			dir := writeArchive(t)
			tt.stop(t, dir)

			a := open(t, dir, Options{NoRefresh: true})
			if !a.Unfinished() {
				t.Errorf("an index with articles waiting to be grouped is not said to be unfinished")
			}
			for _, s := range shape(a) {
				if strings.HasPrefix(s, "alone:") {
					continue
				}
				// A story the index lists as it is holds no article
				// the finished index puts in another story.
				if !slices.ContainsFunc(whole, func(w string) bool { return within(s, w) }) {
					t.Errorf("the unfinished index lists the story %q, which no finished one holds; finished: %q", s, whole)
				}
			}
			if n := len(a.Entries()); n != 7 {
				t.Errorf("%d articles listed, want 7", n)
			}
			a.Close()
			if names, err := StoryNames(context.Background(), dir); err != nil || len(names) != 0 {
				t.Errorf("StoryNames of the unfinished index = %q, %v; want none", names, err)
			}

			a = open(t, dir, Options{})
			if a.Unfinished() {
				t.Errorf("an index refreshed is said to be unfinished")
			}
			if got := shape(a); !slices.Equal(got, whole) {
				t.Errorf("stories once refreshed:\ngot  %q\nwant %q", got, whole)
			}
			a.Close()
			a = open(t, dir, Options{NoRefresh: true})
			if a.Unfinished() {
				t.Errorf("the index, finished, is said to be unfinished when opened as it is")
			}
			if got := shape(a); !slices.Equal(got, whole) {
				t.Errorf("stories of the finished index as it is:\ngot  %q\nwant %q", got, whole)
			}
		})
	}
}

// within reports whether every file of the story s, as shape gives it, is
// in the story w.
func within(s, w string) bool {
	files := strings.Split(strings.TrimPrefix(w, "alone:"), ",")
	for _, f := range strings.Split(s, ",") {
		if !slices.Contains(files, f) {
			return false
		}
	}
	return true
}
