import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStack } from '../support/stack.js';
import { CHROMIUM_ARGS } from './support/demo.js';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
});

interface Measured {
  tag: string;
  fontSize: string;
  boxSizing: string;
  width: number;
  height: number;
}

/** Opens the page, waits for the guest form, and measures every control in the portal. */
async function measure(path: string): Promise<{ controls: Measured[]; problems: string[] }> {
  const page: Page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective}`),
    );
  });
  await page.goto(`${readStack().demo}${path}`);
  await page.locator('escalated-portal input').first().waitFor();
  const controls = await page.evaluate(() => {
    const found: Measured[] = [];
    const visit = (root: ShadowRoot | Document) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (!['BUTTON', 'INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)) continue;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        found.push({
          tag: element.tagName,
          fontSize: style.fontSize,
          boxSizing: style.boxSizing,
          width: box.width,
          height: box.height,
        });
      }
    };
    visit(document.querySelector('escalated-portal')!.shadowRoot!);
    return found;
  });
  await page.close();
  return { controls, problems };
}

describe('portal on a hostile host page', () => {
  it('renders unchanged under global styles and a strict CSP, with no violations', async () => {
    const hostile = await measure('/hostile.html');
    const control = await measure('/hostile.html?hostile=0');

    expect(hostile.controls.length).toBeGreaterThan(3);
    expect(hostile.controls).toEqual(control.controls);
    expect(hostile.problems).toEqual([]);
    expect(control.problems).toEqual([]);
  });
});
