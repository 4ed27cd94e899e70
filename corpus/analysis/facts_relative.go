package analysis

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/internal/lazy"
)

// A day is often written relative to the day an article was written:
// "yesterday", "last week", "two weeks ago". The article's date places it
// (see articleDay): "yesterday" in an article of 2016-07-28 is July 27, a
// Wednesday, against which another outlet's "Thursday" or "July 26"
// disagrees; "was replaced last week" against "two weeks ago, Trump
// recruited", both of 30 April 2018, gives one week two ways (the
// development gold's mueller-E38), where "filed last week" in an article
// of 14 September and "filed this week" in one of 9 September give one.
// With no date to place it, such a day is compared with none: two
// outlets' articles on one story are not all written on one day.

// relativeUnits are the units a relative day counts in.
var relativeUnits = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"day": "day", "days": "day", "week": "week", "weeks": "week",
		"month": "month", "months": "month", "year": "year", "years": "year",
	}
}}

// relativeDayAt reads a day written relative to the article's date at
// word token ti of sentence range r of a: "today", "tonight",
// "yesterday", "tomorrow", "last night", "last week", "this month", "next
// year", "two weeks ago", "3 days ago". It returns its span, its value
// ("rel week -2") and the token after it. "The last year" is the past
// year, ending today, and no day relative to it.
func relativeDayAt(a *corpus.Article, ti int, r corpus.Range) (sp corpus.Span, norm string, next int, ok bool) {
	t := a.Tokens.At(ti)
	found := func(last int, unit string, n int) (corpus.Span, string, int, bool) {
		return corpus.Span{Start: t.Start, End: a.Tokens.At(last).End}, "rel " + unit + " " + strconv.Itoa(n), last + 1, true
	}
	switch t.Form {
	case "today", "tonight":
		return found(ti, "day", 0)
	case "yesterday":
		return found(ti, "day", -1)
	case "tomorrow":
		return found(ti, "day", 1)
	case "last", "this", "next":
		if prev := nextToken(a, r, ti-1, -1); prev >= 0 && a.Tokens.Form(prev) == "the" {
			return
		}
		n := map[string]int{"last": -1, "this": 0, "next": 1}[t.Form]
		switch w := wordAfter(a, r, ti); {
		case w == "night" && t.Form == "last":
			return found(ti+2, "day", -1)
		case w == "week" || w == "month" || w == "year":
			return found(ti+2, w, n)
		}
		return
	}
	n := wordCount(t.Form)
	if t.Form == "a" || t.Form == "an" {
		n = 1
	} else if v, err := strconv.Atoi(t.Form); err == nil {
		n = v
	}
	unit := relativeUnits.Get()[wordAfter(a, r, ti)]
	if n <= 0 || unit == "" || wordAfter(a, r, ti+2) != "ago" {
		return
	}
	return found(ti+4, unit, -n)
}

// wordAfter returns the word after token i of a, past one space, inside
// the token range r; "" if there is none.
func wordAfter(a *corpus.Article, r corpus.Range, i int) string {
	if i+2 < r.End && a.Tokens.Kind(i+1) == corpus.TokSpace && a.Tokens.Kind(i+2) == corpus.TokWord {
		return a.Tokens.Form(i + 2)
	}
	return ""
}

// isRelative reports whether a day's value is relative to its article's
// date.
func isRelative(norm string) bool { return strings.HasPrefix(norm, "rel ") }

// relativeDay splits a relative day's value into its unit and count.
func relativeDay(norm string) (unit string, n int) {
	f := strings.Fields(norm)
	if len(f) != 3 || f[0] != "rel" {
		return "", 0
	}
	n, _ = strconv.Atoi(f[2])
	return f[1], n
}

