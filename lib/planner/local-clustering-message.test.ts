import { describe, expect, it } from "vitest";
import { formatDuration, localClusteringMessage } from "./local-clustering";

describe("the local clustering run message", () => {
  it("says how long the run took, and the clustering itself, without rounding a fast run to 0.0 s", () => {
    const message = localClusteringMessage({ keywords: 65, clusters: 13, clustered: 50, unclustered: 15, clusteringMs: 4.2, totalMs: 180 });
    expect(message).toBe("13 clusters from 65 keywords (50 clustered, 15 left unclustered) in 180 ms (clustering itself: 4 ms).");
    expect(message).not.toMatch(/0\.0 s/);
  });

  it("formats durations for people", () => {
    expect(formatDuration(0.3)).toBe("under 1 ms");
    expect(formatDuration(12.4)).toBe("12 ms");
    expect(formatDuration(1440)).toBe("1.4 s");
  });
});
