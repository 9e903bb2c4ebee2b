// Renders docs/elements.md from the Custom Elements Manifest. The text is unformatted
// Markdown; element-docs.ts formats it with Prettier before it is written.
import {
  declarationsOf,
  isPublicInstanceMember,
  type Manifest,
  type ManifestAttribute,
  type ManifestDeclaration,
  type ManifestItem,
  type ManifestMember,
} from './manifest-types.js';

/** The elements a page uses, documented first and in this order. */
export const OUTER_TAGS = ['escalated-portal', 'escalated-agent-queue', 'escalated-admin'];

/** The base class whose CSS custom properties, the theme tokens, every outer element declares. */
export const THEME_CLASS = 'EscalatedElement';

const THEME_HEADING = 'Theme tokens';

/** Returns `text` on one line, safe inside a Markdown table cell. */
function cell(text: string | undefined): string {
  if (!text) return '';
  return inline(text).replace(/\|/g, '\\|');
}

/** Joins the lines of a JSDoc text and turns `{@link name}` into code. */
function inline(text: string): string {
  return text
    .replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`')
    .replace(/\s+/g, ' ')
    .trim();
}

function code(text: string | undefined): string {
  return text ? `\`${text.replace(/\|/g, '\\|')}\`` : '';
}

function table(headers: string[], rows: string[][]): string {
  const lines = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Renders a section with a table, or "None." when there is nothing to list. */
function section(title: string, headers: string[], rows: string[][], note = ''): string {
  const body = rows.length > 0 ? table(headers, rows) : 'None.';
  return [`### ${title}`, note, body].filter(Boolean).join('\n\n');
}

/** Returns the default as the source writes it, or the value of the constant it names. */
function defaultOf(item: ManifestItem, constants: ReadonlyMap<string, string>): string {
  if (item.default === undefined) return '';
  return code(constants.get(item.default) ?? item.default);
}

function signature(method: ManifestMember): string {
  const parameters = (method.parameters ?? []).map((parameter) => {
    const name = `${parameter.rest ? '...' : ''}${parameter.name}${parameter.optional ? '?' : ''}`;
    const typed = parameter.type ? `${name}: ${parameter.type.text}` : name;
    return parameter.default === undefined ? typed : `${typed} = ${parameter.default}`;
  });
  const returns = method.return?.type?.text ?? 'void';
  return `${method.name}(${parameters.join(', ')}): ${returns}`;
}

/** Returns the detail type of `CustomEvent<Detail>`, else the type as written. */
function detailType(event: ManifestItem): string {
  const text = event.type?.text ?? '';
  const match = /^CustomEvent<(.+)>$/.exec(text);
  return match ? match[1]! : text;
}

function attributesSection(
  element: ManifestDeclaration,
  constants: ReadonlyMap<string, string>,
): string {
  const rows = (element.attributes ?? []).map((attribute: ManifestAttribute) => [
    code(attribute.name),
    code(attribute.fieldName),
    code(attribute.type?.text),
    defaultOf(attribute, constants),
    cell(attribute.description),
  ]);
  return section('Attributes', ['Attribute', 'Property', 'Type', 'Default', 'Description'], rows);
}

function propertiesSection(
  element: ManifestDeclaration,
  constants: ReadonlyMap<string, string>,
): string {
  const withAttribute = new Set((element.attributes ?? []).map((attribute) => attribute.fieldName));
  const fields = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' && isPublicInstanceMember(member) && !withAttribute.has(member.name),
  );
  const rows = fields.map((field) => [
    code(field.name),
    code(field.type?.text),
    defaultOf(field, constants),
    cell(`${field.readonly ? 'Read-only. ' : ''}${field.description ?? ''}`),
  ]);
  const note =
    withAttribute.size > 0 && rows.length > 0
      ? 'Each attribute above sets the property named in its row. These have no attribute:'
      : '';
  return section('Properties', ['Property', 'Type', 'Default', 'Description'], rows, note);
}

function methodsSection(element: ManifestDeclaration): string {
  const methods = (element.members ?? []).filter(
    (member) => member.kind === 'method' && isPublicInstanceMember(member),
  );
  const rows = methods.map((method) => [code(signature(method)), cell(method.description)]);
  return section('Methods', ['Method', 'Description'], rows);
}

function eventsSection(element: ManifestDeclaration): string {
  const rows = (element.events ?? []).map((event) => [
    code(event.name),
    code(detailType(event)),
    cell(event.description),
  ]);
  const note =
    'Events are `CustomEvent`s that bubble and are composed. Their detail types are declared ' +
    'in `widget/src/shared/events.ts`.';
  return section('Events', ['Event', 'Detail type', 'Description'], rows, rows.length ? note : '');
}

