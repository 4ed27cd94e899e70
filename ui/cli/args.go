package cli

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsdiff/newsdiff/corpus"
	"github.com/newsdiff/newsdiff/corpus/archive"
	"github.com/newsdiff/newsdiff/ui/internal/digits"
	"github.com/newsdiff/newsdiff/ui/internal/plural"
	"github.com/newsdiff/newsdiff/ui/termsafe"
)

// orList joins words as a list to choose from: "plain, json or ansi".
func orList(words []string) string {
	n := len(words)
	if n < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:n-1], ", ") + " or " + words[n-1]
}

// dirArgs accepts at most one positional argument, a directory.
func dirArgs(_ *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usagef("want at most one directory, got %s", plural.Count(len(args), "argument", "arguments"))
	}
	return noEmptyPath(args)
}

// noEmptyPath refuses an empty argument as the file or folder it names,
// none, as ls and diff(1) do. "" is how a command is told of no folder
// (see dirOf): newsdiff list "$DIR", with DIR unset, listed the built-in
// story and exited 0.
func noEmptyPath(args []string) error {
	if slices.Contains(args, "") {
		return pathError("", errNotExist)
	}
	return nil
}

// dirOf returns the directory dirArgs accepted, or "" for none.
func dirOf(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// cell makes metadata (an outlet, a title, a story's name) one safe line:
// a table cell or a header. A name a message gives goes through Name
// (see there).
func cell(s string) string { return termsafe.OneLine(s) }

// looksLikePath says whether an argument is meant as a file rather than an
// article id or outlet: ids and outlets hold no slash and no dot.
func looksLikePath(arg string) bool { return strings.ContainsAny(arg, `/\.`) }

// resolve finds the article a command-line argument names: standard input
// ("-"), a file path (when files are allowed and it exists), an article id
// or source (as JSON gives it), a unique id prefix, or an outlet name or
// unique case-insensitive prefix of one. files reads each folder's
// meta.json once for the files of one command (see loadArticle).
func (a *app) resolve(arg string, c *corpus.Corpus, p *printer, files *corpus.Files) (*corpus.Article, error) {
	readFile := func() (*corpus.Article, error) {
		art, probs, err := a.loadArticle(arg, files)
		p.report(probs)
		return art, err
	}
	if arg == "-" || (a.env.Files && looksLikePath(arg) && pathExists(arg)) {
		return readFile()
	}
	var all []*corpus.Article
	if c != nil {
		all = c.Articles()
		for _, art := range all {
			// The source JSON gives names the article too: a built-in
			// article's ("000_bcfc8e1eaa4c1094.txt") is no file on disk.
			if art.ID == arg || art.Source == arg {
				return art, nil
			}
		}
	}
	// A file named without a dot or slash ("old", "new", as diff(1)
	// takes them) is read when no id is exactly that; it goes before
	// the prefix rules, which would take "a" for Al Jazeera. So does a
	// folder, which the loader says is one: "diff al tr", two folders,
	// compared Al Jazeera with TRT World.
	if a.env.Files && (isRegularFile(arg) || isDir(arg)) {
		return readFile()
	}
	if c == nil {
		return nil, fmt.Errorf("no article %s", quoteArg(arg))
	}
	name := func(art *corpus.Article) string { return choiceName(art.ID, art.ID, art.Outlet) }
	id := func(art *corpus.Article) string { return art.ID }
	outlet := func(art *corpus.Article) string { return art.Outlet }
	if art, ok, err := pickOne(arg, slices.Values(all), name, 0, byIDOrOutlet(arg, id, outlet)...); ok {
		return art, err
	}
	return nil, a.noArticle(arg)
}

// choiceName names one of the articles an argument matched, in the error
// that lists them: by name, and by outlet unless the outlet only repeats
// the id, as it does for a file without metadata ("01_nytimes
// (01_nytimes)").
func choiceName(name, id, outlet string) string {
	if outlet == "" || outlet == id {
		return Name(name)
	}
	return Name(name) + " (" + cell(outlet) + ")"
}

// noArticle says that arg names neither an article nor a file to read,
// naming the file first when it is written as one.
func (a *app) noArticle(arg string) error {
	switch {
	case a.env.Files && pathExists(arg):
		// A directory or some other thing that is not an article file:
		// the loader says what it is.
		_, _, err := a.loadArticle(arg, nil)
		return err
	case a.env.Files && (strings.ContainsAny(arg, `/\`) || denied(arg)):
		return notThere(arg)
	case a.env.Files && looksLikePath(arg):
		// "old.txt" is a file's name, or an outlet's such as
		// "Hacked.com": the error names both, the file first.
		return fmt.Errorf("%s: no such file or directory, nor an article with that id or outlet %s", Name(arg), a.tryList(""))
	}
	return fmt.Errorf("no article with id or outlet %s %s", quoteArg(arg), a.tryList(""))
}

// completeArticles completes diff's A and B: files, and the ids (with
// their outlets) of the articles in --dir or the built-in story.
func (a *app) completeArticles(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	dir, _ := cmd.Flags().GetString("dir")
	switch {
	case len(args) == 2 && dir == "":
		// The third argument is the folder A and B are in, as --dir.
		return nil, cobra.ShellCompDirectiveFilterDirs
	case len(args) >= 2:
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	if dir == "" && a.env.Files && filesStartWith(prefix) {
		// Without --dir the ids are the built-in story's, and a file the
		// user has comes first: "al" beside alpha.txt completed to the
		// sample's "al Jazeera", and "0" beside 01_ap.txt to its "00",
		// so that no file starting so could be completed at all.
		return nil, cobra.ShellCompDirectiveDefault
	}
	var c *corpus.Corpus
	var err error
	if a.isArchive(dir) {
		c = a.listedCorpus(cmd, dir)
	}
	if c == nil {
		c, _, err = a.loadCorpus(dir)
	}
	if c == nil || err != nil {
		return nil, cobra.ShellCompDirectiveDefault
	}
	if name, _ := cmd.Flags().GetString("story"); name != "" {
		// diff --story looks its articles up in that story alone.
		if in, err := a.inStory(c, name); err == nil {
			c = in
		}
	}
	root, err := filepath.Abs(dir)
	if dir == "" || err != nil {
		root = ""
	}
	var out []cobra.Completion
	offered := make(map[string]bool)
	offer := func(value, desc string) {
		if !offered[value] {
			offered[value] = true
			out = append(out, cobra.CompletionWithDesc(value, desc))
		}
	}
	outlets := make(map[string][]string) // lower-cased outlet: its articles' ids
	stories := make(map[string]int)      // id: how many articles have it
	for _, art := range c.Articles() {
		stories[art.ID]++
	}
	shared := make(map[string][]string) // an id several stories have: its STORY/ID names
	var sharedIDs []string
	// B's id, when several stories have it, is the one of A's story, as
	// diff takes it (see storyOfOther): offered bare.
	var sideStory *corpus.Story
	if name, _ := cmd.Flags().GetString("story"); name == "" && len(args) == 1 && root != "" {
		sideStory = storyNamedBy(c, root, args[0], a.env.Files)
	}
	// The ids of A's story: another story's article of such an id is
	// none diff would take for B. Offered as STORY/ID beside the bare
	// id, it had the shell say the id "is in 1 story: type its story
	// first", where the bare id completes.
	sideIDs := map[string]bool{}
	if sideStory != nil {
		for _, art := range sideStory.Articles {
			sideIDs[art.ID] = true
		}
	}
	for _, art := range c.Articles() {
		switch id := art.ID; {
		case !strings.HasPrefix(id, prefix):
		case !typable(id):
			// The shell lists completions as they are: an escape
			// sequence in a file's name would act on the terminal.
		case stories[id] > 1 && sideIDs[id]:
			if slices.Contains(sideStory.Articles, art) {
				offer(id, cell(art.Outlet))
			}
		case stories[id] > 1:
			// Every story folder has its 01_nytimes, and diff takes
			// none of them by the id alone: the bare id, which the
			// shell inserts when it is the one completion (bash shows
			// no description then), was called ambiguous. Each is
			// offered as STORY/ID, which diff takes. The shells keep
			// only completions that start with what was typed, so for
			// "01" they insert nothing, and bash (on a second tab) and
			// zsh say why (see below).
			if name := inStoryFolder(root, art); name != "" && typable(name) {
				if len(shared[id]) == 0 {
					sharedIDs = append(sharedIDs, id)
				}
				shared[id] = append(shared[id], name)
				offer(name, cell(art.Outlet))
			}
		default:
			offer(id, cell(art.Outlet))
		}
		key := strings.ToLower(art.Outlet)
		outlets[key] = append(outlets[key], art.ID)
	}
	if root != "" && prefix != "" {
		// STORY/ID, as diff --dir takes it, once a story's name is begun.
		for _, art := range c.Articles() {
			if name := inStoryFolder(root, art); name != "" && strings.HasPrefix(name, prefix) && typable(name) {
				offer(name, cell(art.Outlet))
			}
		}
	}
	if prefix != "" {
		// What was typed begins an id several stories have: the shell,
		// which keeps no completion that does not start with it, is told
		// how to name one (bash prints it on a second tab, zsh on the
		// first).
		out = sharedIDHelp(out, sharedIDs, shared)
	}
	if len(sharedIDs) > 0 && !offeredFrom(offered, prefix) && !filesStartWith(prefix) {
		// Only STORY/ID names of ids several stories have, none of them
		// starting with what was typed, and no file that does: without
		// the shell's own files to complete, fish matches the names
		// itself and offers them ("01" offers bridge/01_nytimes and
		// budget/01_nytimes), where it offered nothing, having kept only
		// what starts with "01" and then found no file.
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	if len(out) > 0 || prefix == "" {
		return out, cobra.ShellCompDirectiveDefault
	}
	// No id starts so: an outlet's name does, as diff takes it ("al jaz").
	// The shell keeps only completions that start with what was typed,
	// case and all, so each is the typed prefix and the rest of the name.
	// An outlet with several articles names none of them.
	lower := strings.ToLower(prefix)
	for _, art := range c.Articles() {
		key, name := strings.ToLower(art.Outlet), cell(art.Outlet)
		if ids := outlets[key]; len(ids) == 1 && strings.HasPrefix(key, lower) && name == art.Outlet && len(key) == len(name) {
			// Described by its id as list names it: a file's name, escape
			// sequences and all, reached the terminal as zsh and fish
			// print a description.
			out = append(out, cobra.CompletionWithDesc(prefix+name[len(prefix):], Name(art.ID)))
		}
	}
	return out, cobra.ShellCompDirectiveDefault
}

// listedCorpus returns the articles of the folder dir as its index last
// listed them, for completing diff's articles, numbered in stories as
// diff --dir --story numbers them, or nil when it has no index of this
// version yet (the folder is then read). Like --story's completion (see
// completeStories), it looks at no file and gives up after
// storyCompletionTime: reading and grouping a folder of 10,000 articles
// at every tab kept the shell waiting 13 s.
func (a *app) listedCorpus(cmd *cobra.Command, dir string) *corpus.Corpus {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(ctx, storyCompletionTime)
	defer cancel()
	if names, err := archive.StoryNames(ctx, dir); err != nil || len(names) == 0 {
		// No index of this version: opening one would build it, or
		// replace the one there.
		return nil
	}
	ar, err := archive.Open(ctx, dir, archive.Options{NoRefresh: true})
	if err != nil {
		return nil
	}
	defer ar.Close()
	return ar.Listing(0).Corpus()
}

// offeredFrom reports whether any of the values offered starts with prefix.
func offeredFrom(offered map[string]bool, prefix string) bool {
	for v := range offered {
		if strings.HasPrefix(v, prefix) {
			return true
		}
	}
	return false
}

// filesStartWith reports whether a file or folder's path starts with
// prefix, as the shell would complete it: prefix's folder holds a name
// that starts with the rest of it.
func filesStartWith(prefix string) bool {
	dir, base := filepath.Split(prefix)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), base) {
			return true
		}
	}
	return false
}

// sharedIDHelp appends to out a line of ActiveHelp for each of ids (the
// first few), an id several stories have, naming the STORY/ID forms
// diff takes for it (names[id]).
func sharedIDHelp(out []cobra.Completion, ids []string, names map[string][]string) []cobra.Completion {
	const most = 3
	for i, id := range ids {
		if i == most {
			out = cobra.AppendActiveHelp(out, fmt.Sprintf("and %s in several stories", plural.Count(len(ids)-most, "more id", "more ids")))
			break
		}
		forms := names[id]
		example := strings.Join(forms[:min(len(forms), 2)], ", ")
		if len(forms) > 2 {
			example += ", …"
		}
		out = cobra.AppendActiveHelp(out, fmt.Sprintf("%s is in %s: type its story first (%s)", id, plural.Count(len(forms), "story", "stories"), example))
	}
	return out
}

// typable says whether s may be offered as a completion: one safe line
// as it is (see cell), which the shell can show and the user type.
func typable(s string) bool { return cell(s) == s }

// storyNamedBy returns the story of the one article that arg names as
// STORY/ID (its folder's path without the extension, or with it), or,
// with files, by its file's path from the working directory
// ("stories/budget/01_nytimes.txt", as diff takes it), or nil.
func storyNamedBy(c *corpus.Corpus, root, arg string, files bool) *corpus.Story {
	if !strings.Contains(arg, "/") {
		return nil
	}
	bare := strings.TrimSuffix(arg, path.Ext(arg))
	file := ""
	if files && isRegularFile(arg) {
		file, _ = filepath.Abs(arg)
	}
	var found *corpus.Story
	for _, s := range c.Stories {
		for _, art := range s.Articles {
			abs, err := filepath.Abs(art.Source)
			if err != nil {
				continue
			}
			if name := storyFolderName(root, abs); name == arg || name == bare || abs == file {
				if found != nil {
					return nil
				}
				found = s
			}
		}
	}
	return found
}

// inStoryFolder is art's path in the folder root (an absolute path)
// without its extension, slash-separated, when it lies in a folder of root
// ("gop-aide/01_nytimes"), else "".
func inStoryFolder(root string, art *corpus.Article) string {
	file, err := filepath.Abs(art.Source)
	if err != nil {
		return ""
	}
	return storyFolderName(root, file)
}

// storyFolderName is inStoryFolder of an article whose absolute path is
// file.
func storyFolderName(root, file string) string {
	rel, err := filepath.Rel(root, file)
	if err != nil || !strings.ContainsRune(rel, filepath.Separator) || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(strings.TrimSuffix(rel, filepath.Ext(rel)))
}

// byIDOrOutlet returns the rules an article argument is matched by after
// its exact id, in order: a prefix of the id, the outlet in any case, a
// prefix of the outlet in any case. The reader's corpus and an archive's
// entries are both matched by them, through id and outlet.
func byIDOrOutlet[T any](arg string, id, outlet func(T) string) []func(T) bool {
	lower := strings.ToLower(arg)
	return []func(T) bool{
		func(v T) bool { return strings.HasPrefix(id(v), arg) },
		func(v T) bool { return strings.ToLower(outlet(v)) == lower },
		func(v T) bool { return strings.HasPrefix(strings.ToLower(outlet(v)), lower) },
	}
}

// pickOne returns the item of all that the first rule in tries to match
// any item picks out, and true; false when no rule matches. A rule
// matching several is an error naming them with name, the first listMax
// of them (all when listMax is 0).
func pickOne[T any](arg string, all iter.Seq[T], name func(T) string, listMax int, tries ...func(T) bool) (T, bool, error) {
	var zero T
	for _, try := range tries {
		var found []T
		for v := range all {
			if try(v) {
				found = append(found, v)
			}
		}
		switch {
		case len(found) == 1:
			return found[0], true, nil
		case len(found) > 1:
			listed := found
			if listMax > 0 && len(listed) > listMax {
				listed = listed[:listMax]
			}
			var names []string
			for _, v := range listed {
				names = append(names, name(v))
			}
			more := ""
			if len(found) > len(listed) {
				more = " and " + digits.Group(len(found)-len(listed)) + " more"
			}
			return zero, true, ambiguousError{fmt.Sprintf("%s is ambiguous: %s%s", quoteArg(arg), strings.Join(names, ", "), more)}
		}
	}
	return zero, false, nil
}

// ambiguousError is pickOne's error for an argument that names several.
type ambiguousError struct{ msg string }

func (e ambiguousError) Error() string { return e.msg }

// completeFolderFirst completes a command's first argument, a folder that
// must be one (index DIR, man DIR, add DIR), to folders alone, and the
// arguments after it as then says: they completed to every file, which
// the command refused ("a.txt: not a directory").
func completeFolderFirst(then cobra.ShellCompDirective) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return nil, cobra.ShellCompDirectiveFilterDirs
		}
		return nil, then
	}
}

// completeFilesUpTo completes files and folders for a command's first n
// arguments and nothing past them: given all it takes, a command refuses
// one more, which the shell offered every file of the folder for.
func completeFilesUpTo(n int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveDefault
	}
}
