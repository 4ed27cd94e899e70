package corpus

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The patterns lineRole classifies lines by. They are compiled on first
// use, not when the package is initialised: compiling them all took 0.33
// ms and 335 KB of allocations before main in every run of newsdiff, the
// ones that read no article included. The boilerplate pattern, most of
// that cost, is split into one pattern per form, each compiled and run
// only for a line that may be of that form (see isBoilerplateLine).
var (
	// Short lines that belong to the page around an article rather than
	// to it, one pattern per form; together they are the one pattern
	// (?i)^(share…|tweet|…|domain)$ that linepatterns_test.go keeps as
	// their oracle.
	//
	// Share buttons: "Share this story".
	shareRE = lazyRegexp(`(?i)^share( this)?( story| article| on \w+)?$`)
	// Links and buttons of one or two words, and the name of a social
	// network alone: a share button's, or the label of an embedded post.
	buttonRE = lazyRegexp(`(?i)^(tweet|email|print|advertisement|related( stories| articles| content)?|read more|more on this|facebook|twitter|instagram|whatsapp|linkedin|pinterest|reddit|youtube|tiktok)$`)
	// Credits and labels: "Photos: Reuters", "Source: AP".
	labelRE     = lazyRegexp(`(?i)^((photos?|images?|pictures?|video|watch|related|read more|see also|more)\s*(by|credit)?\s*:.*|source\s*:.*)$`)
	copyrightRE = lazyRegexp(`(?i)^(\(c\)|©|copyright).*$`)
	// Calls to follow the outlet.
	callRE = lazyRegexp(`(?i)^(follow|subscribe|sign up|click here|like us)\b.{0,60}$`)
	// Gallery counters: "3 of 12".
	counterRE = lazyRegexp(`(?i)^\d+ of \d+\.?$`)
	// Bare domains and addresses.
	domainRE = lazyRegexp(`(?i)^(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?$`)
	// Agency credits: "Guardian staff and agencies".
	agenciesRE = lazyRegexp(`(?i)^[\pL\pN .&'’-]{1,40} and agencies\.?$`)

	// Boilerplate phrases that may sit anywhere in a longer line.
	boilerplatePhrases = []string{"can also be accessed at", "all rights reserved"}
	// A photo credit closing a caption: "(AFP photo)", "[EPA]",
	// "(David M Warren / Staff Photographer)". Matched against the last
	// bracketed group only.
	creditRE = lazyRegexp(`(?i)^[(\[][^)\]]*\b(photo|photographer|getty|afp|reuters|epa|ap|associated press|file)\b[^)\]]*[)\]]$`)
	// A photo credit closing a caption without brackets: an agency's
	// "REUTERS/Mike Segar/File Photo" or "AP Photo/Evan Vucci", a
	// photographer's "Nicholas Kamm/AFP/Getty Images", or "Getty Images"
	// after a sentence's end or a colon. "REUTERS" and "AP Photo" are
	// matched in their case: prose names "a Reuters/Ipsos poll".
	trailingCreditRE = lazyRegexp(`(\bREUTERS/[^"“”]*|\bAP Photo/[^"“”]*|(^|[/:.!?] ?)Getty Images\.?|/(?i:file photo)\.?)$`)
	// The start of a caption: "A file photo of…", "In this still image…",
	// an agency's "FILE - In this Aug. 15, 2014 file photo…".
	captionStartRE = lazyRegexp(`(?i)^((a |an )?(file |handout )?(photo|picture|image)( taken)? (of|shows)\b|(file ?[-–—]+ ?)?in this\b.{0,30}\b(photo|image|picture))`)
	// Captions describe a picture in the present tense and end on a place
	// or a date.
	captionVerbRE = lazyRegexp(`(?i)\b(speaks|waves|arrives|gestures|listens|attends|looks on|poses|walks|smiles|delivers|addresses|is seen)\b`)
	captionEndRE  = lazyRegexp(`(?i)(\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2}, \d{4}\.?|, u\.?s\.?|, \d{4}\.?)$`)
)

