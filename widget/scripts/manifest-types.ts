// The parts of a Custom Elements Manifest (schema 2.x, as @custom-elements-manifest/analyzer
// writes it) that the element reference reads.

/** A type as written in the source, e.g. `string` or `CustomEvent<TicketCreatedDetail>`. */
export interface TypeText {
  text: string;
}

/** A named, documented entry: attribute, field, event, slot, CSS part or custom property. */
export interface ManifestItem {
  name: string;
  description?: string;
  type?: TypeText;
  default?: string;
  inheritedFrom?: { name: string; module?: string };
}

/** An attribute and, when it has one, the property it sets. */
export interface ManifestAttribute extends ManifestItem {
  fieldName?: string;
}

/** A parameter of a method. */
export interface ManifestParameter {
  name: string;
  type?: TypeText;
  optional?: boolean;
  default?: string;
  rest?: boolean;
}

/** A field or method of a class. */
export interface ManifestMember extends ManifestItem {
  kind: 'field' | 'method';
  static?: boolean;
  privacy?: 'public' | 'private' | 'protected';
  readonly?: boolean;
  attribute?: string;
  parameters?: ManifestParameter[];
  return?: { type?: TypeText };
}

/** A class, function or variable declared by a module. */
export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  default?: string;
  superclass?: { name: string };
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

/** One analysed source file. */
export interface ManifestModule {
  path: string;
  declarations?: ManifestDeclaration[];
}

/** The whole manifest. */
export interface Manifest {
  schemaVersion: string;
  modules: ManifestModule[];
}

/** Returns the declarations of every module, in module order. */
export function declarationsOf(manifest: Manifest): ManifestDeclaration[] {
  return manifest.modules.flatMap((module) => module.declarations ?? []);
}

/** Returns true for a field or method that a page may use: public and not static. */
export function isPublicInstanceMember(member: ManifestMember): boolean {
  return !member.static && (member.privacy === undefined || member.privacy === 'public');
}
