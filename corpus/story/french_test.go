package story

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/testcorpus"
)

// TestGroupFrenchArticlesOfDifferentEvents is a regression test: Le
// Monde's page on the surveillance bill and Libération's on the Nepal
// earthquake were grouped as one story, in a folder of their own and in an
// archive of English articles alike, as they share French's function
// words ("de", "la", "les", "dans", "est"), dozens of them, which grouping
// took for content. Two French reports of one event still group.
func TestGroupFrenchArticlesOfDifferentEvents(t *testing.T) {
	dir := testcorpus.Shared(t, "fixtures/html")
	var arts []*corpus.Article
	for _, name := range []string{"lemonde-1", "liberation-1", "bbc-1", "cnn"} {
		a, _, err := corpus.LoadFile(filepath.Join(dir, name, "source.html"))
		if err != nil {
			t.Fatal(err)
		}
		a.ID = name
		arts = append(arts, a)
	}
	groups := articleIDs(GroupArticles(arts))
	for _, g := range groups {
		if len(g) > 1 {
			t.Errorf("grouped %v, want each article a story of its own", groups)
			break
		}
	}

	same := []*corpus.Article{
		testArticle("a", "Un séisme de magnitude 7,8 a frappé le Népal samedi. Le bilan dépasse les 2 500 morts à Katmandou, selon les autorités népalaises, et un troisième Français est mort dans la vallée de l'Everest, où une avalanche a emporté le camp de base."),
		testArticle("b", "Le Népal compte ses morts après le séisme de samedi : plus de 2 500 victimes à Katmandou et dans les villages. Un troisième Français a été tué par l'avalanche qui a frappé le camp de base de l'Everest, a indiqué le Quai d'Orsay."),
		testArticle("c", "Les députés ont adopté mardi le projet de loi sur le renseignement par 438 voix contre 86. Le texte autorise les services à poser des boîtes noires chez les opérateurs pour détecter les comportements suspects sur Internet."),
	}
	if groups := fmt.Sprint(articleIDs(GroupArticles(same))); groups != "[[a b] [c]]" {
		t.Errorf("grouped %s, want [[a b] [c]]", groups)
	}
}
