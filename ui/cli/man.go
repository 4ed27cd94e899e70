package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func init() { register("man", false, manCommand) }

func manCommand(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "Write the manual pages, one per command, into DIR",
		Long: `Write newsdiff's manual pages into DIR, made from the same definitions as
--help: newsdiff.1 and one newsdiff-COMMAND.1 per command.`,
		Example: `  newsdiff man /usr/local/share/man/man1
  newsdiff man /tmp/man && man /tmp/man/newsdiff-diff.1`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("want one directory, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return pathError(dir, err)
			}
			header := &doc.GenManHeader{Title: "NEWSDIFF", Section: "1", Source: "newsdiff " + version(), Manual: "newsdiff manual"}
			if err := doc.GenManTree(cmd.Root(), header, dir); err != nil {
				return err
			}
			fmt.Fprintf(a.env.Stderr, "newsdiff man: wrote the pages into %s\n", Name(filepath.Clean(dir)))
			return nil
		},
	}
}
