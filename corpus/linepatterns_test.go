package corpus

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// wholeBoilerplateRE is the boilerplate pattern as one expression, as it
// was before isBoilerplateLine split it and put a test in front of each
// part: the oracle the split must agree with on every line.
var wholeBoilerplateRE = regexp.MustCompile(`(?i)^(` +
	`share( this)?( story| article| on \w+)?|tweet|email|print|advertisement|related( stories| articles| content)?|read more|more on this|` +
	`facebook|twitter|instagram|whatsapp|linkedin|pinterest|reddit|youtube|tiktok|` +
	`(photos?|images?|pictures?|video|watch|related|read more|see also|more)\s*(by|credit)?\s*:.*|` +
	`source\s*:.*|` +
	`[\pL\pN .&'’-]{1,40} and agencies\.?|` +
	`(\(c\)|©|copyright).*|` +
	`(follow|subscribe|sign up|click here|like us)\b.{0,60}|` +
	`\d+ of \d+\.?|` +
	`(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?` +
	`)$`)

// checkBoilerplateLine fails t when isBoilerplateLine and the whole
// pattern disagree on line.
func checkBoilerplateLine(t *testing.T, line string) {
	t.Helper()
	if got, want := isBoilerplateLine(line), wholeBoilerplateRE.MatchString(line); got != want {
		t.Errorf("isBoilerplateLine(%q) = %v, the whole pattern says %v", line, got, want)
	}
}

var boilerplateCases = []string{
	"Share this story", "SHARE ON Facebook", "share on x", "Tweet", "Email", "Print", "Advertisement",
	"Facebook", "WhatsApp", "YouTube", "Facebook said on Monday it would close the accounts.", "Twitter users",
	"Related articles", "Read more", "More on this", "Photos: Reuters", "Image credit : AP", "More:",
	"See also: the timeline", "Source: Reuters", "source : AP", "Guardian staff and agencies",
	"Reuters and agencies.", "STAFF AND AGENCIES", "and agencies", "© 2016 Swell Digest", "(c) Guardian",
	"Copyright Reuters 2016", "Follow us on Twitter", "Subscribe to our newsletter", "Sign up here",
	"Click here for more", "Like us on Facebook", "3 of 12", "12 of 30.", "12 OF 30", "example.com",
	"https://www.example.co.uk/news/1", "www.bbc.co.uk", "news.example.org",
	// Case folding beyond ASCII: the long s and the Kelvin sign.
	"ſhare this ſtory", "ſource: AP", "Li\u212Ae us on Facebook", "Staff and agencieſ", "example.ſe",
	// Lines that are none of these.
	"Trump asks Russia to find Clinton's emails", "The Republican nominee said", "A photo of Trump",
	"Sharing is caring", "Printed matter", "Morenci and agencies", "3 of the 12 emails",
	"Read more about it in the story below this line", "", " ", "email me", "1 of 2 3", "Clinton and agenci",
	"example .com", "\u00e9mail", "Related:", "“Share this story”", "ſee alſo: more", "©opyright", "Photo\u212A: x",
	"\u212Aclick here", "(C) AP", "ſ", "\u212A",
	// A letter that folds into ASCII from outside it, before the end of
	// the longest word a form starts with.
	"Advertiſement", "ADVERTIſEMENT", "Read moreſ", "Photoſ: AP", "ſubſcribe to our newsletter",
}

