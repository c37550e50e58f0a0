using System.Diagnostics;

namespace TicketPlatform.TestSupport.Processes;

/// <summary>What a finished command printed and how it ended.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Errors)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs a program to its end with a bound on how long that may take, capturing stdout and stderr.</summary>
public static class Command
{
    public static async Task<CommandResult> Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish within {timeout ?? TimeSpan.FromMinutes(2)}:\n{await errors}");
        }

        return new CommandResult(process.ExitCode, await output, await errors);
    }

    /// <summary>Like <see cref="Run"/>, and throws with the command's errors when it fails.</summary>
    public static async Task<string> Output(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var result = await Run(file, args, environment, timeout);
        return result.Succeeded
            ? result.Output
            : throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.Errors}{result.Output}");
    }
}
