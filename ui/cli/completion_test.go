package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestCompletionShell checks that the completion command writes a script
// for a shell it knows and fails as a usage error otherwise: cobra printed
// its help and exited 0 for "completion tcsh".
func TestCompletionShell(t *testing.T) {
	tests := []struct {
		args       []string
		code       int
		wantOut    string
		wantStderr string
	}{
		{[]string{"completion", "bash"}, ExitOK, "# bash completion", ""},
		{[]string{"completion", "fish"}, ExitOK, "# fish completion", ""},
		{[]string{"completion", "tcsh"}, ExitUsage, "", `newsdiff completion: unknown shell "tcsh" (want bash, zsh, fish or powershell)`},
		{[]string{"completion"}, ExitUsage, "", "newsdiff completion: want a shell: bash, zsh, fish or powershell"},
		// cobra's own check exited 1 with a message of its own.
		{[]string{"completion", "zsh", "extra"}, ExitUsage, "", "newsdiff completion zsh: want no arguments, got 1 argument\nusage: newsdiff completion zsh"},
		{[]string{"completion", "--help"}, ExitOK, "Generate the autocompletion script", ""},
	}
	for _, tt := range tests {
		le := newLocalEnv(t, false, "")
		code := le.run(tt.args...)
		if code != tt.code {
			t.Errorf("%q: exit %d, want %d; stderr %q", tt.args, code, tt.code, le.errb)
		}
		if !strings.Contains(le.out.String(), tt.wantOut) {
			t.Errorf("%q: stdout lacks %q:\n%.300s", tt.args, tt.wantOut, le.out)
		}
		if tt.wantOut == "" && le.out.Len() != 0 {
			t.Errorf("%q: wrote to stdout:\n%.300s", tt.args, le.out)
		}
		if !strings.Contains(le.errb.String(), tt.wantStderr) {
			t.Errorf("%q: stderr %q lacks %q", tt.args, le.errb, tt.wantStderr)
		}
	}
}

