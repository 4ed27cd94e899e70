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
// windows-1252 (see TestHTMLStrayWindows1252), and Page.Stray counts them,
// so that loading can say so; a page that declares nothing and is mostly
// UTF-8 is read as UTF-8 even when its first 1024 bytes are ASCII (it was
// read as windows-1252, its UTF-8 garbled as "cafÃ©"). Pages in one
// encoding replace nothing.
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
		stray                   int
		has                     []string // in the text
	}{
		{"UTF-8 with windows-1252 bytes, declared", page(`<meta charset="utf-8">`, strings.Repeat(utf8Para, 4)+cp1252Para), "", 5,
			[]string{"Le café du port", "5€ par semaine, «merci»"}},
		{"UTF-8 with windows-1252 bytes, served as UTF-8", page("", strings.Repeat(utf8Para, 4)+cp1252Para), "text/html; charset=utf-8", 5,
			[]string{"Le café du port", "5€ par semaine, «merci»"}},
		{"UTF-8 with windows-1252 bytes, undeclared", page("", strings.Repeat(utf8Para, 4)+cp1252Para), "", 5,
			[]string{"Le café du port", "5€ par semaine, «merci»"}},
		{"UTF-8 alone", page("", strings.Repeat(utf8Para, 5)), "", 0, []string{"Le café du port"}},
		{"windows-1252 alone, undeclared", page("", strings.Repeat(cp1252Para, 5)), "", 0, []string{"5€ par semaine, «merci»"}},
		{"windows-1252 alone, declared UTF-8", page(`<meta charset="utf-8">`, strings.Repeat(cp1252Para, 5)), "", 0, []string{"5€ par semaine, «merci»"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML(context.Background(), strings.NewReader(tt.page), "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if p.Stray != tt.stray || p.Replaced != 0 {
				t.Errorf("Stray %d, Replaced %d; want %d and 0", p.Stray, p.Replaced, tt.stray)
			}
			text := string(p.Text())
			for _, has := range tt.has {
				if !strings.Contains(text, has) {
					t.Errorf("want %q in\n%s", has, text)
				}
			}
			if strings.Contains(text, "\ufffd") {
				t.Errorf("U+FFFD in\n%s", text)
			}
			if strings.Contains(text, "Ã") {
				t.Errorf("UTF-8 read as windows-1252:\n%s", text)
			}
		})
	}
}

