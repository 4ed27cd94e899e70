package ui

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapFrags(t *testing.T) {
	tests := []struct {
		name  string
		frags []frag
		width int
		want  []string
	}{
		{"fits", []frag{{"one two three", clsEqual, 0}}, 20, []string{"one two three"}},
		{"breaks at spaces", []frag{{"one two three four", clsEqual, 0}}, 9, []string{"one two", "three", "four"}},
		{"exact width", []frag{{"abc def", clsEqual, 0}}, 7, []string{"abc def"}},
		{"spaces collapse and trim", []frag{{"  one   two  ", clsEqual, 0}}, 20, []string{"one two"}},
		{"a word across fragments stays whole", []frag{{"the emails", clsEqual, 0}, {",", clsDelete, 10}, {" he", clsEqual, 11}}, 10, []string{"the", "emails, he"}},
		{"long word is cut", []frag{{"abcdefghijkl", clsEqual, 0}}, 5, []string{"abcde", "fghij", "kl"}},
		{"long word after text starts a line", []frag{{"ab abcdefghij", clsEqual, 0}}, 5, []string{"ab", "abcde", "fghij"}},
		{"one line break is a space", []frag{{"hard\nwrapped", clsEqual, 0}}, 20, []string{"hard wrapped"}},
		{"a blank line is a paragraph", []frag{{"one.\n\ntwo.", clsEqual, 0}}, 20, []string{"one.", "", "two."}},
		{"no blank line at the ends", []frag{{"\n\none.\n\n\n\n", clsEqual, 0}}, 20, []string{"one."}},
		{"CJK counts two cells", []frag{{"中文字符测试", clsEqual, 0}}, 5, []string{"中文", "字符", "测试"}},
		{"CJK with spaces", []frag{{"新闻 报道 比较", clsEqual, 0}}, 9, []string{"新闻 报道", "比较"}},
		{"emoji", []frag{{"news 😀😀😀 today", clsEqual, 0}}, 8, []string{"news", "😀😀😀", "today"}},
		{"combining marks stay with their letter", []frag{{"cafe\u0301 cafe\u0301", clsEqual, 0}}, 5, []string{"cafe\u0301", "cafe\u0301"}},
		{"empty", nil, 10, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := wrapFrags(tt.frags, tt.width)
			var got []string
			for _, l := range lines {
				got = append(got, lineText(l))
				if w := ansi.StringWidth(lineText(l)); w != l.width || w > tt.width {
					t.Errorf("line %q: width %d, recorded %d, limit %d", lineText(l), w, l.width, tt.width)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWrapKeepsEveryWord wraps real article text at many widths and checks
// that no text is lost and no line is too wide.
func TestWrapKeepsEveryWord(t *testing.T) {
	for _, a := range seed(t).Articles() {
		text := a.Text(a.Body)
		want := strings.Join(strings.Fields(text), "")
		for _, width := range []int{2, 3, 7, 20, 33, 80} {
			var sb strings.Builder
			for _, l := range wrapFrags([]frag{{text, clsEqual, 0}}, width) {
				if l.width > width {
					t.Errorf("%s at %d: line %q is %d wide", a.Outlet, width, lineText(l), l.width)
				}
				sb.WriteString(lineText(l))
			}
			if got := strings.Join(strings.Fields(sb.String()), ""); got != want {
				t.Errorf("%s at %d: text changed by wrapping", a.Outlet, width)
			}
		}
	}
}

func TestWrapKeepsOffsets(t *testing.T) {
	text := "Russia, if you’re listening, I hope you’re able to find the 30,000 emails"
	for _, width := range []int{5, 11, 30} {
		for _, l := range wrapFrags([]frag{{text, clsEqual, 0}}, width) {
			for _, f := range l.frags {
				if f.off >= 0 && f.text != " " && text[f.off:f.off+len(f.text)] != f.text {
					t.Errorf("width %d: fragment %q at %d, text there is %q", width, f.text, f.off, text[f.off:f.off+len(f.text)])
				}
			}
		}
	}
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		text, query string
		want        []string
	}{
		{"Russia and russia and RUSSIA", "russia", []string{"Russia", "russia", "RUSSIA"}},
		{"if you’re listening", "you're", []string{"you’re"}},
		{"“beauties”", `"beauties"`, []string{"“beauties”"}},
		{"vice–presidential", "vice-pres", []string{"vice–pres"}},
		{"aaaa", "aa", []string{"aa", "aa"}},
		{"Ünïcödé", "ünï", []string{"Ünï"}},
		{"nothing", "xyz", nil},
		{"short", "", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range findAll(tt.text, foldQuery(tt.query), 0) {
			got = append(got, tt.text[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("findAll(%q, %q) = %q, want %q", tt.text, tt.query, got, tt.want)
		}
	}
}

// TestWrapCJKLineBreaks wraps Chinese and Japanese text at every width
// from 10 to 40 (narrower, a mark and the ideographs held to it may not
// fit a line at all, and are cut) and checks Unicode's line breaking rules (UAX #14) as
// Chinese and Japanese typesetting keep them: no line starts with a
// closing mark (、。，」) and none ends with an opening one (「“), no text is
// lost, and a run of ideographs fills the line it starts on instead of
// moving whole to the next.
func TestWrapCJKLineBreaks(t *testing.T) {
	texts := []string{
		"特朗普周三在记者会上说：“俄罗斯，如果你在听，我希望你们能够找到那三万封失踪的邮件。”他还说，你们会得到我们媒体的丰厚回报。",
		"トランプ氏は「ロシアよ、聞いているなら、行方不明の３万通のメールを見つけてほしい」と述べた。民主党は、これを強く批判した。",
	}
	const closing, opening = "、。，．：；！？」』）】”’", "「『（【“‘"
	for _, text := range texts {
		for width := 10; width <= 40; width++ {
			lines := wrapFrags([]frag{{text, clsEqual, 0}}, width)
			var sb strings.Builder
			for i, l := range lines {
				s := lineText(l)
				sb.WriteString(s)
				if l.width > width {
					t.Errorf("width %d: line %q is %d wide", width, s, l.width)
				}
				if r := []rune(s); len(r) > 0 && strings.ContainsRune(closing, r[0]) {
					t.Errorf("width %d: line %d starts with a closing mark: %q", width, i, s)
				}
				if r := []rune(s); len(r) > 0 && i < len(lines)-1 && strings.ContainsRune(opening, r[len(r)-1]) {
					t.Errorf("width %d: line %d ends with an opening mark: %q", width, i, s)
				}
			}
			if sb.String() != text {
				t.Errorf("width %d: text changed to %q", width, sb.String())
			}
		}
	}
	// Ideographs after Latin text fill the line.
	got := wrapFrags([]frag{{"FBI 调查邮件", clsEqual, 0}}, 8)
	if len(got) != 2 || lineText(got[0]) != "FBI 调查" || lineText(got[1]) != "邮件" {
		var ss []string
		for _, l := range got {
			ss = append(ss, lineText(l))
		}
		t.Errorf("wrapped %q, want [\"FBI 调查\" \"邮件\"]", ss)
	}
}

// BenchmarkWrapFrags wraps a seed article's body at 60 cells: Latin text,
// where the CJK line breaking must cost no more than a byte scan a word,
// and the same length of Chinese, which goes through UAX #14.
func BenchmarkWrapFrags(b *testing.B) {
	a := article(b, "Al Jazeera")
	latin := a.Text(a.Body)
	chinese := strings.Repeat("特朗普周三在记者会上说：“俄罗斯，如果你在听，我希望你们能够找到那三万封失踪的邮件。”", len(latin)/120+1)
	for _, tc := range []struct{ name, text string }{{"latin", latin}, {"chinese", chinese}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.text)))
			for b.Loop() {
				wrapFrags([]frag{{tc.text, clsEqual, 0}}, 60)
			}
		})
	}
}

func TestTruncateApart(t *testing.T) {
	tests := []struct {
		names []string
		width int
		want  []string
	}{
		// Names that fit, or that truncate apart, are cut as truncate cuts.
		{[]string{"Al Jazeera", "TRT World"}, 12, []string{"Al Jazeera", "TRT World"}},
		{[]string{"Swell Digest", "Hacked.com"}, 8, []string{"Swell D…", "Hacked.…"}},
		// Names that would truncate alike keep their ends.
		{[]string{"longbench-multinews-018_01", "longbench-multinews-018_02"}, 12,
			[]string{"long…-018_01", "long…-018_02"}},
		{[]string{"Reuters (reuters-2016-07-27)", "Reuters (reuters-2016-07-28)", "AP"}, 20,
			[]string{"Reuter…s-2016-07-27)", "Reuter…s-2016-07-28)", "AP"}},
		// Names alike at both ends keep the middle that tells them apart,
		// from the word it is in.
		{[]string{"outlet-number-01-long-name", "outlet-number-02-long-name"}, 12,
			[]string{"…01-long-na…", "…02-long-na…"}},
		{[]string{"outlet-number-01-long-name", "outlet-number-02-long-name", "Reuters"}, 5,
			[]string{"…01-…", "…02-…", "Reut…"}},
		// One name twice (an outlet giving two facts) is no collision.
		{[]string{"Swell Digest", "Swell Digest"}, 8, []string{"Swell D…", "Swell D…"}},
		// Wide characters: the end kept stops short of a character the
		// cut would halve, as the start does, rather than overflow.
		{[]string{"東京新聞東京新聞東京新聞-01", "東京新聞東京新聞東京新聞-02"}, 12,
			[]string{"東京…新聞-01", "東京…新聞-02"}},
		{[]string{"東京新聞東京新聞東京新聞-01", "東京新聞東京新聞東京新聞-02"}, 13,
			[]string{"東京…新聞-01", "東京…新聞-02"}},
	}
	for _, tt := range tests {
		got := truncateApart(tt.names, tt.width)
		if !slices.Equal(got, tt.want) {
			t.Errorf("truncateApart(%q, %d) = %q, want %q", tt.names, tt.width, got, tt.want)
		}
		for _, g := range got {
			if textWidth(g) > tt.width {
				t.Errorf("truncateApart(%q, %d): %q is wider than %d", tt.names, tt.width, g, tt.width)
			}
		}
	}
}

func TestTruncateAmong(t *testing.T) {
	names := []string{"longbench-multinews-0018", "longbench-multinews-0019", "AP", "Reuters (reuters-2016-07-27)"}
	tests := []struct {
		name  string
		width int
		want  string
	}{
		{"longbench-multinews-0018", 30, "longbench-multinews-0018"},
		{"longbench-multinews-0018", 15, "longb…news-0018"},
		{"longbench-multinews-0019", 15, "longb…news-0019"},
		{"Reuters (reuters-2016-07-27)", 10, "Reuters (…"}, // nothing else cuts to it
		{"AP", 1, "…"},
	}
	for _, tt := range tests {
		if got := truncateAmong(tt.name, names, tt.width); got != tt.want {
			t.Errorf("truncateAmong(%q, %d) = %q, want %q", tt.name, tt.width, got, tt.want)
		}
	}
}

// TestTruncateKeepsEllipsisOnTheWord checks that a cut just after a space
// puts "…" after the last word kept, not apart from it: the list showed
// "Trump asks Russia to … · 5" and the matrix's headers "Swell …".
func TestTruncateKeepsEllipsisOnTheWord(t *testing.T) {
	tests := []struct {
		s     string
		width int
		want  string
	}{
		{"Trump asks Russia to find Clinton's emails", 22, "Trump asks Russia to…"},
		{"Swell Digest", 7, "Swell…"},
		{"Swell  Digest", 8, "Swell…"},
		{"Swell Digest", 8, "Swell D…"},
		{"a b", 2, "a…"},
		{" b c", 2, "…"},
		{"\x1b[1mSwell Digest\x1b[0m", 7, "Swell…"},
	}
	for _, tt := range tests {
		got := truncate(tt.s, tt.width)
		if ansi.Strip(got) != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
		if textWidth(got) > tt.width {
			t.Errorf("truncate(%q, %d) = %q is wider than %d", tt.s, tt.width, got, tt.width)
		}
	}
}

// TestWrapLongWord wraps a long word, a text file of one "line" with no
// space in it, and one of accented letters. Cutting each line measured
// the whole rest of the word, so that the reader's first layout of a
// 5 MiB such file ran for hours and answered no key, q and ctrl+c
// included. Each cut now measures a prefix a few bytes per cell long
// (see TestWidthPrefixBounded).
func TestWrapLongWord(t *testing.T) {
	for _, word := range []string{
		strings.Repeat("x", 256<<10),
		strings.Repeat("é\u0301a", 32<<10),
		strings.Repeat("漢字👍🏽a", 16<<10),
	} {
		lines := wrapFrags([]frag{{text: word, off: 0}}, 40)
		var sb strings.Builder
		for i, l := range lines {
			if l.width > 40 || textWidth(lineText(l)) != l.width || (i < len(lines)-1 && l.width < 39) {
				t.Fatalf("line %d is %d cells (measured %d), want 39 or 40 and the last no wider", i, l.width, textWidth(lineText(l)))
			}
			sb.WriteString(lineText(l))
		}
		if sb.String() != word {
			t.Errorf("the lines do not give the word back")
		}
	}
}

// TestWidthPrefixBounded checks what keeps wrapping a long word linear:
// the prefix measured for a line's cut is wider than the room and a few
// bytes per cell long, whatever the length of the word, unless the word
// is narrower than the room; and zero-width marks make it look further
// rather than cut short.
func TestWidthPrefixBounded(t *testing.T) {
	long := func(s string) string { return strings.Repeat(s, 1<<20/len(s)) }
	tests := []struct {
		name     string
		t        string
		room     int
		maxBytes int // -1: the whole of t
	}{
		{"ASCII", long("x"), 40, 4 * 41},
		{"accents", long("é"), 40, 4 * 41},
		{"CJK, two cells a character", long("漢"), 40, 4 * 41},
		{"combining marks", long("e\u0301\u0302"), 40, 2 * (4*41 + 4)},
		{"zero-width marks at the start", strings.Repeat("\u0301", 400) + long("x"), 40, 2 * (2*(2*(4*41+4)+4) + 4)},
		{"narrower than the room", "short word", 40, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, w := widthPrefix(tt.t, tt.room)
			switch {
			case !strings.HasPrefix(tt.t, p) || !utf8.ValidString(p):
				t.Fatalf("%q is no prefix cut between runes", p)
			case w != textWidth(p):
				t.Errorf("width %d, measured %d", w, textWidth(p))
			case tt.maxBytes < 0 && p != tt.t:
				t.Errorf("got %q, want the whole text", p)
			case tt.maxBytes >= 0 && (w <= tt.room || len(p) > tt.maxBytes):
				t.Errorf("%d bytes, %d cells: want more than %d cells in at most %d bytes", len(p), w, tt.room, tt.maxBytes)
			}
		})
	}
}

// TestTruncateApartBounds cuts names that share starts, ends or all of one
// another, in scripts of one and two cells and with combining marks, to
// every width: no label is wider than the width, and none panics.
func TestTruncateApartBounds(t *testing.T) {
	sets := [][]string{
		{"outlet-number-01", "outlet-number-01-long-name-x", "outlet-number-01-long-name-y"},
		{"cafe\u0301-nouvelles-un-jour", "cafe\u0300-nouvelles-un-jour"},
		{"東京新聞-一-東京新聞東京", "東京新聞-二-東京新聞東京"},
		{"ab", "ab", "abc"},
	}
	for _, names := range sets {
		for width := 0; width <= 30; width++ {
			for _, g := range truncateApart(names, width) {
				if textWidth(g) > width {
					t.Errorf("truncateApart(%q, %d): %q is wider than %d", names, width, g, width)
				}
			}
		}
	}
}