// TestCompleteOutlets checks that an article argument completes an
// outlet's name when no id starts with what was typed, as diff takes
// outlets ("al jaz"): "al<TAB>" completed nothing.
func TestCompleteOutlets(t *testing.T) {
	tests := []struct {
		typed string
		want  []string // completions, without descriptions
	}{
		{"al", []string{"al Jazeera"}},
		{"SW", []string{"SWell Digest"}},
		{"003", []string{"003_95bcf1536ed6ca96"}},
		{"zz", nil},
	}
	for _, tt := range tests {
		got := completionValues(completions(t, "diff", tt.typed))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q completes %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// TestCompleteArticlesInStoryFolders checks diff's completion in a folder
// of stories whose files share names: "01_nytimes" was offered once per
// story, each of which diff then called ambiguous. An id several stories
// have is offered as STORY/ID, as diff --dir takes it, once per story,
// with a line of help saying so, and a story's name completes to
// STORY/ID.
func TestCompleteArticlesInStoryFolders(t *testing.T) {
	dir := t.TempDir()
	for _, story := range []string{"bridge", "budget"} {
		writeFilesIn(t, filepath.Join(dir, story), map[string]string{
			"01_nytimes.txt": "The " + story + " vote\n\nThe council voted on the " + story + " on Monday, said the mayor.\n",
			"02_foxnews.txt": "The " + story + " passed\n\nCouncillors passed the " + story + " plan on Monday night.\n",
		})
	}
	tests := []struct {
		typed string
		want  []string // completions, without descriptions
	}{
		{"01", []string{"bridge/01_nytimes", "budget/01_nytimes",
			"_activeHelp_ 01_nytimes is in 2 stories: type its story first (bridge/01_nytimes, budget/01_nytimes)"}},
		{"bu", []string{"budget/01_nytimes", "budget/02_foxnews"}},
		{"bridge/02", []string{"bridge/02_foxnews"}},
	}
	for _, tt := range tests {
		got := completionValues(completions(t, "diff", "--dir", dir, tt.typed))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q completes %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// completionValues returns completions (as completions gives them) without
// their descriptions.
func completionValues(cs []string) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i], _, _ = strings.Cut(c, "\t")
	}
	return out
}

// TestCompleteArticlesUnsafeNames is a regression test: diff's article
// completion offered ids and STORY/ID paths as their files are named,
// escape sequences, C1 controls and bidi overrides included, and the
// shell lists completions as they are: "evil-\x1b[2J" cleared the screen.
// Such a name is not offered; the others are.
func TestCompleteArticlesUnsafeNames(t *testing.T) {
	dir := t.TempDir()
	text := "Bridge vote\n\nThe council voted on Monday to shut the old bridge over the river.\n"
	writeFilesIn(t, dir, map[string]string{"evil-\x1b[2Jname.txt": text, "b\u202etxt.txt": text, "c1\u009b31m.txt": text, "plain.txt": text})
	writeFilesIn(t, filepath.Join(dir, "ev\x1b[31mil"), map[string]string{"a.txt": text, "b.txt": text})
	writeFilesIn(t, filepath.Join(dir, "eve"), map[string]string{"a.txt": text})
	// "evil" is no id's start but an outlet's, named after the file:
	// its completion was described by the file's id as it is, and zsh
	// and fish print descriptions.
	for _, typed := range []string{"", "e", "ev", "evil", "b", "c", "p"} {
		got := completions(t, "diff", "--dir", dir, typed)
		for _, c := range got {
			value, desc, _ := strings.Cut(c, "\t")
			if cell(value) != value {
				t.Errorf("diff --dir DIR %q<tab> offers %q", typed, value)
			}
			if cell(desc) != desc {
				t.Errorf("diff --dir DIR %q<tab> describes %q as %q", typed, value, desc)
			}
		}
		if typed == "evil" && (len(got) != 1 || got[0] != "evil-name\t"+Name("evil-\x1b[2Jname")) {
			t.Errorf("diff --dir DIR evil<tab>: %q, want the outlet evil-name, described by its id quoted", got)
		}
		if typed == "p" && (len(got) != 1 || !strings.HasPrefix(got[0], "plain\t")) {
			t.Errorf("diff --dir DIR p<tab>: %q, want plain", got)
		}
		if typed == "ev" && (len(got) != 1 || !strings.HasPrefix(got[0], "eve/a\t")) {
			t.Errorf("diff --dir DIR ev<tab>: %q, want eve/a", got)
		}
	}
}

// TestFlagValuesCompleteNoFiles is a regression test: a flag with no
// completion of its own completed to the files of the working directory
// ("diff -U <tab>", "serve --listen <tab>", "add --limit <tab>"). A flag
// whose value is no file completes to no file; one that takes a PATH (or
// a saved feed) still does, and one that takes a DIR completes to folders
// alone.
func TestFlagValuesCompleteNoFiles(t *testing.T) {
	eachFlag(t, func(cmd *cobra.Command, f *pflag.Flag) bool {
		if f.NoOptDefVal != "" {
			return false // a switch
		}
		path := strings.Fields(cmd.CommandPath())[1:]
		le := newLocalEnv(t, false, "")
		if code := le.run(append(append([]string{"__complete"}, path...), "--"+f.Name, "")...); code != 0 {
			t.Fatalf("%s --%s: exit %d: %s", cmd.CommandPath(), f.Name, code, le.errb)
		}
		out := strings.TrimRight(le.out.String(), "\n")
		n, err := strconv.Atoi(strings.TrimPrefix(out[strings.LastIndexByte(out, '\n')+1:], ":"))
		if err != nil {
			t.Fatalf("%s --%s: no directive in %q", cmd.CommandPath(), f.Name, out)
		}
		name, _ := pflag.UnquoteUsage(f)
		files := cobra.ShellCompDirective(n)&cobra.ShellCompDirectiveNoFileComp == 0
		// add --feed takes a URL or a saved file.
		takesFile := name == "PATH" || name == "DIR" || cmd.Name() == "add" && f.Name == "feed"
		if want := takesFile; files != want {
			t.Errorf("%s --%s %s<tab>: files offered %v, want %v", cmd.CommandPath(), f.Name, name, files, want)
		}
		// A folder's flag offered every file as well ("diff --dir <tab>").
		if dirs := cobra.ShellCompDirective(n)&cobra.ShellCompDirectiveFilterDirs != 0; dirs != (name == "DIR") {
			t.Errorf("%s --%s %s<tab>: folders alone %v, want %v", cmd.CommandPath(), f.Name, name, dirs, name == "DIR")
		}
		return true
	})
	if got := completionValues(completions(t, "diff", "-U", "")); strings.Join(got, "|") != "all" {
		t.Errorf("diff -U <tab>: %q, want all", got)
	}
}

// TestFlagDescriptionsCompleteUnquoted is a regression test: the shells
// showed each flag's usage as written, with the backquotes that name its
// value for --help ("--format  (output `FORMAT`: ansi, plain, json or
// html …)"), where --help shows "output FORMAT: …".
func TestFlagDescriptionsCompleteUnquoted(t *testing.T) {
	for _, args := range [][]string{{"diff", "-"}, {"diff", "--"}, {"--"}, {"serve", "--"}, {"list", "--"}} {
		got := completions(t, args...)
		if len(got) < 3 {
			t.Fatalf("%q<tab>: %q, want the flags", args, got)
		}
		for _, c := range got {
			if strings.Contains(c, "`") {
				t.Errorf("%q<tab>: %q has backquotes", args, c)
			}
		}
	}
	got := completions(t, "diff", "--for")
	if want := "--format\toutput FORMAT: ansi, plain, json or html (default ansi when colour is on, else plain)"; len(got) != 1 || got[0] != want {
		t.Errorf("diff --for<tab>: %q, want %q", got, want)
	}
}

// TestCompleteSharedIDsLeaveFilesOut checks the directive of "01", which
// begins only ids two stories have: no file completion, so that a shell
// that matches completions itself (fish) offers the STORY/ID names rather
// than none, unless a file in the working directory starts with "01",
// which the shell then completes as before.
func TestCompleteSharedIDsLeaveFilesOut(t *testing.T) {
	dir := t.TempDir()
	for _, story := range []string{"bridge", "budget"} {
		writeFilesIn(t, filepath.Join(dir, story), map[string]string{
			"01_nytimes.txt": "The " + story + " vote\n\nThe council voted on the " + story + " on Monday, said the mayor.\n",
		})
	}
	directive := func() string {
		le := newLocalEnv(t, false, "")
		if code := le.run("__complete", "diff", "--dir", dir, "01"); code != 0 {
			t.Fatalf("exit %d: %s", code, le.errb)
		}
		out := strings.TrimRight(le.out.String(), "\n")
		return out[strings.LastIndexByte(out, '\n')+1:]
	}
	t.Chdir(t.TempDir())
	if got, want := directive(), ":"+strconv.Itoa(int(cobra.ShellCompDirectiveNoFileComp)); got != want {
		t.Errorf("01<tab> with no file of that start: directive %s, want %s", got, want)
	}
	writeFilesIn(t, ".", map[string]string{"01-notes.txt": "Notes\n\nA file of notes on the story.\n"})
	if got, want := directive(), ":"+strconv.Itoa(int(cobra.ShellCompDirectiveDefault)); got != want {
		t.Errorf("01<tab> beside 01-notes.txt: directive %s, want %s", got, want)
	}
}

// TestCompleteFilesBesideTheSample is a regression test: without --dir,
// diff's articles completed to the built-in story's ids and outlets
// before the files beside the user, so in a folder of alpha.txt and
// 01_ap.txt, "al<tab>" gave the sample's "al Jazeera" and "0<tab>" its
// "00", and neither file could be completed. When a file starts with
// what was typed, nothing is offered and the directive leaves the shell
// to complete files; the sample's names are offered when none does, and
// with --dir its articles are, as before.
func TestCompleteFilesBesideTheSample(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"alpha.txt": "Bridge vote\n\nThe council voted on Monday to shut the old bridge.\n",
		"01_ap.txt": "Bridge shut\n\nThe old bridge over the river is to close, the council said.\n",
	})
	empty := t.TempDir()
	files := ":" + strconv.Itoa(int(cobra.ShellCompDirectiveDefault))
	tests := []struct {
		cwd  string
		args []string
		want []string // completions, without descriptions, then the directive
	}{
		{dir, []string{"al"}, []string{files}},
		{dir, []string{"0"}, []string{files}},
		{dir, []string{""}, []string{files}},
		{dir, []string{"alpha.txt", "0"}, []string{files}},
		{empty, []string{"al"}, []string{"al Jazeera", files}},
		{empty, []string{"003"}, []string{"003_95bcf1536ed6ca96", files}},
		{empty, []string{"--dir", dir, "al"}, []string{"alpha", files}},
	}
	for _, tt := range tests {
		t.Chdir(tt.cwd)
		le := newLocalEnv(t, false, "")
		args := append([]string{"__complete", "diff"}, tt.args...)
		if code := le.run(args...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		var got []string
		for line := range strings.SplitSeq(strings.TrimRight(le.out.String(), "\n"), "\n") {
			value, _, _ := strings.Cut(line, "\t")
			got = append(got, value)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q in %s: completions %q, want %q", tt.args, tt.cwd, got, tt.want)
		}
	}
}

