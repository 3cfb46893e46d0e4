using System.CommandLine;
using QNetLang.Compiler.Commands;

namespace Qnlc;

/// <summary><c>qnlc verify-qir FILE.ll</c>: the command line of <see cref="VerifyQir"/>.</summary>
public static class VerifyQirCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A QIR module as LLVM IR text (.ll)." };
        var command = new Command("verify-qir", "Check that a QIR module (LLVM IR text) keeps to the Base or Adaptive Profile its entry point declares.") { file };
        command.SetAction(parse => VerifyQir.Run(parse.GetValue(file)!, Console.Out, Console.Error));
        return command;
    }
}