// lazyRegexp returns a function that compiles expr on its first call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// isBoilerplateLine reports whether a whole line is boilerplate. Each
// form's pattern runs, and is compiled, only when the line passes a test
// that every line of that form passes:
//   - a form of words starts with one of a few words, in any case (see
//     lineStart);
//   - a domain has no white space;
//   - an agency credit holds "and agenci" in some case (no k, no s: see
//     lineStart).
func isBoilerplateLine(text string) bool {
	start := lineStart(text)
	starts := func(words ...string) bool {
		for _, w := range words {
			if strings.HasPrefix(start, w) {
				return true
			}
		}
		return false
	}
	digit := start != "" && '0' <= start[0] && start[0] <= '9'
	return starts("share") && shareRE().MatchString(text) ||
		starts("tweet", "email", "print", "advertisement", "related", "read", "more",
			"facebook", "twitter", "instagram", "whatsapp", "linkedin", "pinterest", "reddit", "youtube", "tiktok") && buttonRE().MatchString(text) ||
		starts("photo", "image", "picture", "video", "watch", "related", "read", "see", "more", "source") && labelRE().MatchString(text) ||
		starts("(c)", "©", "copyright") && copyrightRE().MatchString(text) ||
		starts("follow", "subscribe", "sign", "click", "like") && callRE().MatchString(text) ||
		digit && counterRE().MatchString(text) ||
		!strings.ContainsAny(text, " \t\n\f\r") && domainRE().MatchString(text) ||
		containsLower(text, "and agenci") && agenciesRE().MatchString(text)
}

// lineStartLen covers the longest word a form of boilerplate starts with.
const lineStartLen = len("advertisement")

// lineStart returns the start of text as the patterns, which ignore case,
// see it: up to lineStartLen runes, ASCII letters lower-cased and the two
// letters outside ASCII that fold into it (the long s and the Kelvin sign;
// no other does) made s and k. It stops at any other rune outside ASCII but
// ©, which no word of a form holds, so that “Quoted” starts with "".
func lineStart(text string) string {
	var b [lineStartLen + utf8.UTFMax]byte
	n := 0
	// The length is counted in what is returned, not in text's bytes:
	// counted in text's, a long s, two bytes there, cut "Advertiſement"
	// short of "advertisement".
	for _, r := range text {
		if n >= lineStartLen {
			break
		}
		switch {
		case r < utf8.RuneSelf:
			b[n] = byte(unicode.ToLower(r))
			n++
		case r == 'ſ':
			b[n] = 's'
			n++
		case r == '\u212A': // the Kelvin sign
			b[n] = 'k'
			n++
		case r == '©':
			n += utf8.EncodeRune(b[n:], r)
		default:
			return string(b[:n])
		}
	}
	return string(b[:n])
}

// trailingCreditLen is how far from a line's end a credit without
// brackets may start ("REUTERS/Kim Kyung-Hoon/File Photo").
const trailingCreditLen = 80

// creditEnds reports whether a line ends with a photo credit outside
// brackets (trailingCreditRE). The pattern runs only on a line whose end
// holds a word every such credit holds.
func creditEnds(text string) bool {
	tail := text[max(0, len(text)-trailingCreditLen):]
	if !strings.Contains(tail, "REUTERS/") && !strings.Contains(tail, "AP Photo/") && !strings.Contains(tail, "Getty Images") && !containsLower(tail, "/file photo") {
		return false
	}
	return trailingCreditRE().MatchString(tail)
}

// mayStartCaption reports false only for a line captionStartRE cannot
// match: every match starts with one of a few words, in any case (see
// lineStart). Most lines are not captions, and this keeps the pattern from
// being compiled for them.
func mayStartCaption(text string) bool {
	start := lineStart(text)
	for _, w := range []string{"a ", "an ", "file", "handout ", "photo", "picture", "image", "in this"} {
		if strings.HasPrefix(start, w) {
			return true
		}
	}
	return false
}

// mayEndCaption reports false only for a tail captionEndRE cannot match:
// every match ends, but for a final point, on four digits (a year) or on
// ", U.S"/", US" in any case (the s may be the long s, which folds to it).
func mayEndCaption(tail string) bool {
	t := strings.TrimSuffix(tail, ".")
	if n := len(t); n >= 4 && strings.Trim(t[n-4:], "0123456789") == "" {
		return true
	}
	for _, s := range []string{"s", "S", "ſ"} {
		if u, ok := strings.CutSuffix(t, s); ok {
			u = strings.TrimSuffix(u, ".")
			return strings.HasSuffix(u, ", u") || strings.HasSuffix(u, ", U")
		}
	}
	return false
}
