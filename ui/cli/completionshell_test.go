package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// storyFolders writes a folder of two stories whose files share names,
// as a folder of stories saved outlet by outlet does, and returns the
// folder that holds it (the working directory of the shell) and its
// name there.
func storyFolders(t *testing.T) (cwd, dir string) {
	t.Helper()
	cwd = t.TempDir()
	for _, story := range []string{"bridge", "budget"} {
		folder := filepath.Join(cwd, "stories", story)
		if err := os.MkdirAll(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, text := range map[string]string{
			"01_nytimes.txt": "The " + story + " vote\n\nThe council voted on the " + story + " on Monday, said the mayor.\n",
			"02_foxnews.txt": "The " + story + " passed\n\nCouncillors passed the " + story + " plan on Monday night.\n",
		} {
			if err := os.WriteFile(filepath.Join(folder, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return cwd, "stories"
}

// bashCompletionScript is the bash-completion package's main script,
// which cobra's bash completion needs (_get_comp_words_by_ref).
const bashCompletionScript = "/usr/share/bash-completion/bash_completion"

// bashComplete sources newsdiff's bash completion in a real bash, as a
// user's shell does, and completes the last of words (words[0] being
// newsdiff) with COMP_TYPE compType: 9 for a tab, 63 for the second tab,
// which lists. It returns COMPREPLY, one entry a line, and what bash
// printed (ActiveHelp is printed on the second tab).
func bashComplete(t *testing.T, cwd string, compType int, words ...string) (reply []string, printed string) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	if _, err := os.Stat(bashCompletionScript); err != nil {
		t.Skip("bash-completion is not installed")
	}
	script := `source ` + bashCompletionScript + `
source <("$1" completion bash)
COMP_WORDS=("${@:3}")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
COMP_TYPE=$2
__start_newsdiff
printf '\n@@reply\n'
printf '%s\n' "${COMPREPLY[@]}"
`
	cmd := exec.Command("bash", append([]string{"-c", script, "bash", words[0], strconv.Itoa(compType)}, words...)...)
	cmd.Dir = cwd
	// No user's bash startup, and a width for bash's listing.
	cmd.Env = append(os.Environ(), "BASH_ENV=", "COLUMNS=100")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bash completing %q: %v\n%s", words, err, out)
	}
	printed, replied, ok := strings.Cut(string(out), "\n@@reply\n")
	if !ok {
		t.Fatalf("bash completing %q: no reply in %q", words, out)
	}
	for line := range strings.SplitSeq(replied, "\n") {
		if line != "" {
			reply = append(reply, line)
		}
	}
	return reply, printed
}

// TestBashCompletesArticlesThatResolve is a regression test: in a folder
// of stories whose files share names, "diff 01<tab>" had bash insert
// 01_nytimes, the one completion (bash shows no description for it, which
// said the id was in two stories), and diff then called 01_nytimes
// ambiguous. Whatever bash inserts must be an article diff takes; an id
// two stories have is completed from its story's name (STORY/ID), and a
// second tab on it says so.
func TestBashCompletesArticlesThatResolve(t *testing.T) {
	bin := newsdiffBinary(t)
	cwd, dir := storyFolders(t)
	tests := []struct {
		typed string
		want  []string // COMPREPLY
	}{
		{"01", nil},
		{"01_nytimes", nil},
		{"budget/01", []string{"budget/01_nytimes"}},
		{"bud", []string{"budget/01_nytimes", "budget/02_foxnews"}},
		{"", []string{"bridge/01_nytimes", "bridge/02_foxnews", "budget/01_nytimes", "budget/02_foxnews"}},
	}
	for _, tt := range tests {
		got, _ := bashComplete(t, cwd, 9, bin, "diff", "--dir", dir, tt.typed)
		values := make([]string, len(got))
		for i, c := range got {
			// Several completions are listed with their descriptions.
			values[i] = strings.Fields(c)[0]
		}
		if strings.Join(values, "|") != strings.Join(tt.want, "|") {
			t.Errorf("diff --dir %s %q<tab>: COMPREPLY %q, want %q", dir, tt.typed, got, tt.want)
		}
		if len(got) != 1 {
			continue
		}
		// bash inserts the one completion: diff must take it.
		cmd := exec.Command(bin, "diff", "--dir", dir, got[0], "bridge/02_foxnews", "--format", "plain")
		cmd.Dir = cwd
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("bash inserted %q, which diff does not take: %v\n%s", got[0], err, out)
		}
	}
	// The second tab on an id two stories have says how to name one.
	if _, printed := bashComplete(t, cwd, 63, bin, "diff", "--dir", dir, "01"); !strings.Contains(printed, "01_nytimes is in 2 stories: type its story first (bridge/01_nytimes, budget/01_nytimes)") {
		t.Errorf("diff --dir %s 01<tab><tab> printed %q, want it to say how to name the article", dir, printed)
	}
}

// TestFishCompletesArticlesThatResolve is the fish side of
// TestBashCompletesArticlesThatResolve: fish offered 01_nytimes as the one
// completion of "01" too.
func TestFishCompletesArticlesThatResolve(t *testing.T) {
	bin := newsdiffBinary(t)
	if _, err := exec.LookPath("fish"); err != nil {
		t.Skip("fish is not installed")
	}
	cwd, dir := storyFolders(t)
	tests := []struct {
		typed string
		want  []string // completions, without descriptions
	}{
		// "01" begins only ids two stories have: fish, given the
		// STORY/ID names and no files to complete, matches them itself.
		// It offered nothing at all, and not a word of why.
		{"01", []string{"bridge/01_nytimes", "budget/01_nytimes"}},
		{"budget/01", []string{"budget/01_nytimes"}},
		{"bud", []string{"budget/01_nytimes", "budget/02_foxnews"}},
	}
	for _, tt := range tests {
		// The script completes the command named newsdiff: the binary
		// is found by that name on PATH.
		cmd := exec.Command("fish", "--no-config", "-c", `newsdiff completion fish | source; complete -C "newsdiff diff --dir `+dir+` `+tt.typed+`"`)
		cmd.Dir = cwd
		// fish keeps its variables and history under these: not in the
		// user's.
		home := t.TempDir()
		cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
			"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_CACHE_HOME="+filepath.Join(home, "cache"))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("fish completing %q: %v\n%s", tt.typed, err, out)
		}
		var got []string
		for line := range strings.SplitSeq(string(out), "\n") {
			if value, _, _ := strings.Cut(line, "\t"); value != "" {
				got = append(got, value)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("fish: diff --dir %s %q<tab>: %q, want %q", dir, tt.typed, got, tt.want)
		}
	}
}
