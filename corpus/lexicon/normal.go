package lexicon

import (
	"strings"
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

// namedWord returns the canonical form and class of a number, weekday or
// month written as a word. It is a switch, not a map: the maps it replaced
// were built on the first comparison of every run, a dozen pages of heap
// touched for some eighty words, where the switch is code and allocates
// nothing.
//
// Months leave out "may" and "march": as a word they are far more often a
// modal verb and a walk than a month, and a wrong month is a false
// disagreement.
func namedWord(word string) (form string, class Class, ok bool) {
	switch word {
	case "zero":
		return "0", Number, true
	case "one":
		return "1", Number, true
	case "two":
		return "2", Number, true
	case "three":
		return "3", Number, true
	case "four":
		return "4", Number, true
	case "five":
		return "5", Number, true
	case "six":
		return "6", Number, true
	case "seven":
		return "7", Number, true
	case "eight":
		return "8", Number, true
	case "nine":
		return "9", Number, true
	case "ten":
		return "10", Number, true
	case "eleven":
		return "11", Number, true
	case "twelve", "dozen":
		return "12", Number, true
	case "thirteen":
		return "13", Number, true
	case "fourteen":
		return "14", Number, true
	case "fifteen":
		return "15", Number, true
	case "sixteen":
		return "16", Number, true
	case "seventeen":
		return "17", Number, true
	case "eighteen":
		return "18", Number, true
	case "nineteen":
		return "19", Number, true
	case "twenty":
		return "20", Number, true
	case "thirty":
		return "30", Number, true
	case "forty":
		return "40", Number, true
	case "fifty":
		return "50", Number, true
	case "sixty":
		return "60", Number, true
	case "seventy":
		return "70", Number, true
	case "eighty":
		return "80", Number, true
	case "ninety":
		return "90", Number, true
	case "hundred":
		return "100", Number, true
	case "thousand":
		return "1000", Number, true
	case "million":
		return "1000000", Number, true
	case "billion":
		return "1000000000", Number, true

	case "monday", "mon":
		return "monday", Weekday, true
	case "tuesday", "tue", "tues":
		return "tuesday", Weekday, true
	case "wednesday", "wed":
		return "wednesday", Weekday, true
	case "thursday", "thu", "thur", "thurs":
		return "thursday", Weekday, true
	case "friday", "fri":
		return "friday", Weekday, true
	case "saturday", "sat":
		return "saturday", Weekday, true
	case "sunday", "sun":
		return "sunday", Weekday, true

	case "january", "jan":
		return "january", Month, true
	case "february", "feb":
		return "february", Month, true
	case "april", "apr":
		return "april", Month, true
	case "june", "jun":
		return "june", Month, true
	case "july", "jul":
		return "july", Month, true
	case "august", "aug":
		return "august", Month, true
	case "september", "sep", "sept":
		return "september", Month, true
	case "october", "oct":
		return "october", Month, true
	case "november", "nov":
		return "november", Month, true
	case "december", "dec":
		return "december", Month, true
	}
	return "", Plain, false
}

// Normalise returns the canonical form of a lower-case word and its class:
// numbers without separators or ordinal endings ("30,000": "30000", "4th":
// "4", "thirty": "30"), weekdays and months in full ("wed": "wednesday"),
// anything else unchanged and Plain.
func Normalise(word string) (string, Class) {
	if word == "" {
		return word, Plain
	}
	if form, class, ok := namedWord(word); ok {
		return form, class
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