// TestBoilerplateLineAgreesWithThePattern checks the split boilerplate
// pattern and its tests against the whole pattern: on chosen lines, on
// every line of the embedded articles, and on the shared stories' lines.
func TestBoilerplateLineAgreesWithThePattern(t *testing.T) {
	for _, line := range boilerplateCases {
		checkBoilerplateLine(t, line)
	}
	matched := 0
	for _, line := range boilerplateCases {
		if wholeBoilerplateRE.MatchString(line) {
			matched++
		}
	}
	if matched < 30 {
		t.Errorf("only %d of the chosen lines are boilerplate: the cases test too little", matched)
	}
	checkDir := func(t *testing.T, dir string) {
		lines := 0
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			sc := bufio.NewScanner(bytes.NewReader(raw))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				checkBoilerplateLine(t, strings.TrimSpace(sc.Text()))
				lines++
			}
			return sc.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		if lines == 0 {
			t.Fatalf("no lines under %s", dir)
		}
	}
	t.Run("embedded", func(t *testing.T) { checkDir(t, filepath.Join("..", "articles")) })
	t.Run("shared stories", func(t *testing.T) {
		dir := filepath.Join("..", "..", "shared", "corpora", "stories")
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("shared data not present at %s; skipping", dir)
		}
		checkDir(t, dir)
	})
}

// TestOnlyKAndSFoldOutOfASCII checks what lineStart relies on: of the
// ASCII letters, only k and s are equal, ignoring case, to letters outside
// ASCII, and those are the Kelvin sign and the long s.
func TestOnlyKAndSFoldOutOfASCII(t *testing.T) {
	want := map[rune][]rune{'k': {'\u212A'}, 's': {'ſ'}}
	for c := 'a'; c <= 'z'; c++ {
		var outside []rune
		for r := unicode.SimpleFold(c); r != c; r = unicode.SimpleFold(r) {
			if r >= 0x80 {
				outside = append(outside, r)
			}
		}
		if !slices.Equal(outside, want[c]) {
			t.Errorf("%c folds out of ASCII into %q, want %q", c, outside, want[c])
		}
	}
}

func FuzzBoilerplateLine(f *testing.F) {
	for _, line := range boilerplateCases {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		// lineRole tries no pattern on longer lines; a long input only
		// slows the fuzzer down.
		if len(line) > maxNonProseLine {
			t.Skip()
		}
		checkBoilerplateLine(t, line)
	})
}

var captionCases = []string{
	"A file photo of Donald Trump", "An image taken of the crowd", "Handout photo shows the site",
	"PHOTO SHOWS the border", "Picture of the day", "In this still image from video, Trump speaks",
	"In thiſ undated picture", "FILE - In this Aug. 15, 2014 file photo, Durst leaves", "file—in this photo", "a photo", "File picture of the building", "A handout photo of Clinton",
	"Trump speaks in Ohio, July 27, 2016.", "Clinton waves in Philadelphia, U.S.", "Pence arrives, US",
	"Sanders addresses the crowd, 2016", "Obama speaks, u.ſ.", "Kaine listens, Dec. 5, 2015",
	"Donald Trump has asked Russia to find the emails.", "The photo was taken in 2016 or so.",
	"“A photo of the president”", "", ".", "2016", "s", ", U.S..", "Trump speaks, 20166",
}

// TestCaptionTestsKeepEveryMatch checks that mayStartCaption and
// mayEndCaption, which keep the caption patterns from being compiled and
// run, never turn away a line the patterns match.
func TestCaptionTestsKeepEveryMatch(t *testing.T) {
	starts, ends := 0, 0
	for _, line := range captionCases {
		checkCaptionTests(t, line)
		if captionStartRE().MatchString(line) {
			starts++
		}
		if captionEndRE().MatchString(line) {
			ends++
		}
	}
	if starts < 8 || ends < 5 {
		t.Errorf("the cases match the start pattern %d times and the end pattern %d times: too few to test", starts, ends)
	}
}

func checkCaptionTests(t *testing.T, line string) {
	t.Helper()
	if !mayStartCaption(line) && captionStartRE().MatchString(line) {
		t.Errorf("mayStartCaption(%q) = false, but the pattern matches", line)
	}
	if !mayEndCaption(line) && captionEndRE().MatchString(line) {
		t.Errorf("mayEndCaption(%q) = false, but the pattern matches", line)
	}
}

func FuzzCaptionTests(f *testing.F) {
	for _, line := range captionCases {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if len(line) > maxNonProseLine {
			t.Skip()
		}
		checkCaptionTests(t, line)
	})
}
