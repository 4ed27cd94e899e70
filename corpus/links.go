package corpus

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
)

// LinkToFolder is the problem of a symbolic link to a folder: it is not
// followed, as git and rsync do not follow one, so a folder is read once
// and a link out of it or back up it reads nothing more.
const LinkToFolder = "a symbolic link to a folder: not followed"

// LinkToNothing is the problem of a symbolic link whose target is gone.
const LinkToNothing = "a symbolic link to nothing"

// LinkLoops is the problem of a symbolic link that leads back to itself,
// said so by every command: extract and a folder's load said "too many
// levels of symbolic links" alone, diff this.
const LinkLoops = "a symbolic link that loops (too many levels of symbolic links)"

// ReadProblem is the problem of a file that err stops being read:
// LinkLoops for a symbolic link that loops, else "cannot read: " and its
// Reason. It is the one wording of it, wherever the reading fails (a
// folder's listing, the file's Stat, its opening or its reading): a link
// found looping only when opened read "cannot read: a symbolic link that
// loops (…)".
func ReadProblem(err error) string {
	why := Reason(err)
	if why == LinkLoops {
		return why
	}
	return "cannot read: " + why
}

// Reason is what err says is wrong with a file, in the words every
// command uses: LinkLoops for a symbolic link that loops, else err
// without the path a *fs.PathError or a Problem repeats, since the caller
// names the file already.
func Reason(err error) string {
	if errors.Is(err, syscall.ELOOP) {
		return LinkLoops
	}
	if p, ok := errors.AsType[Problem](err); ok {
		return p.Detail()
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

const sameFilePrefix = "a symbolic link to the same file as "

// sameFileProblem is the problem of a symbolic link to a file read
// already under the name kept.
func sameFileProblem(kept string) string {
	return sameFilePrefix + strconv.Quote(kept) + ", which is read"
}

// IsListingProblem reports whether msg is a problem the listing of a
// folder decides, not the reading of the file: a link to a folder, or to
// a file another name reaches.
func IsListingProblem(msg string) bool {
	return msg == LinkToFolder || strings.HasPrefix(msg, sameFilePrefix)
}

// SameFileLinks finds the article files of a folder reached twice, through
// a symbolic link, so that each file is read once. paths are the files'
// slash-separated paths in the folder, link says which are symbolic links,
// and infos are what following them gave (nil where it failed). Of the
// paths reaching one file, the first in path order that is not a link is
// read, else the first link; every other link is returned, by its index,
// with its problem naming the one read. Files that are not links are never
// returned: two names of one file that are not links (hard links) both
// load, as two copies do.
func SameFileLinks(paths []string, link []bool, infos []fs.FileInfo) map[int]string {
	type key struct {
		size  int64
		mtime int64
	}
	buckets := map[key][]int{}
	anyLink := false
	for i, info := range infos {
		if info == nil || !info.Mode().IsRegular() {
			continue
		}
		k := key{info.Size(), info.ModTime().UnixNano()}
		buckets[k] = append(buckets[k], i)
		anyLink = anyLink || link[i]
	}
	if !anyLink {
		return nil
	}
	out := map[int]string{}
	for _, b := range buckets {
		if len(b) < 2 {
			continue
		}
		// Links first need the one kept: the first not a link, in path
		// order, else the first.
		slices.SortFunc(b, func(x, y int) int {
			if link[x] != link[y] {
				if link[x] {
					return 1
				}
				return -1
			}
			return strings.Compare(paths[x], paths[y])
		})
		var kept []int // the files read, each a different one
	next:
		for _, i := range b {
			for _, k := range kept {
				if os.SameFile(infos[i], infos[k]) {
					if link[i] {
						out[i] = sameFileProblem(paths[k])
					}
					continue next
				}
			}
			kept = append(kept, i)
		}
	}
	return out
}
