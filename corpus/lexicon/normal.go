package lexicon

import "strings"

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

// named returns the canonical form and class of a number, weekday or month
// written as a word, and Plain for any other word. It is a switch rather
// than maps, so that nothing is built before main: Normalise's three maps
// were a quarter of the package's start-up.
//
// Months leave out "may" and "march": as a word they are far more often a
// modal verb and a walk than a month, and a wrong month is a false
// disagreement.
func named(word string) (string, Class) {
	switch word {
	case "zero":
		return "0", Number
	case "one":
		return "1", Number
	case "two":
		return "2", Number
	case "three":
		return "3", Number
	case "four":
		return "4", Number
	case "five":
		return "5", Number
	case "six":
		return "6", Number
	case "seven":
		return "7", Number
	case "eight":
		return "8", Number
	case "nine":
		return "9", Number
	case "ten":
		return "10", Number
	case "eleven":
		return "11", Number
	case "twelve", "dozen":
		return "12", Number
	case "thirteen":
		return "13", Number
	case "fourteen":
		return "14", Number
	case "fifteen":
		return "15", Number
	case "sixteen":
		return "16", Number
	case "seventeen":
		return "17", Number
	case "eighteen":
		return "18", Number
	case "nineteen":
		return "19", Number
	case "twenty":
		return "20", Number
	case "thirty":
		return "30", Number
	case "forty":
		return "40", Number
	case "fifty":
		return "50", Number
	case "sixty":
		return "60", Number
	case "seventy":
		return "70", Number
	case "eighty":
		return "80", Number
	case "ninety":
		return "90", Number
	case "hundred":
		return "100", Number
	case "thousand":
		return "1000", Number
	case "million":
		return "1000000", Number
	case "billion":
		return "1000000000", Number

	case "monday", "mon":
		return "monday", Weekday
	case "tuesday", "tue", "tues":
		return "tuesday", Weekday
	case "wednesday", "wed":
		return "wednesday", Weekday
	case "thursday", "thu", "thur", "thurs":
		return "thursday", Weekday
	case "friday", "fri":
		return "friday", Weekday
	case "saturday", "sat":
		return "saturday", Weekday
	case "sunday", "sun":
		return "sunday", Weekday

	case "january", "jan":
		return "january", Month
	case "february", "feb":
		return "february", Month
	case "april", "apr":
		return "april", Month
	case "june", "jun":
		return "june", Month
	case "july", "jul":
		return "july", Month
	case "august", "aug":
		return "august", Month
	case "september", "sep", "sept":
		return "september", Month
	case "october", "oct":
		return "october", Month
	case "november", "nov":
		return "november", Month
	case "december", "dec":
		return "december", Month
	}
	return word, Plain
}

// Normalise returns the canonical form of a lower-case word and its class:
// numbers without separators or ordinal endings ("30,000": "30000", "4th":
// "4", "thirty": "30"), weekdays and months in full ("wed": "wednesday"),
// anything else unchanged and Plain.
func Normalise(word string) (string, Class) {
	if word == "" {
		return word, Plain
	}
	if n, c := named(word); c != Plain {
		return n, c
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
