import { describe, expect, it } from 'vitest';
import { labelTaskItems } from '../../src/site/task-labels.ts';

describe('task list checkboxes', () => {
  it('are named by the text of their item', () => {
    expect(
      labelTaskItems(
        '<li class="task-list-item"><input type="checkbox" checked disabled/> Named the <em>system</em> "in scope"</li>',
      ),
    ).toBe(
      '<li class="task-list-item"><input type="checkbox" checked disabled aria-label="Named the system &quot;in scope&quot;"/> Named the <em>system</em> "in scope"</li>',
    );
  });

  it('take only their own text when the item holds a nested list', () => {
    const html = '<li class="task-list-item"><input type="checkbox" disabled/> Parent<ul><li>child</li></ul></li>';
    expect(labelTaskItems(html)).toContain('aria-label="Parent"');
  });

  it('leave other inputs and already named boxes alone', () => {
    const html =
      '<li><input type="checkbox"/> x</li><li class="task-list-item"><input aria-label="y" type="checkbox"/> z</li>';
    expect(labelTaskItems(html)).toBe(html);
  });
});
