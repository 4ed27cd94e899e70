package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLDiffTellsApartTwoArticlesOfOneOutlet is a regression test: the
// page of a report against its update, both Reuters', was headed
// "Reuters vs Reuters", its columns "Reuters: …" twice. Each side is
// named by its id too, as the reader's header names it; two outlets stay
// as they were.
func TestHTMLDiffTellsApartTwoArticlesOfOneOutlet(t *testing.T) {
	const (
		title = "Harbour council approves new ferry timetable\n\n"
		first = "The harbour council approved a new ferry timetable for the islands on Monday, after a year of complaints about late sailings.\n"
		more  = "\nThe council will meet again in March to review the winter sailings and the fares for residents.\n"
	)
	dir := filepath.Join(t.TempDir(), "ferries")
	writeFilesIn(t, dir, map[string]string{
		"meta.json":  `{"first.txt": {"outlet": "Reuters"}, "update.txt": {"outlet": "Reuters"}, "other.txt": {"outlet": "AP"}}`,
		"first.txt":  title + first,
		"update.txt": title + first + more,
		"other.txt":  title + first,
	})
	for _, tc := range []struct {
		a, b string
		want []string
	}{
		{"first", "update", []string{"<title>Reuters (first) vs Reuters (update)</title>", "<th>Reuters (first): ", "<th>Reuters (update): "}},
		{"first", "other", []string{"<title>Reuters vs AP</title>", "<th>Reuters: ", "<th>AP: "}},
	} {
		le := newLocalEnv(t, false, "")
		if code := le.run("diff", "--format", "html", "--dir", dir, tc.a, tc.b); code != 0 {
			t.Fatalf("diff %s %s: exit %d: %s", tc.a, tc.b, code, le.errb)
		}
		for _, want := range tc.want {
			if !strings.Contains(le.out.String(), want) {
				t.Errorf("diff %s %s: the page lacks %q", tc.a, tc.b, want)
			}
		}
	}
}
