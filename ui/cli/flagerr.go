package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError is the usage error for a flag the command line got wrong. A
// value that does not parse is said in words ("want a whole number")
// rather than with the parser's own message, which named Go's functions:
// `invalid argument "abc" for "-U, --context" flag: strconv.ParseInt:
// parsing "abc": invalid syntax`.
//
// files says whether the command line names files: an unknown flag that
// is a file's name says how to name the file. An unknown flag that is one
// of cmd's output formats ("--json", as many tools spell it) says how to
// ask for it.
func flagError(cmd *cobra.Command, err error, files bool) error {
	var bad interface {
		GetValue() string
		Unwrap() error
	}
	if unknown, ok := errors.AsType[*pflag.NotExistError](err); ok {
		// The flag as typed: pflag writes it raw, and an escape sequence
		// in it would be taken out with the rest of it, leaving "unknown
		// flag: --".
		typed, msg := "--"+unknown.GetSpecifiedName(), ""
		if short := unknown.GetSpecifiedShortnames(); short != "" {
			typed = "-" + short
			msg = fmt.Sprintf("unknown shorthand flag: %q in %s", rune(unknown.GetSpecifiedName()[0]), Name(typed))
		} else {
			msg = "unknown flag: " + Name(typed)
		}
		if format := formatNamed(cmd, unknown.GetSpecifiedName()); format != "" && unknown.GetSpecifiedShortnames() == "" {
			shown := strings.ToUpper(format) // JSON, HTML, ANSI
			if format == "plain" {
				shown = "plain text"
			}
			msg += fmt.Sprintf("; for %s output, write --format %s", shown, format)
		} else if files && pathExists(typed) {
			// "newsdiff diff -notes.txt b.txt": the file is there, and
			// nothing said how to name it, as rm and the other tools
			// of coreutils say.
			msg += fmt.Sprintf("; for the file of that name, write %s", shellWord("./"+typed))
		}
		return usageError{msg}
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

// formatNamed returns name when it is one of the values cmd's --format
// takes, else "".
func formatNamed(cmd *cobra.Command, name string) string {
	if cmd == nil {
		return ""
	}
	f := cmd.Flags().Lookup("format")
	if f == nil {
		return ""
	}
	if v, ok := f.Value.(formatValue); ok && slices.Contains(v.formats, name) {
		return name
	}
	return ""
}
