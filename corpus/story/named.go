package story

import "strings"

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
