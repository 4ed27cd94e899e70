package story

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdiff/newsdiff/corpus"
	"golang.org/x/text/unicode/norm"
)

// Named returns the indexes, in order, of the names that a story name a
// user typed picks out, as the commands' --story takes it, ignoring case
// and accents (see Fold): the names equal to it; else those it starts;
// else those that hold it. The last is for folders named by date
// ("2014-11-29-gop-aide-…"), whose start says little; "gop" picks that
// one.
func Named(query string, names []string) []int {
	q := Fold(query)
	if q == "" {
		return nil // nothing visible, as a name of escapes alone
	}
	// Folded once: each rule below reads every name.
	folded := make([]string, len(names))
	for i, name := range names {
		folded[i] = Fold(name)
	}
	for _, match := range []func(name string) bool{
		func(name string) bool { return name == q },
		func(name string) bool { return strings.HasPrefix(name, q) },
		func(name string) bool { return strings.Contains(name, q) },
	} {
		var found []int
		for i, name := range folded {
			if match(name) {
				found = append(found, i)
			}
		}
		if len(found) > 0 {
			return found
		}
	}
	return nil
}

// Fold is a story name as Named compares it: in lower case, without its
// accents, so that "nepal" names "Séisme au Népal" as the reader's
// filter finds "Peña" typing "pena": a name is typed as it is read, on
// any keyboard. It is first made visible text as the loader makes a
// folder's name (corpus.Label), so that a folder named with an escape
// sequence, listed without it, is named by the name it has on disk too.
func Fold(name string) string {
	name = corpus.Label(name)
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(name)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return norm.NFC.String(b.String())
}

// Number returns query as the story number --story takes, if it is one:
// an integer written as strconv.Itoa writes it.
func Number(query string) (int, bool) {
	n, err := strconv.Atoi(query)
	return n, err == nil && strconv.Itoa(n) == query
}

// padded returns query as a number written with leading zeros ("03"),
// if it is one.
func padded(query string) (int, bool) {
	if len(query) < 2 || query[0] != '0' || strings.TrimLeft(query, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(query)
	return n, err == nil
}

// Pick returns the index of the one story of names, in order and numbered
// from 1, that a --story value picks out: the one it numbers, else the one
// Named finds. A number past the last story may be a number in a name
// ("2018" in "2018-04-19-comey-memos"), but not digits of a longer one:
// --story 2, with one story, picked the story of "(July 2016)", when it
// was a number mistyped. When there is no such story, the error is a
// *PickError.
func Pick(query string, names []string) (int, error) {
	n, isNumber := Number(query)
	if isNumber && n >= 1 && n <= len(names) {
		return n - 1, nil
	}
	var found []int
	if isNumber {
		for i, name := range names {
			if holdsNumber(name, query) {
				found = append(found, i)
			}
		}
	} else {
		found = Named(query, names)
		// A number written with leading zeros ("03", as numbered lists
		// and file names pad them) that is in no name is the story of
		// that number: it was "no story named "03"".
		if n, ok := padded(query); ok && len(found) == 0 && n >= 1 && n <= len(names) {
			return n - 1, nil
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	e := &PickError{Query: query, Stories: len(names), Named: len(found)}
	if len(found) > 1 {
		for _, i := range found[:min(len(found), pickListed)] {
			e.Listed = append(e.Listed, Listed{Number: i + 1, Name: names[i]})
		}
	}
	return -1, e
}

// holdsNumber says whether name has the number num (its digits, and a
// sign) where no other digit goes on either side of it.
func holdsNumber(name, num string) bool {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for from := 0; ; {
		i := strings.Index(name[from:], num)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(num)
		if (start == 0 || !isDigit(name[start-1])) && (end == len(name) || !isDigit(name[end])) {
			return true
		}
		from = start + 1
	}
}

// pickListed is how many of the stories a --story value names several of
// its error lists.
const pickListed = 3

// PickError says that a --story value picks out no one story.
type PickError struct {
	Query   string
	Stories int // how many stories there are
	Named   int // how many of their names Named finds: none or several
	// Listed are the first of several stories named: one who typed
	// "morley" in an archive of thousands learns which two stories
	// those are, and their numbers, without listing them all.
	Listed []Listed
}

// Listed is a story a PickError lists: its number and its name, which
// is a folder's and may hold anything a file name may.
type Listed struct {
	Number int
	Name   string
}

// listed names the stories of Listed, as "NUMBER · NAME", each name
// written by name, and how many more there are, that count written by
// count.
func (e *PickError) listed(count func(int) string, name func(string) string) string {
	var s strings.Builder
	for i, l := range e.Listed {
		if i > 0 {
			s.WriteString("; ")
		}
		s.WriteString(strconv.Itoa(l.Number) + " · " + name(l.Name))
	}
	if more := e.Named - len(e.Listed); more > 0 {
		s.WriteString("; and " + count(more) + " more")
	}
	return s.String()
}

func (e *PickError) Error() string {
	return e.Text(strconv.Itoa, func(s string) string { return s })
}

// Text is the error's message with its counts written by count, as a
// command line groups their digits ("there are 3,000"), and the names of
// the stories it lists by name, as the caller names what a user may
// type back; the number typed names a story and is written as it was
// typed, and the query, quoted with Go's escapes.
func (e *PickError) Text(count func(int) string, name func(string) string) string {
	n, isNumber := Number(e.Query)
	// "there are 1" said of the one story of a folder was read by
	// everyone who mistyped its number.
	there := "there are " + count(e.Stories)
	if e.Stories == 1 {
		there = "there is " + count(e.Stories)
	}
	switch {
	case isNumber && e.Named == 0:
		return fmt.Sprintf("no story %d (%s)", n, there)
	case isNumber:
		// "0" is no story's number, though it is a part of many names.
		return fmt.Sprintf("no story %d (%s), and %q is a part of %s stories' names (%s)", n, there, e.Query, count(e.Named), e.listed(count, name))
	case e.Named == 0 && isPadded(e.Query):
		return fmt.Sprintf("no story %s (%s)", e.Query, there)
	case e.Named == 0:
		return fmt.Sprintf("no story named %q", e.Query)
	default:
		return fmt.Sprintf("%q names %s stories (%s); give more of the name, or its number", e.Query, count(e.Named), e.listed(count, name))
	}
}

// isPadded says whether query is a number written with leading zeros.
func isPadded(query string) bool {
	_, ok := padded(query)
	return ok
}
