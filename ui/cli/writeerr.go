package cli

import "io"

// stdoutWriter is the command line's stdout: it remembers the first error
// writing to it, so that output lost to a full disk or a closed pipe is
// an error whichever code wrote it. cobra's help and --version, index's
// summary and add's lines wrote with fmt.Fprint and dropped the error:
// "newsdiff --help > /dev/full" exited 0 having written nothing. A
// command that reports its own write error (a printing command's flush)
// is reported once.
type stdoutWriter struct {
	w   io.Writer
	err error
}

func (s *stdoutWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
}

// terminalOf returns the writer under w, for a child process (the pager)
// to be handed the terminal itself rather than a pipe newsdiff copies.
func terminalOf(w io.Writer) io.Writer {
	if s, ok := w.(*stdoutWriter); ok {
		return s.w
	}
	return w
}

// lostOutput is the error for output that did not reach stdout, or nil.
func (a *app) lostOutput() error {
	if s, ok := a.env.Stdout.(*stdoutWriter); ok && s.err != nil {
		return s.err
	}
	return nil
}
