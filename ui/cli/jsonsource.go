package cli

import (
	"os"
	"path/filepath"
	"strings"
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
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return source
		}
		return rel
	}
}