// articleDay returns the day a was written, by the date of its metadata
// (exact), or else roughly by the date its story's name starts with, as
// folders of stories are often named ("2018-04-30-mueller-questions-for-
// trump"): the day of the event, which the outlets may have written up the
// day after. A rough date places a week, a month or a year, not a day:
// "yesterday" the day after the event is the event's day.
func articleDay(a *corpus.Article) (d time.Time, exact, ok bool) {
	const layout = "2006-01-02"
	for i, s := range []string{a.Date, a.Story} {
		if len(s) >= len(layout) {
			if d, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return d, i == 0, true
			}
		}
	}
	return time.Time{}, false, false
}

// weekOf returns the Monday that starts the week of d.
func weekOf(d time.Time) time.Time {
	return d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
}

// relativeTo returns the day, week, month or year (by its first day)
// that relative day value norm names in an article written on d: "last
// week" in an article of Monday 14 September is the week of 7 September,
// as is "this week" in one of Wednesday 9 September.
func relativeTo(norm string, d time.Time) time.Time {
	unit, n := relativeDay(norm)
	switch unit {
	case "day":
		return d.AddDate(0, 0, n)
	case "week":
		return weekOf(d).AddDate(0, 0, 7*n)
	case "month":
		return time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(d.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC)
}

// datedDiffer reports whether two days, at least one of them relative
// (see isRelative) or one a day of the week and the other of a month, are
// two days, placed by their articles' dates (see articleDay): two
// relative days of one unit when they name two days, weeks, months or
// years; a relative day and a day of the week or of a month by exact
// dates only (see onDay); a day of the week and a date when the date,
// in the year its article's date (even a rough one) gives it, is another
// day of the week, within six days of the weekday's article's date.
func datedDiffer(x, y Mention) bool {
	dx, exactX, okx := articleDay(x.Article)
	dy, exactY, oky := articleDay(y.Article)
	if isRelative(x.norm) && isRelative(y.norm) {
		ux, _ := relativeDay(x.norm)
		uy, _ := relativeDay(y.norm)
		return ux == uy && okx && oky && (ux != "day" || exactX && exactY) &&
			!relativeTo(x.norm, dx).Equal(relativeTo(y.norm, dy))
	}
	if isWeekday(x.norm) {
		x, y, dx, exactX, dy, exactY = y, x, dy, exactY, dx, exactX
	}
	if isWeekday(y.norm) {
		if !oky {
			return false
		}
		t, ok := onDay(x, dx, exactX, okx, dy)
		gap := t.Sub(dy).Hours() / 24
		return ok && gap <= 6 && gap >= -6 && t.Weekday().String() != y.norm
	}
	tx, ok1 := onDay(x, dx, exactX, okx, dy)
	ty, ok2 := onDay(y, dy, exactY, oky, dx)
	return ok1 && ok2 && (tx.Month() != ty.Month() || tx.Day() != ty.Day())
}

// onDay returns the day m names: a relative day counted in days from its
// article's date (own), if that is exact; a day of a month in the year
// that puts it nearest its article's date, even a rough one, or else ref,
// the other article's.
func onDay(m Mention, own time.Time, exact, ok bool, ref time.Time) (time.Time, bool) {
	if isRelative(m.norm) {
		unit, _ := relativeDay(m.norm)
		return relativeTo(m.norm, own), exact && unit == "day"
	}
	if !ok {
		own = ref
	}
	if own.IsZero() {
		return time.Time{}, false
	}
	month, day, _ := strings.Cut(m.norm, " ")
	t, err := time.Parse("January 2 2006", month+" "+day+" "+strconv.Itoa(own.Year()))
	if err != nil {
		return time.Time{}, false
	}
	best := t
	for _, c := range []time.Time{t.AddDate(-1, 0, 0), t.AddDate(1, 0, 0)} {
		if absDays(c.Sub(own)) < absDays(best.Sub(own)) {
			best = c
		}
	}
	return best, true
}

func absDays(d time.Duration) float64 {
	if d < 0 {
		d = -d
	}
	return d.Hours() / 24
}
