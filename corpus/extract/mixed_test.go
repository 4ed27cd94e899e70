package extract_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/newsdiff/newsdiff/corpus/extract"
)

// TestHTMLMixedEncodings checks pages whose bytes mix UTF-8 with another
// encoding: a page read as UTF-8 has each byte that is not UTF-8 read as
// U+FFFD, and Page.Replaced counts them, so that loading can say so; a
// page that declares nothing and is mostly UTF-8 is read as UTF-8 even
// when its first 1024 bytes are ASCII (it was read as windows-1252, its
// UTF-8 garbled as "cafÃ©"). Pages in one encoding replace nothing.
func TestHTMLMixedEncodings(t *testing.T) {
	const utf8Para = "<p>Le café du port a rouvert mardi, six semaines après la tempête d’hiver qui avait fermé deux voies.</p>"
	// In windows-1252: five bytes (é, €, «, », è) that are not UTF-8.
	cp1252Para, err := charmap.Windows1252.NewEncoder().String("<p>Le prix a monté de 5€ par semaine, «merci» dit la patronne, après les travaux du toit.</p>")
	if err != nil {
		t.Fatal(err)
	}
	page := func(head, body string) string {
		return "<html><head>" + head + "<title>Port</title>" + strings.Repeat("<!-- padding -->\n", 80) +
			"</head><body><article>" + body + "</article></body></html>"
	}
	tests := []struct {
		name, page, contentType string
		replaced                int
		has                     string // in the text
	}{
		{"UTF-8 with windows-1252 bytes, declared", page(`<meta charset="utf-8">`, strings.Repeat(utf8Para, 4)+cp1252Para), "", 5, "Le café du port"},
		{"UTF-8 with windows-1252 bytes, served as UTF-8", page("", strings.Repeat(utf8Para, 4)+cp1252Para), "text/html; charset=utf-8", 5, "5\ufffd par semaine"},
		{"UTF-8 with windows-1252 bytes, undeclared", page("", strings.Repeat(utf8Para, 4)+cp1252Para), "", 5, "Le café du port"},
		{"windows-1252 with UTF-8, declared UTF-8", page(`<meta charset="utf-8">`, strings.Repeat(cp1252Para, 4)+utf8Para), "", 20, "Le café du port"},
		{"UTF-8 alone", page("", strings.Repeat(utf8Para, 5)), "", 0, "Le café du port"},
		{"windows-1252 alone, undeclared", page("", strings.Repeat(cp1252Para, 5)), "", 0, "5€ par semaine, «merci»"},
		{"windows-1252 alone, declared UTF-8", page(`<meta charset="utf-8">`, strings.Repeat(cp1252Para, 5)), "", 0, "5€ par semaine, «merci»"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML(context.Background(), strings.NewReader(tt.page), "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if p.Replaced != tt.replaced {
				t.Errorf("Replaced %d, want %d", p.Replaced, tt.replaced)
			}
			text := string(p.Text())
			if !strings.Contains(text, tt.has) {
				t.Errorf("want %q in\n%s", tt.has, text)
			}
			if strings.Contains(text, "Ã") {
				t.Errorf("UTF-8 read as windows-1252:\n%s", text)
			}
		})
	}
}
