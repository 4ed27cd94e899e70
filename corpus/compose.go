package corpus

import "golang.org/x/text/unicode/norm"

// composed returns raw in Unicode's composed form (NFC): "e" followed by
// a combining acute accent (U+0301) is "é" (U+00E9), as most text is
// written. The two forms look alike on every screen, but one outlet's
// text (or its editor, or a copy from a Mac's file name) may carry one
// and another outlet's the other: compared byte for byte, the same word
// was a change drawn the same on both sides, and a search typed one way
// missed the word written the other. Bytes that are not UTF-8 are kept as
// they are. raw is returned as it is when it is composed already, as
// nearly every text is, and is never changed in place.
func composed(raw []byte) []byte {
	if norm.NFC.IsNormal(raw) {
		return raw
	}
	return norm.NFC.Bytes(raw)
}
