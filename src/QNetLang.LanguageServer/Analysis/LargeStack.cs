using System.Runtime.ExceptionServices;

namespace QNetLang.LanguageServer.Analysis;

/// <summary>
/// Runs work on a thread with a large stack. The AST walks recurse once per nesting level and
/// expression operator, which the syntax limits bound (500 and 2000); a thread-pool stack is
/// too small for that bound, a .NET stack overflow cannot be caught, and it would take the
/// whole server down.
/// </summary>
internal static class LargeStack
{
    private const int StackBytes = 64 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T? result = default;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); }
        }, StackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }
}
