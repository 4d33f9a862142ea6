using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

/// <summary>
/// Lets a benchmark ask the server for a full, compacting, decommitting garbage collection before it
/// reads the server's resident memory, so that the sample counts what is alive and not what the
/// collector has not yet bothered to reclaim. Loaded only with DOTNET_STARTUP_HOOKS and
/// DESTEK_BENCH_GC_DIR set in the server's environment: the request is a file in that directory
/// (only the benchmark, on the same machine, can write it), never anything reachable over HTTP.
/// Protocol: the benchmark writes "gc.request"; the hook deletes it, collects, hands the C allocator's
/// free pages back (malloc_trim: memory freed by native code, such as a response compressor's state, that
/// glibc keeps for reuse), and writes "gc.done" with the managed heap size and the GC's committed bytes.
/// </summary>
#pragma warning disable CA1050 // The runtime looks the hook up by this exact, namespace-less name.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var directory = Environment.GetEnvironmentVariable("DESTEK_BENCH_GC_DIR");
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        var thread = new Thread(() => Watch(directory)) { IsBackground = true, Name = "bench GC hook" };
        thread.Start();
    }

    private static void Watch(string directory)
    {
        var request = Path.Combine(directory, "gc.request");
        var done = Path.Combine(directory, "gc.done");
        while (true)
        {
            Thread.Sleep(50);
            if (!File.Exists(request))
            {
                continue;
            }

            File.Delete(request);
            // Twice, with finalizers between: objects kept alive only by a finalizer go in the second pass.
            for (var i = 0; i < 2; i++)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            _ = malloc_trim(0);

            // The live heap, then what the GC keeps committed for it (the part of RSS the heap accounts for).
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            File.WriteAllText(done + ".tmp", string.Create(CultureInfo.InvariantCulture, $"{info.HeapSizeBytes} {info.TotalCommittedBytes}"));
            File.Move(done + ".tmp", done, overwrite: true);
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
