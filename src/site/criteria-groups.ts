/** Plain-language groups for criteria series, used to arrange practices and the criteria matrix. */
export const seriesLabels: Record<string, string> = {
  CC1: 'Governance and people',
  CC2: 'Communication',
  CC3: 'Risk assessment',
  CC4: 'Monitoring of controls',
  CC5: 'Control activities',
  CC6: 'Access control',
  CC7: 'Operations and incident response',
  CC8: 'Change management',
  CC9: 'Business continuity and vendors',
  A1: 'Availability',
  C1: 'Confidentiality',
  PI1: 'Processing integrity',
  P1: 'Privacy notice',
  P2: 'Privacy choice and consent',
  P3: 'Collection of personal information',
  P4: 'Use, retention and disposal',
  P5: 'Access to personal information',
  P6: 'Disclosure and notification',
  P7: 'Quality of personal information',
  P8: 'Privacy monitoring and enforcement',
};

export function seriesOf(criterionId: string): string {
  return criterionId.slice(0, criterionId.indexOf('.'));
}

/** Groups items by the series of their first criterion, in framework order. */
export function groupBySeries<T extends { criteria: readonly string[] }>(
  items: readonly T[],
): { series: string; label: string; items: T[] }[] {
  const order = Object.keys(seriesLabels);
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const series = seriesOf(item.criteria[0] ?? '');
    groups.set(series, [...(groups.get(series) ?? []), item]);
  }
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([series, list]) => ({ series, label: seriesLabels[series] ?? series, items: list }));
}
