package corpus

import (
	"bytes"
	"fmt"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    fileMeta
		n       int  // length of the front matter
		problem bool // a warning that it was read as text
	}{
		{name: "none", in: "Title\n\nBody.\n"},
		{name: "empty input", in: ""},
		{name: "a rule with nothing after it", in: "---"},
		{
			name: "all keys",
			in:   "---\noutlet: Al Jazeera\ntitle: Trump urges Russia\nurl: https://example.com/a\ndate: 2016-07-27\nstory: emails\n---\nBody.\n",
			want: fileMeta{Outlet: "Al Jazeera", Title: "Trump urges Russia", URL: "https://example.com/a", Date: "2016-07-27", Story: "emails"},
			n:    len("---\noutlet: Al Jazeera\ntitle: Trump urges Russia\nurl: https://example.com/a\ndate: 2016-07-27\nstory: emails\n---\n"),
		},
		{
			name: "quoted values",
			in:   "---\ntitle: \"Trump: \\\"Russia, if you're listening\\\"\"\noutlet: 'Hacked''s Own'\n---\n",
			want: fileMeta{Title: `Trump: "Russia, if you're listening"`, Outlet: "Hacked's Own"},
			n:    len("---\ntitle: \"Trump: \\\"Russia, if you're listening\\\"\"\noutlet: 'Hacked''s Own'\n---\n"),
		},
		{
			name: "unknown keys, comments, blank lines, key case",
			in:   "---\n# from the wire\nauthor: someone\n\nOutlet:  TRT World  \n---\nx",
			want: fileMeta{Outlet: "TRT World"},
			n:    len("---\n# from the wire\nauthor: someone\n\nOutlet:  TRT World  \n---\n"),
		},
		{
			name: "CRLF",
			in:   "---\r\ntitle: T\r\n---\r\nBody\r\n",
			want: fileMeta{Title: "T"},
			n:    len("---\r\ntitle: T\r\n---\r\n"),
		},
		{
			name: "lone CR",
			in:   "---\rtitle: T\r---\rBody\r",
			want: fileMeta{Title: "T"},
			n:    len("---\rtitle: T\r---\r"),
		},
		{
			name: "closing line at end of file",
			in:   "---\ntitle: T\n---",
			want: fileMeta{Title: "T"},
			n:    len("---\ntitle: T\n---"),
		},
		{
			name: "value with a colon",
			in:   "---\nurl: http://example.com:8080/x\n---\n",
			want: fileMeta{URL: "http://example.com:8080/x"},
			n:    len("---\nurl: http://example.com:8080/x\n---\n"),
		},
		{
			// Jekyll's and Hugo's front matter: lists and maps under a key
			// are its value, not lines of text.
			name: "YAML lists and maps",
			in:   "---\ntitle: Storm hits coast\ntags:\n  - weather\n  - coast\ncategories:\n- news\nauthor:\n  name: Lois Lane\n  email: lois@example.org\noutlet: Daily Planet\n---\nBody.\n",
			want: fileMeta{Title: "Storm hits coast", Outlet: "Daily Planet"},
			n:    len("---\ntitle: Storm hits coast\ntags:\n  - weather\n  - coast\ncategories:\n- news\nauthor:\n  name: Lois Lane\n  email: lois@example.org\noutlet: Daily Planet\n---\n"),
		},
		{
			name: "YAML list and folded value of a known key",
			in:   "---\nbyline:\n  - Lois Lane\n  - 'Clark Kent'\ntitle: >-\n  Storm hits\n  the coast\n---\n",
			want: fileMeta{Byline: "Lois Lane, Clark Kent", Title: "Storm hits the coast"},
			n:    len("---\nbyline:\n  - Lois Lane\n  - 'Clark Kent'\ntitle: >-\n  Storm hits\n  the coast\n---\n"),
		},
		{
			name: "YAML plain value over two lines",
			in:   "---\ntitle: Storm hits\n  the coast\n---\n",
			want: fileMeta{Title: "Storm hits the coast"},
			n:    len("---\ntitle: Storm hits\n  the coast\n---\n"),
		},
		{
			// Hugo's TOML front matter.
			name: "TOML",
			in:   "+++\ntitle = \"Storm \\\"batters\\\" coast\"  # the headline\noutlet = 'The Sentinel'\ndate = 2024-03-01T10:00:00Z\nurl = \"https://example.com/storm\"\ntags = [\"weather\", \"coast\"]\nkeywords = [\n  \"a\",\n  \"b\",\n]\nbyline = [\"Lois Lane\", \"Clark Kent\"]\nparams.lang = \"fr\"\n\n[author]\nlang = \"de\"\n+++\nBody.\n",
			want: fileMeta{Title: `Storm "batters" coast`, Outlet: "The Sentinel", Date: "2024-03-01T10:00:00Z", URL: "https://example.com/storm", Byline: "Lois Lane, Clark Kent"},
			n:    len("+++\ntitle = \"Storm \\\"batters\\\" coast\"  # the headline\noutlet = 'The Sentinel'\ndate = 2024-03-01T10:00:00Z\nurl = \"https://example.com/storm\"\ntags = [\"weather\", \"coast\"]\nkeywords = [\n  \"a\",\n  \"b\",\n]\nbyline = [\"Lois Lane\", \"Clark Kent\"]\nparams.lang = \"fr\"\n\n[author]\nlang = \"de\"\n+++\n"),
		},
		{
			name: "TOML, CRLF and a multi-line string",
			in:   "+++\r\nTitle = \"\"\"\r\nStorm batters\r\ncoast\"\"\"\r\nlang = \"en\"\r\n+++\r\nBody\r\n",
			want: fileMeta{Title: "Storm batters coast", Lang: "en"},
			n:    len("+++\r\nTitle = \"\"\"\r\nStorm batters\r\ncoast\"\"\"\r\nlang = \"en\"\r\n+++\r\n"),
		},
		{name: "TOML, a line of prose", in: "+++\ntitle = \"T\"\nThe emails were leaked.\n+++\n", problem: true},
		{name: "TOML, no closing line", in: "+++\ntitle = \"T\"\n", problem: true},
		{name: "TOML fence closing YAML", in: "---\ntitle: T\n+++\n", problem: true},
		{name: "a plus line alone", in: "+++"},
		{name: "no closing line", in: "---\ntitle: T\nBody text\n", problem: true},
		{name: "no closing line, keys only", in: "---\ntitle: T\n", problem: true},
		{name: "a rule, then prose", in: "---\nThe emails were leaked.\n---\n", problem: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, n, p := splitFrontMatter([]byte(tt.in))
			if m != tt.want || n != tt.n {
				t.Errorf("splitFrontMatter(%q) = %+v, %d; want %+v, %d", tt.in, m, n, tt.want, tt.n)
			}
			if (p != nil) != tt.problem {
				t.Errorf("splitFrontMatter(%q) problem %+v, want one: %v", tt.in, p, tt.problem)
			}
		})
	}
}

