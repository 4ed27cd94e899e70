// Package digits writes a count for people to read, for the reader, the
// commands and the server alike: its digits grouped in threes by commas
// from 1,000 up ("43,320 words"), as English prose writes them. A count
// printed bare ("43320 words", "15202" in a column of hundreds) has to be
// read digit by digit to be told from 4,332.
//
// Only counts and sizes meant to be read take it: never a number in JSON
// or any other format a program reads, nor one that names a thing (an
// article's id, a story's or a paragraph's number, a year, a port), which
// is typed back as it is printed.
package digits

import "strconv"

// Group is n in decimal, its digits grouped in threes by commas from
// 1,000 up: "999", "1,000", "-43,320".
func Group(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return sign + s
	}
	b := make([]byte, 0, len(sign)+len(s)+(len(s)-1)/3)
	b = append(b, sign...)
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b = append(b, s[:head]...)
	for i := head; i < len(s); i += 3 {
		b = append(b, ',')
		b = append(b, s[i:i+3]...)
	}
	return string(b)
}