// TestCompleteArticlesFromTheIndex is a regression test: with --dir,
// diff's articles were completed by reading and grouping the whole
// folder at every tab (13 s on 10,000 articles), in stories numbered
// otherwise than diff --dir --story numbers them. They are now read from
// the folder's index as the last command left it, as --story's names
// are: an article added since is offered once a command has indexed it.
// A folder with no index yet is read as before.
func TestCompleteArticlesFromTheIndex(t *testing.T) {
	dir := t.TempDir()
	writeFilesIn(t, dir, map[string]string{
		"alpha.txt": "Bridge vote\n\nThe council voted on Monday to shut the old bridge.\n",
		"amber.txt": "Bridge shut\n\nThe old bridge over the river is to close, the council said.\n",
	})
	values := func() string {
		t.Helper()
		got := completionValues(completions(t, "diff", "--dir", dir, "a"))
		return strings.Join(got, "|")
	}
	t.Chdir(t.TempDir())
	if got := values(); got != "alpha|amber" {
		t.Fatalf("no index yet: %q, want alpha|amber", got)
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("index", "-q", dir); code != 0 {
		t.Fatalf("index: exit %d: %s", code, le.errb)
	}
	writeFilesIn(t, dir, map[string]string{
		"apex.txt": "Ferry strike\n\nFerry crews walked out on Tuesday over pay.\n",
	})
	if got := values(); got != "alpha|amber" {
		t.Errorf("indexed, then apex.txt added: %q, want the index's alpha|amber", got)
	}
	if code := le.run("index", "-q", dir); code != 0 {
		t.Fatalf("index: exit %d: %s", code, le.errb)
	}
	if got := values(); !strings.Contains(got, "apex") {
		t.Errorf("indexed again: %q, want apex too", got)
	}
}

// TestCompleteAddFlags is a regression test: add --story, a folder of
// DIR, and add --feed, a URL or a saved file, completed to nothing. Now
// --story offers DIR's folders (not its index's, nor its files) and
// --feed the shell's files.
func TestCompleteAddFlags(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"bridge", "harbour", ".newsdiff"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := completionValues(completions(t, "add", dir, "--story", "")); strings.Join(got, "|") != "bridge|harbour" {
		t.Errorf("add DIR --story <tab>: %q, want bridge and harbour", got)
	}
	le := newLocalEnv(t, false, "")
	if code := le.run("__complete", "add", dir, "--feed", ""); code != 0 {
		t.Fatalf("exit %d: %s", code, le.errb)
	}
	if out := strings.TrimSpace(le.out.String()); out != ":0" {
		t.Errorf("add DIR --feed <tab>: %q, want the shell's files (directive 0)", out)
	}
}

// TestFolderArgumentsCompleteFolders is a regression test: the DIR that
// index, man and add take first completed to every file, which each
// refuses ("a.txt: not a directory"). It completes to folders alone; add's
// pages after it to files, and nothing after index's and man's one DIR.
func TestFolderArgumentsCompleteFolders(t *testing.T) {
	directive := func(args ...string) cobra.ShellCompDirective {
		t.Helper()
		le := newLocalEnv(t, false, "")
		if code := le.run(append([]string{"__complete"}, args...)...); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, le.errb)
		}
		out := strings.TrimRight(le.out.String(), "\n")
		n, err := strconv.Atoi(strings.TrimPrefix(out[strings.LastIndexByte(out, '\n')+1:], ":"))
		if err != nil {
			t.Fatalf("%q: no directive in %q", args, out)
		}
		return cobra.ShellCompDirective(n)
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want cobra.ShellCompDirective
	}{
		{[]string{"index", ""}, cobra.ShellCompDirectiveFilterDirs},
		{[]string{"man", ""}, cobra.ShellCompDirectiveFilterDirs},
		{[]string{"add", ""}, cobra.ShellCompDirectiveFilterDirs},
		{[]string{"add", dir, ""}, cobra.ShellCompDirectiveDefault},
		{[]string{"index", dir, ""}, cobra.ShellCompDirectiveNoFileComp},
		{[]string{"man", dir, ""}, cobra.ShellCompDirectiveNoFileComp},
	} {
		if got := directive(tt.args...); got != tt.want {
			t.Errorf("%q<tab>: directive %d, want %d", tt.args, got, tt.want)
		}
	}
}
