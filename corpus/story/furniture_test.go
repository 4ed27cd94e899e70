package story

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// loadFurniture loads testdata/furniture in name order: four pages that
// kept a headline of their own and the site's furniture in place of the
// report (a cookie and newsletter notice, a page-not-found notice), two
// reports of one event, one of them with the notice below its text, and
// an unrelated report.
func loadFurniture(t *testing.T) []*corpus.Article {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "furniture", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	slices.Sort(paths)
	var arts []*corpus.Article
	for _, p := range paths {
		a, _, err := corpus.LoadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// TestGroupArticlesLeavesFurnitureAlone: pages whose text is a site's
// notice, the same on each, made a story of their own whatever their
// headlines said; they are each a story of one now, and the notice below
// a report no longer counts in its words.
func TestGroupArticlesLeavesFurnitureAlone(t *testing.T) {
	got := articleIDs(GroupArticles(loadFurniture(t)))
	want := [][]string{
		{"missing-cycling"}, {"missing-library"}, {"notice-harbour"}, {"notice-orchard"},
		{"quarry-courier", "quarry-herald"}, {"regatta"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("GroupArticles:\ngot  %q\nwant %q", got, want)
	}
}

func TestGroupTermsLeaveFurnitureOut(t *testing.T) {
	for _, a := range loadFurniture(t) {
		terms := GroupTerms(a)
		for _, w := range []string{"cookies", "newsletter", "homepage", "unsubscribe"} {
			if slices.Contains(terms, w) {
				t.Errorf("%s: furniture word %q among the terms %q", a.ID, w, terms)
			}
		}
		switch a.ID {
		case "quarry-courier", "quarry-herald", "regatta":
			if len(terms) < furnitureMinRest {
				t.Errorf("%s: %d terms, want the report's: %q", a.ID, len(terms), terms)
			}
		default:
			if len(terms) > 0 {
				t.Errorf("%s: a page of furniture has terms %q, want none", a.ID, terms)
			}
		}
	}
}

// TestFurnitureRanges classifies single clauses.
func TestFurnitureRanges(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Please enable JavaScript in your browser to watch this video.", true},
		{"Sign up for the newsletter on our website.", true},
		{"Sorry, the page you requested was not found.", true},
		{"Tweets not working for you? Click the button.", true},
		// One word of a page's machinery, not addressed to the reader.
		{"The ministry's website listed the new rules on Monday.", false},
		{"Police said the suspect had posted threats on a web forum.", false},
		// Two of them, in a clause too long to be a notice.
		{"The company said on Tuesday that its website had been down for most of the day after a fault at a data centre on the edge of the city, and that engineers working through the night had restored the page where customers check their orders by the evening rush, when traffic was at its highest of the week.", false},
	}
	for _, tt := range tests {
		a := corpus.Parse("t", []byte("Headline\n\n"+tt.text+"\n"))
		got := false
		for _, r := range furnitureRanges(a) {
			if a.Tokens.Span(r.Start).Start > len("Headline") {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q: furniture %v, want %v", tt.text, got, tt.want)
		}
	}
}
