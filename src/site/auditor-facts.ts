/** Small facts the auditor pages show of an evidence series. */

/** The day the newest artifact of a series was collected, if any. */
export function latestArtifact(series: { data: { artifacts: { collected: string }[] } }): string | undefined {
  return series.data.artifacts
    .map((artifact) => artifact.collected)
    .sort()
    .at(-1);
}
