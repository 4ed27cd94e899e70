package lexicon

import (
	"strings"
	"sync"
)

// Class says what kind of value a normalised word stands for.
type Class uint8

// Word classes. Numbers, weekdays and months are the slots where two
// reports of one event may disagree (Friday or Saturday, 4:20 or 4:30), so
// the comparison weighs them apart from other words.
const (
	Plain Class = iota
	Number
	Weekday
	Month
)

var classNames = [...]string{"plain", "number", "weekday", "month"}

func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "Class(?)"
}

// namedWord is the canonical form and class of a number, weekday or month
// written as a word.
type namedWord struct {
	form  string
	class Class
}

// namedWords are the numbers, weekdays and months written as words, built
// on first use rather than at start-up, where these maps were a quarter of
// the package's initialisation in every run of newsdiff.
//
// Months leave out "may" and "march": as a word they are far more often a
// modal verb and a walk than a month, and a wrong month is a false
// disagreement.
var namedWords = sync.OnceValue(func() map[string]namedWord {
	words := map[string]namedWord{}
	add := func(class Class, forms map[string]string) {
		for word, form := range forms {
			words[word] = namedWord{form, class}
		}
	}
	add(Number, map[string]string{
		"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
		"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
		"thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
		"eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
		"fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
		"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
		"dozen": "12",
	})
	add(Weekday, map[string]string{
		"monday": "monday", "mon": "monday", "tuesday": "tuesday", "tue": "tuesday", "tues": "tuesday",
		"wednesday": "wednesday", "wed": "wednesday", "thursday": "thursday", "thu": "thursday",
		"thur": "thursday", "thurs": "thursday", "friday": "friday", "fri": "friday",
		"saturday": "saturday", "sat": "saturday", "sunday": "sunday", "sun": "sunday",
	})
	add(Month, map[string]string{
		"january": "january", "jan": "january", "february": "february", "feb": "february",
		"april": "april", "apr": "april", "june": "june", "jun": "june", "july": "july",
		"jul": "july", "august": "august", "aug": "august", "september": "september",
		"sep": "september", "sept": "september", "october": "october", "oct": "october",
		"november": "november", "nov": "november", "december": "december", "dec": "december",
	})
	return words
})

// Normalise returns the canonical form of a lower-case word and its class:
// numbers without separators or ordinal endings ("30,000": "30000", "4th":
// "4", "thirty": "30"), weekdays and months in full ("wed": "wednesday"),
// anything else unchanged and Plain.
func Normalise(word string) (string, Class) {
	if word == "" {
		return word, Plain
	}
	if n, ok := namedWords()[word]; ok {
		return n.form, n.class
	}
	if word[0] < '0' || word[0] > '9' {
		return word, Plain
	}
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if base, ok := strings.CutSuffix(word, suffix); ok && digits(base) {
			return base, Number
		}
	}
	if !strings.ContainsAny(word, ",") {
		if numeric(word) {
			return word, Number
		}
		return word, Plain
	}
	if n := strings.ReplaceAll(word, ",", ""); numeric(n) {
		return n, Number
	}
	return word, Plain
}

// Key is the form under which two words count as the same in a comparison:
// a number, weekday or month normalised, anything else lemmatised.
func Key(word string) (string, Class) {
	if n, c := Normalise(word); c != Plain {
		return n, c
	}
	return Lemma(word), Plain
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// numeric reports whether s is digits with at most one inner decimal point.
func numeric(s string) bool {
	whole, frac, found := strings.Cut(s, ".")
	return digits(whole) && (!found || digits(frac))
}
