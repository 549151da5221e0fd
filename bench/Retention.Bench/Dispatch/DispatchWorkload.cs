namespace Retention.Bench.Dispatch;

public static class DispatchWorkload
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 0 : 1);
}