function namedSection(title: string, heading: string, items: ManifestItem[] = []): string {
  const rows = items.map((item) => [code(item.name), cell(item.description)]);
  return section(title, [heading, 'Description'], rows);
}

function cssPropertiesSection(element: ManifestDeclaration): string {
  const own = (element.cssProperties ?? []).filter((item) => !item.inheritedFrom);
  const inheritsTheme = (element.cssProperties ?? []).some(
    (item) => item.inheritedFrom?.name === THEME_CLASS,
  );
  const rows = own.map((item) => [code(item.name), code(item.default), cell(item.description)]);
  const title = 'CSS custom properties';
  const link = `[theme tokens](#${THEME_HEADING.toLowerCase().replace(/ /g, '-')})`;
  // Custom properties inherit through shadow roots, so a nested element reads the tokens that
  // the outer element around it declares.
  const intro = inheritsTheme
    ? `The ${link}`
    : `The ${link} of the outer element it is rendered in`;
  if (rows.length === 0) return `### ${title}\n\n${intro}.`;
  const ownTable = table(['Property', 'Default', 'Description'], rows);
  return `### ${title}\n\n${intro}, and these:\n\n${ownTable}`;
}

function elementSection(
  element: ManifestDeclaration,
  modulePath: string,
  constants: ReadonlyMap<string, string>,
): string {
  return [
    `## \`<${element.tagName}>\``,
    element.summary ? `**${inline(element.summary)}**` : '',
    element.description ?? '',
    `Class \`${element.name}\` in \`${modulePath}\`.`,
    attributesSection(element, constants),
    propertiesSection(element, constants),
    methodsSection(element),
    eventsSection(element),
    namedSection('Slots', 'Slot', element.slots),
    namedSection('CSS parts', 'Part', element.cssParts),
    cssPropertiesSection(element),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function themeSection(theme: ManifestDeclaration): string {
  const rows = (theme.cssProperties ?? []).map((item) => [
    code(item.name),
    code(item.default),
    cell(item.description),
  ]);
  return [
    `## ${THEME_HEADING}`,
    `The CSS custom properties of \`${theme.name}\`, the base class of the outer elements.`,
    theme.description ?? '',
    table(['Property', 'Default', 'Description'], rows),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Orders the outer elements first, in {@link OUTER_TAGS} order, then the rest by tag. */
function byDocumentOrder(a: ManifestDeclaration, b: ManifestDeclaration): number {
  const rank = (tag = ''): number => {
    const index = OUTER_TAGS.indexOf(tag);
    return index === -1 ? OUTER_TAGS.length : index;
  };
  const difference = rank(a.tagName) - rank(b.tagName);
  if (difference !== 0) return difference;
  return (a.tagName ?? '') < (b.tagName ?? '') ? -1 : 1;
}

/** Joins `items` as "a, b and c". */
function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Renders the element reference for every declaration with a tag name. */
export function renderElementsMarkdown(manifest: Manifest): string {
  const modulePaths = new Map<ManifestDeclaration, string>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) modulePaths.set(declaration, module.path);
  }
  const declarations = declarationsOf(manifest);
  const constants = new Map(
    declarations
      .filter((declaration) => declaration.kind === 'variable' && declaration.default)
      .map((declaration) => [declaration.name, declaration.default!]),
  );
  const elements = declarations.filter((declaration) => declaration.tagName).sort(byDocumentOrder);
  const theme = declarations.find((declaration) => declaration.name === THEME_CLASS);
  const contents = elements.map((element) => {
    const where = OUTER_TAGS.includes(element.tagName!) ? '' : ' (nested)';
    return `- [\`<${element.tagName}>\`](#${element.tagName})${where}: ${inline(element.summary ?? '')}`;
  });
  return [
    '# Custom elements',
    '<!-- Generated by `npm run docs:elements` from custom-elements.json. Edit the class comments under widget/src/ instead of this file. -->',
    'Reference of every custom element, generated from the Custom Elements Manifest ' +
      '(`custom-elements.json`) that `@custom-elements-manifest/analyzer` builds from the ' +
      'class comments under `widget/src/`. `npm test` fails when this file or the manifest ' +
      'is out of date, and `npm run docs:elements` writes both again.',
    `A page uses ${listOf(OUTER_TAGS.map((tag) => `\`<${tag}>\``))}, as ` +
      '[embedding.md](embedding.md) shows. The nested elements are rendered inside them and ' +
      'are listed for their parts, events and properties.',
    contents.join('\n'),
    ...elements.map((element) => elementSection(element, modulePaths.get(element)!, constants)),
    theme ? themeSection(theme) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
