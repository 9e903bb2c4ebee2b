import { describe, expect, it } from 'vitest';
import { renderHtmlEmail } from '../../../functions/notify/html-template.js';

describe('renderHtmlEmail', () => {
  it('escapes every character of the text', () => {
    const html = renderHtmlEmail(
      'Subject: "><img src=x onerror=alert(1)>\n<script>alert(2)</script>',
      { name: 'Shop', color: '#112233' },
    );

    expect(html).toContain(
      'Subject: &quot;&gt;&lt;img src=x onerror=alert(1)&gt;<br>&lt;script&gt;alert(2)&lt;/script&gt;',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });

  it('shows the brand name in its accent colour', () => {
    const html = renderHtmlEmail('Hi', { name: 'Northwind <Help>', color: '#0f766e' });

    expect(html).toContain('background:#0f766e');
    expect(html).toContain('Northwind &lt;Help&gt;');
  });

  it('falls back to the default colour for anything but #rrggbb', () => {
    expect(renderHtmlEmail('Hi', { name: 'x', color: 'red;background:url(x)' })).toContain(
      'background:#3355ff',
    );
  });

  it('keeps paragraphs and line breaks', () => {
    expect(renderHtmlEmail('One\ntwo\n\nThree', { name: 'x', color: '#000000' })).toContain(
      '<p style="margin:0 0 16px">One<br>two</p>\n<p style="margin:0 0 16px">Three</p>',
    );
  });
});
