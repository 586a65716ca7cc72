// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEMO_TEMPLATES, SEQUENCE_TEMPLATE } from '../../server/demo-data.ts';
import { route, UNSENT_TEMPLATE } from './pages.ts';

describe('demo ESP pages', () => {
  it.each([...DEMO_TEMPLATES, SEQUENCE_TEMPLATE, UNSENT_TEMPLATE])(
    '/esp/$id previews its own template',
    ({ id, name }) => {
      const page = route(`/esp/${id}`);
      expect(page).toContain(`<h1>Template preview: ${name}</h1>`);
    },
  );

  it('a template the demo does not know is a 404, not another preview', () => {
    expect(route('/esp/no-such-template')).toBeNull();
    expect(route('/archive/no-such-template')).toBeNull();
  });

  it('lists every previewable template in its navigation', () => {
    const page = route('/') ?? '';
    for (const { id } of [...DEMO_TEMPLATES, SEQUENCE_TEMPLATE, UNSENT_TEMPLATE]) {
      expect(page).toContain(`href="/esp/${id}"`);
    }
  });
});
