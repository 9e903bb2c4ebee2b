import { noChange, nothing } from 'lit';
import { directive, Directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets custom properties on an element through the CSSOM. Lit's `styleMap` writes a `style`
 * attribute on first render, which a Content-Security-Policy without `'unsafe-inline'` for
 * styles blocks, while CSSOM writes are allowed.
 */
class CustomPropertiesDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) {
      throw new Error('customProperties() must be used in an element tag, e.g. <li ${…}>');
    }
  }

  render(_properties: Readonly<Record<string, string>>): typeof nothing {
    return nothing;
  }

  override update(
    part: ElementPart,
    [properties]: [Readonly<Record<string, string>>],
  ): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (!(name in properties)) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(properties));
    return noChange;
  }
}

/**
 * Sets custom properties (names starting with `--`) on the element it is bound to.
 *
 * @example
 * html`<li ${customProperties({ '--escalated-tag-color': tag.color })}>${tag.name}</li>`
 */
export const customProperties = directive(CustomPropertiesDirective);
