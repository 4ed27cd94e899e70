package cli

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// sourceNamer returns how JSON names an article's file (docs/json.md,
// "source"): as a path to give back to diff from where the command ran.
// A folder's index keeps absolute paths, so list --format json on "stories"
// wrote "/home/…/stories/a.txt", while a file named on the command line
// kept the name it was given. A path under the working directory is now
// written relative to it, as git status names files; one outside it stays
// absolute, clearer than a climb of "../"; a relative path (as the command
// line named it) and a built-in article's name are left as they are.
func sourceNamer() func(source string) string {
	wd, wdErr := os.Getwd()
	return func(source string) string {
		if wdErr != nil || !filepath.IsAbs(source) {
			return source
		}
		rel, err := filepath.Rel(wd, source)
		if err != nil || !filepath.IsLocal(rel) {
			return source
		}
		return rel
	}
}

// sourceNamer returns how JSON names an article's file for a's commands:
// as sourceNamer does, but over SSH by the file's place in the folder
// served, under the folder's name, as the reader served names its files
// (servedName). A client's command has no working directory on the
// server, and where the folder is there is not the client's business:
// list --format json over SSH gave every article's "source" as
// "/srv/news/a.txt".
func (a *app) sourceNamer() func(source string) string {
	ar := a.env.Archive
	if ar == nil {
		return sourceNamer()
	}
	root := ar.Root()
	return func(source string) string {
		if !filepath.IsAbs(source) {
			return source
		}
		return servedName(root, source)
	}
}

// sourceBytes is the "source_bytes" of a source named name (docs/json.md):
// its bytes in standard base64 when they are not valid UTF-8, else empty
// (the field is then omitted). A JSON string holds only Unicode, so such a
// name's "source" carries U+FFFD where its bad bytes were, which names no
// file to give back to diff; these bytes do.
func sourceBytes(name string) string {
	if utf8.ValidString(name) {
		return ""
	}
	return base64.StdEncoding.EncodeToString([]byte(name))
}
