import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { taskLabelsPlugin } from '../../src/integration/task-labels-plugin.ts';

const render = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [taskLabelsPlugin] }).html;

describe('task list checkboxes', () => {
  it('are named by the text of their item, markup and quotes included as text', () => {
    const html = render('- [x] Named the *system* "in scope"\n');
    expect(html).toContain('aria-label="Named the system &quot;in scope&quot;"');
  });

  it('take only their own text when the item holds a nested list', () => {
    const html = render('- [ ] Parent\n  - [ ] Child\n');
    expect(html).toContain('aria-label="Parent"');
    expect(html).toContain('aria-label="Child"');
  });

  it('leave list items that are no task alone', () => {
    expect(render('- an item\n- [not a box]\n')).not.toContain('aria-label');
  });
});
