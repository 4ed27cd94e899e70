package corpus_test

import (
	"slices"
	"testing"

	"github.com/newsdiff/newsdiff/corpus"
)

// TestParseReadsTextAsFilesAre is a regression test: a text loaded from
// a file has its accents composed and its zero-width characters, soft
// hyphens and control runs dropped, but the same text given to Parse was
// kept as it came, so that "cafe" and a combining acute, or a name cut by
// a zero-width space, was another word there than in the file, and a
// search typed in the other form missed it. Parse and the loader now read
// a text alike: the same bytes, and so the same words.
func TestParseReadsTextAsFilesAre(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"decomposed accent", "The cafe\u0301 reopened.\n", "The caf\u00e9 reopened.\n"},
		{"decomposed Hangul", "\u1109\u1165\u110b\u116e\u11af city.\n", "\uc11c\uc6b8 city.\n"},
		{"zero-width space", "Vla\u200bdimir Putin spoke.\n", "Vladimir Putin spoke.\n"},
		{"word joiner", "Vladi\u2060mir Putin spoke.\n", "Vladimir Putin spoke.\n"},
		{"soft hyphen", "Vladi\u00admir Putin spoke.\n", "Vladimir Putin spoke.\n"},
		{"zero-width no-break space inside", "Putin spo\ufeffke.\n", "Putin spoke.\n"},
		{"escape sequence and bidi control", "Putin \x1b[1mspoke\x1b[0m \u202eloudly.\n", "Putin spoke loudly.\n"},
		{"zero-width joiner kept", "A family \U0001F468\u200d\U0001F469.\n", "A family \U0001F468\u200d\U0001F469.\n"},
		{"already normal", "Putin spoke.\n", "Putin spoke.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parsed := corpus.Parse("a", []byte(tc.text))
			loaded, _, err := corpus.LoadBytes("a.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if got := parsed.Text(parsed.Body); got != tc.want {
				t.Errorf("Parse reads %+q, want %+q", got, tc.want)
			}
			if got, file := parsed.Text(parsed.Body), loaded.Text(loaded.Body); got != file {
				t.Errorf("Parse reads %+q, the loader %+q", got, file)
			}
			if got, file := forms(parsed), forms(loaded); !slices.Equal(got, file) {
				t.Errorf("Parse's words %q, the loader's %q", got, file)
			}
		})
	}
}

// forms returns the forms of a's tokens of words.
func forms(a *corpus.Article) []string {
	var out []string
	for _, tok := range a.Tokens.All() {
		if tok.Kind == corpus.TokWord {
			out = append(out, tok.Form)
		}
	}
	return out
}
