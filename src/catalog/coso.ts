/** The five COSO 2013 components and the principles (1–17) each groups. CC1–CC5 restate the principles. */

export const cosoComponents = [
  { component: 'Control environment', principles: [1, 2, 3, 4, 5] },
  { component: 'Risk assessment', principles: [6, 7, 8, 9] },
  { component: 'Control activities', principles: [10, 11, 12] },
  { component: 'Information and communication', principles: [13, 14, 15] },
  { component: 'Monitoring activities', principles: [16, 17] },
] as const;

/** The COSO component a principle belongs to. */
export function cosoComponentOf(principle: number): string | undefined {
  return cosoComponents.find((entry) => (entry.principles as readonly number[]).includes(principle))?.component;
}
