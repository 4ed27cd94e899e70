package story

import (
	"fmt"
	"strconv"
	"strings"
)

// Named returns the indexes, in order, of the names that a story name a
// user typed picks out, as the commands' --story takes it, ignoring case:
// the names equal to it; else those it starts; else those that hold it.
// The last is for folders named by date ("2014-11-29-gop-aide-…"), whose
// start says little; "gop" picks that one.
func Named(query string, names []string) []int {
	q := strings.ToLower(query)
	for _, match := range []func(name string) bool{
		func(name string) bool { return name == q },
		func(name string) bool { return strings.HasPrefix(name, q) },
		func(name string) bool { return strings.Contains(name, q) },
	} {
		var found []int
		for i, name := range names {
			if match(strings.ToLower(name)) {
				found = append(found, i)
			}
		}
		if len(found) > 0 {
			return found
		}
	}
	return nil
}

// Number returns query as the story number --story takes, if it is one:
// an integer written as strconv.Itoa writes it.
func Number(query string) (int, bool) {
	n, err := strconv.Atoi(query)
	return n, err == nil && strconv.Itoa(n) == query
}

// Pick returns the index of the one story of names, in order and numbered
// from 1, that a --story value picks out: the one it numbers, else the one
// Named finds. A number past the last story may be a part of a name
// ("2018"). When there is no such story, the error is a *PickError.
func Pick(query string, names []string) (int, error) {
	if n, isNumber := Number(query); isNumber && n >= 1 && n <= len(names) {
		return n - 1, nil
	}
	found := Named(query, names)
	if len(found) == 1 {
		return found[0], nil
	}
	e := &PickError{Query: query, Stories: len(names), Named: len(found)}
	if len(found) > 1 {
		for _, i := range found[:min(len(found), pickListed)] {
			e.Listed = append(e.Listed, strconv.Itoa(i+1)+" · "+names[i])
		}
	}
	return -1, e
}

// pickListed is how many of the stories a --story value names several of
// its error lists.
const pickListed = 3

// PickError says that a --story value picks out no one story.
type PickError struct {
	Query   string
	Stories int // how many stories there are
	Named   int // how many of their names Named finds: none or several
	// Listed are the first of several stories named, as "NUMBER · NAME":
	// one who typed "morley" in an archive of thousands learns which
	// two stories those are, and their numbers, without listing them all.
	Listed []string
}

// listed names the stories of Listed, and how many more there are, that
// count written by count.
func (e *PickError) listed(count func(int) string) string {
	s := strings.Join(e.Listed, "; ")
	if more := e.Named - len(e.Listed); more > 0 {
		s += "; and " + count(more) + " more"
	}
	return s
}

func (e *PickError) Error() string { return e.Text(strconv.Itoa) }

// Text is the error's message with its counts written by count, as a
// command line groups their digits ("there are 3,000"); the number typed
// names a story and is written as it was typed.
func (e *PickError) Text(count func(int) string) string {
	n, isNumber := Number(e.Query)
	switch {
	case isNumber && e.Named == 0:
		return fmt.Sprintf("no story %d (there are %s)", n, count(e.Stories))
	case isNumber:
		// "0" is no story's number, though it is a part of many names.
		return fmt.Sprintf("no story %d (there are %s), and %q is a part of %s stories' names (%s)", n, count(e.Stories), e.Query, count(e.Named), e.listed(count))
	case e.Named == 0:
		return fmt.Sprintf("no story named %q", e.Query)
	default:
		return fmt.Sprintf("%q names %s stories (%s); give more of the name, or its number", e.Query, count(e.Named), e.listed(count))
	}
}
