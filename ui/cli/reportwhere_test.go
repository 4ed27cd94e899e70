package cli

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
)

// TestReportSaysWhereAsTheCommandsDo checks that the report places each
// outlet's wording of a quote, and each mention of a fact, at its
// paragraph, as quotes and facts do: the page gave the outlet alone, so a
// reader could not find the passage in the article.
func TestReportSaysWhereAsTheCommandsDo(t *testing.T) {
	run := func(args ...string) string {
		le := newLocalEnv(t, false, "")
		if code := le.run(args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		return le.out.String()
	}
	page := run("report")
	var where []string
	for _, m := range regexp.MustCompile(`<span class="where">([^<]*)</span>`).FindAllStringSubmatch(page, -1) {
		where = append(where, strings.TrimPrefix(html.UnescapeString(m[1]), "★ "))
	}

	// Every quote's line, as quotes prints it: "Swell Digest ¶5 (Trump, said)".
	quotes := run("quotes", "--format", "plain")
	quoteLine := regexp.MustCompile(`^.+ ¶\d+ \(.*\)$`)
	var quoted int
	for _, w := range where {
		if !quoteLine.MatchString(w) {
			continue
		}
		quoted++
		if !strings.Contains(quotes, " "+w+"\n") {
			t.Errorf("the report's %q is no line of quotes:\n%s", w, quotes)
		}
	}
	if quoted == 0 {
		t.Errorf("no quote in the report says its paragraph: %q", where)
	}

	// Every mention of a fact: "Al Jazeera ¶7: Clinton’s campaign (said)".
	var facts struct {
		Stories []struct {
			Facts []struct {
				Mentions []struct {
					Outlet, Value string
					Paragraph     int
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(run("facts", "--format", "json")), &facts); err != nil {
		t.Fatal(err)
	}
	for _, f := range facts.Stories[0].Facts {
		for _, m := range f.Mentions {
			want := fmt.Sprintf("%s ¶%d: %s", m.Outlet, m.Paragraph, m.Value)
			if !strings.Contains(strings.Join(where, "\n")+"\n", want+"\n") {
				t.Errorf("the report lacks the mention %q: %q", want, where)
			}
		}
	}
}
