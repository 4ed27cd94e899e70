package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// servedNote opens the help of every command a client runs over SSH: the
// help is the command line's, which offers files, folders and standard
// input, and serve refuses all three.
const servedNote = "Over this connection, articles are named by id or outlet in the served\n" +
	"stories; files, folders and standard input are not available.\n\n"

// served fits cmd's help to a command run over SSH: no DIR in its usage,
// no --dir, no examples (they name files and pipes), and servedNote first.
func served(cmd *cobra.Command) *cobra.Command {
	cmd.Use = strings.Replace(cmd.Use, " [DIR]", "", 1)
	cmd.Example = ""
	if cmd.Flags().Lookup("dir") != nil {
		_ = cmd.Flags().MarkHidden("dir")
	}
	long := cmd.Long
	if long == "" {
		long = cmd.Short
	}
	cmd.Long = servedNote + long
	return cmd
}
