using System.CommandLine;
using QNetLang.Compiler.Commands;

namespace Qnlc;

/// <summary><c>qnlc format [--check] FILE...</c>: the command line of <see cref="Format"/>.</summary>
public static class FormatCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "The .qn files to format.", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Change nothing; list the files that are not formatted and exit 1 if there are any." };
        var command = new Command("format", "Format .qn files in place: indentation, trailing spaces, blank lines; comments are kept.") { files, check };
        command.SetAction(parse => Format.Run(parse.GetValue(files)!, parse.GetValue(check), Console.Out, Console.Error));
        return command;
    }
}
