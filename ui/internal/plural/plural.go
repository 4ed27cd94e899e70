// Package plural makes a count agree with its noun, for the reader, the
// commands and the server alike: "1 article", "2 articles". A count of
// one in the plural ("1 outlets", "problem(s)") was printed wherever a
// phrase was written with a format verb and a plural noun. The count is
// written as digits.Group writes it ("43,320 words").
package plural

import "github.com/newsdiff/newsdiff/ui/internal/digits"

// Count is n with the noun that agrees with it: one for a count of 1,
// else many ("0 words", "1 word", "2 words", "1,000 words").
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return digits.Group(n) + " " + many
}

// Their is the possessive that agrees with n things: "its" for one, else
// "their" ("Hacked.com · nothing of its own", "Reuters, AP · nothing of
// their own").
func Their(n int) string {
	if n == 1 {
		return "its"
	}
	return "their"
}
