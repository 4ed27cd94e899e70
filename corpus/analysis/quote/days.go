package quote

import "sync"

// dayPlacers stand before a day or month between a subject and its verb:
// "on Friday", "late Tuesday", "in March". The day and its placer say
// when, not who: "Protect Democracy on Friday noted" is said by Protect
// Democracy.
var dayPlacers = sync.OnceValue(func() map[string]bool {
	return wordSet("on", "in", "early", "late", "last", "this", "by")
})