// TestHTMLUTF8InWindows1252 is a regression test: a page read as
// windows-1252 (declared so, served as ISO-8859-1, or declaring nothing
// and mostly in windows-1252) that holds some UTF-8 (curly quotes, accents
// pasted in) had that UTF-8 read as windows-1252, "cafÃ©" and "â€œ", with
// no word. Each such UTF-8 sequence is now read as UTF-8, the rest as
// windows-1252, and Page.Mixed counts them; text in windows-1252 alone,
// whose capitals before a quote ("STRAßE“", "NÖ”") make bytes that are
// valid UTF-8, reads as before.
func TestHTMLUTF8InWindows1252(t *testing.T) {
	enc := func(s string) string {
		t.Helper()
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp1252Para := enc("<p>Le prix a monté de 5€ par semaine, «merci» dit la patronne, après les travaux du toit.</p>")
	// UTF-8: “, é, ”, —, ’, è and an emoji: 7 characters.
	const utf8Para = "<p>Le “café” du port a rouvert — mardi, d’après la mairie 🙂.</p>"
	german := enc("<p>Die „STRAßE“ war gesperrt, sagte „NÖ” und „ÄRGER“ im Ort, für Wochen.</p>")
	page := func(head, body string) string {
		return "<html><head>" + head + "<title>Port</title>" + strings.Repeat("<!-- padding -->\n", 80) +
			"</head><body><article>" + body + "</article></body></html>"
	}
	tests := []struct {
		name, page, contentType string
		mixed                   int
		has                     []string
	}{
		{"undeclared, mostly windows-1252", page("", strings.Repeat(cp1252Para, 4)+utf8Para), "", 7,
			[]string{"5€ par semaine, «merci»", "Le “café” du port a rouvert — mardi, d’après la mairie 🙂."}},
		{"declared windows-1252", page(`<meta charset="windows-1252">`, cp1252Para+utf8Para), "", 7,
			[]string{"5€ par semaine, «merci»", "Le “café” du port a rouvert — mardi, d’après"}},
		{"served as ISO-8859-1", page("", cp1252Para+utf8Para+cp1252Para), "text/html; charset=ISO-8859-1", 7,
			[]string{"après les travaux", "Le “café” du port"}},
		{"windows-1252 alone, capitals before quotes", page(`<meta charset="windows-1252">`, strings.Repeat(german, 3)), "", 0,
			[]string{"Die „STRAßE“ war gesperrt, sagte „NÖ” und „ÄRGER“ im Ort"}},
		// A regression test: a page that declares UTF-8 and is mostly
		// windows-1252 was read as UTF-8, each byte that is not UTF-8 as
		// windows-1252, and the pairs its capitals make before a quote,
		// which are UTF-8, as letters of other scripts: "STRAߓ" (U+07D3),
		// "NܔR" (U+0714). It is now read as a windows-1252 page, as one
		// that declares nothing is, UTF-8 pasted in and all.
		{"declared UTF-8, windows-1252 with UTF-8", page(`<meta charset="utf-8">`, strings.Repeat(cp1252Para, 4)+utf8Para), "", 7,
			[]string{"5€ par semaine, «merci»", "Le “café” du port a rouvert — mardi, d’après la mairie 🙂."}},
		{"declared UTF-8, windows-1252 alone, capitals before quotes", page(`<meta charset="utf-8">`, strings.Repeat(german, 3)), "", 0,
			[]string{"Die „STRAßE“ war gesperrt, sagte „NÖ” und „ÄRGER“ im Ort"}},
		{"served as UTF-8, windows-1252 alone, capitals before quotes", page("", strings.Repeat(german, 3)), "text/html; charset=utf-8", 0,
			[]string{"Die „STRAßE“ war gesperrt, sagte „NÖ” und „ÄRGER“ im Ort"}},
		{"declared UTF-8 by a byte-order mark, windows-1252", "\ufeff" + page("", strings.Repeat(german, 3)+utf8Para), "", 7,
			[]string{"Die „STRAßE“ war gesperrt, sagte „NÖ” und „ÄRGER“ im Ort", "Le “café” du port"}},
		{"windows-1252 alone", page("", strings.Repeat(cp1252Para, 3)), "", 0,
			[]string{"5€ par semaine, «merci»"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML(context.Background(), strings.NewReader(tt.page), "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			text := string(p.Text())
			for _, has := range tt.has {
				if !strings.Contains(text, has) {
					t.Errorf("want %q in\n%s", has, text)
				}
			}
			if strings.Contains(text, "Ã") || strings.Contains(text, "â€") {
				t.Errorf("UTF-8 read as windows-1252:\n%s", text)
			}
			if p.Mixed != tt.mixed || p.Replaced != 0 {
				t.Errorf("Mixed %d, Replaced %d; want %d and 0", p.Mixed, p.Replaced, tt.mixed)
			}
			if note := p.EncodingNote(); (note != "") != (tt.mixed > 0) || (note != "" && !strings.Contains(note, "windows-1252")) {
				t.Errorf("note %q", note)
			}
		})
	}
}

// TestHTMLStrayWindows1252 is a regression test: a page read as UTF-8
// (declaring nothing and mostly UTF-8; declaring UTF-8 by a <meta> tag or
// a byte-order mark, or served as UTF-8), with some windows-1252 typed or
// pasted in (curly quotes, an accent, from an older page), had those bytes
// read as U+FFFD. Each byte that is a printable character in windows-1252
// is now read as that character, Page.Stray counts them and the note says
// so, as it says of a text file; a byte with no meaning there (0x81, 0x8D,
// 0x8F, 0x90, 0x9D) is still replaced, and counted.
func TestHTMLStrayWindows1252(t *testing.T) {
	const utf8Para = "<p>Le café du port a rouvert mardi, six semaines après la tempête d’hiver qui avait fermé deux voies.</p>"
	page := func(head, body string) string {
		return "<html><head>" + head + "<title>Port</title>" + strings.Repeat("<!-- padding -->\n", 80) +
			"</head><body><article>" + strings.Repeat(utf8Para, 4) + body + "</article></body></html>"
	}
	tests := []struct {
		name, page, contentType string
		stray, replaced         int
		has                     string // in the text
		note                    string
	}{
		{"quotes and accents", page("", "<p>La patronne a dit \x93d\xe9j\xe0 plein\x94 \x96 et a ferm\xe9.</p>"), "", 6, 0,
			"La patronne a dit “déjà plein” – et a fermé.",
			"mixes UTF-8 and windows-1252; 6 characters were read as windows-1252"},
		{"one", page("", "<p>Un octet \xe9gar\u00e9.</p>"), "", 1, 0, "Un octet égaré.",
			"mixes UTF-8 and windows-1252; 1 character was read as windows-1252"},
		{"bytes with no meaning", page("", "<p>Un \x81 et \x8d\x8f\x90\x9d et \x93ceci\x94.</p>"), "", 2, 5, "Un \ufffd et \ufffd\ufffd\ufffd\ufffd et “ceci”.",
			"mixes UTF-8 and windows-1252; 2 characters were read as windows-1252; 5 bytes were not valid UTF-8 and were replaced"},
		{"declared UTF-8", page(`<meta charset="utf-8">`, "<p>Il a dit \x93oui\x94 et s\x92en est all\xe9.</p>"), "", 4, 0,
			"Il a dit “oui” et s’en est allé.",
			"mixes UTF-8 and windows-1252; 4 characters were read as windows-1252"},
		{"declared UTF-8, an old form", page(`<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">`, "<p>Il a dit \x93oui\x94.</p>"), "", 2, 0,
			"Il a dit “oui”.", "mixes UTF-8 and windows-1252; 2 characters were read as windows-1252"},
		{"declared UTF-8 by a byte-order mark", "\ufeff" + page("", "<p>Il a dit \x93oui\x94.</p>"), "", 2, 0,
			"Il a dit “oui”.", "mixes UTF-8 and windows-1252; 2 characters were read as windows-1252"},
		{"declared UTF-8, bytes with no meaning", page(`<meta charset="utf-8">`, "<p>Un \x81 et \x8d\x8f\x90\x9d et \x93ceci\x94.</p>"), "", 2, 5,
			"Un \ufffd et \ufffd\ufffd\ufffd\ufffd et “ceci”.",
			"mixes UTF-8 and windows-1252; 2 characters were read as windows-1252; 5 bytes were not valid UTF-8 and were replaced"},
		{"declared UTF-8, one byte with no meaning", page(`<meta charset="utf-8">`, "<p>Un \x9d seul.</p>"), "", 0, 1,
			"Un \ufffd seul.", "1 byte was not valid UTF-8 and was replaced"},
		{"served as UTF-8", page("", "<p>Il a dit \x93oui\x94.</p>"), "text/html; charset=utf-8", 2, 0, "Il a dit “oui”.",
			"mixes UTF-8 and windows-1252; 2 characters were read as windows-1252"},
		// A regression test: a capital before a quote in windows-1252
		// makes bytes that are valid UTF-8 ("ß“" is DF 93, U+07D3; "Ö”"
		// is D6 94, U+0594), and they were read so. Ending a word, beside
		// the page's other windows-1252 bytes, they are now read as
		// windows-1252; UTF-8 beside UTF-8, a word of its own or a
		// symbol, stays UTF-8.
		{"capitals before quotes", page(`<meta charset="utf-8">`, "<p>Ce n\x92est pas un \x84Spa\xdf\x93, a dit le porte-parole du \x84N\xd6\x94.</p>"), "", 7, 0,
			"Ce n’est pas un „Spaß“, a dit le porte-parole du „NÖ”.",
			"mixes UTF-8 and windows-1252; 7 characters were read as windows-1252"},
		{"UTF-8 letters in windows-1252 quotes", page("", "<p>Мэр сказал \x93в понедельник\x94 и \x93я\x94, а \x93Paris → Lyon\x94 закрыт.</p>"), "", 6, 0,
			"Мэр сказал “в понедельник” и “я”, а “Paris → Lyon” закрыт.",
			"mixes UTF-8 and windows-1252; 6 characters were read as windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := extract.HTML(context.Background(), strings.NewReader(tt.page), "", tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if p.Stray != tt.stray || p.Replaced != tt.replaced || p.Mixed != 0 {
				t.Errorf("Stray %d, Replaced %d, Mixed %d; want %d, %d and 0", p.Stray, p.Replaced, p.Mixed, tt.stray, tt.replaced)
			}
			if text := string(p.Text()); !strings.Contains(text, tt.has) || !strings.Contains(text, "Le café du port") {
				t.Errorf("want %q in\n%s", tt.has, text)
			}
			if note := p.EncodingNote(); note != tt.note {
				t.Errorf("note %q, want %q", note, tt.note)
			}
		})
	}
}
