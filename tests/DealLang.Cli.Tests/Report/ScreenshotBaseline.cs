using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;

namespace DealLang.Cli.Tests.Report;

/// <summary>
/// A screenshot compared with its committed baseline, <c>Snapshots/&lt;TestFile&gt;.&lt;name&gt;.verified.png</c> (the
/// snapshot helper's naming; a <c>.received.png</c> twin, git-ignored, on a mismatch; <c>DEALLANG_ACCEPT=1</c> accepts).
/// Within a tolerance, since a font's anti-aliasing may move a pixel's shade: the two images must have the same size,
/// and at most <see cref="MaxDifferingShare"/> of their pixels may differ by more than <see cref="ChannelTolerance"/> in
/// any of red, green, blue or alpha. The pixels are compared in the browser itself (a canvas decodes both PNGs), so no
/// image library is needed.
/// </summary>
internal static class ScreenshotBaseline
{
    /// <summary>A channel may differ by this much (of 255) without the pixel counting as different.</summary>
    public const int ChannelTolerance = 32;

    /// <summary>At most 1% of the pixels may differ: a chart whose bars, lines or labels moved changes far more.</summary>
    public const double MaxDifferingShare = 0.01;

    const string Compare = """
        async ([a, b, tolerance]) => {
          const load = src => new Promise((resolve, reject) => {
            const image = new Image();
            image.onload = () => resolve(image);
            image.onerror = () => reject(new Error('not an image'));
            image.src = 'data:image/png;base64,' + src;
          });
          const [x, y] = await Promise.all([load(a), load(b)]);
          if (x.width !== y.width || x.height !== y.height) {
            return { width: x.width, height: x.height, otherWidth: y.width, otherHeight: y.height, differing: -1 };
          }
          const pixels = image => {
            const canvas = document.createElement('canvas');
            canvas.width = image.width;
            canvas.height = image.height;
            const g = canvas.getContext('2d');
            g.drawImage(image, 0, 0);
            return g.getImageData(0, 0, image.width, image.height).data;
          };
          const p = pixels(x), q = pixels(y);
          let differing = 0;
          for (let i = 0; i < p.length; i += 4) {
            if (Math.abs(p[i] - q[i]) > tolerance || Math.abs(p[i + 1] - q[i + 1]) > tolerance
                || Math.abs(p[i + 2] - q[i + 2]) > tolerance || Math.abs(p[i + 3] - q[i + 3]) > tolerance) {
              differing++;
            }
          }
          return { width: x.width, height: x.height, otherWidth: y.width, otherHeight: y.height, differing: differing };
        }
        """;

    public static async Task VerifyAsync(IBrowser browser, byte[] screenshot, string name, [CallerFilePath] string sourceFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");
        string stem = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(sourceFile)}.{name}");
        string verified = stem + ".verified.png", received = stem + ".received.png";
        bool accept = Environment.GetEnvironmentVariable("DEALLANG_ACCEPT") == "1";
        string? problem = File.Exists(verified)
            ? await DifferenceAsync(browser, screenshot, await File.ReadAllBytesAsync(verified))
            : $"no baseline {verified}";
        if (problem is null)
        {
            File.Delete(received);
            return;
        }

        if (accept)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(verified, screenshot);
            File.Delete(received);
            return;
        }

        await File.WriteAllBytesAsync(received, screenshot);
        Assert.Fail($"screenshot {name}: {problem}; the page as drawn now is {received}. If the change is intended, accept it: "
            + "DEALLANG_ACCEPT=1 dotnet test tests/DealLang.Cli.Tests --filter ReportBrowserTests (or scripts/accept-baselines.sh)");
    }

    /// <summary>Null when the two PNGs match within the tolerance, else what differs.</summary>
    internal static async Task<string?> DifferenceAsync(IBrowser browser, byte[] actual, byte[] expected)
    {
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var result = await page.EvaluateAsync<JsonElement>(Compare,
                new object[] { Convert.ToBase64String(actual), Convert.ToBase64String(expected), ChannelTolerance });
            int width = result.GetProperty("width").GetInt32(), height = result.GetProperty("height").GetInt32();
            int otherWidth = result.GetProperty("otherWidth").GetInt32(), otherHeight = result.GetProperty("otherHeight").GetInt32();
            long differing = result.GetProperty("differing").GetInt64();
            if (differing < 0)
            {
                return $"the page is {width}×{height} pixels, the baseline {otherWidth}×{otherHeight}";
            }

            long allowed = (long)(MaxDifferingShare * width * height);
            return differing <= allowed
                ? null
                : $"{differing:N0} of {(long)width * height:N0} pixels differ by more than {ChannelTolerance} in a channel (at most {allowed:N0}, {MaxDifferingShare:P0}, may)";
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
