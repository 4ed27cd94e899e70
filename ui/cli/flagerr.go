package cli

import (
	"errors"
	"strconv"
	"strings"
)

// flagError is the usage error for a flag the command line got wrong. A
// value that does not parse is said in words ("want a whole number")
// rather than with the parser's own message, which named Go's functions:
// `invalid argument "abc" for "-U, --context" flag: strconv.ParseInt:
// parsing "abc": invalid syntax`.
func flagError(err error) error {
	var bad interface {
		GetValue() string
		Unwrap() error
	}
	if !errors.As(err, &bad) || bad.Unwrap() == nil {
		return usageError{err.Error()}
	}
	cause := bad.Unwrap()
	var want string
	var num *strconv.NumError
	switch {
	case errors.As(cause, &num) && num.Func == "ParseBool":
		want = "want true or false"
	case errors.As(cause, &num) && errors.Is(num.Err, strconv.ErrRange):
		want = "a number out of range"
	case errors.As(cause, &num) && num.Func == "ParseFloat":
		want = "want a number"
	case errors.As(cause, &num):
		want = "want a whole number"
	case strings.HasPrefix(cause.Error(), "time: "):
		want = "want a duration such as 90s, 15m or 1h30m"
	default:
		return usageError{err.Error()}
	}
	// The message up to its cause names the value, quoted, and the flag.
	msg := strings.TrimSuffix(err.Error(), ": "+cause.Error())
	return usageError{msg + ": " + want}
}
