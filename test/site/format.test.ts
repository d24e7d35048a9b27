import { describe, expect, it } from 'vitest';
import { endSentence } from '../../src/site/format.ts';

describe('endSentence', () => {
  it('closes a sentence on a name with one full stop, whether or not the name ends in one', () => {
    expect(`About ${endSentence('Acme, Inc.')}`).toBe('About Acme, Inc.');
    expect(`About ${endSentence('Acme GmbH')}`).toBe('About Acme GmbH.');
    expect(endSentence('Who? ')).toBe('Who?');
  });
});
