package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/analysis"
)

// TestReportTitleNamesWhatItReports checks the report page's <title>: it
// was "newsdiff report" for every page, so two reports open side by side,
// or found again in a browser's history, could not be told apart.
func TestReportTitleNamesWhatItReports(t *testing.T) {
	story := func(name string) *analysis.Analysis {
		return &analysis.Analysis{Story: &corpus.Story{Name: name}}
	}
	long := strings.Repeat("Outlets differ on the wording ", 5) // 150 runes
	tests := []struct {
		name   string
		folder string
		ans    []*analysis.Analysis
		want   string
	}{
		{"one story by its name", "archive", []*analysis.Analysis{story("Trump asks Russia")}, "Trump asks Russia"},
		{"several stories by their folder", "elections", []*analysis.Analysis{story("a"), story("b")}, "elections"},
		{"no name at all", "", []*analysis.Analysis{story("a"), story("b")}, "newsdiff report"},
		{"a blank story name falls back", "", []*analysis.Analysis{story(" \t ")}, "newsdiff report"},
		{"controls and runs of space go", "", []*analysis.Analysis{story("Fire\x1b[31m  at\n\u202edawn")}, "Fire at dawn"},
		{"a long name is cut at a word", "", []*analysis.Analysis{story(long)}, "Outlets differ on the wording Outlets differ on the wording Outlets differ on…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := reportTitle(tt.folder, tt.ans)
			if got != tt.want {
				t.Errorf("reportTitle = %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > maxTitleRunes {
				t.Errorf("title of %d runes, over %d", n, maxTitleRunes)
			}
		})
	}
}

// TestReportPageCarriesItsTitle checks that the page written puts the title
// in <title>, escaped.
func TestReportPageCarriesItsTitle(t *testing.T) {
	var out bytes.Buffer
	an := &analysis.Analysis{Story: &corpus.Story{Name: `Clinton's <emails> & "Russia"`}}
	if err := WriteHTMLReport(&out, "", []*analysis.Analysis{an}); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no <title> in:\n%.400s", out.String())
	}
	if want := "Clinton&#39;s &lt;emails&gt; &amp; &#34;Russia&#34;"; m[1] != want {
		t.Errorf("<title>%s</title>, want <title>%s</title>", m[1], want)
	}
}
