package cli

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus/archive"
)

// storyCompletionTime bounds how long completing --story may take: the
// shell waits on it, so an index that is slow to answer, held by another
// process say, gives no completion rather than a stalled prompt.
const storyCompletionTime = 500 * time.Millisecond

// completeStories completes --story: the numbers of the stories of the
// command's DIR (or of the built-in story when none is given), each
// described by its story's name, and the names that start with what was
// typed. A folder's names come from its index as the last command that
// opened it left it: a folder with no index offers nothing, as building
// one could take minutes (see archive.StoryNames).
func (a *app) completeStories(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(ctx, storyCompletionTime)
	defer cancel()
	// In their numbering: the shell would sort them as words, 1, 10, 11,
	// …, 2.
	return storyCompletions(a.storyNames(ctx, storyDir(cmd, args)), prefix), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// storyDir is the folder whose stories cmd's --story picks from: the
// first argument, but for diff, whose arguments are A and B, its --dir or
// its third argument. diff --dir DIR --story completed the built-in
// story's, which diff would not take there.
func storyDir(cmd *cobra.Command, args []string) string {
	f := cmd.Flags().Lookup("dir")
	if f == nil {
		return dirOf(args)
	}
	if f.Value.String() == "" && len(args) >= 3 {
		return args[2]
	}
	return f.Value.String()
}

// storyNames returns the names of the stories a story command would find
// in dir, in their numbering, when they can be had without reading the
// folder's articles; nil otherwise.
func (a *app) storyNames(ctx context.Context, dir string) []string {
	if dir == "" {
		c, _, err := a.loadCorpus("")
		if err != nil {
			return nil
		}
		names := make([]string, len(c.Stories))
		for i, s := range c.Stories {
			names[i] = s.Name
		}
		return names
	}
	if !a.isArchive(dir) {
		return nil
	}
	names, err := archive.StoryNames(ctx, dir)
	if err != nil {
		return nil
	}
	return names
}

// storyCompletions returns the numbers of names that start with prefix,
// each described by its name, and, when something was typed, the names
// that start with it ignoring case, else, as --story would take it, those
// that hold it. The shell keeps only completions that
// start with what was typed, case and all, so each name is given as the
// typed prefix and the rest of the name. A name that is not one safe line
// as it is (see cell) is described but never offered to be typed.
func storyCompletions(names []string, prefix string) []cobra.Completion {
	var out []cobra.Completion
	for i, name := range names {
		if n := strconv.Itoa(i + 1); strings.HasPrefix(n, prefix) {
			out = append(out, cobra.CompletionWithDesc(n, cell(name)))
		}
	}
	if prefix == "" {
		return out
	}
	lower := strings.ToLower(prefix)
	started := false
	for i, name := range names {
		key := strings.ToLower(name)
		if strings.HasPrefix(key, lower) {
			started = true
			if cell(name) == name && len(key) == len(name) {
				out = append(out, cobra.CompletionWithDesc(prefix+name[len(prefix):], strconv.Itoa(i+1)))
			}
		}
	}
	if started {
		return out
	}
	for i, name := range names {
		// No name starts so, and --story takes a part of one ("gop" for
		// 2014-11-29-gop-aide-…), as it would here: fish, which matches
		// completions itself, offers such names whole, where it offered
		// nothing. bash and zsh keep only those that start with what was
		// typed.
		if strings.Contains(strings.ToLower(name), lower) && cell(name) == name {
			out = append(out, cobra.CompletionWithDesc(name, strconv.Itoa(i+1)))
		}
	}
	return out
}
