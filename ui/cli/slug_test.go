package cli

import (
	"strings"
	"testing"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

// TestFileNameWholeWords checks that add's file names end on a whole word
// of the title: "…-burned-her-u.txt" and "…-the-truth-abo.txt" were written.
func TestFileNameWholeWords(t *testing.T) {
	tests := []struct {
		outlet, title, want string
	}{
		{"BuzzFeed", `Student Dies After Diet Pills She Bought Online "Burned Her Up From Within"`,
			"buzzfeed-student-dies-after-diet-pills-she-bought-online-burned-her.txt"},
		{"salon.com", "The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians",
			"salon-com-the-sharing-economy-is-a-lie-uber-ayn-rand-and-the-truth.txt"},
		{"Le Monde.fr", "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée",
			"le-monde-fr-le-projet-de-loi-sur-le-renseignement-massivement-approuvé.txt"},
		{"BBC News", "Short title", "bbc-news-short-title.txt"},
		// A word longer than the limit is cut, as there is no other place.
		{"", strings.Repeat("x", 70), strings.Repeat("x", maxSlugBytes) + ".txt"},
		// A limit falling right after a word keeps that word.
		{"", strings.Repeat("a", 59) + " bcd", strings.Repeat("a", 59) + ".txt"},
		{"", strings.Repeat("a", 55) + " bcde", strings.Repeat("a", 55) + "-bcde.txt"},
	}
	for _, tt := range tests {
		if got := fileName(extract.Page{Outlet: tt.outlet, Title: tt.title}); got != tt.want {
			t.Errorf("fileName(%q, %q) = %q, want %q", tt.outlet, tt.title, got, tt.want)
		}
	}
}
