/** Small facts the auditor pages show of an evidence series. */

/**
 * The day the newest artifact of a series was collected, if any. The engine's facts are to offer the latest
 * artifact too; once they do, the auditor view hands it to pages and this goes.
 */
export function latestArtifact(series: { data: { artifacts: { collected: string }[] } }): string | undefined {
  return series.data.artifacts
    .map((artifact) => artifact.collected)
    .sort()
    .at(-1);
}
