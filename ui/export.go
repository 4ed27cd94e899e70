package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/compare"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// Taking a comparison out of the reader: as a self-contained HTML page
// (the one `newsdiff diff --format html` writes) to a file, or a passage
// pair as text to the clipboard through the terminal (OSC 52), which works
// over SSH too, as the clipboard is the client's.

type (
	// exportedMsg says where a comparison was written, or why it was not.
	exportedMsg struct {
		path string
		err  error
	}
	// copiedMsg says what was copied to the clipboard.
	copiedMsg struct{ what string }
)

// exportName is the file name a comparison is exported under: both
// articles' outlets (their ids where two share an outlet), made safe for a
// file name and short enough to read in the status line.
func exportName(c *compare.Comparison) string {
	l, r := outletName(c.Left.Outlet), outletName(c.Right.Outlet)
	if l == r || l == "article" || r == "article" {
		l, r = idName(c.Left.ID), idName(c.Right.ID)
	}
	return "newsdiff-" + l + "-vs-" + r + ".html"
}

// idName is an article's id as a part of a file name: standard input,
// "-", as "stdin", where it made "newsdiff---vs-….html".
func idName(id string) string {
	if id == "-" {
		return "stdin"
	}
	return fileSafe(id)
}

// outletName is an outlet's name as a part of a file name: lowercased, a
// Latin letter with accents as the letter without it, and each run of
// spaces, dashes and what a file name does not keep as one '-', none at
// either end, then made safe by fileSafe. "Süddeutsche Zeitung" was
// "sddeutsche-zeitung", "The Times — London" "the-times--london", and an
// outlet named partly in another script left dashes behind
// ("newsdiff-x-vs--very-wide-.html").
func outletName(outlet string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(outlet) {
		if u, ok := unaccentedLatin()[r]; ok {
			r = u
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '.' && b.Len() > 0:
			if dash {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = b.Len() > 0
		}
	}
	name := strings.TrimRight(fileSafe(b.String()), "-")
	if name == "" {
		return "article"
	}
	return name
}

// fileSafe keeps letters, digits, '-', '_' and '.' of s (at most 40
// bytes of them), so an article id can name a file without a path
// separator, a leading dot or anything a shell or terminal would read.
func fileSafe(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == '.' && b.Len() > 0:
			b.WriteRune(r)
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}

// HTMLWriter writes a comparison as a self-contained HTML page. The reader
// is handed one (Options.WriteHTML) rather than importing the commands that
// own the page's format, which import the reader.
type HTMLWriter func(w io.Writer, c *compare.Comparison) error

// exportHTML returns a command that writes c as a self-contained HTML page,
// made by write, into dir under exportName. The page is rendered before
// anything is written, so a failure leaves no partial file.
func exportHTML(dir string, c *compare.Comparison, write HTMLWriter) tea.Cmd {
	return func() tea.Msg {
		var buf bytes.Buffer
		if err := write(&buf, c); err != nil {
			return exportedMsg{err: err}
		}
		path, err := writeNewFile(dir, exportName(c), buf.Bytes())
		if err != nil {
			return exportedMsg{err: err}
		}
		return exportedMsg{path: path}
	}
}

// maxExportNames is how many numbered names ("…-2.html" to "…-99.html")
// an export tries before it gives up.
const maxExportNames = 99

// writeNewFile writes data into dir as name, or as name numbered "-2",
// "-3"… when a file of that name holds something else, and returns the
// path written. An export never replaces a file: two stories of one
// archive can pair the same two outlets, and a page of the reader's name
// may be the user's own. A file that already holds data is the export
// made before, and is named again rather than copied.
func writeNewFile(dir, name string, data []byte) (string, error) {
	stem, ext := strings.TrimSuffix(name, filepath.Ext(name)), filepath.Ext(name)
	for i := 1; i <= maxExportNames; i++ {
		path := filepath.Join(dir, name)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", stem, i, ext))
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			if holds(path, data) {
				return path, nil
			}
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path)
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("%s and %d numbered names like it are taken", name, maxExportNames-1)
}

// holds reports whether the regular file at path holds exactly data.
func holds(path string, data []byte) bool {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	got, err := os.ReadFile(path)
	return err == nil && bytes.Equal(got, data)
}

// exportStatus is what the status line says about an export.
func (msg exportedMsg) String() string {
	if msg.err != nil {
		return "export failed: " + termsafe.OneLine(msg.err.Error())
	}
	dir, name := filepath.Split(msg.path)
	if filepath.Clean(dir) == "." {
		return "exported to " + termsafe.OneLine(name)
	}
	// The name first: a long folder is what the status line cuts.
	return "exported " + termsafe.OneLine(name) + " to " + termsafe.OneLine(dir)
}

// passageText returns block bi of c as plain text to copy: each side's
// passage under its outlet and paragraph, the left first; a side the
// block lacks is left out.
func passageText(c *compare.Comparison, bi int) string {
	if bi < 0 || bi >= len(c.Blocks) {
		return ""
	}
	blk := &c.Blocks[bi]
	var sb strings.Builder
	side := func(a *corpus.Article, s corpus.Span, r corpus.Range) {
		if s.Len() == 0 {
			return
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		fmt.Fprintf(&sb, "%s ¶%d:\n%s", termsafe.OneLine(a.Outlet), a.ParagraphOf(r), strings.TrimSpace(termsafe.Display(a.Text(s))))
	}
	if blk.Kind != compare.RightOnly {
		side(c.Left, blk.Left, blk.LeftSentences)
	}
	// The only article, compared with itself, is one text: copied once,
	// not as a pair of the same words.
	if blk.Kind != compare.LeftOnly && c.Right != c.Left {
		side(c.Right, blk.Right, blk.RightSentences)
	}
	return sb.String()
}

// copyText returns a command that puts text on the clipboard of the
// terminal out draws on, through OSC 52.
func copyText(out *termenv.Output, text, what string) tea.Cmd {
	return func() tea.Msg {
		out.Copy(text)
		return copiedMsg{what}
	}
}

// SupportsHyperlinks reports whether the terminal that getenv describes
// is known to draw OSC 8 hyperlinks. Terminals that do not know them may
// print the link's bytes, so only those known to are named.
func SupportsHyperlinks(getenv func(string) string) bool {
	if getenv("TERM") == "dumb" {
		return false
	}
	switch getenv("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio":
		return true
	}
	if getenv("WT_SESSION") != "" || getenv("KONSOLE_VERSION") != "" || getenv("KITTY_WINDOW_ID") != "" {
		return true
	}
	if v, err := strconv.Atoi(getenv("VTE_VERSION")); err == nil && v >= 5000 {
		return true // GNOME Terminal and other VTE terminals since 0.50
	}
	term := getenv("TERM")
	for _, t := range []string{"kitty", "alacritty", "foot", "wezterm", "ghostty"} {
		if strings.Contains(term, t) {
			return true
		}
	}
	return false
}

// safeLink returns the http or https URL raw as it may go inside an OSC 8
// sequence, or "" if raw is not one: a link from an article's metadata is
// untrusted, and a control byte or a stray ST in it would end the
// sequence early and let the rest reach the terminal.
func safeLink(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	s := u.String()
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] >= 0x7f {
			return ""
		}
	}
	return s
}

// hyperlink returns text linked to link with OSC 8 when on, else text.
// Text must already be safe to print; link is checked by safeLink.
func hyperlink(on bool, link, text string) string {
	if !on {
		return text
	}
	if l := safeLink(link); l != "" {
		return termenv.OSC + "8;;" + l + termenv.ST + text + termenv.OSC + "8;;" + termenv.ST
	}
	return text
}
