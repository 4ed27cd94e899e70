package cli

import (
	"strings"
	"testing"
)

// TestQuotesCountLine is a regression test: quotes headed a story of no
// quotation "0 quotations, 0 of them carried by two or more outlets",
// over a legend of wordings there were none of, and a story of one "1
// quotation, 1 of them carried by…".
func TestQuotesCountLine(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"none", map[string]string{
			"a.txt": "Bridge vote\n\nThe council voted to close the old bridge on Monday.\n",
			"b.txt": "Bridge shut\n\nThe council voted on Monday to shut the old bridge.\n",
		}, "0 quotations\n"},
		{"one shared", map[string]string{
			"a.txt": "Bridge vote\n\nThe mayor said: \"We will rebuild the old bridge next year,\" on Monday.\n",
			"b.txt": "Bridge plan\n\nThe mayor said: \"We will rebuild the old bridge next year,\" on Monday evening.\n",
		}, "1 quotation, carried by two or more outlets\neach outlet's wording"},
		{"one alone", map[string]string{
			"a.txt": "Bridge vote\n\nThe mayor said: \"We will rebuild the old bridge next year,\" on Monday.\n",
			"b.txt": "Bridge plan\n\nThe council voted on Monday to rebuild the old bridge next year.\n",
		}, "1 quotation, carried by one outlet\neach outlet's wording"},
	} {
		dir := writeFiles(t, tt.files)
		le := newLocalEnv(t, false, "")
		if code := le.run("quotes", dir, "--format", "plain"); code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, le.errb)
		}
		_, body, _ := strings.Cut(le.out.String(), "\n")
		if !strings.HasPrefix(body, tt.want) || (tt.want == "0 quotations\n" && body != tt.want) {
			t.Errorf("%s: quotes wrote\n%s\nwant, under its heading,\n%s", tt.name, le.out, tt.want)
		}
	}
}
