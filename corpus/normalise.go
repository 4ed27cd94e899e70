package corpus

// Normalise returns raw as an article's text holds it: without the control
// runs, soft hyphens and zero-width characters that no reader sees (see
// dropControlRuns), its accents composed (NFC, see composed). Every text
// is read so, loaded from a file (see LoadFS) or given to Parse, so that
// the same words make the same article either way; and what is looked for
// in texts must be read the same way: a query typed as "e" and a combining
// acute, or pasted with a zero-width space inside a name, otherwise finds
// nothing, though the article shows the very word. raw is returned as it
// is when it is normal already, as nearly every text is, and is never
// changed in place.
func Normalise(raw []byte) []byte { return composed(dropControlRuns(raw)) }

// NormaliseString is Normalise for a string: a query, say.
func NormaliseString(s string) string { return string(Normalise([]byte(s))) }