func TestNextLine(t *testing.T) {
	in := []byte("a\nb\r\nc\rd")
	var got []string
	for i := 0; i < len(in); {
		var line []byte
		line, i = nextLine(in, i)
		got = append(got, string(line))
	}
	want := []string{"a", "b", "c", "d"}
	if len(got) != len(want) {
		t.Fatalf("lines %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: T\n---\nBody\n"))
	f.Add([]byte("---\r\ntitle: \"a\\\"b\"\r\n---\r\n"))
	f.Add([]byte("---\rtitle: 'x''y'\r---\r"))
	f.Add([]byte("---\ntitle: T\n"))
	f.Add([]byte("---\ntags:\n  - a\ntitle: >\n  x\n---\n"))
	f.Add([]byte("+++\ntitle = \"\"\"\nT\"\"\"\ntags = [\n\"a\",\n]\n[x]\n+++\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, n, p := splitFrontMatter(b)
		if n < 0 || n > len(b) {
			t.Fatalf("front matter length %d outside the %d-byte input", n, len(b))
		}
		if n > 0 && (p != nil || !bytes.HasPrefix(b, []byte("---")) && !bytes.HasPrefix(b, []byte("+++"))) {
			t.Fatalf("front matter of %d bytes in %q, problem %+v", n, b, p)
		}
		if n > 0 && n < len(b) && b[n-1] != '\n' && b[n-1] != '\r' {
			t.Fatalf("front matter of %q ends at %d, inside a line", b, n)
		}
	})
}

// TestFrontMatterExported checks FrontMatter, which the extract command
// reads a Markdown file's front matter with, against what the loader reads.
func TestFrontMatterExported(t *testing.T) {
	for _, tt := range []struct {
		in     string
		fields map[string]string
		n      int
		err    string
	}{
		{"---\ntitle: 'It''s'\nOutlet: X\nother: y\n---\nbody\n", map[string]string{"title": "It's", "outlet": "X"}, 42, ""},
		{"---\nnot front matter\n---\nbody\n", nil, 0, `byte 4: front matter line is not "key: value", so the file is read as text from its start`},
		{"no front matter\n", nil, 0, ""},
	} {
		fields, n, err := FrontMatter([]byte(tt.in))
		if n != tt.n || len(fields) != len(tt.fields) {
			t.Errorf("%q: %q, %d; want %q, %d", tt.in, fields, n, tt.fields, tt.n)
			continue
		}
		if got := fmt.Sprint(err); (err != nil || tt.err != "") && got != tt.err {
			t.Errorf("%q: error %s, want %q", tt.in, got, tt.err)
		}
		for k, v := range tt.fields {
			if fields[k] != v {
				t.Errorf("%q: %s = %q, want %q", tt.in, k, fields[k], v)
			}
		}
	}
}
